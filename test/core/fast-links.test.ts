// The fast-links plugin must change nothing but speed: every note renders to
// the same HTML as with markdown-it's own linkify pretest and normalizers.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { fastLinks } from "../../src/core/rules/fast-links.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const CORPUS = resolve(ROOT, "../shared/corpus/ipfs-team-mgmt/meeting-notes");

function markdown(fast: boolean): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  if (fast) md.use(fastLinks);
  return md;
}

const plain = markdown(false);
const fast = markdown(true);

function notesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => join(dir, f));
}

const TRICKY_URLS = [
  "https://example.com/",
  "https://EXAMPLE.com/Path",
  "HTTPS://example.com/",
  "https://example.com/a%20b",
  "https://example.com/%zz",
  "https://example.com/%E2%9C%93",
  "https://example.com/ä",
  "https://example.com/a b",
  "https://xn--bcher-kva.example/",
  "https://bücher.example/",
  "https://x..y/",
  "https://-x.y/",
  "https://x.y/[1]",
  "https://x.y:8080/p?q=1&r=a,b;c#h",
  "https://user:pw@x.y/",
  "//x.y/path",
  "mailto:someone@x.y",
  "ftp://x.y/file",
  "/relative/path",
  "javascript:alert(1)",
];

describe("fastLinks", () => {
  it("normalizes every kind of URL as markdown-it does", () => {
    for (const url of TRICKY_URLS) {
      expect(fast.normalizeLink(url), url).toBe(plain.normalizeLink(url));
      expect(fast.normalizeLinkText(url), url).toBe(plain.normalizeLinkText(url));
    }
  });

  it("takes its shortcut for plain URLs only", () => {
    const calls: string[] = [];
    const md = new MarkdownIt();
    const normalize = md.normalizeLink;
    md.normalizeLink = (url) => (calls.push(url), normalize(url));
    fastLinks(md);
    md.normalizeLink("https://example.com/a/b?c=d#e");
    md.normalizeLink("https://bücher.example/");
    expect(calls).toEqual(["https://bücher.example/"]);
  });

  it("finds the same links in text: bare URLs, mailto, protocol-relative, and none in mentions or dotted words", () => {
    const text = [
      "See https://github.com/ipfs/go-ipfs/issues/5783, and HTTP://Example.com/X.",
      "@alice said docs.example.io is up; mail mailto:bob@example.org or bob@example.org",
      "//cdn.example.com/x and ftp://files.example.com/a.tar.gz",
      "node v1.2.3, a.b.c, e-mail@example, https://bücher.example/ä?q=%41",
    ].join("\n\n");
    expect(fast.render(text)).toBe(plain.render(text));
    expect(fast.render(text)).toContain('<a href="https://github.com/ipfs/go-ipfs/issues/5783">');
  });

  it.skipIf(!existsSync(CORPUS))("renders every note of the real archive and of notes/ as markdown-it does", () => {
    const files = [...(existsSync(CORPUS) ? notesIn(CORPUS) : []), ...notesIn(join(ROOT, "notes"))];
    expect(files.length).toBeGreaterThan(500);
    let differ = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if (fast.render(text) !== plain.render(text)) differ++;
    }
    expect(differ).toBe(0);
  });
});
