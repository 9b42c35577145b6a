// Every internal URL is written root-relative ("/series/x/") and made
// relative to its page here, so one _site/ works at a domain's root, in a
// sub-folder, or under an IPFS gateway path.
import { rewriteAttributeValues } from "./attribute-values.ts";

const ATTR = /((?:href|src|action|poster)=")\/(?!\/)([^"]*)"/g;

export function relativeUrl(from: string, to: string): string {
  return relativeFrom(from.split("/").slice(1, -1), to);
}

function relativeFrom(fromDirs: string[], to: string): string {
  const toParts = to.split("/").slice(1);
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const rel = "../".repeat(fromDirs.length - common) + toParts.slice(common).join("/");
  if (rel === "") return "./";
  return rel.startsWith("#") || rel.startsWith("?") ? `./${rel}` : rel;
}

/** A page's folder and each folder above it, as URL prefixes: "/", "/2019/", "/2019/04/", ... */
function folderPrefixes(pageUrl: string): string[] {
  const prefixes = ["/"];
  for (let i = pageUrl.indexOf("/", 1); i !== -1; i = pageUrl.indexOf("/", i + 1)) prefixes.push(pageUrl.slice(0, i + 1));
  return prefixes;
}

/** relativeFrom by string prefixes: no arrays made per link (a page of a large archive has thousands). */
function relativeByPrefix(prefixes: string[], to: string): string {
  let common = 0;
  while (common + 1 < prefixes.length && to.startsWith(prefixes[common + 1]!)) common++;
  const rel = "../".repeat(prefixes.length - 1 - common) + to.slice(prefixes[common]!.length);
  if (rel === "") return "./";
  const first = rel.charCodeAt(0);
  return first === 35 /* # */ || first === 63 /* ? */ ? `./${rel}` : rel;
}

/** Whether the attribute that ends at `end` (before `="`) is one that holds a URL. */
function urlAttribute(html: string, end: number): boolean {
  switch (html.charCodeAt(end - 1)) {
    case 102: // f
      return html.startsWith("href", end - 4);
    case 99: // c
      return html.startsWith("src", end - 3);
    case 110: // n
      return html.startsWith("action", end - 6);
    case 114: // r
      return html.startsWith("poster", end - 6);
    default:
      return false;
  }
}

/**
 * Rewrites root-relative href/src/action/poster attributes of a page served
 * at `pageUrl`. The same as replacing ATTR's matches, by a scan for `="/`:
 * a regular expression with alternatives at every position was a tenth of
 * a large build's time.
 */
export function relativizeHtml(html: string, pageUrl: string): string {
  const prefixes = folderPrefixes(pageUrl);
  const seen = new Map<string, string>();
  return rewriteAttributeValues(
    html,
    '="/',
    (page, at) => page.charCodeAt(at + 3) !== 47 /* "/": protocol-relative */ && urlAttribute(page, at),
    (path) => {
      let rel = seen.get(path);
      if (rel === undefined) seen.set(path, (rel = relativeByPrefix(prefixes, path)));
      return rel;
    },
  );
}

/** The same rewrite by ATTR: the reference relativizeHtml is tested against. */
export function relativizeHtmlByPattern(html: string, pageUrl: string): string {
  const fromDirs = pageUrl.split("/").slice(1, -1);
  return html.replace(ATTR, (_all, attr: string, path: string) => `${attr}${relativeFrom(fromDirs, `/${path}`)}"`);
}
