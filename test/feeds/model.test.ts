// The feeds of a small hand-built archive (test/site/fixture-archive.ts):
// which feeds exist, what a person's and an initiative's entries hold, ids,
// absolute links under a site URL with a path and a port, and XML that stays
// well-formed with hostile titles and control characters.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fixtureArchive, HOSTILE_TITLE } from "../site/fixture-archive.ts";
import { feedLinksFor } from "../../src/site/feeds/links.ts";
import { feedByKey, feedEntries, leadSummary, listFeeds, summaryOf, tagAuthority, textOf } from "../../src/site/feeds/model.ts";
import { absoluteHtml, absoluteHtmlByPattern, renderAtom, renderRss } from "../../src/site/feeds/render.ts";
import { CONTENT_NS, parseXml, readFeed } from "./xml.ts";

const SITE = "https://example.org:8443/team/notes/";

describe("feeds of the fixture archive", () => {
  it("are none without a site URL", () => {
    const a = fixtureArchive();
    expect(listFeeds(a)).toEqual([]);
    expect(feedLinksFor("all", "", a)).toEqual([]);
    expect(feedLinksFor("person", "bob", a)).toEqual([]);
  });

  it("are the archive's, each series', each initiative's and each person's with something of their own", () => {
    const a = fixtureArchive({ url: SITE });
    expect(listFeeds(a).map((f) => f.key)).toEqual([
      "all",
      "series/go-core-dev-team-weekly",
      "series/community-call",
      ...a.initiatives.map((i) => `initiative/${i.id}`),
      "person/alice",
      "person/bob",
      "person/mallory",
    ]);
    // Vader only attended: nothing to follow.
    expect(feedLinksFor("person", "vader", a)).toEqual([]);
    expect(feedLinksFor("series", "community-call", a)).toEqual([
      { title: "Community Call — Team Notes (Atom)", href: "/series/community-call/feed.atom.xml", type: "atom" },
      { title: "Community Call — Team Notes (RSS)", href: "/series/community-call/feed.rss.xml", type: "rss" },
    ]);
  });

  it("give a person one entry per meeting they led, reported or asked in, newest first", () => {
    const a = fixtureArchive({ url: SITE });
    const entries = feedEntries(a, feedByKey(a, "person/bob")!);
    expect(entries.map((e) => [e.date, e.title, e.url])).toEqual([
      ["2019-04-15", "Go Core Dev Team Weekly: 1 update", "/2019/04/15/go-core-dev-team-weekly/#go-ipfs"],
      ["2019-04-08", `${HOSTILE_TITLE}: 1 update, 1 question`, "/2019/04/08/go-core-dev-team-weekly/#agenda"],
      ["2019-04-01", "Go Core Dev Team Weekly: led, 1 update", "/2019/04/01/go-core-dev-team-weekly/#go-ipfs"],
      ["2019-01-10", "Community Call: led, 1 question", "/2019/01/10/community-call/"],
    ]);
    expect(entries[0]!.id).toBe("tag:example.org,2019-04-15:person/bob/meeting/2019-04-15--go-core-dev-team-weekly");
    // Just Bob's part: his update and question, not Mallory's or Alice's.
    expect(entries[1]!.html).toContain("Agenda note");
    expect(entries[1]!.html).toContain("When is the release?");
    expect(entries[1]!.html).not.toContain("Mallory&#39;s work");
    expect(entries[1]!.html).not.toContain("Shipped it");
    expect(entries[1]!.authors).toEqual(["bob"]);
  });

  it("give an initiative its sections of each meeting, and a meeting entry the whole notes", () => {
    const a = fixtureArchive({ url: SITE });
    const initiative = a.initiatives[0]!;
    const entries = feedEntries(a, feedByKey(a, `initiative/${initiative.id}`)!);
    expect(entries.map((e) => e.url)).toEqual(["/2019/04/15/go-core-dev-team-weekly/#go-ipfs", "/2019/04/01/go-core-dev-team-weekly/#go-ipfs"]);
    expect(entries[0]!.id).toBe("tag:example.org,2019-04-15:meeting/2019-04-15--go-core-dev-team-weekly/section/go-ipfs");
    expect(entries[0]!.html).toContain("More work.");
    expect(entries[0]!.html).not.toContain("Work.</p>\n<h");
    const all = feedEntries(a, feedByKey(a, "all")!);
    expect(all.map((e) => e.date)).toEqual(["2019-04-15", "2019-04-08", "2019-04-01", "2019-01-10", "2018-12-17"]);
    const hostile = all[1]!;
    for (const part of ["Intro paragraph.", "Progress.", "Very deep.", "Alice's &lt;update&gt;"]) expect(hostile.html).toContain(part);
    // The same meeting is the same entry in the series' feed.
    const series = feedEntries(a, feedByKey(a, "series/go-core-dev-team-weekly")!);
    expect(series.find((e) => e.date === "2019-04-08")!.id).toBe(hostile.id);
  });

  it("write well-formed Atom and RSS, whatever the titles and names hold", async () => {
    const a = fixtureArchive({ url: SITE });
    a.meetings[3]!.title += "\u0001 and a lone \ud800 surrogate";
    // Entry content is a CDATA section: text that would end one must not.
    a.meetings[3]!.sections[0]!.html += "<p>ends ]]> early\u0002, and ]]]]> twice</p>";
    for (const feed of listFeeds(a)) {
      for (const xml of [await renderAtom(a, feed), await renderRss(a, feed)]) {
        const doc = parseXml(xml);
        expect(doc.errors, feed.key).toEqual([]);
        expect(xml).not.toContain("<script>");
        expect(xml).not.toContain("\u0001");
      }
    }
    const rss = parseXml(await renderRss(a, feedByKey(a, "all")!));
    const item = rss.root!.children[0]!.children.find((c) => c.name === "item")!;
    expect(item.children.find((c) => c.name === "encoded")?.uri).toBe(CONTENT_NS);
    const atom = readFeed(await renderAtom(a, feedByKey(a, "series/community-call")!));
    expect(atom.self).toBe(`${SITE}series/community-call/feed.atom.xml`);
    expect(atom.stylesheet).toBe("../../assets/feed.xsl");
    expect(atom.updated).toBe("2019-01-10T00:00:00Z");
    expect(atom.entries[0]!.content).toContain(`href="${SITE}people/bob/"`);
    const all = readFeed(await renderAtom(a, feedByKey(a, "all")!));
    expect(all.entries.map((e) => e.content).find((c) => c.includes("ends"))).toContain("<p>ends ]]> early, and ]]]]> twice</p>");
  });
});

