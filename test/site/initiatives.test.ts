// Initiative pages, the initiatives index, charts, and what the meeting,
// series and people pages gained with them: initiative links, action items,
// the attendance chart and the people filter. Rendered from the hand-built
// fixture archive (its "go-ipfs" / "Go-IPFS" sections are one initiative).
import { describe, expect, it } from "vitest";
import { fixtureArchive } from "./fixture-archive.ts";
import type { Archive, Initiative } from "../../src/archive/model.ts";
import { monthRange, monthlyChart, monthlyCounts, MAX_LAYERS } from "../../src/site/charts.ts";
import { renderInitiative, renderInitiativesIndex, timeline } from "../../src/site/pages/initiatives.ts";
import { renderMeeting } from "../../src/site/pages/meeting.ts";
import { renderSeries } from "../../src/site/pages/series.ts";
import { renderPeopleIndex, renderPerson } from "../../src/site/pages/people.ts";
import { meetingsJson } from "../../src/site/data.ts";
import { matches } from "../../src/browser/people-filter.ts";

const ID = "go-core-dev-team-weekly/go-ipfs";

function setUp(): { archive: Archive; initiative: Initiative } {
  const archive = fixtureArchive();
  const initiative = archive.byId.initiative.get(ID);
  if (!initiative) throw new Error(`the fixture has no initiative ${ID}`);
  // The older section has a summary and an epic; the newer one neither.
  const older = archive.byId.meeting.get("2019-04-01--go-core-dev-team-weekly")!.sections[0]!;
  older.summary = "Refactoring the <core>.";
  older.issues = [{ repo: "example/core", number: 7, url: "https://github.com/example/core/issues/7" }];
  return { archive, initiative };
}

describe("an initiative page", () => {
  const { archive, initiative } = setUp();
  const page = renderInitiative(archive, initiative);

  it("names it, with its series, latest summary and issue links", () => {
    expect(initiative.name).toBe("Go-IPFS");
    expect(page).toContain("<h1>Go-IPFS</h1>");
    expect(page).toContain("<title>Go-IPFS (Go Core Dev Team Weekly) — Team Notes</title>");
    expect(page).toContain('<a href="/series/go-core-dev-team-weekly/">Go Core Dev Team Weekly</a>');
    expect(page).toContain('<p class="lead summary">Refactoring the &lt;core&gt;. <span class="meta">(summary as of <time datetime="2019-04-01">');
    expect(page).toContain('<a href="https://github.com/example/core/issues/7">example/core#7</a>');
    expect(page).toContain("<dt>Also written as</dt><dd>go-ipfs</dd>");
  });

  it("gives its first and last meeting", () => {
    expect(page).toMatch(/<dt>First meeting<\/dt><dd><time datetime="2019-04-01">[^<]*<\/time> · <a href="\/2019\/04\/01\/go-core-dev-team-weekly\/">/);
    expect(page).toMatch(/<dt>Last meeting<\/dt><dd><time datetime="2019-04-15">/);
    expect(page).toContain("<dt>Meetings</dt><dd>2 meetings</dd>");
  });

  it("draws meetings per month as an SVG chart with a text alternative", () => {
    expect(page).toMatch(/<svg class="bars"[^>]* role="img" aria-labelledby="activity-chart-title activity-chart-desc">/);
    expect(page).toContain('<title id="activity-chart-title">Meetings per month where Go-IPFS came up</title>');
    expect(page).toContain("<figcaption>2 meetings in April 2019.</figcaption>");
    expect(page).toContain("<title>April 2019: 2 meetings</title>");
    expect(page).toContain('<tr><th scope="row">April 2019</th><td>2</td></tr>');
    const figure = page.slice(page.indexOf('<figure class="chart">'), page.indexOf("</figure>"));
    expect(figure).not.toMatch(/<script|\son[a-z]+=/);
  });

  it("ranks the people who reported on it", () => {
    expect(page).toMatch(/<ol class="ranked"><li><a href="\/people\/bob\/">Bob<\/a> <span class="meta">2 updates, last <time datetime="2019-04-15">/);
  });

  it("lists every section it came up in, newest first, each linking back to its meeting's section", () => {
    const entries = [...page.matchAll(/<li id="([^"]+)">\n<h3><time datetime="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(entries).toEqual([
      ["2019-04-15--go-core-dev-team-weekly--go-ipfs", "2019-04-15"],
      ["2019-04-01--go-core-dev-team-weekly--go-ipfs", "2019-04-01"],
    ]);
    expect(page).toContain('<a href="/2019/04/15/go-core-dev-team-weekly/#go-ipfs">Go Core Dev Team Weekly</a>');
    expect(page).toContain('<p class="back"><a href="/2019/04/01/go-core-dev-team-weekly/#go-ipfs">In the meeting notes</a></p>');
    expect(page).toContain('<div class="notes"><p>More work.</p></div>');
    expect(page).toContain('<span class="meta">as “go-ipfs”</span>');
    expect(timeline(archive, initiative).map((e) => e.meeting.date)).toEqual(["2019-04-15", "2019-04-01"]);
  });

  it("marks the Initiatives nav item current", () => {
    expect(page).toContain('<a href="/initiatives/" aria-current="true">Initiatives</a>');
  });
});

