// What search adds to a built site: the index under /search/ (format.ts)
// and the three scripts under /assets/, bundled and minified by esbuild at
// build time (the same input always gives the same bytes).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT } from "../paths.ts";
import { buildSearchFiles, type SearchFiles } from "./build-index.ts";
import type { SearchData } from "./documents.ts";
import { bundle } from "../site/bundle-cache.ts";


/** Output file under /assets/ -> its source. */
export const BUNDLES: Readonly<Record<string, string>> = {
  "search.js": "src/browser/search.ts",
  "search-ui.js": "src/browser/search-ui.ts",
  "search-worker.js": "src/browser/search-worker.ts",
};

/** The browser scripts, bundled again only when one of their source files changed (src/site/bundle-cache.ts). */
export async function bundleSearch(): Promise<Map<string, string>> {
  const names = Object.keys(BUNDLES);
  const texts = await Promise.all(
    names.map((name) =>
      bundle({
        absWorkingDir: ROOT,
        entryPoints: [BUNDLES[name]!],
        bundle: true,
        format: "iife",
        platform: "browser",
        target: ["es2020"],
        minify: true,
        charset: "ascii",
        legalComments: "eof",
        logLevel: "silent",
      }),
    ),
  );
  return new Map(names.map((name, i) => [name, texts[i]!]));
}

/** Writes the search index of the archive's search documents, and the search scripts, into a built site folder. */
export async function writeSearchData(data: SearchData, outDir: string): Promise<SearchFiles> {
  // esbuild bundles in its own process while this one builds the index.
  const scripts = bundleSearch();
  scripts.catch(() => {}); // awaited below; this only keeps an early throw from leaving it unhandled
  const files = buildSearchFiles(data);
  // `serve` rebuilds into the same folder: no shard of an earlier build may linger.
  for (const dir of ["t", "d"]) rmSync(join(outDir, "search", dir), { recursive: true, force: true });
  for (const [path, content] of files.files) write(join(outDir, "search", ...path.split("/")), content);
  for (const [name, content] of await scripts) write(join(outDir, "assets", name), content);
  return files;
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
