// Dates in the model are calendar dates ("YYYY-MM-DD"), not instants. Zone and
// locale are pinned so a page never depends on the machine that built it.
import { DateTime } from "luxon";

const OPTIONS = { zone: "utc", locale: "en" } as const;

// English names, as luxon's "en" locale writes them: formatting through Intl
// costs far more than the rest of a page, and the locale is pinned anyway.
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

type Pattern = "cccc, d LLLL yyyy" | "d LLL yyyy" | "ccc d LLL" | "LLLL yyyy" | "LLL";

function formatted(dt: DateTime, pattern: Pattern): string {
  const month = MONTHS[dt.month - 1]!;
  const day = DAYS[dt.weekday - 1]!;
  switch (pattern) {
    case "cccc, d LLLL yyyy":
      return `${day}, ${dt.day} ${month} ${dt.year}`;
    case "d LLL yyyy":
      return `${dt.day} ${month.slice(0, 3)} ${dt.year}`;
    case "ccc d LLL":
      return `${day.slice(0, 3)} ${dt.day} ${month.slice(0, 3)}`;
    case "LLLL yyyy":
      return `${month} ${dt.year}`;
    case "LLL":
      return month.slice(0, 3);
  }
}

// The same few thousand dates are formatted again on every page that lists
// them, in up to five patterns: each is read by luxon once.
const cache = new Map<string, string>();
const read = new Map<string, DateTime | null>();

function format(iso: string, pattern: Pattern): string {
  const key = pattern + "\u0000" + iso;
  let out = cache.get(key);
  if (out === undefined) {
    let dt = read.get(iso);
    if (dt === undefined) {
      const parsed = DateTime.fromISO(iso, OPTIONS);
      read.set(iso, (dt = parsed.isValid ? parsed : null));
    }
    // A malformed date is shown as written rather than failing the whole build.
    out = dt ? formatted(dt, pattern) : iso;
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

// One formatter for every count: Number#toLocaleString looks one up on each call, and pages show thousands of counts.
const COUNT = new Intl.NumberFormat("en");

/** 1234 -> "1,234" */
export function count(n: number): string {
  // Below a thousand a whole number has no separator: most counts are that, and String is a tenth of the cost.
  return Number.isInteger(n) && n > -1000 && n < 1000 ? String(n) : COUNT.format(n);
}

/** plural(1, "meeting") -> "1 meeting"; plural(3, "person", "people") -> "3 people" */
export function plural(n: number, singular: string, pluralForm: string = singular + "s"): string {
  return `${count(n)} ${n === 1 ? singular : pluralForm}`;
}
