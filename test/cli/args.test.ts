// Command-line options that decide what a build reads and writes besides the notes and the site.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "../../src/cli/args.ts";
import { CACHE_DIR } from "../../src/paths.ts";
import { BIN, ROOT, SAMPLE_NOTES } from "../helpers/build.ts";

const work = mkdtempSync(join(tmpdir(), "minutebook-args-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the parse cache options", () => {
  it("default to the cache beside minutebook's own files, never the working folder", () => {
    expect(parse(["build"]).cache).toBe(CACHE_DIR);
    expect(CACHE_DIR.startsWith(ROOT)).toBe(true);
    expect(parse(["build", "--cache", "/tmp/c"]).cache).toBe("/tmp/c");
    expect(parse(["check", "--no-cache"]).cache).toBeNull();
    expect(() => parse(["build", "--cache", "x", "--no-cache"])).toThrow(/contradict/);
  });

  it("refuse a cache inside the notes folder, before anything is written", () => {
    const run = spawnSync(process.execPath, [BIN, "check", SAMPLE_NOTES, "--cache", join(SAMPLE_NOTES, ".cache")], { cwd: work, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cache folder .* is inside the notes folder.*--no-cache/);
    expect(readdirSync(SAMPLE_NOTES)).not.toContain(".cache");
  });

  it("are read and written by check too, and left alone with --no-cache", () => {
    const cache = join(work, "cache");
    const none = spawnSync(process.execPath, [BIN, "check", SAMPLE_NOTES, "--no-cache"], { cwd: work, encoding: "utf8" });
    expect(none.status, none.stderr).toBe(0);
    const cold = spawnSync(process.execPath, [BIN, "check", SAMPLE_NOTES, "--cache", cache], { cwd: work, encoding: "utf8" });
    const warm = spawnSync(process.execPath, [BIN, "check", SAMPLE_NOTES, "--cache", cache], { cwd: work, encoding: "utf8" });
    expect(cold.status, cold.stderr).toBe(0);
    expect(warm.stdout).toBe(none.stdout);
    expect(cold.stdout).toBe(none.stdout);
    expect(readdirSync(cache, { recursive: true }).some((f) => String(f).endsWith(".pack"))).toBe(true);
    expect(readdirSync(work).sort()).toEqual(["cache"]);
  });
});
