// Makes an N-times archive: N copies of a notes folder in one new folder, each
// copy's meetings distinct from every other copy's.
//
//   node --import tsx bench/scale.ts NOTES_DIR N OUT_DIR [--mode series|dates] [--verify]
//
// Two ways to keep meetings distinct (a meeting is identified by its date and
// series, so a plain copy would merge into the original):
//
// - "series" (the default, what the benchmark uses): copy k (k >= 2) keeps its
//   dates and gets its own series, "-copyK" added to every series slug (in the
//   file name, before a trailing "-archive"; in `series:` front matter; in the
//   first heading of a note whose file name names no series). Links between
//   notes and to files beside them are renamed to match. An N-times archive is
//   then what a team N times larger writes over the same years: N times the
//   series, each of its real size, N times the meetings a month; people are
//   shared, so a person page lists N times the meetings (the worst case).
// - "dates": copy k is moved (k-1)*STEP years later, STEP the archive's span
//   rounded up to a multiple of 4 years (so 29 February stays a date), by
//   shifting every year of that span written in the copy: in paths, front
//   matter, titles, dated headings of multi-meeting files, links. Series then
//   grow N times. minutebook reads years 1970 to 2100 only, so an archive of
//   2016-2021 (STEP 8) has room for 10 copies: no 50x in this mode.
//
// Copy 1 is the folder itself, byte for byte, at the same paths.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export type ScaleMode = "series" | "dates";

export interface ScaleResult {
  dir: string;
  factor: number;
  mode: ScaleMode;
  notes: number;
  assets: number;
  bytes: number;
  /** Years added to copy k = (k-1) * step ("dates" mode). */
  step: number;
}

const NOTE = /\.(md|markdown)$/i;
const CONFIG = "minutebook.yml";
const FILE_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:-to-(\d{4})-(\d{1,2})-(\d{1,2}))?/;

interface Entry {
  rel: string;
  note: boolean;
}

/** Every file under the folder but dot files and node_modules, as forward-slash paths. */
function listFiles(root: string): Entry[] {
  const out: Entry[] = [];
  const walk = (abs: string): void => {
    for (const name of readdirSync(abs).sort()) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const path = join(abs, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) out.push({ rel: relative(root, path).split(sep).join("/"), note: NOTE.test(name) });
    }
  };
  walk(root);
  return out;
}

/** "2019-04-08--all-hands.md" -> "2019-04-08--all-hands-copy2.md"; "x-to-y--cluster-archive.md" -> "...cluster-copy2-archive.md". */
export function renameForCopy(base: string, k: number): string {
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot) : "";
  const archive = /([-_]?archive)$/i.exec(stem);
  const core = archive ? stem.slice(0, archive.index) : stem;
  const tail = archive ? archive[1] : "";
  return `${core}-copy${k}${tail}${ext}`;
}

/** Whether a note's file name names its series (else minutebook takes it from the title). */
function namesSeries(base: string): boolean {
  const stem = base.replace(NOTE, "");
  const m = FILE_DATE.exec(stem);
  const rest = (m ? stem.slice(m[0].length) : stem).replace(/^[-_\s]+/, "").replace(/[-_]?archive$/i, "");
  return /[a-z]/i.test(rest);
}

