// Search metrics of a built site: bytes fetched for a first search (raw and
// compressed), time until the index answers, query latency p50/p95, in Node
// and in chromium.
//
// What this expects of the site (src/search, src/site); each missing part is
// reported as "not built" with the reason, never as a failure of the bench:
// - the index files under /search/ (format.ts: meta.json, t/N.json, d/N.json);
// - in Node: src/search/engine.ts exporting
//     openIndex(load: (path: string) => Promise<string>): Promise<{ search(q: string): unknown }>
//   (`load` reads a path under /search/; `search` may return a promise);
//   nodeEngine() below is the one place to adapt if the export differs;
// - in chromium: the search page /search/ reads ?q= and shows its results;
//   it has an input[name="q"], and a results element (.search-results in
//   [data-search-page], or [data-search-results]) whose data-query attribute
//   is the query whose results it shows (set once they are shown). Queries are timed by typing into that input, so the figure
//   is what a user waits: engine, rendering and any debounce. When the page
//   also exposes window.minutebookSearch.search(q) (a promise), the engine
//   alone is timed as well.
//
// Bytes are counted by our own static server (every file a first search
// fetches, workers included), compressed with gzip -6 (a typical server's
// setting) and brotli, each file separately as a server would send it.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { median, percentile } from "./proc.ts";

