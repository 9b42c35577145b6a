// Search in a real browser (Debian's chromium): the sample archive always,
// the real one (../shared/corpus) when present, as CI has it. Skipped
// without /usr/bin/chromium, except in CI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildOnce, cleanupBuilds, describeBuild, readMeetingsJson, SAMPLE_NOTES, type MeetingData, type MeetingsJson } from "../helpers/build.ts";
import { hasChromium, IN_CI, launchBrowser, NO_CHROMIUM, serveDirectory, watchPage, type PageWatch, type StaticServer } from "../helpers/browser.ts";
import { REAL_NOTES } from "../../src/search/measure.ts";

const SHOTS = "/tmp/minutebook-shots";
const available = hasChromium();
const skip = !available && !IN_CI;
if (skip) console.warn(`Skipping the search browser tests: ${NO_CHROMIUM}.`);

/** The parts of data/meetings.json these tests read beyond the helper's type. */
interface FullData extends Omit<MeetingsJson, "meetings"> {
  meetings: (Omit<MeetingData, "sections"> & {
    sections: { id: string; heading: string; issues?: string[] }[];
    questions: { person: string; section: string | null }[];
  })[];
}

interface Archive {
  name: string;
  notes: string;
  /** Queries that must find something: a handle with and without @, a version and a shorter one, hyphenated and slashed names. */
  found: string[];
  /** A question marker, and whose questions it must show first. */
  question: [query: string, person: string];
  /** An issue reference, and the issue URL whose section it must show first. */
  issue: [query: string, urlEnd: string];
}

const ARCHIVES: Archive[] = [
  {
    name: "the sample archive",
    notes: SAMPLE_NOTES,
    found: ["@felixb", "felixb", "0.4.19", "0.4", "lf-core", "Web & Desktop"],
    question: ["Q(@felixb):", "felixb"],
    issue: ["lf-core#482", "/lf-core/issues/482"],
  },
  ...(existsSync(REAL_NOTES)
    ? [
        {
          name: "the real archive",
          notes: REAL_NOTES,
          found: ["stebalien", "@stebalien", "0.4.19", "0.4", "go-ipfs", "base32/cidv1", "CIDv1"],
          question: ["Q(@lidel):", "lidel"],
          issue: ["go-ipfs#5783", "/go-ipfs/issues/5783"],
        } satisfies Archive,
      ]
    : []),
];
if (!existsSync(REAL_NOTES)) console.warn(`Search browser tests run on the sample archive only: ${REAL_NOTES} not found.`);

const MALFORMED = ["foo:", "+", "~", "*", "-", "^2", "title:", "Q(@x):", "a*b~2 +c -d", "\\", '"unclosed', "(((", "[]{}", "::", "@", "#", "🚀", "<img src=x onerror=alert(1)>"];

