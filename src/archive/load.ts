// Reads a notes folder from disk, parses what the parse cache does not hold,
// and builds its archive. One bad note never stops the others: whatever a
// note throws becomes a problem naming it. (What reading takes without the
// parser is in read.ts.)
import type { NoteResult } from "../core/model.ts";
import { parseNote } from "../core/parse-note.ts";
import type { ParseCache } from "./parse-cache.ts";
import { compactStrings } from "./compact.ts";
import { buildArchiveInTurns, type BuildOptions, type NoteInput } from "./build.ts";
import type { ConfigOverrides } from "./config.ts";
import type { Archive } from "./model.ts";
import {
  archiveOf,
  failed,
  fromCache,
  inputsOf,
  isParsed,
  parseSettings,
  planLoad,
  problemsOf,
  readConfig,
  readNote,
  type JsonNote,
  type LoadPlan,
  type ParsedNote,
  type ParseSettings,
  type UnparsedNote,
} from "./read.ts";

export { archiveOf, listNotes, NOTE, parseSettings, planLoad } from "./read.ts";
export type { JsonNote, LoadPlan, NotesFolder, ParsedNote, ParseSettings } from "./read.ts";

export interface LoadOptions extends ConfigOverrides, BuildOptions {
  /** Called after each note is parsed, for progress reports. */
  onNote?: (done: number, total: number) => void;
}

// Parsed notes by path and content hash: `serve` re-reads only what changed.
const cache = new Map<string, { hash: string; key: string; result: NoteResult }>();

const settingsKey = (s: ParseSettings): string => `${s.issueBase} ${s.sourcePrefixes.join(" ")}`;

export interface ReadOptions {
  /** An unchanged note is not parsed again (serve). */
  cached?: boolean;
  /** Parsed notes on disk, read for unchanged notes and given the others (parse-cache.ts). */
  store?: ParseCache | null;
}

/** Reads and parses one note. */
export function readAndParse(dir: string, source: string, settings: ParseSettings, { cached = false, store = null }: ReadOptions = {}): ParsedNote {
  const note = readNote(dir, source);
  if (isParsed(note)) return note;
  const { hash } = note;
  const key = settingsKey(settings);
  const hit = cached ? cache.get(source) : undefined;
  if (hit && hit.hash === hash && hit.key === key) return { source, hash, result: hit.result };
  const found = fromCache(note, store);
  const result = (isParsed(found) ? found : parseRead(found, settings, store)).result;
  if (cached) cache.set(source, { hash, key, result });
  return { source, hash, result };
}

/** A note read.ts found no result for, parsed, and its result given to the parse cache. */
export function parseRead(note: UnparsedNote, settings: ParseSettings, store: ParseCache | null): ParsedNote {
  const parsed = parseSafely(note.bytes, note.source, settings);
  if (!CRASHED.has(parsed)) store?.put(note.source, note.hash, JSON.stringify(parsed));
  return { source: note.source, hash: note.hash, result: compactStrings(parsed) };
}

/** parseRead for the build worker: the result as JSON too, made once for both the cache and the main thread. */
export function parseReadJson(note: UnparsedNote, settings: ParseSettings, store: ParseCache | null): JsonNote {
  const result = parseSafely(note.bytes, note.source, settings);
  const json = JSON.stringify(result);
  if (!CRASHED.has(result)) store?.put(note.source, note.hash, json);
  return { source: note.source, hash: note.hash, result, json };
}

/** Results of parses that threw: never kept in the parse cache, as what threw may be of the thread (its stack) and not of the note. */
const CRASHED = new WeakSet<NoteResult>();

function parseSafely(bytes: Buffer, source: string, settings: ParseSettings): NoteResult {
  try {
    return parseNote(bytes, { source, ...settings });
  } catch (e) {
    const result = failed(source, `minutebook could not read this note (${(e as Error).message}); please report it with the note attached`);
    CRASHED.add(result);
    return result;
  }
}

/** Keeps notes parsed elsewhere (a worker thread) for the next load of the same folder. */
export function rememberParsed(notes: ParsedNote[], settings: ParseSettings): void {
  const key = settingsKey(settings);
  for (const n of notes) if (n.hash) cache.set(n.source, { hash: n.hash, key, result: n.result });
}

export function loadArchive(dir: string, options: LoadOptions = {}): Archive {
  const plan = planLoad(dir, options);
  return archiveOf(plan, readPlanned(plan, options), options);
}

/** loadArchive with `pause()` awaited between the longer steps of joining the archive (serve's rebuild). */
export async function loadArchiveInTurns(dir: string, options: LoadOptions, pause: () => Promise<void> | void): Promise<Archive> {
  const plan = planLoad(dir, options);
  const notes = readPlanned(plan, options);
  await pause();
  return buildArchiveInTurns(inputsOf(notes), plan.config, plan.folder.assets, problemsOf(plan), options, pause);
}

function readPlanned(plan: LoadPlan, options: LoadOptions): ParsedNote[] {
  const settings = parseSettings(plan.config);
  return plan.folder.notes.map((source, i) => {
    const note = readAndParse(plan.dir, source, settings, { cached: true });
    options.onNote?.(i + 1, plan.folder.notes.length);
    return note;
  });
}

/** These notes read again (parsed only when changed since), as the folder's config says to read them. */
export function rereadNotes(dir: string, sources: string[], options: ConfigOverrides = {}): NoteInput[] {
  const settings = parseSettings(readConfig(dir, options).config);
  return sources.map((source) => ({ source, result: readAndParse(dir, source, settings, { cached: true }).result }));
}
