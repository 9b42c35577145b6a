// What a first search costs, measured on the index files in memory: the
// search code (the bundles and search.css) plus every index file the engine
// fetches to answer one query (meta.json, its term shards, the sections of
// the meetings on the first page of results), raw and gzipped file by file
// as a server sends them. Used by test/search/size.test.ts and by
//   npm run search:size [NOTES_DIR] [--scale 1,10]
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Archive } from "../archive/model.ts";
import { buildSearchFiles, type SearchFiles } from "./build-index.ts";
import { searchDocuments } from "./documents.ts";
import { SearchEngine } from "./engine.ts";
import { bundleSearch } from "./site-files.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const REAL_NOTES = resolve(ROOT, "../shared/corpus/ipfs-team-mgmt/meeting-notes");

/** Budgets of issue #5: everything fetched for a first search, compressed. */
export const BUDGET = { 1: 300_000, 10: 1_000_000 } as Record<number, number>;

export interface Bytes {
  files: number;
  raw: number;
  gzip: number;
}

const gz = (s: string): number => gzipSync(Buffer.from(s), { level: 6 }).length;

function bytesOf(contents: Iterable<string>): Bytes {
  const b: Bytes = { files: 0, raw: 0, gzip: 0 };
  for (const c of contents) {
    b.files++;
    b.raw += Buffer.byteLength(c);
    b.gzip += gz(c);
  }
  return b;
}

export interface FirstSearch {
  query: string;
  /** Code + index files fetched. */
  total: Bytes;
  index: Bytes;
  /** Time to open the index (meta.json read and decoded), then to answer, in Node. */
  openMs: number;
  queryMs: number;
  results: number;
}

export interface SizeReport {
  meetings: number;
  docs: number;
  terms: number;
  shards: number;
  buildMs: number;
  /** The index on disk. */
  all: Bytes;
  meta: Bytes;
  shardFiles: Bytes;
  docFiles: Bytes;
  code: Bytes;
  searches: FirstSearch[];
  /** Queries answered again, warm. */
  p50Ms: number;
  p95Ms: number;
}

/** Queries a reader would type, taken from the archive itself: heading words, people, pairs, short prefixes. */
export function sampleQueries(archive: Archive, count = 24): string[] {
  const freq = new Map<string, number>();
  for (const m of archive.meetings) {
    for (const s of m.sections) {
      for (const w of s.heading.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
    }
  }
  const words = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const topical = words.slice(0, count);
  const people = [...archive.people]
    .sort((a, b) => b.attended.length - a.attended.length || (a.id < b.id ? -1 : 1))
    .slice(0, Math.max(1, count / 4))
    .map((p) => `@${p.handle ?? p.id}`);
  const pairs = topical.slice(0, count / 4).map((w, i) => `${w} ${topical[i + 1] ?? ""}`.trim());
  const prefixes = topical.slice(0, count / 4).map((w) => w.slice(0, 3));
  return [...new Set([...topical, ...people, ...pairs, ...prefixes])];
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
}

export async function measureSearchSize(archive: Archive, queries = sampleQueries(archive)): Promise<SizeReport> {
  const t0 = performance.now();
  const data = searchDocuments(archive);
  const built: SearchFiles = buildSearchFiles(data);
  const buildMs = performance.now() - t0;
  const files = built.files;
  const pick = (prefix: string): string[] => [...files].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
  const bundles = await bundleSearch();
  const css = readFileSync(join(ROOT, "src/site/assets/search.css"), "utf8");
  const codeFiles = [...bundles.values(), css];
  const code = bytesOf(codeFiles);
  const gzCache = new Map<string, number>();
  const sizeOfPaths = (paths: string[]): Bytes => {
    const b: Bytes = { files: 0, raw: 0, gzip: 0 };
    for (const p of new Set(paths)) {
      const c = files.get(p.replace(/\?.*$/, ""))!;
      let g = gzCache.get(p);
      if (g === undefined) gzCache.set(p, (g = gz(c)));
      b.files++;
      b.raw += Buffer.byteLength(c);
      b.gzip += g;
    }
    return b;
  };
  const load = async (path: string): Promise<string> => {
    const c = files.get(path.replace(/\?.*$/, ""));
    if (c === undefined) throw new Error(`no index file ${path}`);
    return c;
  };

  const searches: FirstSearch[] = [];
  for (const query of queries) {
    const fetched: string[] = [];
    const t1 = performance.now();
    const engine = await SearchEngine.open(async (p) => {
      fetched.push(p);
      return load(p);
    });
    const openMs = performance.now() - t1;
    const t2 = performance.now();
    const r = await engine.search(query);
    const queryMs = performance.now() - t2;
    const index = sizeOfPaths(fetched);
    searches.push({
      query,
      index,
      total: { files: index.files + code.files, raw: index.raw + code.raw, gzip: index.gzip + code.gzip },
      openMs,
      queryMs,
      results: r.sections,
    });
  }

  // Warm latency: one engine, every query once to load what it needs, then timed.
  const engine = await SearchEngine.open(load);
  for (const q of queries) await engine.search(q);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t = performance.now();
      await engine.search(q);
      times.push(performance.now() - t);
    }
  }
  return {
    meetings: data.meetings.length,
    docs: data.docs.length,
    terms: built.terms,
    shards: built.shards,
    buildMs,
    all: bytesOf(files.values()),
    meta: bytesOf(pick("meta")),
    shardFiles: bytesOf(pick("t/")),
    docFiles: bytesOf(pick("d/")),
    code,
    searches,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}

