// The CLI's build writes each page as its template renders it (page-writer.ts):
// Eleventy gets an empty string, the file gets the page with relative links.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PageWriter } from "../../src/site/page-writer.ts";
import type { Template } from "../../src/site/templates/index.ts";

const out = mkdtempSync(join(tmpdir(), "minutebook-writer-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const LINKS = '<a href="/people/ada/">Ada</a><img src="/files/a.png">';
const page = (url: string | false, path: string | false) => ({ page: { url, outputPath: path && join(out, path) } });
const template = (render: (d: never) => string | Promise<string>): Template => ({ data: { permalink: "x" }, render });
const rendered = (t: Template, d: ReturnType<typeof page>) => (t.render as (d: unknown) => string | Promise<string>)(d);

describe("the page writer", () => {
  it("writes a rendered page at once, with links relative to it, and hands Eleventy an empty string", () => {
    const writer = new PageWriter();
    const t = writer.writing(template(() => LINKS));
    expect(rendered(t, page("/2019/04/08/sync/", "2019/04/08/sync/index.html"))).toBe("");
    expect(readFileSync(join(out, "2019/04/08/sync/index.html"), "utf8")).toBe('<a href="../../../../people/ada/">Ada</a><img src="../../../../files/a.png">');
    expect(t.data).toEqual({ permalink: "x" });
  });

  it("waits for a template that renders asynchronously", async () => {
    const writer = new PageWriter();
    const t = writer.writing(template(() => Promise.resolve(LINKS)));
    await expect(rendered(t, page("/people/", "people/index.html"))).resolves.toBe("");
    expect(readFileSync(join(out, "people/index.html"), "utf8")).toBe('<a href="ada/">Ada</a><img src="../files/a.png">');
  });

  it("leaves the links of the 404 page, served at any depth, and of files that are not HTML as written", () => {
    const writer = new PageWriter();
    const t = writer.writing(template(() => LINKS));
    rendered(t, page("/404.html", "404.html"));
    rendered(t, page("/people/ada/feed.atom.xml", "people/ada/feed.atom.xml"));
    expect(readFileSync(join(out, "404.html"), "utf8")).toBe(LINKS);
    expect(readFileSync(join(out, "people/ada/feed.atom.xml"), "utf8")).toBe(LINKS);
  });

  it("writes nothing for a page Eleventy does not write (permalink false), and lists each file it wrote once", () => {
    const writer = new PageWriter();
    const t = writer.writing(template(() => LINKS));
    expect(rendered(t, page(false, false))).toBe("");
    rendered(t, page("/a/", "a/index.html"));
    rendered(t, page("/b/", "b/index.html"));
    expect(writer.take()).toEqual([join(out, "a/index.html"), join(out, "b/index.html")]);
    expect(writer.take()).toEqual([]);
    expect(existsSync(join(out, "false"))).toBe(false);
  });

  it("writes a template's pieces one after the other, a large file too, and hands Eleventy an empty string", () => {
    const writer = new PageWriter();
    const pieces = ["[", ...Array.from({ length: 3000 }, (_, i) => `${i ? "," : ""}"${"é<".repeat(200)}${i}"`), "]"];
    const t = writer.writing({ ...template(() => "unused"), pieces: () => pieces });
    expect(rendered(t, page("/data/all.json", "data/all.json"))).toBe("");
    const written = readFileSync(join(out, "data/all.json"), "utf8");
    expect(written).toBe(pieces.join(""));
    expect(written.length).toBeGreaterThan(1 << 20);
    expect(JSON.parse(written)).toHaveLength(3000);
    expect(writer.take()).toEqual([join(out, "data/all.json")]);
  });
});
