import { describe, it, expect, vi } from "vitest";
import { fixtureArchive, HOSTILE_NAME, HOSTILE_TITLE } from "./fixture-archive.ts";
import { escapeAttr, escapeHtml, html, join, raw, safeHref } from "../../src/site/html.ts";
import { dayMonth, longDate, monthName, plural, shortDate } from "../../src/site/format.ts";
import { renderMeeting } from "../../src/site/pages/meeting.ts";
import { renderSeries, renderSeriesIndex } from "../../src/site/pages/series.ts";
import { renderArchiveIndex, renderYear } from "../../src/site/pages/archive.ts";
import { renderHome } from "../../src/site/pages/home.ts";
import { renderNotFound } from "../../src/site/pages/notfound.ts";
import { renderPeopleIndex, renderPerson } from "../../src/site/pages/people.ts";
import type { Archive, ArchiveMeeting } from "../../src/archive/model.ts";

const get = (archive: Archive, id: string): ArchiveMeeting => {
  const m = archive.byId.meeting.get(id);
  if (!m) throw new Error(`no meeting ${id}`);
  return m;
};

/** Every page of the fixture, for checks that hold on all of them. */
function allPages(archive: Archive): [string, string][] {
  return [
    ["home", renderHome(archive)],
    ["series index", renderSeriesIndex(archive)],
    ...archive.series.map((s): [string, string] => [`series ${s.slug}`, renderSeries(archive, s)]),
    ["archive", renderArchiveIndex(archive)],
    ...archive.years.map((y): [string, string] => [`year ${y.year}`, renderYear(archive, y)]),
    ...archive.meetings.map((m): [string, string] => [`meeting ${m.id}`, renderMeeting(archive, m)]),
    ["people index", renderPeopleIndex(archive)],
    ...archive.people.map((p): [string, string] => [`person ${p.id}`, renderPerson(archive, p)]),
    ["404", renderNotFound(archive)],
  ];
}

describe("html``", () => {
  it("escapes interpolated text and numbers, keeps SafeHtml", () => {
    const out = html`<p title="${`"x" & 'y'`}">${"<b>"}${42}${raw("<i>ok</i>")}${html`<em>${"<&>"}</em>`}</p>`;
    expect(out.value).toBe(`<p title="&quot;x&quot; &amp; &#39;y&#39;">&lt;b&gt;42<i>ok</i><em>&lt;&amp;&gt;</em></p>`);
  });

  it("joins arrays and drops null, undefined and false", () => {
    expect(html`${["<a>", raw("<b>"), null, undefined, false, 0]}`.value).toBe("&lt;a&gt;<b>0");
    expect(join(["a<", raw("<br>"), "c"], ", ").value).toBe("a&lt;, <br>, c");
  });

  it("escapes for text and attributes", () => {
    expect(escapeHtml("plain")).toBe("plain");
    expect(escapeAttr(`a"b'c<d>&`)).toBe("a&quot;b&#39;c&lt;d&gt;&amp;");
  });

  it("lets only web, mail and relative hrefs through", () => {
    expect(safeHref("https://example.org/x")).toBe("https://example.org/x");
    expect(safeHref("mailto:a@example.org")).toBe("mailto:a@example.org");
    expect(safeHref("/2019/")).toBe("/2019/");
    expect(safeHref("javascript:alert(1)")).toBe("#");
    expect(safeHref(" java\tscript:alert(1)")).toBe("#");
    expect(safeHref("data:text/html,<script>")).toBe("#");
  });
});

