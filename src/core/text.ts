// Small text helpers shared by the extraction rules.
import type { Token } from "markdown-it";

/** A URL- and anchor-safe slug: ASCII letters, digits and single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[`'’"]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The plain text of an inline token's children: markup dropped, line breaks kept as "\n". */
export function inlineText(inline: Token | undefined): string {
  if (!inline?.children) return inline?.content ?? "";
  let out = "";
  for (const child of inline.children) {
    switch (child.type) {
      case "text":
      case "code_inline":
        out += child.content;
        break;
      case "softbreak":
      case "hardbreak":
        out += "\n";
        break;
      case "image":
        out += inlineText(child);
        break;
      default:
        break;
    }
  }
  return out;
}

// White space clean() would change: any but a plain space, two in a row, or at either end.
const MESSY_SPACE = /[^\S ]| {2}|^ | $/;

/** Collapses white space and trims. */
export function clean(text: string): string {
  // Most text is clean already: testing is a scan, replacing builds a copy at every space.
  return MESSY_SPACE.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}

/** The text up to its first line break. */
export function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return end === -1 ? text : text.slice(0, end);
}

/** Lower-case identity of a handle: `@Stebalien` and `@stebalien` are one person. */
export function handleId(handle: string): string {
  return handle.replace(/^@/, "").toLowerCase();
}

/**
 * A GitHub-like handle, as written after "@" (letters, digits, hyphens, dots
 * and underscores inside), with a letter somewhere: "released pkg @0.4.19"
 * names a version, not a person.
 */
export const HANDLE = "(?=[0-9_.-]*[A-Za-z])[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?";

/** 1-based source line of a block token, given the line where the parsed text starts. */
export function tokenLine(token: Token, lineOffset: number): number {
  return (token.map?.[0] ?? 0) + lineOffset + 1;
}

/**
 * Optimal string alignment distance (Levenshtein with transpositions of
 * neighbours), giving up early: any result above `max` is returned as max + 1.
 * Only the band of cells within `max` of the diagonal is filled: a cell
 * further out is already more than `max` edits away, and each heading and
 * handle of the archive is compared with many others.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  // Stands for every cell outside the band: more than max, and more than any distance of the two.
  const far = Math.min(max, m + n) + 1;
  const band = Math.min(max, Math.max(m, n));
  let prev2 = new Int32Array(n + 1).fill(far);
  let prev = new Int32Array(n + 1).fill(far);
  let cur = new Int32Array(n + 1).fill(far);
  for (let j = 0; j <= Math.min(n, band); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(n, i + band);
    cur.fill(far);
    let rowMin = far;
    if (i <= band) rowMin = cur[0] = i;
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}
