// Command-line options that decide what a build reads and writes besides the notes and the site.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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

  it("refuse a cache inside the notes folder, or around it, before anything is written", () => {
    const run = spawnSync(process.execPath, [BIN, "check", SAMPLE_NOTES, "--cache", join(SAMPLE_NOTES, ".cache")], { cwd: work, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cache folder .* and the notes folder overlap.*--no-cache/);
    expect(readdirSync(SAMPLE_NOTES)).not.toContain(".cache");
    const notes = join(work, "around", "notes");
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, "2021-03-01--team-weekly.md"), "# Team weekly 2021-03-01\n\n**Attendees:** @ada\n");
    const around = spawnSync(process.execPath, [BIN, "check", notes, "--cache", join(work, "around")], { cwd: work, encoding: "utf8" });
    expect(around.status).toBe(2);
    expect(readdirSync(join(work, "around"))).toEqual(["notes"]);
    rmSync(join(work, "around"), { recursive: true });
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
    const packs = () => readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith(".pack")).sort();
    expect(packs().length).toBeGreaterThan(0);
    // The warm run parsed nothing: it wrote no pack of its own.
    const before = packs();
    spawnSync(process.execPath, [BIN, "check", SAMPLE_NOTES, "--cache", cache], { cwd: work, encoding: "utf8" });
    expect(packs()).toEqual(before);
    expect(readdirSync(work).sort()).toEqual(["cache"]);
  });
});
