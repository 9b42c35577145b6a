// Real validators on the built sample archive: the W3C Nu HTML checker
// (vnu-jar, on the machine's Java) on every page, and axe-core in chromium on
// every page type.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { buildOnce, cleanupBuilds, listFiles, type BuildResult } from "../helpers/build.ts";
import { hasChromium, IN_CI, launchBrowser, NO_CHROMIUM, serveDirectory } from "../helpers/browser.ts";

const require = createRequire(import.meta.url);
const VNU = (require("vnu-jar") as string).toString();
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const hasJava = spawnSync("java", ["-version"]).status === 0;

let built: BuildResult;
beforeAll(async () => {
  built = await buildOnce();
  expect(built.code, built.stderr).toBe(0);
}, 120_000);
afterAll(() => cleanupBuilds());

const skipJava = !hasJava && !IN_CI;
describe.skipIf(skipJava)(skipJava ? "Nu HTML checker (skipped: no java)" : "Nu HTML checker", () => {
  it("finds no error on any page of the sample archive", () => {
    const pages = listFiles(built.out).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(40);
    const out = spawnSync("java", ["-jar", VNU, "--errors-only", "--format", "json", "--skip-non-html", built.out], { encoding: "utf8", maxBuffer: 64 << 20 });
    const report = JSON.parse(out.stderr || out.stdout) as { messages: { type: string; url: string; lastLine?: number; message: string }[] };
    const errors = report.messages.filter((m) => m.type === "error").map((m) => `${m.url.split("/site/")[1]}:${m.lastLine}: ${m.message}`);
    expect(errors).toEqual([]);
  }, 120_000);
});

const skip = !hasChromium() && !IN_CI;
describe.skipIf(skip)(skip ? `axe-core (skipped: ${NO_CHROMIUM})` : "axe-core in chromium", () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("reports no violation on any page type", async () => {
    const files = listFiles(built.out).filter((f) => f.endsWith("index.html") || f === "404.html");
    // One page of each type: the first file under each distinct URL shape.
    const byType = new Map<string, string>();
    for (const f of files) {
      const type = f.replace(/\d{4}\/\d{2}\/\d{2}\/[^/]+/, "MEETING").replace(/^(archive)\/\d{4}/, "$1/YEAR").replace(/^(series|people|initiatives|search|feeds)\/.+\/index\.html$/, "$1/ITEM");
      if (!byType.has(type)) byType.set(type, f);
    }
    expect(byType.size).toBeGreaterThanOrEqual(8);
    const server = await serveDirectory(built.out);
    const page = await browser!.newPage();
    const violations: string[] = [];
    try {
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const f of byType.values()) {
          await page.goto(`${server.origin}/${f.replace(/index\.html$/, "")}`);
          await page.addScriptTag({ content: AXE });
          const result = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as {
            violations: { id: string; help: string; nodes: { target: string[] }[] }[];
          };
          for (const v of result.violations) violations.push(`${scheme} ${f}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
        }
      }
    } finally {
      await page.close();
      await server.close();
    }
    expect(violations).toEqual([]);
  }, 180_000);
});
