// Notes written to break things (test/fixtures/hostile, plus files made here
// that git should not hold: binary, invalid UTF-8, 5 MB, deep nesting, a
// symlink out of the folder). Every note becomes a page or a named problem,
// the build survives, and in chromium no script from a note runs on any page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { Parser } from "htmlparser2";
import type { Browser } from "playwright-core";
import { buildSite, cleanupBuilds, ROOT, type BuildResult } from "../helpers/build.ts";
import { hasChromium, IN_CI, launchBrowser, NO_CHROMIUM, serveDirectory, watchPage } from "../helpers/browser.ts";

const FIXTURES = join(ROOT, "test", "fixtures", "hostile");
/** The only scripts and forms are our own: bundles under assets/, and the search form. */
const ours = (name: string, attrs: Record<string, string>): boolean =>
  (name === "script" && /(?:^|\/)assets\/[\w.-]+\.js$/.test(attrs.src ?? "")) || (name === "form" && attrs.role === "search" && /^(?:\.\/|(?:\.\.\/)*search\/|\/search\/)$/.test(attrs.action ?? ""));

interface Data {
  meetings: { source: string; url: string }[];
  problems: { source: string; line: number; severity: string; message: string }[];
}

let tmp: string;
let notes: string;
let built: BuildResult;
let data: Data;

/** Every note of the folder, as the archive names them. */
function listNotes(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((p) => p.split(sep).join("/"))
    .filter((p) => p.endsWith(".md"))
    .sort();
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "minutebook-hostile-"));
  notes = join(tmp, "notes");
  cpSync(FIXTURES, notes, { recursive: true });
  const dir = join(notes, "2021");
  writeFileSync(join(dir, "2021-04-05--empty.md"), "");
  writeFileSync(join(dir, "2021-04-06--binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, "2021-04-07--latin1.md"), Buffer.from("# Caf\xe9 sync 2021-04-07\n\n**Lead:** Ren\xe9e \x93quoted\x94 (@renee)\n", "latin1"));
  writeFileSync(join(dir, "2021-04-08--crlf-bom.md"), "\ufeff---\r\ntitle: CRLF and BOM\r\n---\r\n# Ignored\r\n\r\n**Lead:** @crlf\r\n\r\n## Notes\r\n\r\n- one\r\n");
  const big = Array.from({ length: 40_000 }, (_, i) => `- item ${i} by @user${i % 50} about org/repo#${i} and <b>bold</b>\n`).join("");
  writeFileSync(join(dir, "2021-04-09--huge.md"), `# Huge 2021-04-09\n\n## Notes\n\n${big.repeat(2)}`);
  const deep = Array.from({ length: 3000 }, (_, i) => `${"  ".repeat(i)}- level ${i}\n`).join("") + "> ".repeat(3000) + "deep quote\n" + "[".repeat(5000) + "x" + "]".repeat(5000) + "\n";
  writeFileSync(join(dir, "2021-04-10--deep.md"), `# Deep 2021-04-10\n\n${deep}`);
  const outside = join(tmp, "secret.md");
  writeFileSync(outside, "# Secret 2021-04-11\n\nThis file lives outside the notes folder.\n");
  symlinkSync(outside, join(dir, "2021-04-11--symlink.md"));
  built = await buildSite(notes, { url: "https://hostile.example/" , timeout: 300_000 });
  data = JSON.parse(readFileSync(join(built.out, "data", "meetings.json"), "utf8")) as Data;
}, 300_000);

afterAll(() => {
  cleanupBuilds();
  rmSync(tmp, { recursive: true, force: true });
});

