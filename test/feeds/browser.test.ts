// A feed opened in a browser (Debian's chromium) is shown through
// /assets/feed.xsl as a readable page: the feed's title, how to subscribe,
// and its entries; no script, nothing fetched from elsewhere. Skipped without
// /usr/bin/chromium, except in CI. Screenshots go to /tmp/minutebook-shots.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { buildOnce, cleanupBuilds, describeBuild, type BuildResult } from "../helpers/build.ts";
import { hasChromium, IN_CI, launchBrowser, NO_CHROMIUM, serveDirectory, watchPage, type StaticServer } from "../helpers/browser.ts";
import { readFeed } from "./xml.ts";

const SHOTS = "/tmp/minutebook-shots";
const skip = !hasChromium() && !IN_CI;
if (skip) console.warn(`Skipping the feed browser tests: ${NO_CHROMIUM}.`);

describe.skipIf(skip)("feeds in chromium", () => {
  let site: BuildResult;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    site = await buildOnce();
    if (site.code !== 0) throw new Error(`the sample build failed: ${describeBuild(site)}`);
    server = await serveDirectory(site.out);
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanupBuilds();
  });

  for (const [name, path] of [
    ["the archive's Atom feed", "feeds/all.atom.xml"],
    ["a person's RSS feed", "people/mirak/feed.rss.xml"],
  ] as const) {
    it(`shows ${name} as a readable page`, async (ctx) => {
      const feed = readFeed(readFileSync(join(site.out, path), "utf8"));
      const page = await browser!.newPage();
      const watch = await watchPage(page);
      await page.goto(`${server!.origin}/${path}`, { waitUntil: "load" });
      if (!(await page.evaluate(() => typeof XSLTProcessor !== "undefined"))) {
        if (IN_CI) throw new Error("this chromium has no XSLT: the feed cannot be styled");
        ctx.skip();
      }
      await expect.poll(() => page.locator("h1").count()).toBe(1);
      expect((await page.locator("h1").textContent())?.trim()).toBe(feed.title);
      expect(await page.locator("main > ol > li").count()).toBe(feed.entries.length);
      const first = page.locator("main > ol > li").first();
      expect((await first.locator("h2").textContent())?.trim()).toBe(feed.entries[0]!.title);
      expect(await first.locator("h2 a").getAttribute("href")).toBe(feed.entries[0]!.link);
      expect(await page.locator(".about code").textContent()).toBe(feed.self);
      expect(await page.locator("script").count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, path.replace(/\//g, "_") + ".png"), fullPage: false });
      expect(watch.errors).toEqual([]);
      expect(watch.external).toEqual([]);
      expect(watch.failed).toEqual([]);
      await page.close();
    });
  }
});
