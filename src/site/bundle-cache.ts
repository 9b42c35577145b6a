// esbuild bundles of src/browser/*, kept in memory for the life of the
// process and keyed by a hash of the files that went into them: `serve`
// rebuilds reuse them until one of those files changes. Asking esbuild for
// its metafile (the list of inputs) does not change the bytes it writes.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build, type BuildOptions, type BuildResult } from "esbuild";

interface Entry {
  /** Absolute paths of the bundle's inputs, as esbuild reported them. */
  inputs: string[];
  hash: string;
  text: string;
}

const cache = new Map<string, Entry>();

function hashInputs(inputs: string[]): string | null {
  const hash = createHash("sha256");
  try {
    for (const path of inputs) hash.update(path).update("\0").update(readFileSync(path)).update("\0");
  } catch {
    return null; // an input was deleted or renamed: bundle again
  }
  return hash.digest("hex");
}

function keyOf(options: BuildOptions): string {
  return JSON.stringify(options);
}

function cached(key: string): string | null {
  const entry = cache.get(key);
  return entry && hashInputs(entry.inputs) === entry.hash ? entry.text : null;
}

function store(key: string, options: BuildOptions, result: BuildResult<{ write: false; metafile: true }>): string {
  const root = options.absWorkingDir ?? process.cwd();
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes(":")) // namespaced inputs (none today) have no file to hash
    .map((p) => resolve(root, p))
    .sort();
  const text = result.outputFiles[0]!.text;
  const hash = hashInputs(inputs);
  if (hash) cache.set(key, { inputs, hash, text });
  return text;
}

/** The single output file of an esbuild bundle (write: false), from memory while its inputs are unchanged. */
export async function bundle(options: BuildOptions): Promise<string> {
  const key = keyOf(options);
  const hit = cached(key);
  if (hit !== null) return hit;
  return store(key, options, await build({ ...options, write: false, metafile: true }));
}
