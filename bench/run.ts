// npm run bench -- [--sizes 1,10,50] [--runs 3] [--json FILE] [--quick] ...
//
// Measures minutebook against a plain Eleventy build of the same notes
// (bench/baseline/), side by side in one run on one machine, each build a
// separate process timed whole (median of --runs, the tools alternating),
// with its peak memory. minutebook is timed twice a run: a cold build (its
// parse cache emptied first) and the rebuild that follows it (the notes
// unchanged, read from the cache, every page written again); then search (bench/search.ts) and the `serve` edit
// latency (bench/serve.ts). Prints tables and PASS/FAIL against the targets
// of issue #7; --json writes everything measured.
//
// The archive: ../shared/corpus/ipfs-team-mgmt/meeting-notes when present,
// else notes/ (or --notes DIR); 10x and 50x are made by bench/scale.ts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Floor } from "./floor.ts";
import { hasGnuTime, measure, median, type Measured } from "./proc.ts";
import { scaleArchive, type ScaleMode } from "./scale.ts";
import { measureSearch, type SearchResult, type SearchSide } from "./search.ts";
import { measureServe, type ServeResult } from "./serve.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REAL = resolve(ROOT, "../shared/corpus/ipfs-team-mgmt/meeting-notes");
const ELEVENTY = join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
const SITE_URL = "https://notes.example.org/team/";
const BASELINE_CONFIG = join(ROOT, "bench/baseline/eleventy.config.js");
const FLOOR = join(ROOT, "bench/floor.ts");
const GIB = 1024 ** 3;

export const TARGETS = {
  buildRatio: 1.25,
  peakMemory50x: 2 * GIB,
  firstSearchGzip: { 1: 300 * 1000, 10: 1000 * 1000 } as Record<number, number>,
  chromiumP50At10x: 5,
  serveMs: 500,
};

const HELP = `Usage: npm run bench -- [options]

  --sizes 1,10,50     archive sizes, as multiples of the archive (default 1,10,50)
  --runs N            builds of each tool per size; the median counts (default 3)
  --json FILE         also write the results as JSON
  --quick             --sizes 1,10 --runs 1, 3 serve edits (unless given)
  --notes DIR         the archive (default: the real one in ../shared/corpus, else notes/)
  --scale-mode M      how 10x, 50x are made: series (default) or dates (see bench/scale.ts)
  --serve-edits N     edits timed in serve (default 5)
  --search-sizes L    sizes whose search is measured (default 1,10)
  --no-serve, --no-search, --no-chromium, --no-floor   skip those measurements
                      (the floor: each tool's output written alone, by bench/floor.ts)
  --timeout MIN       per build (default 30)
  --heap MB           run both builds with node --max-old-space-size=MB (default: Node's own
                      limit, what a user gets; for finding a build's real peak when it runs out)
  --work DIR          where the scaled archives, sites and caches are written (default: the
                      system's temporary folder); e.g. a tmpfs, to time the builds without the disk
  --keep              keep the temporary folder (scaled archives, last sites)`;

interface BuildRun {
  wallMs: number;
  cpuMs: number | null;
  peakRss: number | null;
  code: number | null;
  /** The machine's 1-minute load average as the build ended (other work running beside it). */
  load: number;
}

interface ToolResult {
  runs: BuildRun[];
  medianMs: number;
  medianCpuMs: number | null;
  /** Largest peak over the runs. */
  peakRss: number | null;
  failed: string | null;
  files: number;
  bytes: number;
  summary?: string;
}

type Tool = "baseline" | "minutebook" | "rebuild";

interface SizeResult {
  size: number;
  notes: number;
  meetings: number | null;
  pages: number | null;
  feeds: number | null;
  baseline: ToolResult;
  /** Cold: the parse cache emptied before each build. */
  minutebook: ToolResult;
  /** The build right after a cold one, the notes unchanged: every note read from the parse cache. */
  rebuild: ToolResult;
  ratio: number | null;
  /** The same ratio of CPU time (user + system). */
  cpuRatio: number | null;
  rebuildRatio: number | null;
  rebuildCpuRatio: number | null;
  search?: SearchResult;
  /** Each tool's output written alone (bench/floor.ts), and the least ratio that leaves minutebook. */
  floor?: { baseline: Floor; minutebook: Floor; ratio: number };
}

