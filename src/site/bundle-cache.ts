// esbuild bundles of src/browser/*, keyed by a hash of the files that went
// into them: `serve` rebuilds reuse them from memory until one of those files
// changes, and from the compiled bundle (dist/<hash>/browser/) each build
// reuses those of the builds before it, so a build starts no esbuild process
// (two of them, one per thread, were a tenth of a second of a small build's
// two cores). Asking esbuild for its metafile (the list of inputs) does not
// change the bytes it writes.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";
import type { BuildOptions, BuildResult } from "esbuild";
import { BUNDLED } from "../paths.ts";

interface Entry {
  /** Absolute paths of the bundle's inputs, as esbuild reported them. */
  inputs: string[];
  hash: string;
  text: string;
}

const cache = new Map<string, Entry>();

/** Where bundles are kept across processes: beside the compiled code, which is named for its sources. None from the sources. */
export const BUNDLE_DIR = BUNDLED ? join(dirname(fileURLToPath(import.meta.url)), "browser") : null;

function hashInputs(inputs: string[]): string | null {
  const hash = createHash("sha256");
  try {
    for (const path of inputs) hash.update(path).update("\0").update(readFileSync(path)).update("\0");
  } catch {
    return null; // an input was deleted or renamed: bundle again
  }
  return hash.digest("hex");
}

// esbuild itself is no input of the bundle, but another version writes other bytes.
let esbuildVersion: string | null = null;
function bundler(): string {
  try {
    esbuildVersion ??= (createRequire(import.meta.url)("esbuild/package.json") as { version: string }).version;
  } catch {
    esbuildVersion = "";
  }
  return esbuildVersion;
}

function keyOf(options: BuildOptions): string {
  return JSON.stringify({ esbuild: bundler(), options });
}

/** Kept files this process wrote: two threads of one process, in one millisecond, never share a name. */
let written = 0;

const fresh = (entry: Entry | undefined): entry is Entry => !!entry && hashInputs(entry.inputs) === entry.hash;

const fileOf = (dir: string, key: string): string => join(dir, `${createHash("sha256").update(key).digest("hex").slice(0, 16)}.json`);

/** A bundle an earlier process kept, when its inputs are unchanged; anything unreadable is a miss. */
function kept(dir: string, key: string): Entry | undefined {
  try {
    const entry = JSON.parse(readFileSync(fileOf(dir, key), "utf8")) as Partial<Entry>;
    const valid = Array.isArray(entry.inputs) && entry.inputs.every((p) => typeof p === "string") && typeof entry.hash === "string" && typeof entry.text === "string";
    return valid ? (entry as Entry) : undefined;
  } catch {
    return undefined;
  }
}

function keep(dir: string, key: string, entry: Entry): void {
  try {
    // Only beside compiled code that is still there: a folder pruned under a running process is not made again.
    if (!existsSync(dirname(dir))) return;
    mkdirSync(dir, { recursive: true });
    const file = fileOf(dir, key);
    const tmp = `${file}.${process.pid}-${threadId}-${++written}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file); // processes that race write the same bytes
  } catch {
    // Only a cost: the next build bundles again.
  }
}

/** What to keep of a bundle made since `started`; null when an input changed meanwhile (its text may be older than its hash). */
function entryOf(options: BuildOptions, result: BuildResult<{ write: false; metafile: true }>, started: number): Entry | null {
  const root = options.absWorkingDir ?? process.cwd();
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes(":")) // namespaced inputs (none today) have no file to hash
    .map((p) => resolve(root, p))
    .sort();
  try {
    if (inputs.some((p) => statSync(p).mtimeMs >= started)) return null;
  } catch {
    return null;
  }
  const hash = hashInputs(inputs);
  return hash ? { inputs, hash, text: result.outputFiles[0]!.text } : null;
}

/**
 * The single output file of an esbuild bundle (write: false): from memory, or from `dir`, while its
 * inputs are unchanged; else bundled, and kept in both.
 */
export async function bundle(options: BuildOptions, dir: string | null = BUNDLE_DIR): Promise<string> {
  const key = keyOf(options);
  const inMemory = cache.get(key);
  if (fresh(inMemory)) return inMemory.text;
  const onDisk = dir ? kept(dir, key) : undefined;
  if (fresh(onDisk)) {
    cache.set(key, onDisk);
    return onDisk.text;
  }
  const { build } = await import("esbuild");
  const started = Date.now() - 1; // a file's time may be rounded below the clock's
  const result = await build({ ...options, write: false, metafile: true });
  const entry = entryOf(options, result, started);
  if (!entry) return result.outputFiles[0]!.text;
  cache.set(key, entry);
  if (dir) keep(dir, key, entry);
  return entry.text;
}

/** Forgets the bundles held in memory (for tests: the next call reads them from disk or bundles). */
export function forgetBundles(): void {
  cache.clear();
}
