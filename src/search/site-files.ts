// What search adds to a built site: the index under /search/ (format.ts)
// and the three scripts under /assets/, bundled and minified by esbuild at
// build time (the same input always gives the same bytes).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Archive } from "../archive/model.ts";
import { buildSearchFiles, type SearchFiles } from "./build-index.ts";
import { searchDocuments } from "./documents.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Output file under /assets/ -> its source. */
export const BUNDLES: Readonly<Record<string, string>> = {
  "search.js": "src/browser/search.ts",
  "search-ui.js": "src/browser/search-ui.ts",
  "search-worker.js": "src/browser/search-worker.ts",
};

let bundles: Promise<Map<string, string>> | null = null;

/** The browser scripts, bundled once per process. */
export function bundleSearch(): Promise<Map<string, string>> {
  bundles ??= (async () => {
    const out = new Map<string, string>();
    for (const [name, source] of Object.entries(BUNDLES)) {
      const result = await build({
        absWorkingDir: ROOT,
        entryPoints: [source],
        bundle: true,
        write: false,
        format: "iife",
        platform: "browser",
        target: ["es2020"],
        minify: true,
        charset: "ascii",
        legalComments: "eof",
        logLevel: "silent",
      });
      out.set(name, result.outputFiles[0]!.text);
    }
    return out;
  })();
  bundles.catch(() => (bundles = null));
  return bundles;
}

/** Writes the search index and scripts into a built site folder. */
export async function writeSearchFiles(archive: Archive, outDir: string): Promise<SearchFiles> {
  const files = buildSearchFiles(searchDocuments(archive));
  // `serve` rebuilds into the same folder: no shard of an earlier build may linger.
  for (const dir of ["t", "d"]) rmSync(join(outDir, "search", dir), { recursive: true, force: true });
  for (const [path, content] of files.files) write(join(outDir, "search", ...path.split("/")), content);
  for (const [name, content] of await bundleSearch()) write(join(outDir, "assets", name), content);
  return files;
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
