// minutebook runs from a bundle of its TypeScript sources, compiled by
// esbuild into dist/<hash>/ the first time a command runs after a source
// changed: one module graph that loads in a fraction of the time tsx takes
// to compile and resolve a hundred files on every start, in the main thread
// and again in each worker. The hash is of the sources' contents, so an edit
// is never run stale; processes that race to compile write to folders of
// their own and keep whichever lands first.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
/** Compiled folders kept, newest first: a long-running `serve` may still use an older one. */
const KEEP = 3;

/** Entry points: output name -> source. spawn.ts finds the workers beside the other modules. */
export const ENTRIES = {
  cli: "src/cli/main.ts",
  "eleventy.config": ".eleventy.ts",
  "build-worker": "src/threads/build-worker.ts",
};

const INPUTS = ["src", ".eleventy.ts", "bin/bundle.js", "package.json", "tsconfig.json"];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function sourceHash() {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(join(ROOT, input))) hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/** The folder of the compiled bundle for the current sources, compiling it if needed. */
export async function ensureBundle() {
  const hash = sourceHash();
  const dir = join(DIST, hash);
  if (existsSync(join(dir, "cli.mjs"))) return dir;
  const { build } = await import("esbuild");
  mkdirSync(DIST, { recursive: true });
  const tmp = join(DIST, `.tmp-${hash}-${process.pid}-${Date.now()}`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES)),
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    entryNames: "[name]",
    chunkNames: "chunk-[hash]",
    outExtension: { ".js": ".mjs" },
    define: { MINUTEBOOK_BUNDLED: "true" },
    logLevel: "silent",
  });
  // A folder without cli.mjs is a leftover (a process that still ran from a pruned folder
  // kept a browser bundle in it): it is replaced, never run from.
  if (existsSync(dir) && !existsSync(join(dir, "cli.mjs"))) rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process got there first
  }
  prune(hash);
  return dir;
}

function prune(current) {
  try {
    const dirs = readdirSync(DIST)
      .filter((name) => name !== current && !name.startsWith("."))
      .map((name) => ({ name, time: statSync(join(DIST, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { name } of dirs.slice(KEEP - 1)) rmSync(join(DIST, name), { recursive: true, force: true });
  } catch {
    // pruning is housekeeping: never a reason to fail a command
  }
}
