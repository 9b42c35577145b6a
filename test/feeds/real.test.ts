// The feeds of the real archive (../shared/corpus, read at run time, never
// copied here), built with a site URL that has a path: every Atom feed valid
// by RFC 4287's RELAX NG schema (jing), every feed namespace-correct and read
// alike by a feed reader, entries that match the model and links that land.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildSite, cleanupBuilds, describeBuild, ROOT, type BuildResult } from "../helpers/build.ts";
import { IN_CI } from "../helpers/browser.ts";
import { builtFeedFiles, checkSiteFeeds, expectedFeeds, readModel } from "./expect.ts";
import { hasJing, jing } from "./xml.ts";

const REAL_NOTES = join(ROOT, "..", "shared", "corpus", "ipfs-team-mgmt", "meeting-notes");
const HAVE_REAL = existsSync(REAL_NOTES);
const SITE_URL = "https://example.org/notes/";

if (!HAVE_REAL) console.log(`${REAL_NOTES} not found: skipping the real archive's feeds`);

describe.skipIf(!HAVE_REAL)("the real archive's feeds", () => {
  let site: BuildResult;

  beforeAll(async () => {
    site = await buildSite(REAL_NOTES, { url: SITE_URL, timeout: 300_000 });
    if (site.code !== 0) throw new Error(`the real build failed: ${describeBuild(site)}`);
  }, 300_000);

  afterAll(cleanupBuilds);

  it("are built for the archive, every series, initiative and active person", () => {
    const expected = expectedFeeds(readModel(site.out));
    const files = builtFeedFiles(site.out);
    expect(files).toEqual(expected.flatMap((f) => [f.atom, f.rss]).sort());
    expect(files.length).toBeGreaterThan(400);
    expect(site.stdout).toContain(`${files.length} feeds`);
  });

  it("are valid Atom by RFC 4287's RELAX NG schema (jing)", async (ctx) => {
    if (!(await hasJing())) {
      if (IN_CI) throw new Error("jing is not installed (apt-get install jing)");
      ctx.skip();
    }
    const atom = builtFeedFiles(site.out).filter((f) => f.endsWith(".atom.xml")).map((f) => join(site.out, f));
    expect(await jing(atom)).toEqual([]);
  }, 120_000);

  it("match the model, parse as namespace-correct XML and in a feed reader, and link to pages and anchors that exist", async () => {
    // Anchors in links the notes' authors wrote by hand may name headings that
    // never existed; the links the feeds themselves make are all checked.
    const report = await checkSiteFeeds(site.out, { contentAnchors: false });
    expect(report.problems.slice(0, 30)).toEqual([]);
    expect(report.entries).toBeGreaterThan(4000); // 276 feeds, up to 20 entries each: the check is not vacuous
  }, 180_000);
});
