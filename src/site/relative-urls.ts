// Every internal URL is written root-relative ("/series/x/") and made
// relative to its page here, so one _site/ works at a domain's root, in a
// sub-folder, or under an IPFS gateway path.
const ATTR = /(\s(?:href|src|action|poster)=")\/(?!\/)([^"]*)"/g;

export function relativeUrl(from: string, to: string): string {
  const fromDirs = from.split("/").slice(1, -1);
  const toParts = to.split("/").slice(1);
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = fromDirs.length - common;
  const rest = toParts.slice(common).join("/");
  const rel = "../".repeat(up) + rest;
  if (rel === "") return "./";
  return rel.startsWith("#") || rel.startsWith("?") ? `./${rel}` : rel;
}

/** Rewrites root-relative href/src/action attributes of a page served at `pageUrl`. */
export function relativizeHtml(html: string, pageUrl: string): string {
  return html.replace(ATTR, (_all, attr: string, path: string) => `${attr}${relativeUrl(pageUrl, `/${path}`)}"`);
}
