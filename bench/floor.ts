// node --import tsx bench/floor.ts SITE [--runs N]
//
// What writing a built site costs on this machine, and nothing else: every
// file of SITE is read into memory first, then written to a fresh folder beside it
// (its folders made once each, one writeFileSync a file), and only that is
// timed. bench/run.ts runs it on both tools' outputs: the difference is time
// no build of minutebook's output can save, whatever it does in between.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { median } from "./proc.ts";

const HELP = `Usage: node --import tsx bench/floor.ts SITE [--runs N]

Reads every file of the built site SITE into memory, then times writing them
all to a new folder beside it (median of --runs, default 3), and prints
{"ms": …, "runsMs": […], "files": …, "bytes": …} as JSON.`;

export interface Floor {
  ms: number;
  runsMs: number[];
  files: number;
  bytes: number;
}

function readTree(site: string): { path: string; data: Buffer }[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((path) => ({ path: relative(site, path), data: readFileSync(path) }));
}

function writeTree(files: { path: string; data: Buffer }[], out: string): number {
  const started = performance.now();
  const made = new Set<string>();
  for (const f of files) {
    const target = join(out, f.path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // writeFileSync opens, writes and closes: one file costs what a build's write of it costs at least.
    writeFileSync(target, f.data);
  }
  return performance.now() - started;
}

function measureFloor(site: string, runs: number): Floor {
  const files = readTree(site);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Beside the site, on its file system: the one its build wrote to.
    const out = mkdtempSync(join(dirname(resolve(site)), "minutebook-floor-"));
    try {
      times.push(writeTree(files, out));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { ms: median(times), runsMs: times.map(Math.round), files: files.length, bytes: files.reduce((n, f) => n + f.data.length, 0) };
}

function main(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "3" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const runs = Number(values.runs);
  if (positionals.length !== 1 || !(runs >= 1)) {
    console.error(HELP);
    return 2;
  }
  console.log(JSON.stringify(measureFloor(positionals[0]!, runs)));
  return 0;
}

process.exitCode = main();
