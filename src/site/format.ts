// Dates in the model are calendar dates ("YYYY-MM-DD"), not instants. Zone and
// locale are pinned so a page never depends on the machine that built it.
import { DateTime } from "luxon";

const OPTIONS = { zone: "utc", locale: "en" } as const;

// The same few thousand dates are formatted again on every page that lists them.
const cache = new Map<string, string>();

function format(iso: string, pattern: string): string {
  const key = pattern + "\u0000" + iso;
  let out = cache.get(key);
  if (out === undefined) {
    const dt = DateTime.fromISO(iso, OPTIONS);
    // A malformed date is shown as written rather than failing the whole build.
    out = dt.isValid ? dt.toFormat(pattern) : iso;
    cache.set(key, out);
  }
  return out;
}

/** "2019-04-08" -> "Monday, 8 April 2019" */
export function longDate(date: string): string {
  return format(date, "cccc, d LLLL yyyy");
}

/** "2019-04-08" -> "8 Apr 2019" */
export function shortDate(date: string): string {
  return format(date, "d LLL yyyy");
}

/** "2019-04-08" -> "Mon 8 Apr": for lists already grouped by year. */
export function dayMonth(date: string): string {
  return format(date, "ccc d LLL");
}

/** "2019-04" -> "April 2019" */
export function monthName(month: string): string {
  return format(month, "LLLL yyyy");
}

/** "2019-04" -> "Apr" */
export function monthAbbr(month: string): string {
  return format(month, "LLL");
}

/** plural(1, "meeting") -> "1 meeting"; plural(3, "person", "people") -> "3 people" */
export function plural(n: number, singular: string, pluralForm: string = singular + "s"): string {
  return `${n.toLocaleString("en")} ${n === 1 ? singular : pluralForm}`;
}