describe("hostile and broken notes", () => {
  it("finishes the build, and fails it only for the notes that could not be published, naming them", () => {
    expect(built.code, built.stderr).toBe(1);
    for (const name of ["impossible-date", "empty", "binary", "symlink"]) {
      expect(built.stderr, name).toMatch(new RegExp(`2021/[^\\n]*${name}\\.md[^\\n]*: error: `));
    }
    expect(built.stdout).toMatch(/Built .*: \d+ notes, \d+ meetings/);
  });

  it("makes every note a page or a problem naming it", () => {
    const published = new Set(data.meetings.map((m) => m.source));
    const reported = new Set(data.problems.filter((p) => p.severity === "error").map((p) => p.source));
    for (const note of listNotes(notes)) {
      expect(published.has(note) || reported.has(note), note).toBe(true);
    }
    for (const m of data.meetings) expect(readFileSync(join(built.out, m.url, "index.html"), "utf8")).toContain("<main");
  });

  it("reports each kind of damage with its file and line", () => {
    const problem = (source: string, re: RegExp) => data.problems.find((p) => p.source === `2021/${source}` && re.test(p.message));
    expect(problem("2021-03-15--xss-weekly.md", /not valid YAML/)?.line).toBeGreaterThan(0);
    expect(problem("2021-03-08--xss-weekly.md", /"attendees" should be/)?.line).toBe(5);
    expect(problem("2021-04-07--latin1.md", /not valid UTF-8/)?.line).toBe(1);
    expect(problem("2021-03-22-duplicate-weekly.md", /another note/)).toBeDefined();
    expect(problem("2019-02-30--impossible-date.md", /not a calendar date/)).toBeDefined();
    expect(problem("2021-04-05--empty.md", /empty/)).toBeDefined();
    expect(problem("2021-04-06--binary.md", /binary/)).toBeDefined();
    expect(problem("2021-04-11--symlink.md", /outside the notes folder/)).toBeDefined();
  });

  it("reads Windows-1252, CRLF and a BOM as text", () => {
    const latin = readFileSync(join(built.out, "2021/04/07/latin1/index.html"), "utf8");
    expect(latin).toContain("Café sync");
    expect(latin).toContain("Renée “quoted”");
    const crlf = readFileSync(join(built.out, "2021/04/08/crlf-bom/index.html"), "utf8");
    expect(crlf).toContain("CRLF and BOM");
    expect(crlf).not.toContain("\r");
  });

  it("never lets markup from a note into the output as markup", () => {
    for (const file of (readdirSync(built.out, { recursive: true }) as string[]).filter((f) => /\.(html|xml|json)$/.test(f))) {
      const text = readFileSync(join(built.out, file), "utf8");
      if (file.endsWith(".json")) {
        expect(text, file).not.toContain("<");
        continue;
      }
      // Parsed as a browser would tokenise it: the same words escaped as text are what a reader should see.
      const bad: string[] = [];
      const parser = new Parser(
        {
          onopentag(name, attrs) {
            if (/^(?:script|iframe|object|embed|math|style|base|form)$/.test(name) && !ours(name, attrs)) bad.push(`<${name}>`);
            if (name === "meta" && attrs["http-equiv"]) bad.push(`<meta http-equiv>`);
            for (const [k, v] of Object.entries(attrs)) {
              if (/^on/i.test(k)) bad.push(`<${name} ${k}>`);
              if (/^(?:href|src|action|formaction|xlink:href)$/i.test(k) && /^\s*(?:javascript|vbscript|data):/i.test(v)) bad.push(`<${name} ${k}="${v}">`);
            }
          },
        },
        { xmlMode: file.endsWith(".xml"), decodeEntities: true },
      );
      parser.write(text);
      parser.end();
      expect(bad, file).toEqual([]);
    }
  });
});

const skip = !hasChromium() && !IN_CI;
describe.skipIf(skip)(skip ? `hostile notes in chromium (skipped: ${NO_CHROMIUM})` : "hostile notes in chromium", () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("runs no script from a note on any page", async () => {
    const server = await serveDirectory(built.out);
    const pages = (readdirSync(built.out, { recursive: true }) as string[])
      .map((p) => p.split(sep).join("/"))
      .filter((p) => p.endsWith(".html") || (p.endsWith(".xml") && p !== "sitemap.xml"))
      .sort();
    const page = await browser!.newPage();
    const watch = await watchPage(page);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(`${page.url()}: ${d.message()}`);
      void d.dismiss();
    });
    try {
      for (const path of pages) {
        await page.goto(`${server.origin}/${path}`);
        // Hover and toggle everything, so handlers that wait for a reader fire if they exist.
        await page.evaluate(() => {
          for (const el of Array.from(document.querySelectorAll("*"))) {
            el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
            if (el instanceof HTMLDetailsElement) el.open = !el.open;
          }
        });
        const unsafe = await page.evaluate(() =>
          Array.from(document.querySelectorAll("*")).flatMap((el) =>
            Array.from(el.attributes)
              .filter((a) => /^on/i.test(a.name) || (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)))
              .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`),
          ),
        );
        expect(unsafe, path).toEqual([]);
      }
      // Search results are built from the notes' text: search for the payloads themselves.
      for (const q of ["alert", "script onerror", "</script>", "<img src=x onerror=alert(1)>", "Q(@eve):"]) {
        await page.goto(`${server.origin}/search/?q=${encodeURIComponent(q)}`);
        await page.locator("#search-q").focus();
        await page.waitForFunction((query) => document.querySelector("[data-search-results]")?.getAttribute("data-query") === query, q.trim(), { timeout: 30_000 });
        const inResults = await page.evaluate(() =>
          Array.from(document.querySelectorAll("[data-search-results] *")).filter((el) => /^(script|img|iframe|svg|object)$/i.test(el.tagName) || Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
        );
        expect(inResults, q).toBe(0);
      }
      expect(await page.locator("[data-search-results]").innerText()).toContain("alert");
      await page.waitForTimeout(200);
    } finally {
      await page.close();
      await server.close();
    }
    expect(dialogs).toEqual([]);
    expect(watch.external).toEqual([]);
  }, 240_000); // every page of the site, one after the other
});
