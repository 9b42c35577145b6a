// Calendar dates, from file names and titles. Every date is a plain
// "YYYY-MM-DD" built in UTC, so no time zone can shift it by a day.
import { DateTime } from "luxon";

export interface FoundDate {
  date: string;
  /** Where the date stands in the text, so a caller can cut it out. */
  index: number;
  length: number;
}

// Notes name the same few thousand days over and over (every dated heading is
// tried), and luxon's validation is what most of a call costs.
const isoDates = new Map<string, string | null>();
// A locale given, luxon never asks Intl for the machine's: that first question
// cost each parsing thread 15 to 23 ms, and an ISO date has no locale anyway.
const OPTIONS = { zone: "utc", locale: "en" } as const;

export function isoDate(year: number, month: number, day: number): string | null {
  const key = `${year}-${month}-${day}`;
  let iso = isoDates.get(key);
  if (iso === undefined) {
    const dt = DateTime.fromObject({ year, month, day }, OPTIONS);
    isoDates.set(key, (iso = dt.isValid && year >= 1970 && year <= 2100 ? dt.toISODate() : null));
  }
  return iso;
}

/** `2019-04-08--x.md`, `2017-10-6--x.md`, `2019-04-01.md`, and ranges `A-to-B--x.md`. */
export function datesFromFileName(name: string): { date: string | null; end: string | null; rest: string } {
  const base = name.replace(/^.*\//, "").replace(/\.(md|markdown)$/i, "");
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:-to-(\d{4})-(\d{1,2})-(\d{1,2}))?(.*)$/.exec(base);
  if (!m) return { date: null, end: null, rest: base };
  const date = isoDate(+m[1]!, +m[2]!, +m[3]!);
  const end = m[4] ? isoDate(+m[4], +m[5]!, +m[6]!) : null;
  return { date, end, rest: (m[7] ?? "").replace(/^[-_\s]+/, "") };
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

const PATTERNS: { re: RegExp; pick: (m: RegExpExecArray) => [number, number, number] }[] = [
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, pick: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: new RegExp(`(?<![\\w])${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)`, "i"), pick: (m) => [+m[3]!, month(m[2]!), +m[1]!] },
  { re: new RegExp(`(?<![\\w])${MONTH}\\s+${DAY},?\\s+(\\d{4})(?!\\d)`, "i"), pick: (m) => [+m[3]!, month(m[1]!), +m[2]!] },
];

function month(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith("sept") ? 4 : 3)] ?? 0;
}

/** The first valid calendar date written in a piece of text, in any of the usual forms. */
export function dateInText(text: string): FoundDate | null {
  let best: FoundDate | null = null;
  for (const { re, pick } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = pick(m);
    const date = isoDate(y, mo, d);
    if (date && (!best || m.index < best.index)) best = { date, index: m.index, length: m[0].length };
  }
  return best;
}
