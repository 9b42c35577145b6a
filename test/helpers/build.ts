// Builds a notes folder with the real command, `node bin/minutebook.js build`,
// into a fresh temporary folder, and reads back what it wrote.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "bin", "minutebook.js");
export const SAMPLE_NOTES = join(ROOT, "notes");

export interface BuildResult {
  /** The site folder the build wrote. */
  out: string;
  /** The empty folder the build ran in: anything in it was written outside `out`. */
  cwd: string;
  stdout: string;
  stderr: string;
  /** Exit status, or null when the process was killed by a signal. */
  code: number | null;
}

export interface BuildOptions {
  /** Extra environment variables, e.g. { TZ: "Pacific/Kiritimati" }. */
  env?: Record<string, string>;
  /** Passed as --url. */
  url?: string;
  /** Killed after this long (ms). */
  timeout?: number;
  /** Passed as --cache DIR, or --no-cache when false (else the default cache). */
  cache?: string | false;
}

const temps: string[] = [];

/** Runs one build into a new temporary folder (removed by cleanupBuilds). */
export async function buildSite(notesDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const tmp = mkdtempSync(join(tmpdir(), "minutebook-test-"));
  temps.push(tmp);
  const out = join(tmp, "site");
  const cwd = join(tmp, "cwd");
  mkdirSync(cwd);
  const args = [BIN, "build", resolve(notesDir), "--out", out];
  if (options.url !== undefined) args.push("--url", options.url);
  if (options.cache !== undefined) args.push(...(options.cache === false ? ["--no-cache"] : ["--cache", options.cache]));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeout ?? 120_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", fail);
    child.on("close", (code) => done({ out, cwd, stdout, stderr, code }));
  });
}

const once = new Map<string, Promise<BuildResult>>();

/**
 * The build of a notes folder, made once per test file (vitest gives every
 * test file its own module instance) and shared by its tests.
 */
export function buildOnce(notesDir: string = SAMPLE_NOTES): Promise<BuildResult> {
  const key = resolve(notesDir);
  let build = once.get(key);
  if (!build) {
    build = buildSite(key);
    once.set(key, build);
  }
  return build;
}

/** Removes every folder this module's builds made; for afterAll. */
export function cleanupBuilds(): void {
  once.clear();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A failed build's output, for an assertion message. */
export function describeBuild(b: BuildResult): string {
  return `exit ${b.code}\n--- stdout\n${b.stdout}\n--- stderr\n${b.stderr}`;
}

/** Every file under dir, as sorted forward-slash paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** path -> sha256 of every file under dir: equal maps mean byte-identical trees. */
export function treeDigest(dir: string): Record<string, string> {
  const digest: Record<string, string> = {};
  for (const file of listFiles(dir)) digest[file] = createHash("sha256").update(readFileSync(join(dir, file))).digest("hex");
  return digest;
}

// The part of data/meetings.json (src/site/data.ts) the tests read.
export interface MeetingData {
  id: string;
  source: string;
  line: number;
  url: string;
  date: string;
  series: { slug: string; name: string };
  title: string;
  leads: string[];
  notetakers: string[];
  attendees: string[];
  prev: string | null;
  next: string | null;
  sections: { id: string; heading: string }[];
  overrides: string[];
}

export interface MeetingsJson {
  site: { title: string; url: string | null };
  meetings: MeetingData[];
  series: { slug: string; name: string; url: string; meetings: string[] }[];
  people: { id: string; name: string; handle: string | null; url: string }[];
  problems: { source: string; line: number; severity: string; message: string }[];
}

export function readMeetingsJson(out: string): MeetingsJson {
  return JSON.parse(readFileSync(join(out, "data", "meetings.json"), "utf8")) as MeetingsJson;
}

/** The file a site URL ("/2025/01/06/x/", "/404.html") is served from. */
export function fileOfUrl(out: string, url: string): string {
  const path = decodeURIComponent(url.split(/[?#]/)[0] ?? "");
  return join(out, ...path.split("/").filter(Boolean), ...(path.endsWith("/") ? ["index.html"] : []));
}