for (const a of ARCHIVES) {
  describe.skipIf(skip)(skip ? `search in chromium (skipped: ${NO_CHROMIUM})` : `search in chromium: ${a.name}`, () => {
    let data: FullData;
    let out: string;
    let server: StaticServer | undefined;
    let browser: Browser | undefined;
    let context: BrowserContext;
    let origin: string;

    beforeAll(async () => {
      if (!available) throw new Error(`CI is set, so the browser tests may not be skipped: ${NO_CHROMIUM} (.ci/run installs it)`);
      const site = await buildOnce(a.notes);
      if (site.code !== 0) throw new Error(`the build failed: ${describeBuild(site)}`);
      out = site.out;
      data = readMeetingsJson(site.out) as unknown as FullData;
      server = await serveDirectory(site.out);
      origin = server.origin;
      browser = await launchBrowser();
      context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "en-GB", timezoneId: "UTC" });
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      cleanupBuilds();
    });

    async function open(): Promise<{ page: Page; watch: PageWatch }> {
      const page = await context.newPage();
      return { page, watch: await watchPage(page) };
    }

    function expectClean(watch: PageWatch): void {
      expect(watch.external, "requests to hosts other than 127.0.0.1").toEqual([]);
      expect(watch.errors, "console or page errors").toEqual([]);
      expect(watch.failed, "failed loads").toEqual([]);
    }

    /** Waits until the search page shows the results of a query. */
    const shown = (page: Page, q: string): Promise<unknown> =>
      page.waitForFunction((query) => document.querySelector("[data-search-results]")?.getAttribute("data-query") === query, q.trim(), { timeout: 30_000 });

    async function type(page: Page, q: string): Promise<void> {
      await page.locator("#search-q").fill(q);
      await shown(page, q);
    }

    /** The site URL (path and hash, no ?hl=) of the first result. */
    const firstUrl = (page: Page): Promise<string> =>
      page.locator("a.search-section").first().evaluate((el) => {
        const u = new URL((el as HTMLAnchorElement).href);
        return u.pathname + u.hash;
      });

    const sectionCount = async (page: Page): Promise<number> => {
      const status = await page.locator(".search-status").innerText();
      const m = /^([\d,]+) sections?/.exec(status);
      return m ? Number(m[1]!.replace(/,/g, "")) : 0;
    };

    it("loads nothing of search before the box is focused; / focuses it and the index loads", async () => {
      const { page, watch } = await open();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(origin + "/");
      await page.waitForLoadState("networkidle");
      const searchy = (list: string[]) => list.filter((p) => /search/.test(p));
      // Only the small script that waits for the box.
      expect(searchy(requests)).toEqual(["/assets/search.js"]);
      await page.keyboard.press("/");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search-q");
      await page.waitForRequest((r) => r.url().endsWith("/search/meta.json"));
      expect(searchy(requests)).toEqual(expect.arrayContaining(["/assets/search-ui.js", "/assets/search-worker.js", "/search/meta.json"]));
      // No term shard or section before anything is typed.
      expect(requests.filter((p) => /\/search\/[td]\//.test(p))).toEqual([]);
      expectClean(watch);
      await page.close();
    });

    it("shows the section whose heading is typed first, and its words highlighted in the snippet", async () => {
      const { page, watch } = await open();
      await page.goto(origin + "/search/");
      // Headings only one section of the archive has, of two words or more.
      const count = new Map<string, number>();
      for (const m of data.meetings) for (const s of m.sections) count.set(s.heading.toLowerCase(), (count.get(s.heading.toLowerCase()) ?? 0) + 1);
      const unique = data.meetings
        .flatMap((m) => m.sections.map((s) => ({ m, s })))
        .filter(({ s }) => count.get(s.heading.toLowerCase()) === 1 && /^[\w ,.-]+$/.test(s.heading) && s.heading.split(" ").filter((w) => w.length > 3).length >= 2)
        .slice(-3);
      expect(unique.length).toBeGreaterThan(0);
      for (const { m, s } of unique) {
        // Typed key by key, as a reader does: results follow every key.
        await page.locator("#search-q").fill("");
        await page.locator("#search-q").pressSequentially(s.heading);
        await shown(page, s.heading);
        expect(await firstUrl(page), s.heading).toBe(`${m.url}#${s.id}`);
        const marks = await page.locator(".search-results li").first().locator("mark").allInnerTexts();
        expect(marks.length, s.heading).toBeGreaterThan(0);
      }
      expectClean(watch);
      await page.close();
    });

    it("finds handles with or without @, versions, and hyphenated or slashed names", async () => {
      const { page, watch } = await open();
      await page.goto(origin + "/search/");
      const counts: Record<string, number> = {};
      for (const q of a.found) {
        await type(page, q);
        counts[q] = await sectionCount(page);
        expect(counts[q], q).toBeGreaterThan(0);
      }
      const handle = a.found.find((q) => q.startsWith("@"))!;
      expect(counts[handle]).toBe(counts[handle.slice(1)]);
      expect(counts["0.4"]).toBeGreaterThan(counts["0.4.19"]!);
      // What a person asked, and an issue reference, show their section first.
      const [q, person] = a.question;
      await type(page, q);
      const asked = data.meetings.flatMap((m) => m.questions.filter((x) => x.person === person && x.section).map((x) => `${m.url}#${x.section}`));
      expect(asked).toContain(await firstUrl(page));
      const [issue, urlEnd] = a.issue;
      await type(page, issue);
      const withIssue = data.meetings.flatMap((m) => m.sections.filter((s) => (s.issues ?? []).some((u) => u.endsWith(urlEnd))).map((s) => `${m.url}#${s.id}`));
      expect(withIssue).toContain(await firstUrl(page));
      expectClean(watch);
      await page.close();
    });

    it("narrows by a filter, with counts, and a shared URL restores query and filters", async () => {
      const { page, watch } = await open();
      await page.goto(origin + "/search/");
      await type(page, "meeting");
      const all = await sectionCount(page);
      const series = page.locator(".facet-series a");
      expect(await series.count()).toBeGreaterThan(1);
      const last = series.last();
      const label = (await last.evaluate((el) => el.firstChild?.textContent ?? "")).trim();
      const count = Number(await last.locator(".count").innerText());
      await last.click();
      await page.waitForFunction((n) => document.querySelector(".search-status")?.textContent?.startsWith(`${n} section`), count);
      expect(await sectionCount(page)).toBe(count);
      expect(count).toBeLessThan(all);
      expect(new URL(page.url()).searchParams.get("q")).toBe("meeting");
      expect(new URL(page.url()).searchParams.get("series")).toBeTruthy();
      for (const meta of await page.locator(".search-meeting > .meta").allInnerTexts()) expect(meta).toContain(label);
      await expect.poll(() => page.locator(".facet-series a.on").count()).toBe(1);

      // The same URL, opened anew, shows the same.
      const shared = page.url();
      const { page: other, watch: otherWatch } = await open();
      await other.goto(shared);
      await shown(other, "meeting");
      expect(await other.locator("#search-q").inputValue()).toBe("meeting");
      expect(await sectionCount(other)).toBe(count);
      expect((await other.locator(".facet-series a.on").evaluate((el) => el.firstChild?.textContent ?? "")).trim()).toBe(label);
      // Removing the filter brings every result back.
      await other.locator(".facet-series a.on").click();
      await other.waitForFunction((n) => document.querySelector(".search-status")?.textContent?.startsWith(`${n.toLocaleString("en")} section`), all);
      expect(new URL(other.url()).searchParams.get("series")).toBeNull();
      expectClean(watch);
      expectClean(otherWatch);
      await page.close();
      await other.close();
    });

    it("answers malformed queries with results or 'no results', never a page error", async () => {
      const { page, watch } = await open();
      await page.goto(origin + "/search/");
      for (const q of MALFORMED) {
        await type(page, q);
        expect(await page.locator(".search-status").innerText(), q).not.toBe("");
      }
      expect(await page.locator("img").count()).toBe(0);
      expectClean(watch);
      await page.close();
    });

    it("Back and Forward restore the previous queries", async () => {
      const { page, watch } = await open();
      await page.goto(origin + "/search/");
      const [first, second] = [a.found[0]!, a.found[4]!];
      await type(page, first);
      // A pause ends a burst of typing: the next query is a new history entry.
      await page.waitForTimeout(1200);
      await type(page, second);
      expect(new URL(page.url()).searchParams.get("q")).toBe(second);
      await page.goBack();
      await shown(page, first);
      expect(await page.locator("#search-q").inputValue()).toBe(first);
      expect(new URL(page.url()).searchParams.get("q")).toBe(first);
      await page.goForward();
      await shown(page, second);
      expect(await page.locator("#search-q").inputValue()).toBe(second);
      expectClean(watch);
      await page.close();
    });

    it("a result lands on its section, with the searched words highlighted there", async () => {
      const { page, watch } = await open();
      await page.goto(origin + "/search/");
      await type(page, a.found[4]!);
      const link = page.locator("a.search-section").first();
      const href = await link.evaluate((el) => (el as HTMLAnchorElement).href);
      await link.click();
      await page.waitForURL(href);
      const url = new URL(page.url());
      expect(url.searchParams.get("hl")).toBeTruthy();
      await page.waitForFunction(() => Number(document.documentElement.dataset.searchHighlighted ?? 0) > 0, null, { timeout: 30_000 });
      // Every mark is inside the section: its heading and what follows up to the next heading.
      const outside = await page.evaluate((id) => {
        const heading = id ? document.getElementById(id) : null;
        const inSection = new Set<Element>();
        if (heading) {
          inSection.add(heading);
          for (let e = heading.nextElementSibling; e && !/^H[1-6]$/.test(e.tagName); e = e.nextElementSibling) inSection.add(e);
        }
        return [...document.querySelectorAll("mark.search-hit")].filter((m) => ![...inSection].some((e) => e.contains(m))).length;
      }, decodeURIComponent(url.hash.slice(1)));
      expect(outside).toBe(0);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `search-arrival-${a === ARCHIVES[0] ? "sample" : "real"}.png`) });
      expectClean(watch);
      await page.close();
    });

    it("the search page looks right (screenshot)", async () => {
      const { page, watch } = await open();
      await page.goto(`${origin}/search/?q=${encodeURIComponent(a.found[4]!)}`);
      await shown(page, a.found[4]!);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `search-${a === ARCHIVES[0] ? "sample" : "real"}.png`), fullPage: true });
      // Results are text: nothing from the index became markup.
      expect(await page.locator(".search-results script, .search-results img, .search-results iframe").count()).toBe(0);
      expectClean(watch);
      await page.close();
    });

    if (a === ARCHIVES[0]) {
      it("the header's box shows results as you type on any page, and Enter opens the search page", async () => {
        const { page, watch } = await open();
        const m = data.meetings[0]!;
        await page.goto(origin + m.url);
        await page.locator("#site-search-q").click();
        await page.locator("#site-search-q").pressSequentially("release");
        await page.waitForFunction(() => document.querySelector(".search-panel")?.getAttribute("data-query") === "release");
        expect(await page.locator(".search-panel a").count()).toBeGreaterThan(1);
        await page.keyboard.press("ArrowDown");
        expect(await page.evaluate(() => document.activeElement?.closest(".search-panel") !== null)).toBe(true);
        await page.keyboard.press("Escape");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search-q");
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/search\/\?q=release$/);
        await shown(page, "release");
        expect(await sectionCount(page)).toBeGreaterThan(0);
        expectClean(watch);
        await page.close();
      });

      it("without JavaScript, the search page says search needs it and links to the archive", async () => {
        const noJs = await browser!.newContext({ javaScriptEnabled: false });
        const page = await noJs.newPage();
        const watch = await watchPage(page);
        await page.goto(origin + "/search/?q=release");
        const message = page.locator(".search-noscript");
        await expect.poll(() => message.isVisible()).toBe(true);
        expect(await message.innerText()).toMatch(/needs JavaScript/);
        await message.getByRole("link", { name: "by date" }).click();
        await page.waitForURL(origin + "/archive/");
        expectClean(watch);
        await noJs.close();
      });

      it("works with the site mounted in a sub-folder", async () => {
        const mount = "/team/notes/";
        const sub = await serveDirectory(out, { prefix: mount });
        const page = await context.newPage();
        const watch = await watchPage(page);
        try {
          await page.goto(`${sub.origin}${mount}search/?q=release`);
          await shown(page, "release");
          const hrefs = await page.locator(".search-results a").evaluateAll((as) => as.map((x) => (x as HTMLAnchorElement).href));
          expect(hrefs.length).toBeGreaterThan(0);
          for (const h of hrefs) expect(new URL(h).pathname.startsWith(mount), h).toBe(true);
          expectClean(watch);
        } finally {
          await page.close();
          await sub.close();
        }
      });

      it("writes the same search files on every build", () => {
        const meta = JSON.parse(readFileSync(join(out, "search", "meta.json"), "utf8")) as { v: string; docs: number };
        expect(meta.v).toMatch(/^[0-9a-f]{12}$/);
        expect(meta.docs).toBeGreaterThan(data.meetings.length);
      });
    }
  });
}
