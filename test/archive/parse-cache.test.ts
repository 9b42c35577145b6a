// The parse cache (src/archive/parse-cache.ts): a load that reads unchanged
// notes from it gives the archive a load that parses every note gives, and
// whatever is wrong with the cache only costs a parse.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadArchive, parseSettings, planLoad, readAndParse, type ParseSettings } from "../../src/archive/load.ts";
import { bodyMemoFile, cacheFolder, ParseCache, PARSER_PACKAGES, parserVersion, saveCacheIndex, type CacheOptions } from "../../src/archive/parse-cache.ts";
import { BuildHelper } from "../../src/threads/build-helper.ts";
import { ROOT, SAMPLE_NOTES } from "../helpers/build.ts";

const work = mkdtempSync(join(tmpdir(), "minutebook-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let made = 0;
const fresh = (name: string): string => join(work, `${name}-${++made}`);

const NOTE = (title: string, body: string): string => `# ${title}

**Meeting Lead:** @ada
**Attendees:** @ada, @grace, @linus

#### Widgets
Summary: the widget rewrite

- @grace:
  - ${body}
- Q(@linus): when does it ship?
`;

function notesFolder(): string {
  const dir = fresh("notes");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "2021-03-01--widget-team-weekly.md"), NOTE("Widget team weekly 2021-03-01", "landed the “fast path”"));
  writeFileSync(join(dir, "2021-03-08--widget-team-weekly.md"), NOTE("Widget team weekly 2021-03-08", "benchmarks see widgets/core#12"));
  writeFileSync(join(dir, "2021-03-15--widget-team-weekly.md"), NOTE("Widget team weekly 2021-03-15", "released v1.0"));
  return dir;
}

/** One thread's load of a folder through the cache, as ParallelLoad does it, index saved. */
function load(dir: string, cache: CacheOptions): { parsed: ReturnType<typeof readAndParse>[]; hits: number } {
  const plan = planLoad(dir);
  const settings = parseSettings(plan.config);
  const tag = `load${++made}`;
  const store = new ParseCache(cache, dir, settings, tag);
  const parsed = plan.folder.notes.map((source) => readAndParse(dir, source, settings, { store }));
  store.close();
  // A hit's record is in an earlier load's pack; a parsed note's, in this one's.
  const hits = [...store.spots.values()].filter((spot) => !spot.pack.startsWith(`${tag}-`)).length;
  saveCacheIndex(cache, dir, settings, plan.folder.notes, store.spots);
  return { parsed, hits };
}

const results = (notes: ReturnType<typeof readAndParse>[]) => JSON.stringify(notes.map((n) => [n.source, n.hash, n.result]));
const settingsOf = (dir: string): ParseSettings => parseSettings(planLoad(dir).config);
const packsOf = (cache: CacheOptions, dir: string): string[] => readdirSync(cacheFolder(cache, settingsOf(dir))).filter((f) => f.endsWith(".pack")).sort();

