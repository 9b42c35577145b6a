// The meeting's date and series: from its dated heading (several meetings in
// one file), the file name, or the title; front matter overrides later.
import { dateInText, isoDate } from "../dates.ts";
import { slugify } from "../text.ts";
import type { ExtractState } from "./state.ts";

export function date(state: ExtractState): void {
  const { ctx } = state;
  if (ctx.chunkDate) {
    state.date = withinRange(state, ctx.chunkDate);
    return;
  }
  const titled = dateInText(state.title)?.date ?? null;
  state.date = ctx.fileDate ?? titled;
  // The file name's date makes the page's address, so it stays; a title that says otherwise is a slip in one of the two.
  if (ctx.fileDate && !ctx.fileEnd && titled && titled !== ctx.fileDate && !ctx.frontKeys.includes("date")) {
    const line = state.titleIndex >= 0 ? state.line(state.tokens[state.titleIndex]!) : state.firstLine();
    state.problem(line, "warning", `the title says ${titled} but the file name says ${ctx.fileDate}; read as ${ctx.fileDate}: correct the title, rename the file, or set date: in front matter`);
  }
}

/** A dated heading outside its file's date range is most often a year typo: correct it, and say so. */
function withinRange(state: ExtractState, d: string): string {
  const { fileDate, fileEnd } = state.ctx;
  if (!fileDate || !fileEnd || (d >= fileDate && d <= fileEnd)) return d;
  for (const year of new Set([fileDate.slice(0, 4), fileEnd.slice(0, 4)])) {
    const fixed = isoDate(Number(year), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
    if (fixed && fixed >= fileDate && fixed <= fileEnd) {
      state.problem(
        state.ctx.chunkDateLine,
        "warning",
        `the heading's date ${d} is outside the file's range ${fileDate} to ${fileEnd}; read as ${fixed}: correct the heading`,
      );
      return fixed;
    }
  }
  return d;
}

export function series(state: ExtractState): void {
  let rest = state.ctx.fileRest;
  // Files that gather several meetings are named "...-archive": the series is what they gather.
  // A file named for a date range is such a file even when no dated heading split it.
  if (state.ctx.chunkDate || state.ctx.fileEnd) rest = rest.replace(/[-_]?archive$/i, "");
  let slug = slugify(rest);
  if (!slug || /^\d+$/.test(slug)) {
    const found = dateInText(state.title);
    const withoutDate = found ? state.title.slice(0, found.index) + state.title.slice(found.index + found.length) : state.title;
    slug = slugify(withoutDate);
  }
  if (!slug) slug = "meetings";
  state.series = { slug, name: nameOf(slug) };
}

/** "go-core-dev-team-weekly" -> "Go Core Dev Team Weekly"; the archive prefers a name from titles. */
export function nameOf(slug: string): string {
  return slug
    .split("-")
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
}
