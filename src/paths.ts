// Where minutebook's own files are, whether it runs from its TypeScript
// sources (through tsx) or from their compiled bundle (dist/<hash>/, made by
// bin/bundle.js): the package root is the nearest folder up with a
// package.json, from either.
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Defined as true by bin/bundle.js in the bundle; not defined in the sources.
declare const MINUTEBOOK_BUNDLED: boolean | undefined;

/** Whether this code runs from the compiled bundle. */
export const BUNDLED = typeof MINUTEBOOK_BUNDLED !== "undefined" && MINUTEBOOK_BUNDLED === true;

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`minutebook: no package.json above ${from}`);
  }
}

export const ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** Eleventy's input folder; the templates in it are registered as virtual templates (src/site/plugin.ts). */
export const TEMPLATES_DIR = join(ROOT, "src/site/templates");

/** The version of the code that runs: the bundle's folder is named for a hash of its sources. Null from the sources, which may change under a running process. */
export const CODE_VERSION = BUNDLED ? basename(dirname(fileURLToPath(import.meta.url))) : null;

/** Where builds keep what they can reuse (the parse cache, src/archive/parse-cache.ts), beside the compiled bundle. */
export const CACHE_DIR = join(ROOT, ".cache", "minutebook");
