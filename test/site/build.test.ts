// The sample archive (notes/) built by the real command, checked as files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import {
  buildOnce,
  buildSite,
  cleanupBuilds,
  describeBuild,
  fileOfUrl,
  listFiles,
  readMeetingsJson,
  ROOT,
  SAMPLE_NOTES,
  treeDigest,
  type BuildResult,
  type MeetingData,
  type MeetingsJson,
} from "../helpers/build.ts";
import { checkLinks, decodeEntities, resolveLink, urlOfFile } from "../helpers/links.ts";

const STANDUP_SOURCE = "2025/Q2/2025-05-05-to-2025-05-26--storage-standup-archive.md";
const FRONT_MATTER_SOURCE = "2025/Q2/2025-05-12--release-planning.md";
const IMAGE = "2025/Q2/release-timeline.png";
const TEMPLATE_SOURCE = "2025/Q2/2025-04-15--web-and-desktop-weekly.md";

let site: BuildResult;
let data: MeetingsJson;

beforeAll(async () => {
  site = await buildOnce(SAMPLE_NOTES);
  if (site.code !== 0) throw new Error(`the sample build failed: ${describeBuild(site)}`);
  data = readMeetingsJson(site.out);
});

afterAll(cleanupBuilds);

const read = (path: string): string => readFileSync(path, "utf8");
const pageOf = (m: { url: string }): string => read(fileOfUrl(site.out, m.url));
const meetingsFrom = (source: string): MeetingData[] => data.meetings.filter((m) => m.source === source);

function only<T>(list: T[], what: string): T {
  if (list.length !== 1) throw new Error(`expected one ${what}, found ${list.length}`);
  return list[0]!;
}

const text = (html: string): string => decodeEntities(html.replace(/<[^>]*>/g, ""));

/** The `<h1>` of a page, as text. */
function h1(html: string): string {
  const m = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  if (!m) throw new Error("the page has no h1");
  return text(m[1]!).trim();
}

/** Every link of a page: [attribute value (decoded), link text]. */
function anchors(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: decodeEntities(m[1]!), text: text(m[2]!).trim() }));
}

