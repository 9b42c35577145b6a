// Files that hold several meetings ("2017-10-16-to-2018-01-22--x-archive.md",
// one dated heading per meeting) are cut into one chunk of lines per meeting.
import type { Token } from "markdown-it";
import { dateInText } from "./dates.ts";
import { inlineText } from "./text.ts";

export interface Chunk {
  /** 0-based line range of the body text. */
  start: number;
  end: number;
  date: string;
}

export function splitMeetings(tokens: Token[], lineCount: number, isRange: boolean): Chunk[] {
  const dated: { level: number; line: number; date: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "heading_open" || t.level !== 0 || !t.map) continue;
    const found = dateInText(inlineText(tokens[i + 1]));
    if (found) dated.push({ level: Number(t.tag.slice(1)), line: t.map[0], date: found.date });
  }
  if (dated.length === 0) return [];
  const top = Math.min(...dated.map((d) => d.level));
  const heads = dated.filter((d) => d.level === top);
  // Two dated headings at the top level mean several meetings; in a file named
  // for a date range, one is enough to date its only meeting.
  if (heads.length < 2 && !(isRange && heads.length === 1)) return [];
  return heads.map((h, n) => ({ start: h.line, end: heads[n + 1]?.line ?? lineCount, date: h.date }));
}
