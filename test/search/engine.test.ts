// The index files and the engine that reads them, in Node: on the sample
// archive (notes/), and on the real one when ../shared/corpus is present.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import type { Archive } from "../../src/archive/model.ts";
import { loadArchive } from "../../src/archive/load.ts";
import { buildLunrIndex, buildSearchFiles, IndexBuilder, type SearchFiles } from "../../src/search/build-index.ts";
import { searchDocuments, searchSource, type SearchData } from "../../src/search/documents.ts";
import { SearchEngine, type SearchResponse } from "../../src/search/engine.ts";
import { parseQuery } from "../../src/search/query.ts";
import { REAL_NOTES } from "../../src/search/measure.ts";
import { SAMPLE_NOTES } from "../helpers/build.ts";

const REAL = existsSync(REAL_NOTES);
if (!REAL) console.warn(`Skipping the search tests on the real archive: ${REAL_NOTES} not found.`);

interface Fixture {
  archive: Archive;
  data: SearchData;
  files: SearchFiles;
  open(): Promise<SearchEngine>;
}

function openFiles(files: SearchFiles): Promise<SearchEngine> {
  return SearchEngine.open(async (path) => {
    const c = files.files.get(path.replace(/\?.*$/, ""));
    if (c === undefined) throw new Error(`no file ${path}`);
    return c;
  });
}

function fixture(dir: string): Fixture {
  const archive = loadArchive(dir);
  const data = searchDocuments(archive);
  const files = buildSearchFiles(data);
  return { archive, data, files, open: () => openFiles(files) };
}

/** Text of a result's heading and snippet. */
const shown = (r: SearchResponse, i = 0, j = 0): { heading: string; snippet: string; marked: string[]; url: string } => {
  const s = r.results[i]!.sections[j]!;
  const odd = (parts: string[]): string[] => parts.filter((_, k) => k % 2 === 1);
  return { heading: s.heading.join(""), snippet: s.snippet.join(""), marked: [...odd(s.heading), ...odd(s.snippet)], url: s.url };
};

/** Results as runs of equal scores (to 1e-9), each with its documents. */
function classes(list: [string, number][]): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const [doc, score] of list) {
    const key = score.toFixed(9);
    const last = out[out.length - 1];
    if (last && last[0] === key) last[1].push(doc);
    else out.push([key, [doc]]);
  }
  return out.map(([k, docs]) => [k, docs.sort()]);
}

/** The lunr query and a plain lunr index give the same documents, scores and order as the compact index. */
async function expectSameAsLunr(f: Fixture, queries: string[]): Promise<void> {
  const engine = await f.open();
  const naive = buildLunrIndex(f.data);
  for (const q of queries) {
    const groups = await engine.resolve(parseQuery(q));
    const ours = engine.rank(groups);
    const theirs = naive.query(engine.queryFunction(groups));
    // Scores agree to 1e-9: lunr sums its dot products in its own term order, so
    // scores equal to the last bit in one may differ in it in the other, and
    // such near-ties may swap. So: the same scores, in the same order, each
    // held by the same documents.
    expect(ours.length, q).toBe(theirs.length);
    expect(classes(ours.map((m) => [String(m.doc), m.score])), q).toEqual(classes(theirs.map((r) => [r.ref, r.score])));
  }
}

