// `minutebook serve`: the time from saving one note to its updated meeting
// page being served. Runs the real command on a copy of the notes, appends a
// unique line to one note, and polls the meeting's page on 127.0.0.1 every
// 10 ms until the line is in it.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./proc.ts";

export interface ServeResult {
  note: string;
  url: string;
  /** Until the first build was served. */
  startupMs: number;
  latenciesMs: number[];
  medianMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

async function get(url: string): Promise<{ status: number; text: string } | null> {
  try {
    const r = await fetch(url, { headers: { "cache-control": "no-cache" } });
    return { status: r.status, text: await r.text() };
  } catch {
    return null;
  }
}

interface MeetingRef {
  source: string;
  url: string;
}

/** A note holding exactly one meeting, from the middle of the archive (its median-sized one, by bytes). */
function pickNote(notesDir: string, meetings: MeetingRef[]): MeetingRef {
  const bySource = new Map<string, MeetingRef[]>();
  for (const m of meetings) bySource.set(m.source, [...(bySource.get(m.source) ?? []), m]);
  const single = [...bySource.values()].filter((l) => l.length === 1).map((l) => l[0]!);
  if (!single.length) throw new Error("no note holds exactly one meeting");
  const sized = single.map((m) => ({ m, size: readFileSync(join(notesDir, m.source)).length })).sort((a, b) => a.size - b.size || (a.m.source < b.m.source ? -1 : 1));
  return sized[sized.length >> 1]!.m;
}

export async function measureServe(root: string, notesDir: string, options: { edits: number; timeoutMs?: number }): Promise<ServeResult> {
  const work = mkdtempSync(join(tmpdir(), "mb-serve-"));
  const notes = join(work, "notes");
  const out = join(work, "site");
  cpSync(notesDir, notes, { recursive: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 120_000;
  let child: ChildProcess | null = null;
  let log = "";
  try {
    const started = performance.now();
    child = spawn(process.execPath, [join(root, "bin/minutebook.js"), "serve", notes, "--port", String(port), "--out", out, "--quiet"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (log += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (log += d));
    const exited = new Promise<void>((r) => child!.once("exit", () => r()));
    let up = false;
    void exited.then(() => {
      if (!up) log += "\n(the server exited)";
    });
    while (!up) {
      if (child.exitCode !== null || performance.now() - started > timeoutMs) throw new Error(`minutebook serve did not start:\n${log.slice(-2000)}`);
      const r = await get(`${origin}/`);
      if (r?.status === 200) up = true;
      else await sleep(50);
    }
    const startupMs = performance.now() - started;
    const meetings = (JSON.parse(readFileSync(join(out, "data/meetings.json"), "utf8")) as { meetings: MeetingRef[] }).meetings;
    const target = pickNote(notes, meetings);
    const file = join(notes, target.source);
    const original = readFileSync(file);
    const latenciesMs: number[] = [];
    for (let i = 0; i < options.edits; i++) {
      // Let the previous rebuild (and any reload) settle.
      await sleep(i === 0 ? 500 : 1500);
      const marker = `minutebook-bench-marker-${process.pid}-${i}-${Date.now()}`;
      const t0 = performance.now();
      writeFileSync(file, Buffer.concat([original, Buffer.from(`\n\n${marker}\n`)]));
      for (;;) {
        const r = await get(origin + target.url);
        if (r?.text.includes(marker)) break;
        if (performance.now() - t0 > timeoutMs) throw new Error(`the edited note was not served within ${timeoutMs} ms:\n${log.slice(-2000)}`);
        await sleep(10);
      }
      latenciesMs.push(performance.now() - t0);
    }
    return { note: target.source, url: target.url, startupMs, latenciesMs, medianMs: median(latenciesMs) };
  } finally {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await Promise.race([new Promise((r) => child!.once("exit", r)), sleep(3000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    rmSync(work, { recursive: true, force: true });
  }
}