describe("the initiatives index", () => {
  const { archive } = setUp();
  const page = renderInitiativesIndex(archive);

  it("lists every initiative by series, with counts and last activity", () => {
    expect(page).toContain("<h1>Initiatives</h1>");
    expect(page).toContain('<h2 id="go-core-dev-team-weekly"><a href="/series/go-core-dev-team-weekly/">Go Core Dev Team Weekly</a> <span class="count">1 initiative</span></h2>');
    expect(page).toMatch(/<tr><th scope="row"><a href="\/initiatives\/go-core-dev-team-weekly\/go-ipfs\/">Go-IPFS<\/a><\/th><td class="num">2<\/td><td><time datetime="2019-04-01">[^<]*<\/time><\/td><td><time datetime="2019-04-15">/);
    expect(page).toContain('<a href="/initiatives/" aria-current="page">Initiatives</a>');
  });

  it("says how initiatives come about when there are none", () => {
    const empty = fixtureArchive();
    empty.initiatives = [];
    expect(renderInitiativesIndex(empty)).toContain("No initiatives yet");
  });
});

describe("the meeting page", () => {
  const { archive } = setUp();

  it("links an initiative's section to its entry in the timeline", () => {
    const page = renderMeeting(archive, archive.byId.meeting.get("2019-04-15--go-core-dev-team-weekly")!);
    expect(page).toContain(
      '<p class="initiative-link"><a href="/initiatives/go-core-dev-team-weekly/go-ipfs/#2019-04-15--go-core-dev-team-weekly--go-ipfs">Initiative: Go-IPFS</a> <span class="meta">(2 meetings)</span></p>',
    );
  });

  it("lists its action items with their state and owners", () => {
    const page = renderMeeting(archive, archive.byId.meeting.get("2019-04-08--go-core-dev-team-weekly")!);
    expect(page).toContain('<h2 id="mb-actions">Action items <span class="count">2 items, 1 open</span></h2>');
    expect(page).toContain(
      '<li class="open"><span class="state">Open</span> <span class="text">Write the &lt;release&gt; notes</span><p class="meta"><a href="/people/bob/">Bob</a>, <a href="/people/alice/">Alice Liddell</a> · in <a href="/2019/04/08/go-core-dev-team-weekly/#agenda">Agenda</a></p></li>',
    );
    expect(page).toContain('<li class="done"><span class="state">Done</span> <span class="text">Fix CI</span>');
    const none = renderMeeting(archive, archive.byId.meeting.get("2019-04-01--go-core-dev-team-weekly")!);
    expect(none).not.toContain("mb-actions");
  });
});

describe("the series page", () => {
  const { archive } = setUp();
  const page = renderSeries(archive, archive.byId.series.get("go-core-dev-team-weekly")!);

  it("lists its initiatives", () => {
    expect(page).toMatch(/<h2 id="initiatives">Initiatives <span class="count">1 initiative<\/span><\/h2>\n<ul class="initiative-list"><li><a href="\/initiatives\/go-core-dev-team-weekly\/go-ipfs\/">Go-IPFS<\/a> <span class="meta">2 meetings, last <time datetime="2019-04-15">/);
  });

  it("lists its open action items, and only those", () => {
    const open = page.slice(page.indexOf('id="open-actions"'), page.indexOf("</section>", page.indexOf('id="open-actions"')));
    expect(open).toContain("1 item, newest first");
    expect(open).toContain("Write the &lt;release&gt; notes");
    expect(open).not.toContain("Fix CI");
    expect(open).not.toContain("Tag v0.4.20");
  });
});