describe("the search index of the sample archive", () => {
  let f: Fixture;
  let engine: SearchEngine;
  beforeAll(async () => {
    f = fixture(SAMPLE_NOTES);
    engine = await f.open();
  });

  it("has one document per section (and one for notes above a meeting's first heading), in meeting order", () => {
    const sections = f.archive.meetings.reduce((n, m) => n + m.sections.length, 0);
    expect(f.data.docs.length).toBeGreaterThanOrEqual(sections);
    expect(f.data.docs.length).toBeLessThanOrEqual(sections + f.archive.meetings.length);
    for (const d of f.data.docs) {
      const m = f.archive.meetings[d.meeting]!;
      if (d.anchor) expect(m.sections.map((s) => s.id), m.id).toContain(d.anchor);
    }
    expect(f.data.meetings.map((m) => m.id)).toEqual(f.archive.meetings.map((m) => m.id));
  });


  it("is the same bytes every time", () => {
    const again = buildSearchFiles(searchDocuments(loadArchive(SAMPLE_NOTES)));
    expect([...again.files.keys()]).toEqual([...f.files.files.keys()]);
    for (const [path, content] of again.files) expect(content, path).toBe(f.files.files.get(path));
  });

  it("is the same files whatever runs the meetings come in", () => {
    const source = searchSource(f.archive);
    for (const size of [1, 7, 100_000]) {
      const builder = new IndexBuilder();
      const files = new Map<string, string>();
      let runs = 0;
      for (const chunk of source.chunks(size)) {
        runs++;
        for (const [path, content] of builder.add(chunk)) files.set(path, content);
      }
      for (const [path, content] of builder.finish(source.header).files) files.set(path, content);
      expect(runs, `runs of ${size}`).toBe(Math.ceil(f.archive.meetings.length / size));
      expect([...files.keys()].sort(), `runs of ${size}`).toEqual([...f.files.files.keys()].sort());
      for (const [path, content] of files) expect(content, `${path}, runs of ${size}`).toBe(f.files.files.get(path));
    }
  });

  it("shows the same sections whether a docs file holds one meeting, a few or all", async () => {
    const one = buildSearchFiles(f.data, { docsBytes: 1 });
    const all = buildSearchFiles(f.data, { docsBytes: Infinity });
    const docFiles = (x: SearchFiles) => [...x.files.keys()].filter((p) => p.startsWith("d/")).length;
    expect(docFiles(one)).toBe(f.data.meetings.length);
    expect(docFiles(all)).toBe(1);
    expect(docFiles(f.files)).toBeGreaterThan(1);
    expect(docFiles(f.files)).toBeLessThan(f.data.meetings.length);
    const engines = await Promise.all([one, all, f.files].map(openFiles));
    for (const q of ["release", "@felixb", "sync", "notes", "0.4"]) {
      const [a, b, c] = await Promise.all(engines.map((e) => e.search(q, {}, { perPage: 50, perMeeting: 20 })));
      expect(a!.results.length, q).toBeGreaterThan(0);
      expect(b, q).toEqual(a);
      expect(c, q).toEqual(a);
    }
  });

  it("turns back into a lunr index that answers as a plain one does", async () => {
    const e = await f.open();
    await e.loadAll();
    const index = e.lunrIndex();
    const naive = buildLunrIndex(f.data);
    for (const q of ["release", "@felixb", "0.4", "lf-core#482", "Q(@felixb):", "sync conflict", "rel"]) {
      const fn = e.queryFunction(await e.resolve(parseQuery(q)));
      expect(classes(index.query(fn).map((r) => [r.ref, r.score])), q).toEqual(classes(naive.query(fn).map((r) => [r.ref, r.score])));
      expect(index.query(fn).length, q).toBeGreaterThan(0);
    }
    // lunr's own query syntax runs on it too.
    expect(index.search("release").length).toBeGreaterThan(0);
  });

  it("ranks exactly as lunr would with a plain index of the same documents", async () => {
    await expectSameAsLunr(f, ["release", "felixb", "@felixb", "0.4", "0.4.19", "lf-core", "lf-core#482", "Q(@felixb):", "sync conflict", "rel", "desk", "notes design"]);
  });

  it("finds a handle with or without @, and what a person asked", async () => {
    const a = await engine.search("@felixb");
    const b = await engine.search("felixb");
    expect(a.sections).toBeGreaterThan(0);
    expect(a.sections).toBe(b.sections);
    const asked = f.archive.meetings.flatMap((m) => m.questions.filter((q) => q.person === "felixb").map((q) => `${m.url}#${q.section}`));
    expect(asked.length).toBeGreaterThan(0);
    const q = await engine.search("Q(@felixb):");
    expect(q.sections).toBeGreaterThan(0);
    const first = shown(q).url.replace(/\?[^#]*/, "");
    expect(asked).toContain(first);
  });

  it("finds a version, and a shorter version finds it too", async () => {
    const exact = await engine.search("0.4.19");
    expect(exact.sections).toBeGreaterThan(0);
    expect(shown(exact).marked).toContain("0.4.19");
    const short = await engine.search("0.4");
    expect(short.sections).toBeGreaterThanOrEqual(exact.sections);
  });

  it("finds hyphenated names and issue references as written", async () => {
    const issue = await engine.search("lf-core#482");
    expect(issue.sections).toBeGreaterThan(0);
    expect(shown(issue).snippet).toContain("lf-core#482");
    const name = await engine.search("lf-core");
    expect(name.sections).toBeGreaterThan(issue.sections);
  });

  it("shows the section whose heading was typed first", async () => {
    // Headings that only one section of the archive has.
    const count = new Map<string, number>();
    for (const d of f.data.docs) count.set(d.heading.toLowerCase(), (count.get(d.heading.toLowerCase()) ?? 0) + 1);
    const unique = f.data.docs.filter((d) => d.heading.split(/\s+/).length >= 2 && count.get(d.heading.toLowerCase()) === 1);
    expect(unique.length).toBeGreaterThan(3);
    for (const d of unique.slice(0, 8)) {
      const r = await engine.search(d.heading);
      const m = f.data.meetings[d.meeting]!;
      expect(shown(r).url.replace(/\?[^#]*/, ""), d.heading).toBe(`${m.url}#${d.anchor}`);
    }
  });

  it("answers malformed queries with results or nothing, never an error", async () => {
    for (const q of ["foo:", "+", "~", "*", "-", "^", "title:release", "release~2", "+sync -conflict", "release^10", "*lease", ":", "\\", '"', "(", "Q(@x):", "@", "#", "🚀", "x".repeat(2000), "the"]) {
      const r = await engine.search(q);
      expect(r.sections, q).toBeGreaterThanOrEqual(0);
    }
    expect((await engine.search("+ ~ *")).sections).toBe(0);
    expect((await engine.search("title:release")).sections).toBeGreaterThan(0);
  });

  it("narrows by filters, and counts each filter's values under the others", async () => {
    const all = await engine.search("release");
    const seriesTotal = all.facets.series.reduce((n, v) => n + v.count, 0);
    expect(seriesTotal).toBe(all.sections);
    const yearTotal = all.facets.year.reduce((n, v) => n + v.count, 0);
    expect(yearTotal).toBe(all.sections);
    const series = all.facets.series[all.facets.series.length - 1]!;
    const narrowed = await engine.search("release", { series: series.value });
    expect(narrowed.sections).toBe(series.count);
    expect(narrowed.sections).toBeLessThan(all.sections);
    const name = f.archive.byId.series.get(series.value)!.name;
    for (const m of narrowed.results) expect(m.series).toBe(name);
    // The series counts ignore the series filter; the others follow it.
    expect(narrowed.facets.series).toEqual(all.facets.series);
    expect(narrowed.facets.year.reduce((n, v) => n + v.count, 0)).toBe(narrowed.sections);
    const person = narrowed.facets.person[0]!;
    const both = await engine.search("release", { series: series.value, person: person.value });
    expect(both.sections).toBe(person.count);
  });

  it("pages results by meeting, best first", async () => {
    const p1 = await engine.search("sync", {}, { perPage: 3 });
    expect(p1.pages).toBeGreaterThan(1);
    const p2 = await engine.search("sync", {}, { perPage: 3, page: 1 });
    expect(p2.page).toBe(1);
    const urls = (r: SearchResponse) => r.results.map((m) => m.url);
    expect(urls(p2).filter((u) => urls(p1).includes(u))).toEqual([]);
  });

  it("falls back to the words inside a word the index lacks, and to some of the words when none has all", async () => {
    const r = await engine.search("lf-core#99999");
    expect(r.partial).toBe(true);
    expect(r.sections).toBeGreaterThan(0);
    expect((await engine.search("zzzqqq")).sections).toBe(0);
  });

  it("carries the matched words to the section (?hl=) and links its anchor", async () => {
    const r = await engine.search("release engineering");
    const url = new URL(shown(r).url, "http://x.invalid");
    expect(url.searchParams.get("hl")!.split(" ")).toEqual(expect.arrayContaining(["releas", "engin"]));
    expect(url.hash).toMatch(/^#./);
  });
});

describe.skipIf(!REAL)("the search index of the real archive", () => {
  let f: Fixture;
  let engine: SearchEngine;
  beforeAll(async () => {
    f = fixture(REAL_NOTES);
    engine = await f.open();
  }, 120_000);

  it("ranks exactly as lunr would with a plain index of the same documents", async () => {
    await expectSameAsLunr(f, ["stebalien", "0.4", "go-ipfs", "base32/cidv1", "go-ipfs#5783", "Q(@lidel):", "bitswap performance", "ipfs", "gatew", "dht provider records"]);
  });

  it("finds what the issue asks: handles, versions, names, issue references, questions", async () => {
    const expectFound = async (q: string): Promise<SearchResponse> => {
      const r = await engine.search(q);
      expect(r.sections, q).toBeGreaterThan(0);
      return r;
    };
    expect((await expectFound("@stebalien")).sections).toBe((await expectFound("stebalien")).sections);
    const v = await expectFound("0.4.19");
    expect(shown(v).marked).toContain("0.4.19");
    expect((await expectFound("0.4")).sections).toBeGreaterThan(v.sections);
    expect(shown(await expectFound("go-ipfs")).marked.join(" ").toLowerCase()).toContain("go-ipfs");
    expect(shown(await expectFound("base32/cidv1")).heading.toLowerCase()).toContain("base32/cidv1");
    expect((await expectFound("CIDv1")).sections).toBeGreaterThan(0);
    const issue = await expectFound("go-ipfs#5783");
    const withIssue = f.archive.meetings.flatMap((m) =>
      m.sections.filter((s) => s.issues.some((i) => i.url.endsWith("/go-ipfs/issues/5783"))).map((s) => `${m.url}#${s.id}`),
    );
    expect(withIssue).toContain(shown(issue).url.replace(/\?[^#]*/, ""));
    const asked = f.archive.meetings.flatMap((m) => m.questions.filter((q) => q.person === "lidel").map((q) => `${m.url}#${q.section}`));
    expect(asked).toContain(shown(await expectFound("Q(@lidel):")).url.replace(/\?[^#]*/, ""));
  });
});
