// What reading a notes folder takes before any note is parsed: its listing,
// its config, each note's bytes and hash, the parse cache's records, and the
// join of parsed notes into the archive. The parser itself is in load.ts: a
// rebuild whose notes are all in the parse cache never loads it (markdown-it,
// its plugins and sanitize-html), on either thread (src/threads/).
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { NoteResult, Problem } from "../core/model.ts";
import { buildArchive, cmp, type BuildOptions, type NoteInput } from "./build.ts";
import { CONFIG_FILE, parseConfig, type Config, type ConfigOverrides } from "./config.ts";
import type { Archive } from "./model.ts";
import type { ParseCache } from "./parse-cache.ts";

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

export function readConfig(dir: string, options: ConfigOverrides): ReturnType<typeof parseConfig> {
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

/** A note read whose result is not in the parse cache: the parser must make it (load.ts parseRead). */
export interface UnparsedNote {
  source: string;
  bytes: Buffer;
  hash: string;
}

/** A note read, and its result taken from the parse cache when it is there. */
export function readCached(dir: string, source: string, store: ParseCache | null): ParsedNote | UnparsedNote {
  const note = readNote(dir, source);
  return isParsed(note) ? note : fromCache(note, store);
}

/** A read note's result from the parse cache, when it is there. */
export function fromCache(note: UnparsedNote, store: ParseCache | null): ParsedNote | UnparsedNote {
  // JSON's parser makes its strings compact itself (compact.ts).
  const result = fromJson(store?.get(note.source, note.hash) ?? null);
  return result ? { source: note.source, hash: note.hash, result } : note;
}

/** A note read for the build worker, which sends it on as JSON: its result's JSON straight from the cache, when it is there. */
export interface JsonNote extends ParsedNote {
  json: string;
}

export function readCachedJson(dir: string, source: string, store: ParseCache | null): JsonNote | UnparsedNote {
  const note = readNote(dir, source);
  if (isParsed(note)) return { ...note, json: JSON.stringify(note.result) };
  const stored = store?.get(source, note.hash) ?? null;
  // Checked here, where it costs a twenty-fifth of a parse: a broken record must not break the batch it goes in.
  const result = fromJson(stored);
  return stored !== null && result ? { source, hash: note.hash, result, json: stored } : note;
}

export function isParsed<T extends ParsedNote>(note: T | UnparsedNote): note is T {
  return "result" in note;
}

/** A note's bytes and hash; one that cannot be read is a result already, its problem. */
export function readNote(dir: string, source: string): ParsedNote | UnparsedNote {
  try {
    const bytes = readFileSync(join(dir, source));
    return { source, bytes, hash: hashOf(bytes) };
  } catch (e) {
    return { source, hash: "", result: failed(source, `the note could not be read (${(e as Error).message})`) };
  }
}

export function fromJson(json: string | null): NoteResult | null {
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

/** The archive of a plan's notes, parsed (in any order, by any thread). */
export function archiveOf(plan: LoadPlan, notes: ParsedNote[], options: BuildOptions = {}): Archive {
  return buildArchive(inputsOf(notes), plan.config, plan.folder.assets, problemsOf(plan), options);
}

export const inputsOf = (notes: ParsedNote[]): NoteInput[] => notes.map((n) => ({ source: n.source, result: n.result }));
export const problemsOf = (plan: LoadPlan): Problem[] => [...plan.folder.problems, ...plan.configProblems];

export function failed(source: string, message: string): NoteResult {
  return { meetings: [], people: [], problems: [{ source, line: 0, severity: "error", message }] };
}
