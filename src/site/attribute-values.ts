// The scan both link rewrites share (relative-urls.ts for pages, feeds/render.ts
// for feed entries): our HTML double-quotes every attribute value and escapes
// `"` everywhere else, so a value is found by its `="` and its closing quote,
// much faster than a pattern tried at every position of a page.

/**
 * Rewrites the values that follow each `marker` (`="`, or `="/` for
 * root-relative ones) where `accept` takes them: `at` is where the marker is,
 * `end` the value's closing quote.
 */
export function rewriteAttributeValues(
  html: string,
  marker: string,
  accept: (html: string, at: number, end: number) => boolean,
  rewrite: (value: string) => string,
): string {
  let out = "";
  let last = 0;
  for (let i = html.indexOf(marker); i !== -1; i = html.indexOf(marker, i + 1)) {
    const end = html.indexOf('"', i + 2);
    if (end === -1) break;
    if (!accept(html, i, end)) continue;
    out += html.slice(last, i + 2) + rewrite(html.slice(i + 2, end));
    last = end;
    i = end;
  }
  return last === 0 ? html : out + html.slice(last);
}