const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;
const b = (x: Bytes): string => `${kb(x.raw)} raw, ${kb(x.gzip)} gzip (${x.files} files)`;

export function formatReport(scale: number, r: SizeReport): string {
  const worst = [...r.searches].sort((x, y) => y.total.gzip - x.total.gzip)[0]!;
  const median = [...r.searches].sort((x, y) => x.total.gzip - y.total.gzip)[Math.floor(r.searches.length / 2)]!;
  const budget = BUDGET[scale];
  const lines = [
    `${scale}x: ${r.meetings} meetings, ${r.docs} sections, ${r.terms} terms in ${r.shards} shards; index built in ${(r.buildMs / 1000).toFixed(1)} s`,
    `  index on disk     ${b(r.all)}`,
    `    meta.json       ${b(r.meta)}`,
    `    term shards     ${b(r.shardFiles)}`,
    `    section texts   ${b(r.docFiles)}`,
    `  code             ${b(r.code)}`,
    `  first search, median of ${r.searches.length} queries ("${median.query}"): ${b(median.total)}`,
    `  first search, largest ("${worst.query}"): ${b(worst.total)}${budget ? ` — budget ${kb(budget)} gzip: ${worst.total.gzip <= budget ? "PASS" : "FAIL"}` : ""}`,
    `  Node: index ready in ${median.openMs.toFixed(1)} ms (median), first query ${median.queryMs.toFixed(1)} ms; warm queries p50 ${r.p50Ms.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms`,
  ];
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const { parseArgs } = await import("node:util");
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { scale: { type: "string", default: "1,10" }, json: { type: "boolean" } } });
  const notes = resolve(positionals[0] ?? (existsSync(REAL_NOTES) ? REAL_NOTES : join(ROOT, "notes")));
  const scales = values.scale.split(",").map(Number);
  const { loadArchive } = await import("../archive/load.ts");
  const reports: Record<string, SizeReport> = {};
  for (const scale of scales) {
    let dir = notes;
    let tmp: string | null = null;
    if (scale !== 1) {
      // The benchmark's scaled archive (bench/scale.ts): N copies, each its own series.
      const { scaleArchive } = (await import(pathToFileURL(join(ROOT, "bench/scale.ts")).href)) as typeof import("../../bench/scale.ts");
      tmp = mkdtempSync(join(tmpdir(), "minutebook-search-size-"));
      dir = scaleArchive(notes, scale, join(tmp, "notes")).dir;
    }
    try {
      const archive = loadArchive(dir);
      const report = await measureSearchSize(archive, sampleQueries(archive));
      reports[scale] = report;
      if (!values.json) console.log(formatReport(scale, report) + "\n");
    } finally {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (values.json) console.log(JSON.stringify(reports, null, 1));
  const failed = scales.some((s) => BUDGET[s] !== undefined && reports[s]!.searches.some((q) => q.total.gzip > BUDGET[s]!));
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
