// A large archive is rendered in parts: Eleventy keeps every page it writes
// in memory until its build ends (the results it returns), so a build of
// tens of thousands of pages and feeds would hold all of them at once. The
// CLI runs Eleventy once per part instead, over one archive read once; the
// first part also writes the pages that stand alone (home, indexes, data).
import type { FeedRef } from "./feeds/template.ts";

export interface PageRef {
  id: string;
  url: string;
}

/** What the templates paginate over. */
export interface PageLists {
  meetings: PageRef[];
  series: PageRef[];
  years: PageRef[];
  people: PageRef[];
  initiatives: PageRef[];
  feeds: FeedRef[];
}

/** Outputs per part: small enough to hold, large enough that Eleventy's start-up per run stays a small share (MINUTEBOOK_PART_OUTPUTS sets it). */
export const PART_OUTPUTS = Number(process.env.MINUTEBOOK_PART_OUTPUTS) || 4000;

const KINDS = ["meetings", "people", "initiatives", "series", "years", "feeds"] as const;

/** The lists cut into parts of about `size` outputs each (a feed is two files), in a stable order. */
export function splitPages(all: PageLists, size = PART_OUTPUTS): PageLists[] {
  const parts: PageLists[] = [];
  let part = empty();
  let outputs = 0;
  for (const kind of KINDS) {
    for (const ref of all[kind]) {
      const weight = kind === "feeds" ? 2 : 1;
      if (outputs + weight > size && outputs > 0) {
        parts.push(part);
        part = empty();
        outputs = 0;
      }
      (part[kind] as (PageRef | FeedRef)[]).push(ref);
      outputs += weight;
    }
  }
  parts.push(part);
  return parts;
}

function empty(): PageLists {
  return { meetings: [], series: [], years: [], people: [], initiatives: [], feeds: [] };
}
