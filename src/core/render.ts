// Renders a slice of a note's tokens to HTML, once; the result is reused by
// every page, feed and index that shows it.
import type { Token } from "markdown-it";
import { md } from "./markdown.ts";
import { sanitize } from "./sanitize.ts";

export function renderTokens(tokens: Token[], start: number, end: number, env: object): string {
  if (end <= start) return "";
  const slice = tokens.slice(start, end);
  const html = md.renderer.render(slice, md.options, env);
  return hasRawHtml(slice) ? sanitize(html) : html;
}

/** Renders an inline token's children (a heading's content). */
export function renderInline(inline: Token | undefined, env: object): string {
  if (!inline?.children) return "";
  const html = md.renderer.renderInline(inline.children, md.options, env);
  return inline.children.some((c) => c.type === "html_inline") ? sanitize(html) : html;
}

function hasRawHtml(tokens: Token[]): boolean {
  return tokens.some((t) => t.type === "html_block" || (t.type === "inline" && t.children?.some((c) => c.type === "html_inline")));
}