describe("dates", () => {
  it("formats calendar dates", () => {
    expect(longDate("2019-04-08")).toBe("Monday, 8 April 2019");
    expect(shortDate("2019-04-08")).toBe("8 Apr 2019");
    expect(dayMonth("2019-04-08")).toBe("Mon 8 Apr");
    expect(monthName("2019-04")).toBe("April 2019");
    expect(plural(1, "meeting")).toBe("1 meeting");
    expect(plural(2, "meeting")).toBe("2 meetings");
    expect(plural(1200, "person", "people")).toBe("1,200 people");
  });

  it("does not depend on the machine's time zone", async () => {
    const saved = process.env.TZ;
    const dates = ["2019-04-08", "2019-01-01", "2018-12-31", "2020-02-29"];
    // format.ts caches what it formats: load fresh modules in each zone so
    // every zone really formats (and renders) from scratch.
    const renderIn = async (tz: string) => {
      process.env.TZ = tz;
      vi.resetModules();
      const f = await import("../../src/site/format.ts");
      const { renderMeeting: render } = await import("../../src/site/pages/meeting.ts");
      const archive = fixtureArchive();
      return {
        offset: new Date(2019, 3, 8).getTimezoneOffset(),
        dates: dates.map((d) => [f.longDate(d), f.shortDate(d), f.monthName(d.slice(0, 7))].join("|")),
        page: render(archive, get(archive, "2019-04-08--go-core-dev-team-weekly")),
      };
    };
    try {
      const utc = await renderIn("UTC");
      expect(utc.dates[0]).toBe("Monday, 8 April 2019|8 Apr 2019|April 2019");
      // UTC+14 and UTC-11: a date read as an instant would shift a day one way or the other.
      for (const tz of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
        const there = await renderIn(tz);
        expect(there.offset).not.toBe(0); // the zone really changed
        expect(there.dates).toEqual(utc.dates);
        expect(there.page).toBe(utc.page);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
      vi.resetModules();
    }
  });
});

describe("escaping on every page", () => {
  const archive = fixtureArchive();
  for (const [name, page] of allPages(archive)) {
    it(`${name} never contains the hostile text raw`, () => {
      expect(page).not.toContain("<script>");
      expect(page).not.toContain("<img src=x");
      expect(page).not.toContain("javascript:");
      expect(page.startsWith("<!doctype html>")).toBe(true);
    });
  }

  it("shows the hostile title and names escaped", () => {
    const page = renderMeeting(archive, get(archive, "2019-04-08--go-core-dev-team-weekly"));
    expect(page).toContain("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>");
    expect(page).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt;, 8 Apr 2019 — Team Notes</title>");
    expect(page).toContain(`<a href="/people/mallory/">${escapeHtml(HOSTILE_NAME)}</a>`);
    // A lead the archive does not know is plain (escaped) text, not a link.
    const later = renderMeeting(archive, get(archive, "2019-04-15--go-core-dev-team-weekly"));
    expect(later).toContain(`<dd>${escapeHtml(HOSTILE_NAME)}</dd>`);
    expect(HOSTILE_TITLE).toContain("<script>");
  });
});

describe("layout", () => {
  const archive = fixtureArchive({ lang: "de" });
  it("is a complete document with head, nav and footer", () => {
    const page = renderSeriesIndex(archive);
    expect(page).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain("<title>Series — Team Notes</title>");
    expect(page).toContain('<link rel="stylesheet" href="/assets/style.css">');
    expect(page).toContain('<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">');
    expect(page).toContain('<a class="skip-link" href="#main">');
    expect(page).toContain('<main id="main"');
    expect(page).toContain('<a href="/series/" aria-current="page">Series</a>');
    // The search box: a plain GET form to the search page, and the one small script that enhances it, last in the body (after the page has painted).
    expect(page).toContain('<form class="site-search" role="search" action="/search/" method="get" data-search>');
    expect(page).toContain('<input id="site-search-q" type="search" name="q"');
    expect(page).toContain('<a href="/search/">Search</a>');
    expect(page).toMatch(/<\/footer>\n<script src="\/assets\/search.js"><\/script>\n<\/body>/);
    expect(page).toContain('<a href="/initiatives/">Initiatives</a>');
    expect(page).toContain('<a href="/people/">People</a>');
    expect(page).toContain("5 meetings from 4 notes. Built with minutebook.");
    expect(page.replace('<script src="/assets/search.js"></script>', "")).not.toMatch(/<script|https?:\/\/(?!github\.com\/example)/);
  });

  it("marks the Archive nav item current on year and meeting pages", () => {
    const m = archive.meetings[0];
    if (!m) throw new Error("fixture");
    expect(renderMeeting(archive, m)).toContain('<a href="/archive/" aria-current="true">Archive</a>');
  });

  it("titles the home page with the site title alone", () => {
    expect(renderHome(archive)).toContain("<title>Team Notes</title>");
  });
});

describe("meeting page", () => {
  const archive = fixtureArchive();
  const m = get(archive, "2019-04-08--go-core-dev-team-weekly");
  const page = renderMeeting(archive, m);

  it("lists the header facts", () => {
    expect(page).toContain('<dt>Date</dt><dd><time datetime="2019-04-08">Monday, 8 April 2019</time></dd>');
    expect(page).toContain('<dt>Series</dt><dd><a href="/series/go-core-dev-team-weekly/">Go Core Dev Team Weekly</a></dd>');
    expect(page).toContain('<dt>Lead</dt><dd><a href="/people/alice/">Alice Liddell</a></dd>');
    expect(page).toContain('<dt>Notes by</dt><dd><a href="/people/bob/">Bob</a></dd>');
    expect(page).toContain('<li><a href="/people/alice/">Alice Liddell</a></li>');
    expect(page).toContain("<li>ghost</li>"); // unknown attendee: plain text
    expect(page).toContain('<a href="https://example.org/rec/1" rel="nofollow">Video</a>');
    expect(page).toContain('<a href="#" rel="nofollow">Bad link</a>');
    expect(page).toContain('<a href="https://github.com/example/notes/blob/main/2019/go-core%20%231.md">View source</a>');
  });

  it("omits view source when the site has no source URL", () => {
    const a = fixtureArchive({ sourceUrl: null });
    expect(renderMeeting(a, get(a, m.id))).not.toContain("View source");
  });

  it("gives sections anchored headings whose levels follow the section tree, never skipping one", () => {
    expect(page).toContain('<h2 id="agenda">Agenda <a class="anchor" href="#agenda" aria-label="Link to this section">#</a></h2>');
    expect(page).toContain('<h3 id="updates">');
    expect(page).toContain('<h4 id="alice-s-update">Alice\'s &lt;update&gt; <a class="anchor" href="#alice-s-update"');
    expect(page).toContain('<h5 id="deep">');
    expect(page).toContain("<p>Intro paragraph.</p>");
    expect(page.indexOf("Intro paragraph")).toBeLessThan(page.indexOf('id="agenda"'));
    expect(page).toContain("<ul><li>Item</li></ul>");
  });

  it("has a nested table of contents when there are 3+ sections", () => {
    expect(page).toContain(
      '<ol><li><a href="#agenda">Agenda</a><ol><li><a href="#updates">Updates</a><ol><li><a href="#alice-s-update">Alice&#39;s &lt;update&gt;</a><ol><li><a href="#deep">Deep</a></li></ol></li></ol></li></ol></li></ol>',
    );
    const short = { ...m, sections: m.sections.slice(0, 2) };
    expect(renderMeeting(archive, short)).not.toContain('class="toc"');
  });

  it("links the previous and next meeting of the series", () => {
    expect(page).toMatch(
      /<a class="prev" rel="prev" href="\/2019\/04\/01\/go-core-dev-team-weekly\/">.*<time datetime="2019-04-01">1 Apr 2019<\/time>.*Go Core Dev Team Weekly/,
    );
    expect(page).toMatch(/<a class="next" rel="next" href="\/2019\/04\/15\/go-core-dev-team-weekly\/">.*15 Apr 2019/);
    const first = renderMeeting(archive, get(archive, "2018-12-17--go-core-dev-team-weekly"));
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('rel="next"');
    const alone = renderMeeting(archive, get(archive, "2019-01-10--community-call"));
    expect(alone).not.toContain('class="prev-next"');
  });
});

describe("series pages", () => {
  const archive = fixtureArchive();
  it("lists a series' meetings newest first, grouped by year", () => {
    const s = archive.byId.series.get("go-core-dev-team-weekly");
    if (!s) throw new Error("fixture");
    const page = renderSeries(archive, s);
    const lists = [...page.matchAll(/<ol class="meetings">(.*?)<\/ol>/gs)].map((x) => x[1] ?? "").join("");
    const order = [...lists.matchAll(/<time datetime="(\d{4}-\d\d-\d\d)">/g)].map((x) => x[1]);
    expect(order).toEqual(["2019-04-15", "2019-04-08", "2019-04-01", "2018-12-17"]);
    expect(page.indexOf('<h2 id="y2019">')).toBeLessThan(page.indexOf('<h2 id="y2018">'));
    expect(page).toContain('Led by <a href="/people/alice/">Alice Liddell</a>');
  });

  it("orders the series index by most recent activity", () => {
    const page = renderSeriesIndex(archive);
    expect(page.indexOf("/series/go-core-dev-team-weekly/")).toBeLessThan(page.indexOf("/series/community-call/"));
    expect(page).toContain("4 meetings");
  });
});

describe("archive, home and 404", () => {
  const archive = fixtureArchive();
  it("indexes years and months", () => {
    const page = renderArchiveIndex(archive);
    expect(page.indexOf('<a href="/2019/">2019</a>')).toBeLessThan(page.indexOf('<a href="/2018/">2018</a>'));
    expect(page).toContain('<a href="/2019/#m2019-04" aria-label="April 2019: 3 meetings">3</a>');
  });

  it("groups a year by month", () => {
    const y2019 = archive.years.find((y) => y.year === "2019");
    if (!y2019) throw new Error("fixture");
    const page = renderYear(archive, y2019);
    expect(page).toContain('<h2 id="m2019-04">April 2019 <span class="count">3 meetings</span></h2>');
    expect(page).toContain('<h2 id="m2019-01">January 2019');
    expect(page).toContain('rel="prev" href="/2018/"');
    expect(page).toContain("Community Call");
  });

  it("shows counts and the latest meetings on the home page", () => {
    const page = renderHome(archive);
    expect(page).toContain("<strong>5</strong> meetings");
    expect(page).toContain("<strong>4</strong> people");
    expect(page).toContain("<strong>2</strong> years");
    expect(page.indexOf('datetime="2019-04-15"')).toBeLessThan(page.indexOf('datetime="2018-12-17"'));
  });

  it("renders a not-found page", () => {
    const page = renderNotFound(archive);
    expect(page).toContain("<h1>Page not found</h1>");
    expect(page).toContain("<title>Page not found — Team Notes</title>");
  });
});