export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface Bytes {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface SearchSide {
  /** Why there is no figure, when there is none. */
  missing?: string;
  /** Bytes for the first search: the search code and index files, not the page's HTML, CSS and images. */
  firstSearch?: Bytes;
  /** Everything the first search fetched, the search page included. */
  firstSearchAll?: Bytes;
  /** From opening the index (Node) or the search page (chromium) to the first results. */
  readyMs?: number;
  /** chromium: the page's own figure for its index ready (data-ready-ms of [data-search-page]), if it gives one. */
  pageReadyMs?: number;
  queries?: number;
  p50Ms?: number;
  p95Ms?: number;
  /** chromium: the engine alone (window.minutebookSearch), when the page exposes it. */
  engineP50Ms?: number;
  engineP95Ms?: number;
}

export interface SearchResult {
  /** The index files on disk. */
  index?: Bytes;
  node: SearchSide;
  chromium: SearchSide;
  queries: string[];
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

function compressed(data: Buffer): { gzip: number; brotli: number } {
  return {
    gzip: gzipSync(data, { level: 6 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function add(b: Bytes, data: Buffer): void {
  const c = compressed(data);
  b.files++;
  b.raw += data.length;
  b.gzip += c.gzip;
  b.brotli += c.brotli;
}

const zero = (): Bytes => ({ files: 0, raw: 0, gzip: 0, brotli: 0 });

/** The page's own files, not counted as search bytes (a stylesheet named search*.css is search's). */
function isPageFile(path: string): boolean {
  if (/(^|\/)search[^/]*\.css$/i.test(path)) return false;
  return /\.(html|css|png|jpe?g|gif|svg|ico|webp|avif|woff2?)$/i.test(path) || path.endsWith("/");
}

const RESULTS = "[data-search-page] .search-results, [data-search-results]";

function indexBytes(siteDir: string): Bytes | undefined {
  const dir = join(siteDir, "search");
  if (!existsSync(join(dir, "meta.json"))) return undefined;
  const b = zero();
  const walk = (d: string): void => {
    for (const e of readdirSorted(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (!p.endsWith(".html")) add(b, readFileSync(p));
    }
  };
  walk(dir);
  return b;
}

function readdirSorted(d: string): string[] {
  return readdirSync(d).sort();
}

/** Queries from the archive itself: frequent heading words, people, two-word pairs, prefixes. */
export function pickQueries(siteDir: string, count: number): string[] {
  const data = JSON.parse(readFileSync(join(siteDir, "data/meetings.json"), "utf8")) as {
    meetings: { title: string; sections: { heading: string }[] }[];
    people: { id: string; name: string }[];
  };
  const freq = new Map<string, number>();
  for (const m of data.meetings) {
    for (const s of m.sections) {
      for (const w of s.heading.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
    }
  }
  const words = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  // Skip the very commonest (structural headings: "notes", "updates", "agenda").
  const topical = words.slice(10, 10 + count);
  const people = data.people.slice(0, Math.max(1, Math.floor(count / 4))).map((p) => p.name.split(" ")[0]!.toLowerCase());
  const pairs = topical.slice(0, Math.floor(count / 4)).map((w, i) => `${w} ${topical[i + 1] ?? words[0]}`);
  const prefixes = topical.slice(0, Math.floor(count / 4)).map((w) => w.slice(0, 3));
  // Distinct, so that consecutive queries always differ.
  return [...new Set([...topical, ...people, ...pairs, ...prefixes])].slice(0, count);
}

interface Engine {
  search(q: string): unknown;
}

type Open = (load: (path: string) => Promise<string>) => Promise<Engine>;

/** The one place that knows src/search's Node API (see the top of this file). */
async function nodeEngine(root: string): Promise<Open | string> {
  const file = join(root, "src/search/engine.ts");
  if (!existsSync(file)) return "src/search/engine.ts does not exist yet";
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const open = mod.openIndex;
  if (typeof open !== "function") return `src/search/engine.ts exports no openIndex(load) (it exports: ${Object.keys(mod).join(", ") || "nothing"}): adapt nodeEngine() in bench/search.ts`;
  return open as Open;
}

async function measureNode(root: string, siteDir: string, queries: string[]): Promise<SearchSide> {
  const fetched = new Map<string, Buffer>();
  const load = async (path: string): Promise<string> => {
    const clean = path.replace(/^\/?(search\/)?/, "").replace(/[?#].*$/, "");
    const data = readFileSync(join(siteDir, "search", clean));
    if (!fetched.has(clean)) fetched.set(clean, data);
    return data.toString("utf8");
  };
  // The module is loaded (and compiled) first: "ready" is opening the index and answering.
  const open = await nodeEngine(root);
  if (typeof open === "string") return { missing: open };
  const t0 = performance.now();
  const engine = await open(load);
  await engine.search(queries[0]!);
  const readyMs = performance.now() - t0;
  const first = zero();
  for (const data of fetched.values()) add(first, data);
  // Warm up (JIT, shards every query needs), then time each query several times.
  for (const q of queries) await engine.search(q);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t = performance.now();
      await engine.search(q);
      times.push(performance.now() - t);
    }
  }
  return { firstSearch: first, readyMs, queries: times.length, p50Ms: median(times), p95Ms: percentile(times, 95) };
}

interface Counter {
  server: Server;
  origin: string;
  log: { path: string; data: Buffer }[];
}

async function staticServer(siteDir: string): Promise<Counter> {
  const base = resolve(siteDir);
  const log: Counter["log"] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    const data = readFileSync(path);
    log.push({ path: url.pathname, data });
    res.writeHead(200, { "content-type": TYPES[extname(path).toLowerCase()] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(data);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, log };
}

async function measureChromium(siteDir: string, queries: string[]): Promise<SearchSide> {
  if (!existsSync(CHROMIUM)) return { missing: `${CHROMIUM} not found (apt-get install chromium)` };
  if (!existsSync(join(siteDir, "search/index.html"))) return { missing: "the site has no search page (search/index.html)" };
  const { chromium } = await import("playwright-core");
  const counter = await staticServer(siteDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext()).newPage();
    const shown = (q: string) =>
      page.waitForFunction(`document.querySelector(${JSON.stringify(RESULTS)})?.getAttribute("data-query") === ${JSON.stringify(q)}`, undefined, { timeout: 60_000, polling: 10 });
    const first = queries[0]!;
    const t0 = performance.now();
    await page.goto(`${counter.origin}/search/?q=${encodeURIComponent(first)}`);
    try {
      await shown(first);
    } catch {
      return { missing: `the search page showed no results element (${RESULTS}) with data-query="${first}" within 60 s` };
    }
    const readyMs = performance.now() - t0;
    const pageReady = (await page.evaluate(`document.querySelector("[data-search-page]")?.getAttribute("data-ready-ms") ?? null`)) as string | null;
    const search = zero();
    const all = zero();
    for (const { path, data } of counter.log) {
      add(all, data);
      if (!isPageFile(path)) add(search, data);
    }
    // Typed queries: from the input event to the results element naming the
    // query (a MutationObserver, not animation frames: no 16 ms steps).
    if (!(await page.locator('input[name="q"]').count())) return { firstSearch: search, firstSearchAll: all, readyMs, missing: 'the search page has no input[name="q"]' };
    // In-page code is passed as text: tsx would wrap functions in helpers the page lacks.
    await page.evaluate(`window.__mbTime = (sel, query, resultsSel) => new Promise((ok) => {
      const input = document.querySelector(sel);
      const results = document.querySelector(resultsSel);
      const want = query.trim();
      const t = performance.now();
      const obs = new MutationObserver(() => {
        if (results.getAttribute("data-query") === want) { obs.disconnect(); ok(performance.now() - t); }
      });
      obs.observe(results, { attributes: true, attributeFilter: ["data-query"] });
      input.value = query;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    })`);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const args = ['[data-search-page] input[name="q"], input[name="q"]', q, RESULTS].map((a) => JSON.stringify(a)).join(", ");
        times.push((await page.evaluate(`window.__mbTime(${args})`)) as number);
      }
    }
    const side: SearchSide = { firstSearch: search, firstSearchAll: all, readyMs, queries: times.length, p50Ms: median(times), p95Ms: percentile(times, 95) };
    if (pageReady !== null && Number.isFinite(Number(pageReady))) side.pageReadyMs = Number(pageReady);
    const engine = (await page.evaluate(`(async (qs) => {
      const api = window.minutebookSearch;
      if (!api || typeof api.search !== "function") return null;
      for (const q of qs) await api.search(q);
      const ts = [];
      for (let r = 0; r < 5; r++) {
        for (const q of qs) {
          const t = performance.now();
          await api.search(q);
          ts.push(performance.now() - t);
        }
      }
      return ts;
    })(${JSON.stringify(queries)})`)) as number[] | null;
    if (engine) {
      side.engineP50Ms = median(engine);
      side.engineP95Ms = percentile(engine, 95);
    }
    return side;
  } finally {
    await browser.close();
    await new Promise((r) => counter.server.close(r));
  }
}

export async function measureSearch(root: string, siteDir: string, options: { queries: number; chromium: boolean }): Promise<SearchResult> {
  const index = indexBytes(siteDir);
  if (!index) {
    const missing = "no search index in the built site (search/meta.json)";
    return { node: { missing }, chromium: { missing }, queries: [] };
  }
  const queries = pickQueries(siteDir, options.queries);
  const node = await measureNode(root, siteDir, queries).catch((e: Error) => ({ missing: `Node: ${e.message}` }));
  const chromium = options.chromium ? await measureChromium(siteDir, queries).catch((e: Error) => ({ missing: `chromium: ${e.message}` })) : { missing: "skipped (--no-chromium)" };
  return { index, node, chromium, queries };
}