describe("building the sample archive", () => {
  it("exits with status 0 and reports what it built", () => {
    expect(site.code, describeBuild(site)).toBe(0);
    expect(site.stdout).toMatch(new RegExp(`\\b${data.meetings.length} meetings\\b`));
  });

  it("counts, in its summary, the pages and feeds on disk", () => {
    const files = listFiles(site.out);
    const pages = files.filter((f) => f.endsWith(".html")).length;
    const feeds = files.filter((f) => f.endsWith(".xml") && f !== "sitemap.xml").length;
    expect(feeds).toBeGreaterThan(0);
    expect(site.stdout).toContain(`${pages} pages, ${feeds} feeds`);
  });

  it("lists every page on disk in sitemap.xml, once, and nothing else", () => {
    const locs = [...read(join(site.out, "sitemap.xml")).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeEntities(m[1]!));
    const pages = listFiles(site.out)
      .filter((f) => f === "index.html" || f.endsWith("/index.html"))
      .map((f) => f.slice(0, -"index.html".length));
    expect(locs.length).toBe(new Set(locs).size);
    const siteUrl = data.site.url!;
    expect(locs.every((l) => l.startsWith(siteUrl))).toBe(true);
    expect(locs.map((l) => decodeURIComponent(l.slice(siteUrl.length))).sort()).toEqual(pages.sort());
  });

  it("writes nothing outside the output folder", () => {
    expect(readdirSync(site.cwd)).toEqual([]);
  });

  it("writes one page per meeting of data/meetings.json, and no other dated page", () => {
    expect(data.meetings.length).toBeGreaterThan(20);
    const urls = data.meetings.map((m) => m.url);
    expect(new Set(urls).size, "two meetings share a URL").toBe(urls.length);
    expect(new Set(data.meetings.map((m) => m.id)).size).toBe(urls.length);
    for (const m of data.meetings) {
      expect(statSync(fileOfUrl(site.out, m.url), { throwIfNoEntry: false })?.isFile(), `no page for ${m.id} at ${m.url}`).toBe(true);
    }
    const datedPages = listFiles(site.out).filter((f) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(f));
    expect(datedPages.map(urlOfFile).sort()).toEqual([...urls].sort());
  });

  it("gives every meeting a date, a series and a title", () => {
    for (const m of data.meetings) {
      expect(m.date, m.id).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(Number.isNaN(Date.parse(`${m.date}T00:00:00Z`)), `${m.id}: ${m.date}`).toBe(false);
      expect(m.series.slug, m.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(m.series.name.trim(), m.id).not.toBe("");
      expect(m.title.trim(), m.id).not.toBe("");
      expect(h1(pageOf(m)), m.id).toBe(m.title);
    }
  });

  it("publishes every note of the folder", () => {
    const notes = listFiles(SAMPLE_NOTES).filter((f) => f.endsWith(".md"));
    const published = new Set(data.meetings.map((m) => m.source));
    expect(notes.filter((n) => !published.has(n))).toEqual([]);
  });

  it("splits the storage-standup file into one meeting per dated heading", () => {
    const standups = meetingsFrom(STANDUP_SOURCE);
    expect(standups.map((m) => m.date).sort()).toEqual(["2025-05-05", "2025-05-12", "2025-05-19", "2025-05-26"]);
    expect(new Set(standups.map((m) => m.series.slug))).toEqual(new Set(["storage-standup"]));
    expect(new Set(standups.map((m) => m.url)).size).toBe(4);
    // The file lists the newest first: each meeting starts at its own line.
    expect(new Set(standups.map((m) => m.line)).size).toBe(4);
    for (const m of standups) expect(h1(pageOf(m))).toContain(m.date);
    const series = data.series.find((s) => s.slug === "storage-standup");
    expect(series?.meetings).toEqual([...standups].sort((a, b) => (a.date < b.date ? -1 : 1)).map((m) => m.id));
  });

  it("lets front matter override the title (and series) of a note", () => {
    const note = read(join(SAMPLE_NOTES, FRONT_MATTER_SOURCE));
    const front = /^---\n([\s\S]*?)\n---\n/.exec(note)?.[1] ?? "";
    const title = /^title:\s*(.+)$/m.exec(front)?.[1]?.trim();
    const seriesSlug = /^series:\s*(.+)$/m.exec(front)?.[1]?.trim();
    expect(title).toBe("Release Planning Special");
    const heading = /^# (.+)$/m.exec(note)?.[1];
    expect(heading).not.toBe(title);

    const m = only(meetingsFrom(FRONT_MATTER_SOURCE), "meeting from the front-matter note");
    expect(m.title).toBe(title);
    expect(m.overrides).toContain("title");
    expect(m.series.slug).toBe(seriesSlug);
    const page = pageOf(m);
    expect(h1(page)).toBe(title);
    expect(text(/<title>([\s\S]*?)<\/title>/.exec(page)?.[1] ?? "").startsWith(`${title}, `)).toBe(true);
    expect(page).not.toContain(`<h1>${heading}</h1>`);
  });

  it("copies the image beside the notes and links it by a relative src that resolves", () => {
    const copy = join(site.out, "files", ...IMAGE.split("/"));
    expect(readFileSync(copy)).toEqual(readFileSync(join(SAMPLE_NOTES, ...IMAGE.split("/"))));
    const m = only(meetingsFrom(FRONT_MATTER_SOURCE), "meeting from the note with the image");
    const srcs = [...pageOf(m).matchAll(/<img\s[^>]*?src="([^"]*)"/g)].map((x) => decodeEntities(x[1]!));
    const src = srcs.find((s) => s.endsWith("release-timeline.png"));
    expect(src, `images: ${srcs.join(", ")}`).toBeDefined();
    expect(src).not.toMatch(/^(\/|[a-z][a-z0-9+.-]*:)/i);
    expect(resolveLink(m.url, src!).pathname).toBe(`/files/${IMAGE}`);
  });

  it("turns links between notes into links to the meeting pages", () => {
    const checked: string[] = [];
    for (const source of new Set(data.meetings.map((m) => m.source))) {
      const note = read(join(SAMPLE_NOTES, ...source.split("/")));
      const own = meetingsFrom(source);
      for (const [, label, target] of note.matchAll(/\[([^\]]+)\]\(([^)\s#]+\.md)(?:#[^)]*)?\)/g)) {
        const targetSource = posix.normalize(posix.join(posix.dirname(source), target!));
        const targetUrls = meetingsFrom(targetSource).map((m) => m.url);
        expect(targetUrls.length, `${source} links to ${target}, which became no meeting`).toBeGreaterThan(0);
        const found = own.flatMap((m) => anchors(pageOf(m)).filter((a) => a.text === label).map((a) => ({ m, a })));
        // Text before the first dated heading of a multi-meeting file is not shown.
        if (found.length === 0 && own.length > 1) continue;
        expect(found.length, `the link "${label}" of ${source} is not on its page`).toBeGreaterThan(0);
        for (const { m, a } of found) {
          expect(a.href).not.toMatch(/\.md(#|$)/);
          expect(targetUrls, `"${label}" on ${m.url} -> ${a.href}`).toContain(resolveLink(m.url, a.href).pathname);
          checked.push(`${source} -> ${targetSource}`);
        }
      }
    }
    // Same folder, another quarter's folder, and the file name without a date.
    expect(checked).toContain("2025/Q3/2025-07-15--web-and-desktop-weekly.md -> 2025/Q3/design-review-special.md");
    expect(checked).toContain("2025/Q2/2025-04-07--core-sync-weekly.md -> 2025/Q1/2025-03-10--core-sync-weekly.md");
    expect(checked).toContain("2025/Q3/design-review-special.md -> 2025/Q2/2025-06-05--design-review.md");
    expect(checked.length).toBeGreaterThanOrEqual(6);
  });

  it("shows template syntax in a note as text", () => {
    const m = only(meetingsFrom(TEMPLATE_SOURCE), "meeting with template syntax");
    const page = pageOf(m);
    expect(page).toContain("{{ template.syntax }}");
    expect(page).toContain("{% raw %}");
    expect(text(page)).toContain("{{ sender.name }} shared {{ folder.name }} with you.");
  });

  it("leaks no local address or file-system path", () => {
    const leaks = [
      "http://127.",
      "http://localhost",
      "file://",
      ROOT,
      realpathSync(SAMPLE_NOTES),
      realpathSync(dirname(site.out)),
      dirname(site.out),
    ];
    const found: string[] = [];
    for (const file of listFiles(site.out)) {
      if (!/\.(html|json|xml|css|svg|txt|js)$/.test(file)) continue;
      const content = read(join(site.out, file));
      for (const leak of leaks) if (content.includes(leak)) found.push(`${file}: ${leak}`);
    }
    expect(found).toEqual([]);
  });
});

describe("links in the built site", () => {
  it("resolve, from every page, to a file of the site (and to an id for #anchors)", () => {
    const pages = listFiles(site.out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(data.meetings.length);
    const { checked, broken } = checkLinks(site.out);
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });
});

describe("rebuilding", () => {
  it("gives a byte-identical site", async () => {
    const again = await buildSite(SAMPLE_NOTES);
    expect(again.code, describeBuild(again)).toBe(0);
    expect(treeDigest(again.out)).toEqual(treeDigest(site.out));
  });

  it("gives the same site in another time zone (TZ=Pacific/Kiritimati, UTC+14)", async () => {
    const far = await buildSite(SAMPLE_NOTES, { env: { TZ: "Pacific/Kiritimati" } });
    expect(far.code, describeBuild(far)).toBe(0);
    expect(treeDigest(far.out)).toEqual(treeDigest(site.out));
  });
});
