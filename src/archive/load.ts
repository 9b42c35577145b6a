// Reads a notes folder from disk and builds its archive. One bad note never
// stops the others: whatever a note throws becomes a problem naming it.
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { NoteResult, Problem } from "../core/model.ts";
import { parseNote } from "../core/parse-note.ts";
import { buildArchive, cmp, type NoteInput } from "./build.ts";
import { CONFIG_FILE, parseConfig, type ConfigOverrides } from "./config.ts";
import type { Archive } from "./model.ts";

export interface LoadOptions extends ConfigOverrides {
  /** Called after each note is parsed, for progress reports. */
  onNote?: (done: number, total: number) => void;
}

export interface NotesFolder {
  notes: string[];
  assets: string[];
  problems: Problem[];
}

const NOTE = /\.(md|markdown)$/i;

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

// Parsed notes by path and content hash: `serve` re-reads only what changed.
const cache = new Map<string, { hash: string; issueKey: string; result: NoteResult }>();

export function loadArchive(dir: string, options: LoadOptions = {}): Archive {
  const folder = listNotes(dir);
  const configPath = join(dir, CONFIG_FILE);
  let configText: string | null = null;
  try {
    configText = readFileSync(configPath, "utf8");
  } catch {
    configText = null;
  }
  const { config, problems: configProblems } = parseConfig(configText, options);
  const issueKey = `${config.site.issueBase} ${config.sourcePrefixes.join(" ")}`;
  const inputs: NoteInput[] = [];
  folder.notes.forEach((source, i) => {
    inputs.push({ source, result: parseCached(dir, source, issueKey, config.site.issueBase, config.sourcePrefixes) });
    options.onNote?.(i + 1, folder.notes.length);
  });
  return buildArchive(inputs, config, folder.assets, [...folder.problems, ...configProblems]);
}

function parseCached(dir: string, source: string, issueKey: string, issueBase: string, sourcePrefixes: string[]): NoteResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, source));
  } catch (e) {
    return failed(source, `the note could not be read (${(e as Error).message})`);
  }
  const hash = createHash("sha1").update(bytes).digest("hex");
  const hit = cache.get(source);
  if (hit && hit.hash === hash && hit.issueKey === issueKey) return hit.result;
  let result: NoteResult;
  try {
    result = parseNote(bytes, { source, issueBase, sourcePrefixes });
  } catch (e) {
    result = failed(source, `minutebook could not read this note (${(e as Error).message}); please report it with the note attached`);
  }
  cache.set(source, { hash, issueKey, result });
  return result;
}

function failed(source: string, message: string): NoteResult {
  return { meetings: [], people: [], problems: [{ source, line: 0, severity: "error", message }] };
}
