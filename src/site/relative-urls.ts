// Every internal URL is written root-relative ("/series/x/") and made
// relative to its page here, so one _site/ works at a domain's root, in a
// sub-folder, or under an IPFS gateway path.
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

const ATTRS = ["href", "src", "action", "poster"];

/**
 * Rewrites root-relative href/src/action/poster attributes of a page served
 * at `pageUrl`. The same as replacing ATTR's matches, by a scan for `="/`:
 * a regular expression with alternatives at every position was a tenth of
 * a large build's time.
 */
export function relativizeHtml(html: string, pageUrl: string): string {
  const fromDirs = pageUrl.split("/").slice(1, -1);
  const seen = new Map<string, string>();
  let out = "";
  let last = 0;
  for (let i = html.indexOf('="/'); i !== -1; i = html.indexOf('="/', i + 1)) {
    if (html.charCodeAt(i + 3) === 47 /* "/": protocol-relative */) continue;
    if (!ATTRS.some((a) => html.startsWith(a, i - a.length))) continue;
    const end = html.indexOf('"', i + 3);
    if (end === -1) break;
    const path = html.slice(i + 3, end);
    let rel = seen.get(path);
    if (rel === undefined) {
      rel = relativeFrom(fromDirs, `/${path}`);
      seen.set(path, rel);
    }
    out += html.slice(last, i + 2) + rel;
    last = end;
    i = end;
  }
  return last === 0 ? html : out + html.slice(last);
}

/** The same rewrite by ATTR: the reference relativizeHtml is tested against. */
export function relativizeHtmlByPattern(html: string, pageUrl: string): string {
  const fromDirs = pageUrl.split("/").slice(1, -1);
  return html.replace(ATTR, (_all, attr: string, path: string) => `${attr}${relativeFrom(fromDirs, `/${path}`)}"`);
}