describe("absolute links in entry content", () => {
  it("keep the site URL's path, resolve anchors and relative links against the entry's page, and leave other sites alone", async () => {
    const html = '<a href="/people/x/">x</a> <a href="#sec">s</a> <a href="../other/">o</a> <img src="/files/a b.png"> <a href="https://github.com/a">g</a> <a href="mailto:a@b.c">m</a>';
    const out = await absoluteHtml(html, SITE, "/2019/04/08/m/");
    expect(out).toContain(`href="${SITE}people/x/"`);
    expect(out).toContain(`href="${SITE}2019/04/08/m/#sec"`);
    expect(out).toContain(`href="${SITE}2019/04/08/other/"`);
    expect(out).toContain(`src="${SITE}files/a%20b.png"`);
    expect(out).toContain('href="https://github.com/a"');
    expect(out).toContain('href="mailto:a@b.c"');
  });

  it("are the same as the tag-by-tag pattern rewrite, on any mix of tags, attributes and text, with URLs remembered across pages", () => {
    const url = fc.constantFrom("/people/x/", "#sec", "../other/", "//cdn.example/y", "https://github.com/a", "HTTPS://GitHub.com/a b", "http:rel", "mailto:a@b.c", " /files/a.png ");
    // Whole tags, so that most fragments hold links to rewrite, among loose pieces that may break them.
    const tag = fc.tuple(fc.constantFrom("<a", "<img", "<A", "<1"), fc.constantFrom(" href=", "\nsrc=", " xhref=", " title=", "href="), url).map(([t, a, u]) => `${t}${a}"${u}">`);
    const loose = fc.constantFrom("<a ", "< ", ">", " href=\"", "=\"", "\"", "/people/x/", "#sec", " ", "text");
    const html = fc.array(fc.oneof(tag, loose), { maxLength: 30 }).map((parts) => parts.join(""));
    const page = fc.constantFrom("/2019/04/08/m/", "/people/ada/", "/2019/04/08/m/#s");
    const known = new Map<string, string>();
    fc.assert(fc.property(html, page, (h, at) => absoluteHtml(h, SITE, at, known) === absoluteHtmlByPattern(h, SITE, at)), { numRuns: 3000 });
    expect([...known.keys()]).toEqual(expect.arrayContaining(["/people/x/", "https://github.com/a"]));
    expect(known.has("#sec") || known.has("http:rel") || known.has("../other/")).toBe(false);
  });
});

describe("helpers", () => {
  it("tagAuthority is the host name alone", () => {
    expect(tagAuthority("https://Notes.Example.org:8080/x/")).toBe("notes.example.org");
    expect(tagAuthority("http://[::1]:8080/")).toBe("localhost");
    expect(tagAuthority("not a url")).toBe("localhost");
  });

  it("textOf drops tags, keeps words apart across blocks and decodes entities", () => {
    expect(textOf('<p><a class="mention">@x</a>: fixed &lt;it&gt; &amp; more</p><ul><li>one</li><li>two&#33;</li></ul>')).toBe("@x: fixed <it> & more one two!");
  });

  it("a summary read from a short lead is the summary of the long one, whatever the lead's cut falls on", () => {
    // Words, tags, entities (long names among them), blocks and scripts, in runs long enough that leads are cut.
    const piece = fc.constantFrom(
      "word ", "Widgets ", "  ", "\n", "<p>", "</p>", "<li>", "</li>", '<a href="/people/x/" class="mention">@x</a>', "<b>", "</b>",
      "&amp;", "&lt;", "&#33;", "&#x1F600;", "&CounterClockwiseContourIntegral;", "&nbsp;", "<!-- note -->", "<script>", "</script>",
      "<style>", "</style>", "<img src=\"a.png\" alt=\"x\">", "é", "—", "x".repeat(40), "<br>", `<span title="${"t".repeat(120)}">`, "</span>",
    );
    const fragment = fc.array(piece, { minLength: 60, maxLength: 400, size: "max" }).map((parts) => parts.join(""));
    fc.assert(fc.property(fragment, (f) => summaryOf(f) === leadSummary(f)), { numRuns: 3000 });
    // Long fragments do take the short lead (this is what the property is about).
    const long = "word ".repeat(2000);
    expect(summaryOf(long)).toBe(leadSummary(long));
    expect(summaryOf(long).length).toBeLessThanOrEqual(300);
  });
});