describe("people pages", () => {
  const { archive } = setUp();

  it("chart a person's meetings by month and series", () => {
    const page = renderPerson(archive, archive.byId.person.get("bob")!);
    // Led two, took notes at one, gave an update in a fourth (2019-04-15).
    expect(page).toContain('<h2 id="attendance">Meetings by month <span class="count">4 meetings</span></h2>');
    expect(page).toContain('<title id="attendance-chart-title">Meetings Bob took part in, per month</title>');
    expect(page).toContain("<title>April 2019: 3 meetings (Go Core Dev Team Weekly: 3)</title>");
    expect(page).toContain('<li><span class="swatch layer-1" aria-hidden="true"></span>Community Call</li>');
    expect(page).toContain("<figcaption>4 meetings from January 2019 to April 2019; the busiest month was April 2019 with 3.</figcaption>");
  });

  it("give the index a filter box, hidden until its script runs", () => {
    const page = renderPeopleIndex(archive);
    expect(page).toMatch(/<script src="\/assets\/search.js"><\/script>\n<script src="\/assets\/people-filter.js"><\/script>\n<\/body>/);
    expect(page).toContain('<div class="list-filter" hidden><label for="people-filter">');
    expect(page).toContain('<ol class="people-list" id="people-list">');
    expect(page).toContain('<li data-filter="darth vader  vader">');
  });

  it("filter on every word typed, without case, accents or the @", () => {
    expect(matches("alice liddell alice alice", "Lid")).toBe(true);
    expect(matches("alice liddell alice alice", "@ali lidd")).toBe(true);
    expect(matches("alice liddell alice alice", "bob")).toBe(false);
    expect(matches("lucia moreno lucia-m lucia-m", "Lucía")).toBe(true);
    expect(matches("anyone", "  ")).toBe(true);
  });
});

describe("data/meetings.json", () => {
  it("gains initiatives, and each section's initiative", () => {
    const { archive } = setUp();
    const data = JSON.parse(meetingsJson(archive)) as {
      initiatives: unknown[];
      meetings: { id: string; sections: { id: string; initiative: string | null }[] }[];
    };
    expect(data.initiatives).toEqual([{ id: ID, name: "Go-IPFS", url: "/initiatives/go-core-dev-team-weekly/go-ipfs/", series: "go-core-dev-team-weekly" }]);
    const m = data.meetings.find((x) => x.id === "2019-04-08--go-core-dev-team-weekly")!;
    expect(m.sections.map((s) => s.initiative)).toEqual([null, null, null, null]);
    expect(data.meetings.find((x) => x.id === "2019-04-01--go-core-dev-team-weekly")!.sections[0]!.initiative).toBe(ID);
  });
});

describe("monthly charts", () => {
  it("cover every month between the first and the last, across years", () => {
    expect(monthRange("2019-11", "2020-02")).toEqual(["2019-11", "2019-12", "2020-01", "2020-02"]);
    const { months, counts } = monthlyCounts([{ label: "a", dates: ["2019-11-04", "2020-02-01", "2020-02-20"] }]);
    expect(months).toHaveLength(4);
    expect(counts.get("2020-02")).toEqual([2]);
    expect(counts.get("2019-12")).toEqual([0]);
  });

  it("fold layers past the sixth into Other", () => {
    const layers = Array.from({ length: MAX_LAYERS + 2 }, (_, i) => ({ label: `s${i}`, dates: ["2020-01-01"] }));
    const { labels, counts } = monthlyCounts(layers);
    expect(labels).toEqual(["s0", "s1", "s2", "s3", "s4", "Other"]);
    expect(counts.get("2020-01")).toEqual([1, 1, 1, 1, 1, 3]);
  });

  it("draw nothing without data, and escape labels", () => {
    expect(monthlyChart({ id: "x", title: "T", layers: [], unit: ["a", "b"] }).value).toBe("");
    const svg = monthlyChart({ id: "x", title: "<T>", layers: [{ label: "<s>", dates: ["2020-01-01"] }, { label: "t", dates: ["2020-03-01"] }], unit: ["item", "items"] }).value;
    expect(svg).toContain("&lt;T&gt;");
    expect(svg).not.toContain("<s>");
    expect(svg.match(/<rect /g)).toHaveLength(2);
  });
});
