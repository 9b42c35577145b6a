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

/** Rewrites root-relative href/src/action attributes of a page served at `pageUrl`. */
export function relativizeHtml(html: string, pageUrl: string): string {
  const fromDirs = pageUrl.split("/").slice(1, -1);
  const seen = new Map<string, string>();
  return html.replace(ATTR, (_all, attr: string, path: string) => {
    let rel = seen.get(path);
    if (rel === undefined) {
      rel = relativeFrom(fromDirs, `/${path}`);
      seen.set(path, rel);
    }
    return `${attr}${rel}"`;
  });
}
