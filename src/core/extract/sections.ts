// The heading tree: one section per heading (the title's aside), each with a
// stable anchor id, its parent, and its own rendered content. A heading that
// only labels a role ("#### Lead: @x", "## Participants") is no section: the
// roles rule reads it, and it stays on the page as a label within the notes.
import type { Token } from "markdown-it";
import { clean, inlineText } from "../text.ts";
import { renderInline, renderTokens } from "../render.ts";
import { roleOfHeading } from "./labels.ts";
import type { ExtractState, SectionDraft } from "./state.ts";
import type { ReferenceEnv } from "../rules/references.ts";
import { headingLevel } from "./tokens.ts";

export function sections(state: ExtractState): void {
  const { tokens, env } = state;
  const heads: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open" && t.level === 0 && i !== state.titleIndex) heads.push(i);
  }
  const introStart = state.titleIndex === -1 ? 0 : state.titleIndex + 3;
  const introEnd = heads[0] ?? tokens.length;
  // Content above the title (rare) is kept, not lost.
  const above = state.titleIndex > 0 ? renderTokens(tokens, 0, state.titleIndex, env) : "";
  state.intro = above + renderTokens(tokens, introStart, introEnd, env);

  const stack: SectionDraft[] = [];
  heads.forEach((open, n) => {
    const t = tokens[open]!;
    const level = headingLevel(t);
    // A role label closes the sections at its level too, so what follows it is not theirs.
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const end = heads[n + 1] ?? tokens.length;
    const heading = clean(inlineText(tokens[open + 1]));
    if (roleOfHeading(heading)) {
      keepRoleLabel(state, open, end);
      return;
    }
    const section: SectionDraft = {
      id: t.attrGet("id") ?? `section-${n + 1}`,
      heading: heading || "(untitled)",
      level,
      line: state.line(t),
      parent: stack[stack.length - 1]?.id ?? null,
      headingHtml: renderInline(tokens[open + 1], env),
      html: renderTokens(tokens, open + 3, end, env),
      issues: [],
      updates: [],
      open,
      end,
    };
    state.sections.push(section);
    stack.push(section);
  });
}

/**
 * A role heading and what it heads (the participants' list) are shown where the
 * note has them, after the section before (or in the intro), so the page keeps
 * them in order. The heading becomes a bold label: as a heading it would break
 * the page's outline, which follows the sections.
 */
function keepRoleLabel(state: ExtractState, open: number, end: number): void {
  const html = roleLabelHtml(state.tokens, open, end, state.env);
  const before = state.sections[state.sections.length - 1];
  if (before) before.html += html;
  else state.intro += html;
}

function roleLabelHtml(tokens: Token[], open: number, end: number, env: ReferenceEnv): string {
  const label = renderInline(tokens[open + 1], env);
  return (label ? `<p><strong>${label}</strong></p>\n` : "") + renderTokens(tokens, open + 3, end, env);
}
