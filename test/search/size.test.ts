// The size budget of issue #5: everything a browser fetches for its first
// search (code, index, sections shown) is at most 300 KB compressed at the
// real archive's size. (10x: `npm run search:size`, which makes a 10x archive.)
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { loadArchive } from "../../src/archive/load.ts";
import { BUDGET, formatReport, measureSearchSize, REAL_NOTES, sampleQueries } from "../../src/search/measure.ts";
import { SAMPLE_NOTES } from "../helpers/build.ts";

describe("the size of a first search", () => {
  it("on the sample archive: small code, and an index a fraction of lunr's own JSON", async () => {
    const archive = loadArchive(SAMPLE_NOTES);
    const r = await measureSearchSize(archive, sampleQueries(archive, 8));
    console.log(formatReport(1, r));
    // The three scripts and the stylesheet.
    expect(r.code.gzip).toBeLessThan(30_000);
    for (const s of r.searches) expect(s.total.gzip, s.query).toBeLessThan(BUDGET[1]!);
  });

  it.skipIf(!existsSync(REAL_NOTES))("on the real archive (1x): at most 300 KB gzip for every sample query", async () => {
    const archive = loadArchive(REAL_NOTES);
    const r = await measureSearchSize(archive, sampleQueries(archive));
    console.log(formatReport(1, r));
    expect(r.searches.length).toBeGreaterThan(20);
    for (const s of r.searches) expect(s.total.gzip, s.query).toBeLessThanOrEqual(BUDGET[1]!);
    // The whole index is never fetched: the largest first search is a fraction of it.
    const largest = Math.max(...r.searches.map((s) => s.index.gzip));
    expect(largest).toBeLessThan((r.meta.gzip + r.shardFiles.gzip) / 2);
  }, 300_000);
});