/** Renames every known file name written in a text (links between notes, images), by exact base name. */
function renameReferences(text: string, renames: Map<string, string>): string {
  return text.replace(/[^\s()[\]"'<>/\\#?|]+\.[A-Za-z0-9]+/g, (name) => renames.get(name) ?? name);
}

function seriesCopyText(text: string, base: string, k: number, renames: Map<string, string>): string {
  let out = renameReferences(text, renames);
  // Front matter `series:` (a slug or a name) gets the same suffix.
  if (out.startsWith("---")) {
    const end = out.indexOf("\n---", 3);
    if (end > 0) {
      const head = out.slice(0, end).replace(/^(series:[ \t]*)(["']?)(.*?)\2[ \t]*$/m, (_all, key: string, q: string, v: string) => `${key}${q}${v}-copy${k}${q}`);
      out = head + out.slice(end);
    }
  }
  // A note whose file name names no series is of the series its title names.
  if (!namesSeries(base)) out = out.replace(/^(#{1,6}[ \t]+\S.*?)[ \t#]*$/m, (_all, h: string) => `${h} copy${k}`);
  return out;
}

function yearSpan(entries: Entry[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const e of entries) {
    if (!e.note) continue;
    const m = FILE_DATE.exec(e.rel.replace(/^.*\//, ""));
    if (!m) continue;
    for (const y of [m[1], m[4]]) {
      if (!y) continue;
      min = Math.min(min, +y);
      max = Math.max(max, +y);
    }
  }
  if (min === Infinity) throw new Error("no note has a dated file name: cannot shift dates (use --mode series)");
  return [min, max];
}

function shiftYears(text: string, lo: number, hi: number, by: number): string {
  return text.replace(/(?<![\w])(\d{4})(?![\w])/g, (y) => (+y >= lo && +y <= hi ? String(+y + by) : y));
}

export function scaleArchive(source: string, factor: number, dest: string, mode: ScaleMode = "series"): ScaleResult {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`the factor must be a whole number >= 1, not ${factor}`);
  const src = resolve(source);
  const out = resolve(dest);
  const entries = listFiles(src);
  let step = 0;
  let lo = 0;
  let hi = 0;
  if (mode === "dates") {
    [lo, hi] = yearSpan(entries);
    step = Math.ceil((hi - lo + 1) / 4) * 4;
    const last = hi + (factor - 1) * step;
    if (last > 2100) {
      throw new Error(`--mode dates: ${factor} copies of ${lo}-${hi} would reach ${last}, and minutebook reads years up to 2100 only (at most ${Math.floor((2100 - hi) / step) + 1} copies)`);
    }
    // Widen by one year: notes often name the year before or after their own.
    lo -= 1;
    hi += 1;
  }
  let bytes = 0;
  // Notes are read and written as latin1 ("binary"): every byte survives, so
  // UTF-8, Windows-1252 and mojibake reach the copy exactly as in the original;
  // the rewrites touch ASCII only.
  const write = (rel: string, data: Buffer | string): void => {
    const buf = typeof data === "string" ? Buffer.from(data, "latin1") : data;
    const to = join(out, ...rel.split("/"));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, buf);
    bytes += buf.length;
  };
  for (let k = 1; k <= factor; k++) {
    const renames = new Map<string, string>();
    if (k > 1 && mode === "series") {
      for (const e of entries) {
        if (e.rel === CONFIG) continue;
        const base = e.rel.replace(/^.*\//, "");
        renames.set(base, renameForCopy(base, k));
      }
    }
    for (const e of entries) {
      if (e.rel === CONFIG) {
        if (k === 1) write(CONFIG, readFileSync(join(src, CONFIG)));
        continue;
      }
      const from = join(src, ...e.rel.split("/"));
      if (k === 1) {
        const to = join(out, ...e.rel.split("/"));
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(from, to);
        bytes += statSync(from).size;
        continue;
      }
      const dir = e.rel.includes("/") ? e.rel.slice(0, e.rel.lastIndexOf("/") + 1) : "";
      const base = e.rel.slice(dir.length);
      if (mode === "series") {
        const rel = dir + (renames.get(base) ?? base);
        if (!e.note) write(rel, readFileSync(from));
        else write(rel, seriesCopyText(readFileSync(from, "latin1"), base, k, renames));
      } else {
        const by = (k - 1) * step;
        const rel = shiftYears(e.rel, lo, hi, by);
        if (!e.note) write(rel, readFileSync(from));
        else write(rel, shiftYears(readFileSync(from, "latin1"), lo, hi, by));
      }
    }
  }
  return { dir: out, factor, mode, notes: entries.filter((e) => e.note).length * factor, assets: entries.filter((e) => !e.note && e.rel !== CONFIG).length * factor, bytes, step };
}

async function verify(source: string, scaled: string, factor: number): Promise<string[]> {
  const { loadArchive } = await import("../src/archive/load.ts");
  const a = loadArchive(source);
  const b = loadArchive(scaled);
  const issues: string[] = [];
  const count = (x: typeof a) => ({
    meetings: x.meetings.length,
    errors: x.problems.filter((p) => p.severity === "error").length,
    warnings: x.problems.filter((p) => p.severity === "warning").length,
    renumbered: x.meetings.filter((m) => m.id !== `${m.date}--${m.series.slug}`).length,
  });
  const ca = count(a);
  const cb = count(b);
  // Warnings and people do not scale exactly: minutebook tells a handle's typo
  // from another person by how often each is used, and copies multiply uses.
  for (const key of ["meetings", "errors", "renumbered"] as const) {
    if (cb[key] !== ca[key] * factor) issues.push(`${key}: ${cb[key]} in the copy, expected ${factor} x ${ca[key]} = ${ca[key] * factor}`);
  }
  if (new Set(b.meetings.map((m) => m.url)).size !== b.meetings.length) issues.push("two meetings share a URL");
  console.log(`original: ${JSON.stringify(ca)}, series ${a.series.length}, people ${a.people.length}`);
  console.log(`${factor}x:       ${JSON.stringify(cb)}, series ${b.series.length}, people ${b.people.length}`);
  return issues;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { parseArgs } = await import("node:util");
  const usage = "usage: node --import tsx bench/scale.ts NOTES_DIR N OUT_DIR [--mode series|dates] [--verify]";
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { mode: { type: "string", default: "series" }, verify: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`scale: ${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(`${usage}

Writes N copies of the notes in NOTES_DIR into OUT_DIR, each copy's
meetings distinct from every other copy's:
  --mode series   copy K keeps its dates; its series get "-copyK" (default)
  --mode dates    copy K moves (K-1) times the archive's span later, while
                  the years stay up to 2100
  --verify        read both archives and check that the copy holds N times
                  the meetings, errors and renumbered meetings`);
    process.exit(0);
  }
  const [notes, n, dest] = positionals;
  const mode = values.mode as ScaleMode;
  if (!notes || !n || !dest || (mode !== "series" && mode !== "dates")) {
    console.error(usage);
    process.exit(2);
  }
  const started = Date.now();
  const r = scaleArchive(notes, Number(n), dest, mode);
  console.log(`${r.dir}: ${r.notes} notes, ${r.assets} files, ${(r.bytes / 1e6).toFixed(1)} MB (${mode}${mode === "dates" ? `, +${r.step} years a copy` : ""}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (values.verify) {
    const issues = await verify(notes, r.dir, r.factor);
    for (const i of issues) console.error(`verify: ${i}`);
    process.exitCode = issues.length ? 1 : 0;
  }
}
