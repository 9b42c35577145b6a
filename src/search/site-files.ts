// What search adds to a built site: the index under /search/ (format.ts)
// and the three scripts under /assets/, bundled and minified by esbuild at
// build time (the same input always gives the same bytes).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT } from "../paths.ts";
import { IndexBuilder, type BuildOptions, type SearchFiles } from "./build-index.ts";
import type { SearchChunk, SearchHeader, SearchSource } from "./documents.ts";
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
export async function writeSearchData(source: SearchSource, outDir: string): Promise<SearchFiles> {
  const writer = new SearchWriter(outDir);
  for (const chunk of source.chunks()) writer.add(chunk);
  return writer.finish(source.header);
}

/**
 * The index written as its meetings come: each run's documents files at
 * once (then forgotten), the term shards, meta.json and the scripts at the
 * end. The build worker feeds it the runs the main thread sends.
 */
export class SearchWriter {
  readonly #builder: IndexBuilder;
  readonly #scripts: Promise<Map<string, string>>;

  constructor(
    private readonly outDir: string,
    options: BuildOptions = {},
  ) {
    this.#builder = new IndexBuilder(options);
    // esbuild bundles in its own process while this one builds the index.
    this.#scripts = bundleSearch();
    this.#scripts.catch(() => {}); // awaited in finish(); this only keeps an early throw from leaving it unhandled
    // `serve` rebuilds into the same folder: no shard of an earlier build may linger.
    for (const dir of ["t", "d"]) rmSync(join(outDir, "search", dir), { recursive: true, force: true });
  }

  add(chunk: SearchChunk): void {
    for (const [path, content] of this.#builder.add(chunk)) this.#write(path, content);
  }

  async finish(header: SearchHeader): Promise<SearchFiles> {
    const files = this.#builder.finish(header);
    for (const [path, content] of files.files) this.#write(path, content);
    for (const [name, content] of await this.#scripts) write(join(this.outDir, "assets", name), content);
    return files;
  }

  /** Folders made so far: a large archive has tens of thousands of documents files in one. */
  readonly #made = new Set<string>();

  #write(path: string, content: string): void {
    const abs = join(this.outDir, "search", ...path.split("/"));
    const dir = dirname(abs);
    if (!this.#made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#made.add(dir);
    }
    writeFileSync(abs, content);
  }
}

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