describe("the parse cache", () => {
  it("gives back every unchanged note as its parse, and parses only what changed", () => {
    const dir = notesFolder();
    const cache = { dir: fresh("cache"), version: "v1" };
    const cold = load(dir, cache);
    expect(cold.hits).toBe(0);
    const warm = load(dir, cache);
    expect(warm.hits).toBe(3);
    expect(results(warm.parsed)).toBe(results(cold.parsed));
    expect(results(warm.parsed)).toBe(results(planLoad(dir).folder.notes.map((s) => readAndParse(dir, s, settingsOf(dir)))));
    // The curly quotes made that note's strings two-byte; what JSON gives back is equal all the same.
    expect(JSON.stringify(warm.parsed[0]!.result)).toContain("“fast path”");

    writeFileSync(join(dir, "2021-03-08--widget-team-weekly.md"), NOTE("Widget team weekly 2021-03-08", "benchmarks doubled"));
    rmSync(join(dir, "2021-03-15--widget-team-weekly.md"));
    const edited = load(dir, cache);
    expect(edited.hits).toBe(1);
    expect(JSON.stringify(edited.parsed[1]!.result)).toContain("benchmarks doubled");
    expect(JSON.stringify(edited.parsed[1]!.result)).not.toContain("widgets/core#12");
    const index = JSON.parse(readFileSync(join(cacheFolder(cache, settingsOf(dir)), readdirSync(cacheFolder(cache, settingsOf(dir))).find((f) => f.startsWith("index-"))!), "utf8"));
    expect(Object.keys(index.notes).sort()).toEqual(["2021-03-01--widget-team-weekly.md", "2021-03-08--widget-team-weekly.md"]);
    expect(index.dir).toBe(resolve(dir));
  });

  it("never keeps a parse that threw: what threw may be of the thread, not of the note", () => {
    const dir = notesFolder();
    const cache = { dir: fresh("cache"), version: "v1" };
    const settings = settingsOf(dir);
    // Settings whose prefixes can be named (the cache's folder) but not read (the parse).
    const prefixes = new Proxy([] as string[], {
      get: (target, key) => (key === "join" ? () => "" : key === "length" ? 0 : () => { throw new Error("no prefixes here"); }),
    });
    writeFileSync(join(dir, "2021-03-22--widget-team-weekly.md"), NOTE("Widget team weekly 2021-03-22", "see [the plan](https://example.org/plan.md)"));
    const store = new ParseCache(cache, dir, { ...settings, sourcePrefixes: prefixes }, "crash");
    const note = readAndParse(dir, "2021-03-22--widget-team-weekly.md", { ...settings, sourcePrefixes: prefixes }, { store });
    store.close();
    expect(note.result.problems.map((p) => p.message).join()).toMatch(/could not read this note/);
    expect(store.spots.size).toBe(0);
  });

  it("is kept apart for other code and other settings", () => {
    const dir = notesFolder();
    const cache = { dir: fresh("cache"), version: "v1" };
    load(dir, cache);
    expect(load(dir, { ...cache, version: "v2" }).hits).toBe(0);
    const other = { ...settingsOf(dir), issueBase: "https://git.example.org/" };
    expect(cacheFolder(cache, other)).not.toBe(cacheFolder(cache, settingsOf(dir)));
    expect(load(dir, cache).hits).toBe(3);
  });

  it("is of the parser's code and of every package it runs, dependencies of dependencies included", () => {
    // Every package the parser imports is in the list the version is made of.
    const core = join(ROOT, "src", "core");
    const imported = new Set<string>();
    for (const f of readdirSync(core, { recursive: true }) as string[]) {
      if (!f.endsWith(".ts")) continue;
      for (const [, spec] of readFileSync(join(core, f), "utf8").matchAll(/(?:from |require\()"([^".][^"]*)"/g)) if (!spec!.startsWith("node:")) imported.add(spec!.split("/")[0]!);
    }
    expect([...imported].sort()).toEqual([...PARSER_PACKAGES].sort());
    expect(parserVersion("v1", ROOT)).toBe(parserVersion("v1", ROOT));
    expect(parserVersion("v2", ROOT)).not.toBe(parserVersion("v1", ROOT));

    // A package tree of our own: the version follows a dependency of a dependency, and where it is installed.
    const root = fresh("tree");
    const install = (dir: string, name: string, version: string, dependencies: Record<string, string> = {}) => {
      mkdirSync(join(dir, "node_modules", name), { recursive: true });
      writeFileSync(join(dir, "node_modules", name, "package.json"), JSON.stringify({ name, version, dependencies }));
    };
    install(root, "markdown-it", "14.0.0", { "linkify-it": "^5" });
    install(root, "linkify-it", "5.0.0");
    const before = parserVersion("v1", root);
    install(root, "linkify-it", "5.0.1");
    const bumped = parserVersion("v1", root);
    expect(bumped).not.toBe(before);
    install(join(root, "node_modules", "markdown-it"), "linkify-it", "4.0.0");
    expect(parserVersion("v1", root)).not.toBe(bumped);
  });

  it("costs only a parse when a pack is cut short, foreign or gone, or the index is broken", () => {
    const dir = notesFolder();
    const cache = { dir: fresh("cache"), version: "v1" };
    const cold = load(dir, cache);
    const folder = cacheFolder(cache, settingsOf(dir));
    const [pack] = packsOf(cache, dir);
    truncateSync(join(folder, pack!), 40);
    const cut = load(dir, cache);
    expect(cut.hits).toBe(0);
    expect(results(cut.parsed)).toBe(results(cold.parsed));
    expect(load(dir, cache).hits).toBe(3);

    // Another record where the index points: its hash is not the note's.
    for (const p of packsOf(cache, dir)) writeFileSync(join(folder, p), readFileSync(join(folder, p), "utf8").replace(/^[0-9a-f]{40}/gm, (h) => h.replace(/^./, (c) => (c === "0" ? "1" : "0"))));
    const foreign = load(dir, cache);
    expect(foreign.hits).toBe(0);
    expect(results(foreign.parsed)).toBe(results(cold.parsed));

    for (const p of packsOf(cache, dir)) rmSync(join(folder, p));
    expect(load(dir, cache).hits).toBe(0);
    for (const f of readdirSync(folder).filter((f) => f.startsWith("index-"))) writeFileSync(join(folder, f), "{ not json");
    const broken = load(dir, cache);
    expect(broken.hits).toBe(0);
    expect(results(broken.parsed)).toBe(results(cold.parsed));
    expect(load(dir, cache).hits).toBe(3);
  });

  it("is neither read nor written when its folder cannot be made, and the load goes on", () => {
    const dir = notesFolder();
    const blocked = fresh("blocked");
    writeFileSync(blocked, "a file where the cache's folder would be");
    const cache = { dir: blocked, version: "v1" };
    const plain = planLoad(dir).folder.notes.map((s) => readAndParse(dir, s, settingsOf(dir)));
    expect(results(load(dir, cache).parsed)).toBe(results(plain));
    expect(results(load(dir, cache).parsed)).toBe(results(plain));
  });

  it("removes stale packs no index uses and stale folders of other versions, and gathers an index spread over many packs", () => {
    const dir = notesFolder();
    const cache = { dir: fresh("cache"), version: "v1" };
    load(dir, { ...cache, version: "v0" });
    const old = new Date(Date.now() - 3_600_000);
    const v0 = cacheFolder({ ...cache, version: "v0" }, settingsOf(dir));
    utimesSync(v0, old, old);
    // Beside it: a folder of the same version for other settings (another repository's), and a folder that is not the cache's.
    const otherSettings = cacheFolder(cache, { ...settingsOf(dir), issueBase: "https://git.example.org/" });
    mkdirSync(otherSettings, { recursive: true });
    writeFileSync(join(otherSettings, "version"), "v1");
    const foreign = join(cache.dir, "notes-team");
    mkdirSync(foreign, { recursive: true });
    writeFileSync(join(foreign, "precious.md"), "# not the cache's");
    for (const f of [otherSettings, foreign]) utimesSync(f, old, old);
    load(dir, cache);
    expect(existsSync(v0)).toBe(false);
    expect(existsSync(otherSettings)).toBe(true);
    expect(existsSync(join(foreign, "precious.md"))).toBe(true);

    const folder = cacheFolder(cache, settingsOf(dir));
    const [first] = packsOf(cache, dir);
    // Every note changed: the first pack is used by no index any more, but is kept until it is stale.
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".md"))) writeFileSync(join(dir, f), readFileSync(join(dir, f), "utf8") + "\nMore.\n");
    load(dir, cache);
    expect(packsOf(cache, dir)).toContain(first);
    utimesSync(join(folder, first!), old, old);
    // A folder is pruned at most every ten minutes: the last load did.
    load(dir, cache);
    expect(packsOf(cache, dir)).toContain(first);
    utimesSync(join(folder, "pruned"), old, old);
    load(dir, cache);
    expect(packsOf(cache, dir)).not.toContain(first);

    // One note changed per load, eleven times: each load's record in a pack of its own, until they are gathered.
    const notes = readdirSync(dir).filter((f) => f.endsWith(".md"));
    for (let i = 0; i < 11; i++) {
      const f = notes[i % notes.length]!;
      writeFileSync(join(dir, f), readFileSync(join(dir, f), "utf8") + `\nEdit ${i}.\n`);
      load(dir, cache);
    }
    const index = JSON.parse(readFileSync(join(folder, readdirSync(folder).find((f) => f.startsWith("index-"))!), "utf8"));
    expect(new Set(Object.values(index.notes as Record<string, [string, string]>).map((s) => s[1])).size).toBeLessThanOrEqual(8);
    const again = load(dir, cache);
    expect(again.hits).toBe(3);
    expect(results(again.parsed)).toBe(results(notes.sort().map((s) => readAndParse(dir, s, settingsOf(dir)))));
  });

  it("keeps a notes folder's memo of sections while its index is kept, and removes it, once stale, when the index is gone", () => {
    const dir = notesFolder();
    const other = notesFolder();
    const cache = { dir: fresh("cache"), version: "v1" };
    load(dir, cache);
    load(other, cache);
    const folder = cacheFolder(cache, settingsOf(dir));
    const mine = bodyMemoFile(cache, settingsOf(dir), dir);
    const theirs = bodyMemoFile(cache, settingsOf(other), other);
    expect(dirname(mine)).toBe(folder);
    expect(mine).not.toBe(theirs);
    for (const f of [mine, theirs]) writeFileSync(f, "{}");
    // The other folder is deleted: its index goes, and its memo with it.
    rmSync(other, { recursive: true, force: true });
    const old = new Date(Date.now() - 3_600_000);
    for (const f of readdirSync(folder)) utimesSync(join(folder, f), old, old);
    load(dir, cache);
    expect(existsSync(theirs)).toBe(false);
    expect(existsSync(mine)).toBe(true);
  });

  it("gives the worker's load and this thread's the archive of a load without it, cold and warm", async () => {
    const real = resolve(ROOT, "../shared/corpus/ipfs-team-mgmt/meeting-notes");
    const dir = existsSync(real) ? real : SAMPLE_NOTES;
    const copy = fresh("copy");
    cpSync(dir, copy, { recursive: true });
    const cache = { dir: fresh("cache"), version: "v1" };
    const expected = JSON.stringify(loadArchive(copy));
    const folder = cacheFolder(cache, settingsOf(copy));
    const packs = () => readdirSync(folder).filter((f) => f.endsWith(".pack")).sort();
    let written: string[] = [];
    for (const round of ["cold", "warm"]) {
      const helper = BuildHelper.start();
      const archive = await helper.parse(copy, { cache }).archive();
      await helper.close();
      expect(helper.fallbacks, round).toEqual([]);
      expect(JSON.stringify(archive) === expected, round).toBe(true);
      if (round === "cold") written = packs();
    }
    // Both threads parsed in the cold round (a pack each) and neither in the warm one (no new pack).
    expect(written.map((p) => p.split("-")[0]).sort()).toEqual(["m", "w"]);
    expect(packs()).toEqual(written);
    // The worker's share and this thread's are both in the index.
    const index = JSON.parse(readFileSync(join(folder, readdirSync(folder).find((f) => f.startsWith("index-"))!), "utf8"));
    expect(Object.keys(index.notes).length).toBe(planLoad(copy).folder.notes.length);

    // Records broken in place (same length, so the index still points at them): whichever thread takes one
    // parses its note again (the worker checks each record before it puts it in a batch for this thread).
    for (const p of packs()) writeFileSync(join(folder, p), readFileSync(join(folder, p), "utf8").replace(/^([0-9a-f]{40}\t)\{/gm, "$1x"));
    const helper = BuildHelper.start();
    const archive = await helper.parse(copy, { cache }).archive();
    await helper.close();
    expect(helper.fallbacks).toEqual([]);
    expect(JSON.stringify(archive) === expected).toBe(true);
  }, 60_000);
});
