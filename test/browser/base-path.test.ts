// One _site/ must work wherever it is mounted: a domain's root, a sub-folder
// of a larger site, an IPFS gateway path. Each mount is crawled in chromium,
// page by page through the links a reader would click, and every page, style,
// script, image and data file it loads must come from under the mount.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { buildOnce, cleanupBuilds } from "../helpers/build.ts";
import { hasChromium, IN_CI, launchBrowser, NO_CHROMIUM, serveDirectory, watchPage } from "../helpers/browser.ts";

const skip = !hasChromium() && !IN_CI;
const MOUNTS = ["/", "/team/meeting-notes/", "/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/"];
/** Enough pages to reach every page type of the sample archive from the home page. */
const MAX_PAGES = 30;

describe.skipIf(skip)(skip ? `base paths (skipped: ${NO_CHROMIUM})` : "the site under any base path", () => {
  let out: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    const built = await buildOnce();
    expect(built.code, built.stderr).toBe(0);
    out = built.out;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    cleanupBuilds();
  });

  for (const mount of MOUNTS) {
    it(`works mounted at ${mount}`, async () => {
      const server = await serveDirectory(out, { prefix: mount });
      const page = await browser!.newPage();
      const watch = await watchPage(page);
      const root = server.origin + mount;
      const seen = new Set<string>();
      const kinds = new Set<string>();
      const queued = new Set<string>(["home"]);
      const queue = [root];
      const outside: string[] = [];
      try {
        while (queue.length && seen.size < MAX_PAGES) {
          const url = queue.shift()!;
          if (seen.has(url)) continue;
          seen.add(url);
          const res = await page.goto(url);
          expect(res?.status(), url).toBe(200);
          // The stylesheet applied: the layout's header is laid out, not unstyled.
          expect(await page.locator("link[rel=stylesheet]").evaluateAll((ls) => ls.length > 0 && ls.every((l) => !!(l as HTMLLinkElement).sheet)), url).toBe(true);
          kinds.add(kindOf(url.slice(root.length)));
          const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
          for (const href of hrefs) {
            const u = new URL(href);
            if (u.origin !== server.origin) continue;
            if (!u.pathname.startsWith(mount)) outside.push(`${url} -> ${href}`);
            const clean = u.origin + u.pathname;
            if (clean.endsWith("/") && !seen.has(clean) && !queue.includes(clean)) {
              // Visit one page of each kind first, then the rest as room allows.
              const kind = kindOf(clean.slice(root.length));
              if (queued.has(kind)) queue.push(clean);
              else {
                queued.add(kind);
                queue.unshift(clean);
              }
            }
          }
        }
        // A feed, opened as a reader would from the feeds page, is served from under the mount too.
        if (existsSync(join(out, "feeds", "all.atom.xml"))) {
          const feedPage = await browser!.newPage();
          const res = await feedPage.goto(root + "feeds/all.atom.xml");
          expect(res?.status()).toBe(200);
          // Shown through its stylesheet (also fetched from under the mount), as a readable page.
          expect(await feedPage.locator("h1").count()).toBeGreaterThan(0);
          await feedPage.close();
          expect(await (await fetch(root + "feeds/all.atom.xml")).text()).toContain("<feed");
        }
      } finally {
        await page.close();
        await server.close();
      }
      expect(outside, "links that leave the mount").toEqual([]);
      // A navigation cancels what the page before it was still loading (its favicon): not a failure.
      expect(watch.failed.filter((f) => !f.endsWith("net::ERR_ABORTED")), "failed loads").toEqual([]);
      expect(watch.errors, "page errors").toEqual([]);
      expect(watch.external, "requests to other hosts").toEqual([]);
      // Page types of later features are expected once the build writes them.
      const optional = ["initiatives", "initiative", "search", "feeds"].filter((k) => existsSync(join(out, k === "initiative" ? "initiatives" : k, "index.html")));
      for (const kind of ["home", "meeting", "series", "series-index", "archive", "year", "people", "person", ...optional]) {
        expect([...kinds], `visited a ${kind} page`).toContain(kind);
      }
    });
  }
});

/** What kind of page a site-relative path is, to make sure the crawl covers each. */
function kindOf(path: string): string {
  if (path === "") return "home";
  if (/^\d{4}\/\d{2}\/\d{2}\//.test(path)) return "meeting";
  const [top, rest] = [path.split("/")[0]!, path.split("/").slice(1).join("/")];
  if (top === "archive") return rest ? "year" : "archive";
  if (top === "series") return rest ? "series" : "series-index";
  if (top === "people") return rest ? "person" : "people";
  if (top === "initiatives") return rest ? "initiative" : "initiatives";
  return top;
}
