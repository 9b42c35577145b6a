// Reads a notes folder from disk and builds its archive. One bad note never
// stops the others: whatever a note throws becomes a problem naming it.
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { NoteResult, Problem } from "../core/model.ts";
import { parseNote } from "../core/parse-note.ts";
import type { ParseCache } from "./parse-cache.ts";
import { compactStrings } from "./compact.ts";
import { buildArchive, buildArchiveInTurns, cmp, type BuildOptions, type NoteInput } from "./build.ts";
import { CONFIG_FILE, parseConfig, type Config, type ConfigOverrides } from "./config.ts";
import type { Archive } from "./model.ts";

export interface LoadOptions extends ConfigOverrides, BuildOptions {
  /** Called after each note is parsed, for progress reports. */
  onNote?: (done: number, total: number) => void;
}

export interface NotesFolder {
  notes: string[];
  assets: string[];
  problems: Problem[];
}

/** A note, by its file name. */
export const NOTE = /\.(md|markdown)$/i;

/** Every note and asset under the folder, as sorted forward-slash paths. */
export function listNotes(dir: string): NotesFolder {
  const root = realpathSync(dir);
  const out: NotesFolder = { notes: [], assets: [], problems: [] };
  const walk = (abs: string): void => {
    for (const name of readdirSync(abs).sort(cmp)) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const path = join(abs, name);
      const rel = relative(root, path).split(sep).join("/");
      let stat = lstatSync(path);
      if (stat.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(path);
        } catch {
          out.problems.push({ source: rel, line: 0, severity: NOTE.test(name) ? "error" : "warning", message: "a broken symbolic link: it was skipped" });
          continue;
        }
        if (real !== root && !real.startsWith(root + sep)) {
          out.problems.push({
            source: rel,
            line: 0,
            severity: NOTE.test(name) ? "error" : "warning",
            message: "a symbolic link to a file outside the notes folder: it was not read (copy the file into the folder instead)",
          });
          continue;
        }
        stat = statSync(path);
      }
      if (stat.isDirectory()) walk(path);
      else if (NOTE.test(name)) out.notes.push(rel);
      else if (stat.isFile() && rel !== CONFIG_FILE) out.assets.push(rel);
    }
  };
  walk(root);
  return out;
}

/** What a load reads, before any note is parsed: the notes, assets and config. */
export interface LoadPlan {
  dir: string;
  folder: NotesFolder;
  config: Config;
  configProblems: Problem[];
}

export function planLoad(dir: string, options: ConfigOverrides = {}): LoadPlan {
  const folder = listNotes(dir);
  const { config, problems: configProblems } = readConfig(dir, options);
  return { dir, folder, config, configProblems };
}

function readConfig(dir: string, options: ConfigOverrides): ReturnType<typeof parseConfig> {
  let configText: string | null = null;
  try {
    configText = readFileSync(join(dir, CONFIG_FILE), "utf8");
  } catch {
    configText = null;
  }
  return parseConfig(configText, options);
}

/** What the parser needs of the config: a note's result depends on these, its bytes and its path only. */
export interface ParseSettings {
  issueBase: string;
  sourcePrefixes: string[];
}

export function parseSettings(config: Config): ParseSettings {
  return { issueBase: config.site.issueBase, sourcePrefixes: config.sourcePrefixes };
}

/** One note read and parsed; `hash` is of its bytes ("" when it could not be read). */
export interface ParsedNote {
  source: string;
  hash: string;
  result: NoteResult;
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
  const read = readNote(dir, source);
  if ("result" in read) return read;
  const { bytes, hash } = read;
  const key = settingsKey(settings);
  const hit = cached ? cache.get(source) : undefined;
  if (hit && hit.hash === hash && hit.key === key) return { source, hash, result: hit.result };
  // JSON's parser makes its strings compact itself (compact.ts).
  const stored = fromJson(store?.get(source, hash) ?? null);
  const parsed = stored ?? parseSafely(bytes, source, settings);
  if (!stored && !CRASHED.has(parsed)) store?.put(source, hash, JSON.stringify(parsed));
  const result = stored ? parsed : compactStrings(parsed);
  if (cached) cache.set(source, { hash, key, result });
  return { source, hash, result };
}

/**
 * readAndParse for a note that is sent on as JSON (the build worker): the
 * JSON of its result, straight from the cache when it is there.
 */
export function readAndParseJson(dir: string, source: string, settings: ParseSettings, store: ParseCache | null): { source: string; hash: string; json: string } {
  const read = readNote(dir, source);
  if ("result" in read) return { source, hash: read.hash, json: JSON.stringify(read.result) };
  const { bytes, hash } = read;
  const stored = store?.get(source, hash) ?? null;
  // Checked here, where it costs a twenty-fifth of a parse: a broken record must not break the batch it goes in.
  if (stored !== null && fromJson(stored)) return { source, hash, json: stored };
  const parsed = parseSafely(bytes, source, settings);
  const json = JSON.stringify(parsed);
  if (!CRASHED.has(parsed)) store?.put(source, hash, json);
  return { source, hash, json };
}

function readNote(dir: string, source: string): { bytes: Buffer; hash: string } | ParsedNote {
  try {
    const bytes = readFileSync(join(dir, source));
    return { bytes, hash: hashOf(bytes) };
  } catch (e) {
    return { source, hash: "", result: failed(source, `the note could not be read (${(e as Error).message})`) };
  }
}

function fromJson(json: string | null): NoteResult | null {
  if (json === null) return null;
  try {
    const result = JSON.parse(json) as NoteResult;
    return result && Array.isArray(result.meetings) && Array.isArray(result.people) && Array.isArray(result.problems) ? result : null;
  } catch {
    return null;
  }
}

function hashOf(bytes: Buffer): string {
  return createHash("sha1").update(bytes).digest("hex");
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

/** The archive of a plan's notes, parsed (in any order, by any thread). */
export function archiveOf(plan: LoadPlan, notes: ParsedNote[], options: BuildOptions = {}): Archive {
  return buildArchive(inputsOf(notes), plan.config, plan.folder.assets, problemsOf(plan), options);
}

const inputsOf = (notes: ParsedNote[]): NoteInput[] => notes.map((n) => ({ source: n.source, result: n.result }));
const problemsOf = (plan: LoadPlan): Problem[] => [...plan.folder.problems, ...plan.configProblems];

function failed(source: string, message: string): NoteResult {
  return { meetings: [], people: [], problems: [{ source, line: 0, severity: "error", message }] };
}
