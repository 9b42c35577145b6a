// Whole-process measurement: wall time and peak resident memory of one command.
//
// Peak memory comes from GNU time (`/usr/bin/time`, Debian package "time"):
// the kernel's maxrss of the command at exit. Without it, /proc/PID/status
// (VmHWM, the high-water mark) of the command is sampled every 20 ms instead.
// Either way it is the peak of the largest process, not a sum: minutebook and
// Eleventy run in one process (worker threads included).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const GNU_TIME = "/usr/bin/time";

export interface Measured {
  wallMs: number;
  /** Peak resident set size in bytes, null when it could not be read. */
  peakRss: number | null;
  /** User + system CPU time (GNU time only): less disturbed than wall time by other work on the machine. */
  cpuMs: number | null;
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

function vmHwm(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export async function measure(cmd: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  const gnu = hasGnuTime();
  const tmp = gnu ? mkdtempSync(join(tmpdir(), "mb-time-")) : "";
  const rssFile = join(tmp, "rss");
  const [file, argv] = gnu ? [GNU_TIME, ["-f", "%M %U %S", "-o", rssFile, cmd, ...args]] : [cmd, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  let sampled: number | null = null;
  const sampler = gnu
    ? null
    : setInterval(() => {
        const v = child.pid ? vmHwm(child.pid) : null;
        if (v !== null) sampled = Math.max(sampled ?? 0, v);
      }, 20);
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, options.timeoutMs)
    : null;
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.on("error", fail);
    child.on("close", (c, s) => done([c, s]));
  });
  const wallMs = performance.now() - started;
  if (sampler) clearInterval(sampler);
  if (timer) clearTimeout(timer);
  let peakRss: number | null = sampled;
  let cpuMs: number | null = null;
  if (gnu) {
    try {
      // GNU time writes "Command exited with non-zero status N" before the figures.
      const lines = readFileSync(rssFile, "utf8").trim().split("\n");
      const [kb, user, sys] = lines[lines.length - 1]!.split(" ").map(Number);
      peakRss = kb && kb > 0 ? kb * 1024 : null;
      cpuMs = user !== undefined && sys !== undefined && Number.isFinite(user + sys) ? (user + sys) * 1000 : null;
    } catch {
      peakRss = null;
    }
    rmSync(tmp, { recursive: true, force: true });
  }
  return { wallMs, peakRss, cpuMs, code, signal, stdout, stderr, timedOut };
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The p-th percentile (0-100), nearest rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
