// The built sample archive in a real browser (Debian's chromium), served from
// 127.0.0.1: a reader's way from the home page through a meeting, its series
// and the meeting before it. Skipped without /usr/bin/chromium, except in CI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { buildOnce, cleanupBuilds, describeBuild, readMeetingsJson, type MeetingData, type MeetingsJson } from "../helpers/build.ts";
import { hasChromium, IN_CI, launchBrowser, NO_CHROMIUM, serveDirectory, watchPage, type PageWatch, type StaticServer } from "../helpers/browser.ts";

const SHOTS = "/tmp/minutebook-shots";

const available = hasChromium();
const skip = !available && !IN_CI;
if (skip) console.warn(`Skipping the browser tests: ${NO_CHROMIUM}.`);

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2025-08-04" -> "Monday, 4 August 2025", worked out here rather than by the site's own formatter. */
function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${d} ${MONTHS[m - 1]} ${y}`;
}

/** Newest first, ties by id reversed: the order of the home page's list. */
const newestFirst = (list: MeetingData[]): MeetingData[] =>
  [...list].sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.date < b.date ? 1 : -1));

/** The <dd> of the header fact whose <dt> matches. */
const fact = (page: Page, term: string | RegExp): Locator =>
  page
    .locator("header.meeting-header dl.facts > div")
    .filter({ has: page.locator("dt", { hasText: term instanceof RegExp ? term : new RegExp(`^${term}$`) }) })
    .locator("dd");

/** [text, resolved href] of every link under a locator. */
const links = (where: Locator): Promise<[string, string][]> =>
  where.locator("a").evaluateAll((as) => as.map((a) => [(a.textContent ?? "").trim(), (a as HTMLAnchorElement).href] as [string, string]));

describe.skipIf(skip)(skip ? `pages in chromium (skipped: ${NO_CHROMIUM})` : "pages in chromium", () => {
  let data: MeetingsJson;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let origin: string;

  const byId = (id: string): MeetingData => {
    const m = data.meetings.find((x) => x.id === id);
    if (!m) throw new Error(`no meeting ${id} in data/meetings.json`);
    return m;
  };
  const person = (id: string): { name: string; url: string } => {
    const p = data.people.find((x) => x.id === id);
    if (!p) throw new Error(`no person ${id} in data/meetings.json`);
    return p;
  };

  /** A fresh page whose misdeeds are recorded. */
  async function open(): Promise<{ page: Page; watch: PageWatch }> {
    const page = await context.newPage();
    return { page, watch: await watchPage(page) };
  }

  function expectClean(watch: PageWatch): void {
    expect(watch.external, "requests to hosts other than 127.0.0.1").toEqual([]);
    expect(watch.errors, "console or page errors").toEqual([]);
    expect(watch.failed, "failed loads").toEqual([]);
  }

  /** Checks the header of the meeting page the browser is on. */
  async function expectMeetingHeader(page: Page, m: MeetingData): Promise<void> {
    expect(page.url()).toBe(origin + m.url);
    await expect.poll(() => page.locator("h1").innerText()).toBe(m.title);
    expect(await fact(page, "Date").innerText()).toBe(longDate(m.date));
    expect(await fact(page, "Date").locator("time").getAttribute("datetime")).toBe(m.date);
    expect(await links(fact(page, "Series"))).toEqual([[m.series.name, origin + data.series.find((s) => s.slug === m.series.slug)!.url]]);
  }

  beforeAll(async () => {
    if (!available) throw new Error(`CI is set, so the browser tests may not be skipped: ${NO_CHROMIUM} (.ci/run installs it)`);
    const site = await buildOnce();
    if (site.code !== 0) throw new Error(`the sample build failed: ${describeBuild(site)}`);
    data = readMeetingsJson(site.out);
    server = await serveDirectory(site.out);
    origin = server.origin;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "en-GB", timezoneId: "UTC" });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanupBuilds();
  });

  it("the home page shows the site title and the latest meetings, newest first", async () => {
    const { page, watch } = await open();
    const res = await page.goto(origin + "/");
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe(data.site.title);
    expect((await page.locator("a.site-title").innerText()).trim()).toBe(data.site.title);
    expect((await page.locator("h1").innerText()).trim()).toBe(data.site.title);

    const latest = page.locator('section[aria-labelledby="latest"] ol.meetings a.title');
    const shown = await links(page.locator('section[aria-labelledby="latest"] ol.meetings'))
      .then((all) => all.filter(([, href]) => data.meetings.some((m) => origin + m.url === href)));
    expect(await latest.count()).toBeGreaterThanOrEqual(Math.min(5, data.meetings.length));
    const expected = newestFirst(data.meetings).slice(0, await latest.count());
    expect(shown).toEqual(expected.map((m) => [m.title, origin + m.url]));
    expectClean(watch);
    await page.close();
  });

  it("a reader goes from the home page to a meeting, its series, back, and to the previous meeting", async () => {
    const { page, watch } = await open();
    await page.goto(origin + "/");

    // The newest meeting on the home page with a lead, attendees and a meeting before it.
    const onHome = newestFirst(data.meetings).slice(0, await page.locator('section[aria-labelledby="latest"] ol.meetings a.title').count());
    const m = onHome.find((x) => x.prev && x.leads.length > 0 && x.attendees.length > 0);
    if (!m) throw new Error("no meeting on the home page has a lead, attendees and a previous meeting");

    // Click into the meeting.
    await page.locator('section[aria-labelledby="latest"]').getByRole("link", { name: m.title, exact: true }).click();
    await page.waitForURL(origin + m.url);
    await expectMeetingHeader(page, m);
    expect(await page.title()).toContain(m.title);
    const leads = fact(page, m.leads.length === 1 ? "Lead" : "Leads");
    expect(await links(leads)).toEqual(m.leads.map((id) => [person(id).name, origin + person(id).url]));
    const attendees = fact(page, new RegExp(`^Attendees \\(${m.attendees.length}\\)$`));
    expect(await links(attendees)).toEqual(m.attendees.map((id) => [person(id).name, origin + person(id).url]));
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `meeting-${m.id}.png`), fullPage: true });

    // Its series page lists it.
    const series = data.series.find((s) => s.slug === m.series.slug)!;
    await fact(page, "Series").getByRole("link", { name: m.series.name, exact: true }).click();
    await page.waitForURL(origin + series.url);
    expect((await page.locator("h1").innerText()).trim()).toBe(series.name);
    const listed = await links(page.locator("main ol.meetings"));
    expect(listed).toContainEqual([m.title, origin + m.url]);
    expect(listed.filter(([, href]) => data.meetings.some((x) => origin + x.url === href)).length).toBe(series.meetings.length);

    // Back to the meeting, then to the one before it.
    await page.goBack();
    await page.waitForURL(origin + m.url);
    await expectMeetingHeader(page, m);
    const prev = byId(m.prev!);
    await page.locator('nav.prev-next a[rel="prev"]').click();
    await page.waitForURL(origin + prev.url);
    await expectMeetingHeader(page, prev);
    expect(prev.next).toBe(m.id);
    await expect.poll(() => page.locator('nav.prev-next a[rel="next"]').evaluate((a) => (a as HTMLAnchorElement).href)).toBe(origin + m.url);

    expectClean(watch);
    await page.close();
  });

  it("the guard notices a request that leaves 127.0.0.1 (and blocks it)", async () => {
    const { page, watch } = await open();
    await page.goto(origin + "/");
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "https://example.com/tracker.png";
      document.body.append(img);
    });
    await expect.poll(() => watch.external).toEqual(["GET https://example.com/tracker.png"]);
    await page.close();
  });
});
