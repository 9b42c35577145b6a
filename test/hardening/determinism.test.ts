// The same notes give a byte-identical _site/, whatever the time zone, the
// clock, the folder the notes sit in, or the order the files were written in.
import { afterAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { spawnSync } from "node:child_process";
import { buildSite, cleanupBuilds, listFiles, ROOT, SAMPLE_NOTES, treeDigest } from "../helpers/build.ts";

const temps: string[] = [];
afterAll(() => {
  cleanupBuilds();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A copy of the notes in another folder, files created in reverse order, with new and scattered times. */
function reversedCopy(from: string): string {
  const to = join(mkdtempSync(join(tmpdir(), "minutebook-copy-")), "elsewhere", "notes");
  temps.push(dirname(dirname(to)));
  const files = (readdirSync(from, { recursive: true }) as string[]).filter((f) => statSync(join(from, f)).isFile()).sort().reverse();
  files.forEach((f, i) => {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(from, f), join(to, f));
    const t = new Date(Date.UTC(2030, 0, 1) + i * 3_600_000);
    utimesSync(join(to, f), t, t);
  });
  return to;
}

describe("deterministic output", () => {
  it("is byte-identical across time zones, folders, file order and modification times", async () => {
    const a = await buildSite(SAMPLE_NOTES, { env: { TZ: "UTC" } });
    const copy = reversedCopy(SAMPLE_NOTES);
    const b = await buildSite(copy, { env: { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8" } });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(listFiles(b.out)).toEqual(listFiles(a.out));
    const da = treeDigest(a.out);
    const db = treeDigest(b.out);
    const differ = Object.keys(da).filter((f) => da[f] !== db[f]);
    expect(differ).toEqual([]);
    // Nothing from the machine leaks into the output: no folder of the build, no build time.
    const today = new Date().toISOString().slice(0, 10);
    for (const f of listFiles(a.out).filter((f) => /\.(html|xml|json|txt|js|css)$/.test(f))) {
      const text = readFileSync(join(a.out, f), "utf8");
      for (const leak of [SAMPLE_NOTES, copy, a.out, tmpdir() + sep]) expect(text.includes(leak), `${f} holds ${leak}`).toBe(false);
      expect(text.includes(today), `${f} holds today's date`).toBe(false);
    }
  }, 240_000);

  it("is the same whether the notes are parsed or read from the parse cache of an earlier build", async () => {
    const cache = mkdtempSync(join(tmpdir(), "minutebook-cache-"));
    temps.push(cache);
    const url = "https://notes.example.org/";
    const packs = () => readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith(".pack")).sort();
    const parsed = await buildSite(SAMPLE_NOTES, { url, cache: false });
    const cold = await buildSite(SAMPLE_NOTES, { url, cache });
    const written = packs();
    const warm = await buildSite(SAMPLE_NOTES, { url, cache });
    for (const b of [parsed, cold, warm]) expect(b.code, b.stderr).toBe(0);
    expect(written.length).toBeGreaterThan(0);
    // The warm build read every note from the cache: it parsed none, so wrote no pack.
    expect(packs()).toEqual(written);
    expect(treeDigest(cold.out)).toEqual(treeDigest(parsed.out));
    expect(treeDigest(warm.out)).toEqual(treeDigest(parsed.out));
  }, 240_000);

  it("is the same whether the build writes its outputs or plain Eleventy (with .eleventy.ts) writes them", async () => {
    const url = "https://notes.example.org/";
    const cli = await buildSite(SAMPLE_NOTES, { url });
    const out = mkdtempSync(join(tmpdir(), "minutebook-eleventy-"));
    temps.push(out);
    // Plain Eleventy renders and writes every output itself, passthrough copies included.
    const plain = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=.eleventy.ts", `--output=${out}`, "--quiet"], {
      cwd: ROOT,
      env: { ...process.env, MINUTEBOOK_NOTES: SAMPLE_NOTES, MINUTEBOOK_URL: url },
      encoding: "utf8",
    });
    expect(plain.status, plain.stderr).toBe(0);
    expect(cli.code, cli.stderr).toBe(0);
    expect(listFiles(out)).toEqual(listFiles(cli.out));
    const dc = treeDigest(cli.out);
    const dp = treeDigest(out);
    expect(Object.keys(dc).filter((f) => dc[f] !== dp[f])).toEqual([]);
  }, 240_000);

  it("is the same when a large archive is written in parts, one Eleventy run each", async () => {
    const whole = await buildSite(SAMPLE_NOTES, { url: "https://notes.example.org/" });
    const parted = await buildSite(SAMPLE_NOTES, { url: "https://notes.example.org/", env: { MINUTEBOOK_PART_OUTPUTS: "25" } });
    expect(parted.code, parted.stderr).toBe(0);
    expect(listFiles(parted.out)).toEqual(listFiles(whole.out));
    const dw = treeDigest(whole.out);
    const dp = treeDigest(parted.out);
    expect(Object.keys(dw).filter((f) => dw[f] !== dp[f])).toEqual([]);
  }, 240_000);
});