/** Writing a built site's files and nothing else, in a fresh process: the least any build of that output costs here. */
async function writeFloor(site: string): Promise<Floor | null> {
  const m = await measure(process.execPath, ["--import", "tsx", FLOOR, site, "--runs", "3"], { cwd: ROOT });
  return m.code === 0 ? (JSON.parse(m.stdout) as Floor) : null;
}

function machine() {
  let model = cpus()[0]?.model ?? "unknown";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (m) model = m[1]!.trim();
  } catch {
    // not Linux
  }
  const pkg = (p: string) => (JSON.parse(readFileSync(join(ROOT, "node_modules", p, "package.json"), "utf8")) as { version: string }).version;
  return {
    cpus: availableParallelism(),
    cpu: model,
    memory: totalmem(),
    node: process.version,
    eleventy: pkg("@11ty/eleventy"),
    os: `${process.platform} ${process.arch}`,
    peakMemoryFrom: hasGnuTime() ? "GNU time (maxrss)" : "/proc VmHWM sampling",
    date: new Date().toISOString(),
  };
}

function countOutput(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

function countNotes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name) && !relative(dir, join(e.parentPath, e.name)).split("/").some((p) => p.startsWith("."))).length;
}

const fmtS = (ms: number | null | undefined) => (ms == null || Number.isNaN(ms) ? "–" : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
const fmtMs = (ms: number | null | undefined) => (ms == null || Number.isNaN(ms) ? "–" : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
const fmtMiB = (b: number | null | undefined) => (b == null ? "–" : b >= GIB ? `${(b / GIB).toFixed(2)} GiB` : `${Math.round(b / 1024 ** 2)} MiB`);
const fmtKB = (b: number | null | undefined) => (b == null ? "–" : b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1000).toFixed(1)} KB`);
const verdict = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "PASS" : "FAIL");

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join(" | ")} |`;
  return [line(head), `|${width.map((w, i) => (i === 0 ? ` ${"-".repeat(w)} ` : ` ${"-".repeat(w - 1)}: `)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}

async function buildTool(tool: Tool, notes: string, out: string, cache: string, timeoutMs: number, heapMb: number | null): Promise<Measured> {
  rmSync(out, { recursive: true, force: true });
  if (tool === "minutebook") rmSync(cache, { recursive: true, force: true });
  // What the removal left to do (a file system with online discard trims the freed blocks at its next
  // commit) is done now, not in the build timed next.
  spawnSync("sync");
  const args =
    tool === "baseline"
      ? [ELEVENTY, `--config=${BASELINE_CONFIG}`, `--input=${notes}`, `--output=${out}`, "--quiet"]
      : // A site URL, so the feeds are built too (without one minutebook skips them).
        [join(ROOT, "bin/minutebook.js"), "build", notes, "--out", out, "--url", SITE_URL, "--cache", cache, "--quiet"];
  return measure(process.execPath, [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), ...args], { cwd: ROOT, timeoutMs });
}

function failure(tool: string, m: Measured, out: string): string | null {
  if (m.timedOut) return `${tool}: timed out`;
  const built = existsSync(join(out, "index.html"));
  // minutebook exits 1 when a note could not be published but still builds the site.
  if (m.code === 0 || (tool !== "baseline" && m.code === 1 && built)) return null;
  if (/heap out of memory|Reached heap limit/i.test(m.stderr)) return `${tool}: ran out of memory (Node's heap limit) after ${fmtS(m.wallMs)} s`;
  const tail = (m.stderr || m.stdout).trim().split("\n").slice(-6).join("\n");
  return `${tool}: exit ${m.code ?? m.signal}${tail ? `\n${tail}` : ""}`;
}

/** minutebook's peak, cold or rebuilding, whichever is larger. */
function peakOf(r: SizeResult): number | null {
  const peaks = [r.minutebook.peakRss, r.rebuild.peakRss].filter((x): x is number => x !== null);
  return peaks.length ? Math.max(...peaks) : null;
}

function ratioOf(a: ToolResult, b: ToolResult, key: "medianMs" | "medianCpuMs"): number | null {
  const [x, y] = [a[key], b[key]];
  return a.failed || b.failed || x == null || y == null || Number.isNaN(x) || Number.isNaN(y) ? null : x / y;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string" },
      runs: { type: "string" },
      json: { type: "string" },
      quick: { type: "boolean" },
      notes: { type: "string" },
      "scale-mode": { type: "string", default: "series" },
      "serve-edits": { type: "string" },
      "search-sizes": { type: "string", default: "1,10" },
      "no-serve": { type: "boolean" },
      "no-search": { type: "boolean" },
      "no-chromium": { type: "boolean" },
      "no-floor": { type: "boolean" },
      timeout: { type: "string", default: "30" },
      keep: { type: "boolean" },
      work: { type: "string" },
      heap: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const sizes = (values.sizes ?? (values.quick ? "1,10" : "1,10,50")).split(",").map(Number);
  const runs = Number(values.runs ?? (values.quick ? 1 : 3));
  const serveEdits = Number(values["serve-edits"] ?? (values.quick ? 3 : 5));
  const searchSizes = new Set(values["search-sizes"].split(",").map(Number));
  const mode = values["scale-mode"] as ScaleMode;
  if (sizes.some((s) => !Number.isInteger(s) || s < 1) || !(runs >= 1) || (mode !== "series" && mode !== "dates")) {
    console.error(HELP);
    return 2;
  }
  const source = resolve(values.notes ?? (existsSync(REAL) ? REAL : join(ROOT, "notes")));
  const timeoutMs = Number(values.timeout) * 60_000;
  const heapMb = values.heap ? Number(values.heap) : null;
  const work = mkdtempSync(join(values.work ? resolve(values.work) : tmpdir(), "minutebook-bench-"));
  const info = { ...machine(), work };
  const archiveName = source === REAL ? "the real archive (ipfs-team-mgmt, ../shared/corpus)" : relative(ROOT, source) || source;
  console.log(`minutebook bench: ${archiveName}; sizes ${sizes.join(", ")}x (${mode}); ${runs} run(s) each${heapMb ? `; heap limit ${heapMb} MB` : ""}; in ${work}`);
  console.log(`machine: ${info.cpus} CPUs (${info.cpu}), ${fmtMiB(info.memory)}, Node ${info.node}, Eleventy ${info.eleventy}; peak memory from ${info.peakMemoryFrom}\n`);

  const results: SizeResult[] = [];
  let serve: ServeResult | { missing: string } | null = null;
  try {
    for (const size of sizes) {
      let notes = source;
      if (size > 1) {
        const t = performance.now();
        notes = scaleArchive(source, size, join(work, `notes-${size}x`), mode).dir;
        console.log(`${size}x: made ${relative(work, notes)} in ${fmtS(performance.now() - t)} s`);
      }
      const noteCount = countNotes(notes);
      // The rebuild writes over the cold build's folder: a rebuild of the site, as a user runs it.
      const outs = { baseline: join(work, `site-${size}x-eleventy`), minutebook: join(work, `site-${size}x-minutebook`), rebuild: join(work, `site-${size}x-minutebook`) };
      const cache = join(work, `cache-${size}x`);
      const empty = (): ToolResult => ({ runs: [], medianMs: NaN, medianCpuMs: null, peakRss: null, failed: null, files: 0, bytes: 0 });
      const tools: Record<Tool, ToolResult> = { baseline: empty(), minutebook: empty(), rebuild: empty() };
      for (let r = 0; r < runs; r++) {
        // A rebuild follows the cold build whose cache it reads.
        const order = r % 2 === 0 ? (["baseline", "minutebook", "rebuild"] as const) : (["minutebook", "rebuild", "baseline"] as const);
        for (const tool of order) {
          const t = tools[tool];
          if (t.failed || (tool === "rebuild" && tools.minutebook.failed)) continue;
          const m = await buildTool(tool, notes, outs[tool], cache, timeoutMs, heapMb);
          t.failed = failure(tool, m, outs[tool]);
          t.runs.push({ wallMs: m.wallMs, cpuMs: m.cpuMs, peakRss: m.peakRss, code: m.code, load: loadavg()[0]! });
          if (tool !== "baseline") t.summary = /^Built .*$/m.exec(m.stdout)?.[0];
          console.log(
            `${size}x run ${r + 1}/${runs} ${tool.padEnd(10)} ${fmtS(m.wallMs).padStart(7)} s  cpu ${fmtS(m.cpuMs).padStart(7)} s  ${fmtMiB(m.peakRss).padStart(9)}  load ${loadavg()[0]!.toFixed(1)}${t.failed ? `  FAILED ${t.failed}` : ""}`,
          );
        }
      }
      for (const tool of ["baseline", "minutebook", "rebuild"] as const) {
        const t = tools[tool];
        t.medianMs = t.failed ? NaN : median(t.runs.map((x) => x.wallMs));
        const cpu = t.runs.map((x) => x.cpuMs).filter((x): x is number => x !== null);
        t.medianCpuMs = t.failed || !cpu.length ? null : median(cpu);
        const peaks = t.runs.map((x) => x.peakRss).filter((x): x is number => x !== null);
        t.peakRss = peaks.length ? Math.max(...peaks) : null;
        Object.assign(t, countOutput(outs[tool]));
      }
      const built = /: (\d+) notes, (\d+) meetings, (\d+) pages, (\d+) feeds/.exec(tools.minutebook.summary ?? "");
      const result: SizeResult = {
        size,
        notes: noteCount,
        meetings: built ? Number(built[2]) : null,
        pages: built ? Number(built[3]) : null,
        feeds: built ? Number(built[4]) : null,
        baseline: tools.baseline,
        minutebook: tools.minutebook,
        rebuild: tools.rebuild,
        ratio: ratioOf(tools.minutebook, tools.baseline, "medianMs"),
        cpuRatio: ratioOf(tools.minutebook, tools.baseline, "medianCpuMs"),
        rebuildRatio: ratioOf(tools.rebuild, tools.baseline, "medianMs"),
        rebuildCpuRatio: ratioOf(tools.rebuild, tools.baseline, "medianCpuMs"),
      };
      if (!values["no-floor"] && !tools.baseline.failed && !tools.minutebook.failed) {
        const [b, m] = [await writeFloor(outs.baseline), await writeFloor(outs.minutebook)];
        // Eleventy's build with its own writes swapped for minutebook's: what minutebook's output costs at least.
        if (b && m) result.floor = { baseline: b, minutebook: m, ratio: (tools.baseline.medianMs - b.ms + m.ms) / tools.baseline.medianMs };
        if (result.floor) console.log(`${size}x floor: writing Eleventy's output ${fmtS(b!.ms)} s, minutebook's ${fmtS(m!.ms)} s; least ratio ${result.floor.ratio.toFixed(2)}x`);
      }
      if (!values["no-search"] && searchSizes.has(size) && !tools.minutebook.failed) {
        result.search = await measureSearch(ROOT, outs.minutebook, { queries: 40, chromium: !values["no-chromium"] });
        const s = result.search;
        console.log(`${size}x search: node ${s.node.missing ?? `p50 ${fmtMs(s.node.p50Ms)} ms`}; chromium ${s.chromium.missing ?? `p50 ${fmtMs(s.chromium.p50Ms)} ms`}`);
      }
      results.push(result);
      if (!values.keep) {
        for (const dir of [...Object.values(outs), cache, ...(size > 1 ? [notes] : [])]) rmSync(dir, { recursive: true, force: true });
      }
    }
    if (!values["no-serve"]) {
      console.log(`serve: ${serveEdits} edits at 1x…`);
      serve = await measureServe(ROOT, source, { edits: serveEdits }).catch((e: Error) => ({ missing: e.message }));
    }
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }

  const report = render(results, serve, info, archiveName, runs, mode, heapMb);
  console.log(`\n${report.text}`);
  if (values.json) {
    writeFileSync(values.json, JSON.stringify({ machine: info, archive: archiveName, scaleMode: mode, runs, heapMb, targets: TARGETS, sizes: results, serve, verdicts: report.verdicts }, null, 1));
    console.log(`\nWrote ${values.json}`);
  }
  return 0;
}

interface Verdict {
  target: string;
  value: string;
  pass: boolean | null;
}

function render(results: SizeResult[], serve: ServeResult | { missing: string } | null, info: ReturnType<typeof machine> & { work: string }, archive: string, runs: number, mode: ScaleMode, heapMb: number | null) {
  const out: string[] = [];
  out.push(
    `Archive: ${archive}; larger sizes by bench/scale.ts --mode ${mode}. Median of ${runs} run(s), each a separate process${heapMb ? `, run with node --max-old-space-size=${heapMb}` : ""}.`,
  );
  out.push(`Machine: ${info.cpus} CPUs (${info.cpu}), ${fmtMiB(info.memory)} RAM, Node ${info.node}, Eleventy ${info.eleventy}, ${info.os}; sites written under ${info.work}.`);
  const loads = results.flatMap((r) => [...r.baseline.runs, ...r.minutebook.runs, ...r.rebuild.runs].map((x) => x.load));
  if (loads.length) out.push(`Load average during the builds: ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} (other work on the machine; the CPU ratio is the steadier figure then).`);
  out.push("");
  out.push(
    "Build (whole process, every page, feed and the search index) against plain Eleventy (bench/baseline/). Cold: minutebook's parse cache emptied first; rebuild: the build right after, the notes unchanged, every note read from the cache and every page written again:\n",
  );
  const ratio = (x: number | null) => (x === null ? "–" : `${x.toFixed(2)}x`);
  out.push(
    table(
      ["size", "notes", "meetings", "minutebook pages", "feeds", "Eleventy", "cold", "ratio", "≤ 1.25", "CPU ratio", "rebuild", "ratio", "≤ 1.25", "CPU ratio", "Eleventy peak", "minutebook peak"],
      results.map((r) => [
        `${r.size}x`,
        r.notes,
        r.meetings ?? "–",
        r.pages ?? "–",
        r.feeds ?? "–",
        r.baseline.failed ? "failed" : `${fmtS(r.baseline.medianMs)} s`,
        r.minutebook.failed ? "failed" : `${fmtS(r.minutebook.medianMs)} s`,
        ratio(r.ratio),
        verdict(r.ratio === null ? null : r.ratio <= TARGETS.buildRatio),
        ratio(r.cpuRatio),
        r.rebuild.failed || !r.rebuild.runs.length ? "failed" : `${fmtS(r.rebuild.medianMs)} s`,
        ratio(r.rebuildRatio),
        verdict(r.rebuildRatio === null ? null : r.rebuildRatio <= TARGETS.buildRatio),
        ratio(r.rebuildCpuRatio),
        fmtMiB(r.baseline.peakRss),
        fmtMiB(peakOf(r)),
      ]),
    ),
  );
  out.push(
    `\nOutput written: ${results.map((r) => `${r.size}x Eleventy ${r.baseline.files} files, ${fmtMiB(r.baseline.bytes)}; minutebook ${r.minutebook.files} files, ${fmtMiB(r.minutebook.bytes)}`).join(". ")}.`,
  );
  const floors = results.filter((r) => r.floor);
  if (floors.length) {
    out.push("\nWriting each output alone (bench/floor.ts: the files read into memory first, then written to a fresh folder, one writeFileSync each, median of 3), and the least ratio that leaves: Eleventy's build with its writes swapped for minutebook's:\n");
    out.push(
      table(
        ["size", "Eleventy files", "written in", "minutebook files", "written in", "least ratio"],
        floors.map((r) => [`${r.size}x`, r.floor!.baseline.files, `${fmtS(r.floor!.baseline.ms)} s`, r.floor!.minutebook.files, `${fmtS(r.floor!.minutebook.ms)} s`, `${r.floor!.ratio.toFixed(2)}x`]),
      ),
    );
  }
  const failures = results.flatMap((r) => [r.baseline.failed, r.minutebook.failed].filter(Boolean).map((f) => `${r.size}x ${f}`));
  if (failures.length) out.push(`\nFailed builds:\n${failures.join("\n")}`);

  const searched = results.filter((r) => r.search);
  if (searched.length) {
    out.push("\nSearch (first search: search code and index files fetched, gzip -6 per file; ready: to the first results; query latency p50 / p95):\n");
    const bytes = (s: SearchSide) => (s.firstSearch ? `${fmtKB(s.firstSearch.raw)} / ${fmtKB(s.firstSearch.gzip)}` : "–");
    const ms = (p50?: number, p95?: number) => (p50 != null ? `${fmtMs(p50)} / ${fmtMs(p95)} ms` : "–");
    out.push(
      table(
        ["size", "index on disk (raw / gzip)", "Node: first search (raw / gzip)", "ready", "query", "chromium: first search (raw / gzip)", "ready", "query (worker)", "typed → shown"],
        searched.map((r) => {
          const s = r.search!;
          return [
            `${r.size}x`,
            s.index ? `${fmtKB(s.index.raw)} / ${fmtKB(s.index.gzip)}` : "not built",
            bytes(s.node),
            s.node.readyMs != null ? `${fmtMs(s.node.readyMs)} ms` : "–",
            ms(s.node.p50Ms, s.node.p95Ms),
            bytes(s.chromium),
            s.chromium.readyMs != null ? `${fmtMs(s.chromium.readyMs)} ms` : "–",
            ms(s.chromium.engineP50Ms, s.chromium.engineP95Ms),
            ms(s.chromium.p50Ms, s.chromium.p95Ms),
          ];
        }),
      ),
    );
    out.push(
      "\nchromium: ready = from opening /search/?q=… to its results shown (page, scripts, worker, index); query (worker) = window.minutebookSearch.search() through the worker; typed → shown = from the input event to the results in the page.",
    );
    const notes = searched.flatMap((r) => [
      r.search!.node.missing ? `${r.size}x Node: not built: ${r.search!.node.missing}` : null,
      r.search!.chromium.missing ? `${r.size}x chromium: not built: ${r.search!.chromium.missing}` : null,
    ]).filter(Boolean);
    if (notes.length) out.push(`\n${[...new Set(notes)].join("\n")}`);
  }

  if (serve) {
    out.push("\nServe (minutebook serve, 1x): from saving one note to its updated meeting page served:\n");
    if ("missing" in serve) out.push(`failed: ${serve.missing}`);
    else out.push(table(["note", "first build served", "edit → served, median", "each"], [[serve.note, `${fmtS(serve.startupMs)} s`, `${fmtMs(serve.medianMs)} ms`, serve.latenciesMs.map((x) => fmtMs(x)).join(", ")]]));
  }

  const verdicts: Verdict[] = [];
  for (const [kind, key] of [["cold", "ratio"], ["rebuild", "rebuildRatio"]] as const) {
    for (const r of results) {
      const x = r[key];
      verdicts.push({ target: `build at ${r.size}x (${kind}) ≤ ${TARGETS.buildRatio}x Eleventy`, value: x === null ? "failed" : `${x.toFixed(2)}x`, pass: x === null ? false : x <= TARGETS.buildRatio });
    }
  }
  const r50 = results.find((r) => r.size === 50);
  const failed50 = r50 ? (r50.minutebook.failed ?? r50.rebuild.failed) : null;
  verdicts.push({
    target: "peak memory at 50x ≤ 2 GiB",
    value: r50 ? (failed50 ? `failed (${fmtMiB(peakOf(r50))} when it stopped)` : fmtMiB(peakOf(r50))) : "not measured",
    pass: r50 ? !failed50 && peakOf(r50) !== null && peakOf(r50)! <= TARGETS.peakMemory50x : null,
  });
  for (const size of [1, 10]) {
    const s = results.find((r) => r.size === size)?.search;
    const fs = s?.chromium.firstSearch ?? s?.node.firstSearch;
    const limit = TARGETS.firstSearchGzip[size]!;
    verdicts.push({ target: `first search at ${size}x ≤ ${fmtKB(limit)} compressed`, value: fs ? fmtKB(fs.gzip) : s ? "search not built" : "not measured", pass: fs ? fs.gzip <= limit : s ? false : null });
  }
  const c10 = results.find((r) => r.size === 10)?.search?.chromium;
  // The engine's latency in the browser (through its worker) when the page exposes it, else typed → shown.
  const p10 = c10?.engineP50Ms ?? c10?.p50Ms;
  verdicts.push({
    target: `query p50 at 10x in chromium ≤ ${TARGETS.chromiumP50At10x} ms`,
    value: p10 != null ? `${fmtMs(p10)} ms${c10?.engineP50Ms != null && c10.p50Ms != null ? ` (typed → shown ${fmtMs(c10.p50Ms)} ms)` : ""}` : c10 ? "search not built" : "not measured",
    pass: p10 != null ? p10 <= TARGETS.chromiumP50At10x : c10 ? false : null,
  });
  verdicts.push({
    target: `serve: edited note served ≤ ${TARGETS.serveMs} ms at 1x`,
    value: serve ? ("missing" in serve ? "failed" : `${fmtMs(serve.medianMs)} ms`) : "not measured",
    pass: serve ? !("missing" in serve) && serve.medianMs <= TARGETS.serveMs : null,
  });
  out.push("\nTargets (issue #7):\n");
  out.push(table(["target", "measured", "result"], verdicts.map((v) => [v.target, v.value, verdict(v.pass)])));
  return { text: out.join("\n"), verdicts };
}

process.exitCode = await main();
