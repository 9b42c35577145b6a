// The search index written by the build worker, from the runs of meetings
// the main thread sends it, against the same index written on one thread.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadArchive, parseSettings, planLoad } from "../../src/archive/load.ts";
import { bodyMemoFile } from "../../src/archive/parse-cache.ts";
import { searchSource } from "../../src/search/documents.ts";
import { writeSearchData } from "../../src/search/site-files.ts";
import { BuildHelper } from "../../src/threads/build-helper.ts";
import { SAMPLE_NOTES } from "../helpers/build.ts";

const work = mkdtempSync(join(tmpdir(), "minutebook-search-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), "utf8"));
  }
  return out;
}

describe("the build worker's search index", () => {
  const source = searchSource(loadArchive(SAMPLE_NOTES));

  it("is the index this thread would write, file for file", async () => {
    const alone = join(work, "alone");
    const expected = await writeSearchData(source, alone);
    const helper = BuildHelper.start();
    const summary = await helper.search(source, join(work, "worker"));
    await helper.close();
    expect(helper.fallbacks).toEqual([]);
    expect(summary).toEqual({ terms: expected.terms, shards: expected.shards, version: expected.version });
    const want = tree(alone);
    expect(want.size).toBeGreaterThan(source.header.series.length);
    expect(tree(join(work, "worker"))).toEqual(want);
  });

  it("is the same index when its runs go to the worker one at a time, as the worker takes them in", async () => {
    const alone = join(work, "alone-paced");
    await writeSearchData(source, alone);
    const runs = [...source.htmlChunks!(2)];
    expect(runs.length).toBeGreaterThan(3);
    const paced = { header: source.header, chunks: () => source.chunks(2), htmlChunks: () => source.htmlChunks!(2) };
    const helper = BuildHelper.start();
    await helper.search(paced, join(work, "paced"), { ahead: 1 });
    await helper.close();
    expect(helper.fallbacks).toEqual([]);
    expect(tree(join(work, "paced"))).toEqual(tree(alone));
  });

  it("fails, and not the process, when a run cannot be made", async () => {
    const broken = {
      header: source.header,
      chunks: function* () {
        yield* [...source.chunks(2)].slice(0, 2);
        throw new Error("run 3 broke");
      },
      htmlChunks: function* () {
        yield* [...source.htmlChunks!(2)].slice(0, 2);
        throw new Error("run 3 broke");
      },
    };
    const helper = BuildHelper.start();
    await expect(helper.search(broken, join(work, "broken"), { ahead: 1 })).rejects.toThrow(/run 3 broke/);
    await helper.close();
    expect(helper.fallbacks).toEqual([expect.stringMatching(/run 3 broke/)]);
  });

  it("is written by this thread when there is no worker, and a second build leaves no file of the first", async () => {
    const helper = new BuildHelper(null);
    const dir = join(work, "again");
    await helper.search(source, dir);
    const first = tree(dir);
    // The same folder, indexed again from a run of fewer meetings: only its own files remain.
    const fewer = { header: source.header, chunks: () => [...source.chunks(2)].slice(0, 1) };
    await helper.search(fewer, dir);
    await helper.search(fewer, join(work, "fewer"));
    expect(helper.fallbacks).toEqual([]);
    const docs = (t: Map<string, string>) => [...t.keys()].filter((p) => p.startsWith(join("search", "d")));
    expect(docs(first).length).toBeGreaterThan(docs(tree(dir)).length);
    expect(tree(dir)).toEqual(tree(join(work, "fewer")));
  });

  it("is the index of the notes as they are now, through the memo of sections kept in memory (serve) and on disk (the next build)", async () => {
    const notes = join(work, "edited-notes");
    cpSync(SAMPLE_NOTES, notes, { recursive: true });
    const cache = { dir: join(work, "edited-cache"), version: "test" };
    const note = planLoad(notes).folder.notes[0]!;
    const served = BuildHelper.start();
    const want: Map<string, string>[] = [];
    for (const round of [0, 1]) {
      // The second round: a note's last section says more.
      if (round === 1) appendFileSync(join(notes, note), "\nThe zebra quagga question stays open.\n");
      const archive = await served.parse(notes, { cache }).archive();
      const source = searchSource(archive);
      await writeSearchData(source, join(work, `edited-alone-${round}`));
      await served.search(source, join(work, `edited-served-${round}`), { remember: true });
      want.push(tree(join(work, `edited-alone-${round}`)));
      expect(tree(join(work, `edited-served-${round}`)), `round ${round}`).toEqual(want[round]);
    }
    await served.close();
    expect(served.fallbacks).toEqual([]);
    expect(want[1]).not.toEqual(want[0]);
    expect(existsSync(bodyMemoFile(cache, parseSettings(planLoad(notes).config), notes))).toBe(true);
    // A build after serve: another worker, the memo read from the cache.
    const build = BuildHelper.start();
    const archive = await build.parse(notes, { cache }).archive();
    await build.search(searchSource(archive), join(work, "edited-built"));
    await build.close();
    expect(build.fallbacks).toEqual([]);
    expect(tree(join(work, "edited-built"))).toEqual(want[1]);
  });
});
