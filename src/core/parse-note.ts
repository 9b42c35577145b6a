// One note (its bytes and its path) to one or more meetings, the people it
// names, and the problems found. Pure: no file system, no Eleventy, no clock.
import type { Meeting, NoteResult, PersonRef, Problem } from "./model.ts";
import { decode, decodeText } from "./decode.ts";
import { datesFromFileName } from "./dates.ts";
import { RULES } from "./extract.ts";
import { ExtractState, type NoteContext } from "./extract/state.ts";
import { splitFrontMatter } from "./frontmatter.ts";
import { md } from "./markdown.ts";
import { repairMojibake } from "./mojibake.ts";
import { parsePeople } from "./people.ts";
import type { ReferenceEnv } from "./rules/references.ts";
import { splitMeetings } from "./split.ts";
import { slugify } from "./text.ts";
import { nameOf } from "./extract/date.ts";

export interface ParseOptions {
  /** Path of the note relative to the notes folder, with forward slashes. */
  source: string;
  /** Where `owner/repo#N` points: `${issueBase}/owner/repo/issues/N`. */
  issueBase?: string;
  /** Absolute URLs under which the notes folder is also published (its source repository). */
  sourcePrefixes?: string[];
  /** Rules to leave out, by name (for tests). */
  disable?: string[];
}

export function parseNote(input: Uint8Array | string, options: ParseOptions): NoteResult {
  const { source } = options;
  const decoded = typeof input === "string" ? decodeText(input, source) : decode(input, source);
  const problems: Problem[] = [...decoded.problems];
  if (!decoded.publishable) return { meetings: [], people: [], problems };

  const front = splitFrontMatter(decoded.text, source);
  problems.push(...front.problems);
  const repaired = repairMojibake(front.body);
  for (const line of repaired.lines) {
    problems.push({
      source,
      line: line + front.lineOffset,
      severity: "info",
      message: "repaired mojibake (UTF-8 text once read as Mac Roman or Windows-1252)",
    });
  }
  const body = repaired.text;
  const file = datesFromFileName(source);
  const baseCtx: NoteContext = {
    source,
    fileDate: file.date,
    fileEnd: file.end,
    fileRest: file.rest,
    front: front.data,
    frontKeys: front.keys,
    chunkDate: null,
    chunkDateLine: 0,
  };

  const env = newEnv(options, front.lineOffset);
  const tokens = md.parse(body, env);
  const lines = body.split("\n");
  const chunks = front.data.date ? [] : splitMeetings(tokens, lines.length, file.end !== null);

  const states: ExtractState[] = [];
  if (chunks.length === 0) {
    states.push(run(new ExtractState(tokens, env, baseCtx), options));
  } else {
    if (chunks[0]!.start > 0 && lines.slice(0, chunks[0]!.start).some((l) => l.trim() && !/^#/.test(l))) {
      problems.push({ source, line: front.lineOffset + 1, severity: "warning", message: "text before the first dated heading belongs to no meeting and is not shown" });
    }
    // Each meeting is parsed on its own, so its anchors and lines are its own.
    for (const chunk of chunks) {
      const chunkEnv = newEnv(options, front.lineOffset + chunk.start);
      const chunkTokens = md.parse(lines.slice(chunk.start, chunk.end).join("\n"), chunkEnv);
      const ctx = { ...baseCtx, chunkDate: chunk.date, chunkDateLine: front.lineOffset + chunk.start + 1 };
      states.push(run(new ExtractState(chunkTokens, chunkEnv, ctx), options));
    }
  }

  const meetings: Meeting[] = [];
  const people = new Map<string, PersonRef>();
  for (const state of states) {
    problems.push(...state.problems);
    applyFrontMatter(state);
    const meeting = toMeeting(state);
    if (!meeting) {
      problems.push({
        source,
        line: state.firstLine(),
        severity: "error",
        message:
          (/^\d{4}-\d{1,2}-\d{1,2}/.test(source.replace(/^.*\//, ""))
            ? `the date in the file name (${source.replace(/^.*\//, "").match(/^\d{4}-\d{1,2}-\d{1,2}/)![0]}) is not a calendar date, and no other date was found: `
            : "no date found: ") +
          "name the file YYYY-MM-DD--series.md, put the date in the title, or add `date: YYYY-MM-DD` front matter",
      });
      continue;
    }
    meetings.push(meeting);
    for (const p of state.people.values()) {
      const known = people.get(p.id);
      if (!known) people.set(p.id, p);
      else if (!known.name && p.name) known.name = p.name;
    }
  }
  return { meetings, people: [...people.values()], problems };
}

function newEnv(options: ParseOptions, lineOffset: number): ReferenceEnv {
  return {
    source: options.source,
    lineOffset,
    issueBase: options.issueBase ?? "https://github.com",
    sourcePrefixes: options.sourcePrefixes ?? [],
    refs: { mentions: [], issues: [], outside: [] },
  };
}

function run(state: ExtractState, options: ParseOptions): ExtractState {
  for (const [name, rule] of RULES) if (!options.disable?.includes(name)) rule(state);
  return state;
}

function applyFrontMatter(state: ExtractState): void {
  const f = state.ctx.front;
  if (f.title) state.title = f.title;
  if (f.date) state.date = f.date;
  if (f.series) state.series = { slug: slugify(f.series) || "meetings", name: f.seriesName ?? (/[A-Z ]/.test(f.series) ? f.series : nameOf(slugify(f.series))) };
  else if (f.seriesName && state.series) state.series.name = f.seriesName;
  for (const role of ["leads", "notetakers", "attendees"] as const) {
    const values = f[role];
    if (!values) continue;
    state[role] = values.flatMap((v) => parsePeople(v));
    for (const p of state[role]) state.person(p);
  }
  if (f.recording) state.recordings = f.recording.map((href) => ({ href, text: href }));
}

function toMeeting(state: ExtractState): Meeting | null {
  if (!state.date) return null;
  const series = state.series ?? { slug: "meetings", name: "Meetings" };
  const ids = (refs: { id: string }[]): string[] => [...new Set(refs.map((r) => r.id))];
  return {
    id: `${state.date}--${series.slug}`,
    source: state.ctx.source,
    line: state.firstLine(),
    date: state.date,
    series,
    title: state.title || `${series.name}, ${state.date}`,
    leads: ids(state.leads),
    notetakers: ids(state.notetakers),
    attendees: ids(state.attendees),
    recordings: state.recordings,
    intro: state.intro,
    sections: state.sections.map(({ open: _o, end: _e, ...s }) => s),
    questions: state.questions,
    mentions: state.mentions,
    actions: state.actions,
    issues: state.issues,
    overrides: state.ctx.frontKeys,
    ...(state.ctx.front.initiatives ? { initiatives: state.ctx.front.initiatives } : {}),
  };
}
