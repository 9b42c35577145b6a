// A reader's way through people and initiatives, in chromium, on the sample
// archive: from a meeting page to an attendee's person page, to one of their
// updates in an initiative's timeline, and back to the section in the
// meeting page. Also the people filter, typed into. Skipped without
// /usr/bin/chromium, except in CI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildOnce, cleanupBuilds, describeBuild } from "../helpers/build.ts";
import { hasChromium, IN_CI, launchBrowser, NO_CHROMIUM, serveDirectory, watchPage, type PageWatch, type StaticServer } from "../helpers/browser.ts";
import { readFileSync } from "node:fs";

const SHOTS = "/tmp/minutebook-shots";
const available = hasChromium();
const skip = !available && !IN_CI;
if (skip) console.warn(`Skipping the initiative browser tests: ${NO_CHROMIUM}.`);

interface Data {
  meetings: {
    id: string;
    url: string;
    title: string;
    date: string;
    attendees: string[];
    sections: { id: string; heading: string; initiative: string | null; updates: { person: string }[] }[];
  }[];
  people: { id: string; name: string; handle: string | null; url: string }[];
  initiatives: { id: string; name: string; url: string }[];
}

describe.skipIf(skip)(skip ? `initiatives in chromium (skipped: ${NO_CHROMIUM})` : "initiatives in chromium", () => {
  let data: Data;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let origin: string;

  async function open(): Promise<{ page: Page; watch: PageWatch }> {
    const page = await context.newPage();
    return { page, watch: await watchPage(page) };
  }
  function expectClean(watch: PageWatch): void {
    expect(watch.external, "requests to hosts other than 127.0.0.1").toEqual([]);
    expect(watch.errors, "console or page errors").toEqual([]);
    expect(watch.failed, "failed loads").toEqual([]);
  }

  beforeAll(async () => {
    if (!available) throw new Error(`CI is set, so the browser tests may not be skipped: ${NO_CHROMIUM} (.ci/run installs it)`);
    const site = await buildOnce();
    if (site.code !== 0) throw new Error(`the sample build failed: ${describeBuild(site)}`);
    data = JSON.parse(readFileSync(join(site.out, "data", "meetings.json"), "utf8")) as Data;
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

  it("goes from a meeting to an attendee, to their update in an initiative's timeline, and back to the section", async () => {
    // The newest meeting with an attendee who gave an update in an initiative's section.
    const found = [...data.meetings]
      .reverse()
      .flatMap((m) => m.sections.filter((s) => s.initiative).flatMap((s) => s.updates.filter((u) => m.attendees.includes(u.person)).map((u) => ({ m, s, person: u.person }))))[0];
    if (!found) throw new Error("no attendee of any meeting gave an update in an initiative's section");
    const { m, s } = found;
    const person = data.people.find((p) => p.id === found.person)!;
    const initiative = data.initiatives.find((i) => i.id === s.initiative)!;

    const { page, watch } = await open();
    await page.goto(origin + m.url);
    expect((await page.locator("h1").innerText()).trim()).toBe(m.title);
    // The section says which initiative it reports on.
    const sectionLink = page.locator(`#${s.id} + p.initiative-link a`);
    expect((await sectionLink.innerText()).trim()).toBe(`Initiative: ${initiative.name}`);

    // To the attendee's page.
    await page.locator("header.meeting-header dl.facts").getByRole("link", { name: person.name, exact: true }).first().click();
    await page.waitForURL(origin + person.url);
    expect((await page.locator("h1").innerText()).trim()).toBe(person.name);
    // Their updates are grouped by initiative; the group's heading links to it.
    const group = page.locator("section.update-group").filter({ has: page.locator(`h3 a`, { hasText: initiative.name }) });
    expect(await group.count()).toBeGreaterThan(0);
    const item = group.locator("ol.updates > li").filter({ has: page.locator(`p.meta a[href$="#${s.id}"]`, { hasText: m.title }) }).filter({ has: page.locator(`time[datetime="${m.date}"]`) });
    expect(await item.count()).toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `person-${person.id}.png`), fullPage: true });

    // To that update in the initiative's timeline.
    await item.locator("a.in-timeline").click();
    const entry = `${m.id}--${s.id}`;
    await page.waitForURL(`${origin}${initiative.url}#${entry}`);
    expect((await page.locator("h1").innerText()).trim()).toBe(initiative.name);
    const target = page.locator("ol.timeline > li:target");
    expect(await target.getAttribute("id")).toBe(entry);
    expect(await target.locator("time").first().getAttribute("datetime")).toBe(m.date);
    expect((await target.locator(".notes").innerText()).trim().length).toBeGreaterThan(0);
    // The people who reported on it include this person.
    expect(await page.locator("ol.ranked").getByRole("link", { name: person.name, exact: true }).count()).toBe(1);
    // The activity chart is an accessible picture with a table beside it.
    expect(await page.locator("figure.chart svg[role=img] > title").first().textContent()).toContain(initiative.name);
    await page.screenshot({ path: join(SHOTS, `initiative-${initiative.id.replace("/", "--")}.png`), fullPage: true });

    // And back to the section in the meeting page.
    await target.locator("p.back a").click();
    await page.waitForURL(`${origin}${m.url}#${s.id}`);
    expect(await page.locator(":target").getAttribute("id")).toBe(s.id);
    expect((await page.locator(":target").innerText()).trim()).toContain(s.heading);
    await expect.poll(() => page.locator(`#${s.id}`).evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);

    expectClean(watch);
    await page.close();
  });

  it("filters the people index as one types, and shows a plain list without JavaScript", async () => {
    const { page, watch } = await open();
    await page.goto(origin + "/people/");
    const items = page.locator("#people-list > li");
    const total = await items.count();
    expect(total).toBe(data.people.length);
    const box = page.locator("#people-filter");
    expect(await box.isVisible()).toBe(true);
    const someone = data.people.find((p) => p.name.includes(" ")) ?? data.people[0]!;
    const query = someone.name.split(" ")[0]!.slice(0, 4).toLowerCase();
    await box.pressSequentially(query);
    const fold = (t: string): string => t.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    const expected = data.people.filter((p) => fold(`${p.name} ${p.handle ?? ""} ${p.id}`).includes(query)).length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => items.filter({ visible: true }).count()).toBe(expected);
    expect(await items.filter({ visible: true }).count()).toBeLessThan(total);
    expect(await page.locator("#people-filter-count").innerText()).toMatch(new RegExp(`^\\d+ of ${total} shown$`));
    await box.fill("");
    await expect.poll(() => items.filter({ visible: true }).count()).toBe(total);
    expectClean(watch);
    await page.close();

    const plain = await browser!.newContext({ javaScriptEnabled: false });
    const p2 = await plain.newPage();
    await p2.goto(origin + "/people/");
    expect(await p2.locator("#people-filter").isVisible()).toBe(false);
    expect(await p2.locator("#people-list > li").filter({ visible: true }).count()).toBe(total);
    await plain.close();
  });
});
