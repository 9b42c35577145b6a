// A small hand-built Archive for page tests: two series, four people (one
// with a hostile name, one without a handle), a hostile meeting title, nested
// sections, and updates, questions, actions and mentions for the people pages.
import type { Archive, ArchiveMeeting, Person, SeriesInfo, SiteConfig, YearInfo } from "../../src/archive/model.ts";
import type { Action, Mention, Question, Section, Update } from "../../src/core/model.ts";
import { detectInitiatives } from "../../src/archive/initiatives.ts";

export const HOSTILE_TITLE = "<script>alert(1)</script>";
export const HOSTILE_NAME = `Mallory "<img src=x onerror=alert(2)>"`;

function section(
  id: string,
  heading: string,
  level: number,
  parent: string | null,
  body: string,
  updates: Update[] = [],
): Section {
  return {
    id,
    heading,
    level,
    line: 1,
    parent,
    headingHtml: heading.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    html: body,
    issues: [],
    updates,
  };
}

type MeetingInput = Pick<ArchiveMeeting, "date" | "title"> & Partial<ArchiveMeeting> & { slug: string; name: string };

function update(person: string, text: string): Update {
  return { person, line: 1, html: `<ul><li>${text}</li></ul>`, items: [{ kind: "update", text }] };
}

const question = (person: string, text: string, section: string | null): Question => ({ person, text, line: 1, section });
const action = (owners: string[], text: string, done: boolean, section: string | null): Action => ({
  text,
  owners,
  done,
  line: 1,
  section,
});
const mention = (person: string, section: string | null): Mention => ({ person, line: 1, section });

function meeting(m: MeetingInput): ArchiveMeeting {
  const [y, mo, d] = m.date.split("-");
  return {
    id: `${m.date}--${m.slug}`,
    source: m.source ?? `${m.slug}/${m.date}.md`,
    line: 1,
    date: m.date,
    series: { slug: m.slug, name: m.name },
    title: m.title,
    leads: m.leads ?? [],
    notetakers: m.notetakers ?? [],
    attendees: m.attendees ?? [],
    recordings: m.recordings ?? [],
    intro: m.intro ?? "",
    sections: m.sections ?? [],
    questions: m.questions ?? [],
    mentions: m.mentions ?? [],
    actions: m.actions ?? [],
    issues: [],
    overrides: [],
    url: `/${y}/${mo}/${d}/${m.slug}/`,
    prev: null,
    next: null,
  };
}

export function fixtureArchive(site: Partial<SiteConfig> = {}): Archive {
  const core = "go-core-dev-team-weekly";
  const coreName = "Go Core Dev Team Weekly";
  const meetings: ArchiveMeeting[] = [
    meeting({ slug: core, name: coreName, date: "2018-12-17", title: "Go Core Dev Team Weekly", leads: ["alice"] }),
    meeting({
      slug: "community-call",
      name: "Community Call",
      date: "2019-01-10",
      title: "Community Call",
      leads: ["bob"],
      questions: [question("bob", "Who owns <b>releases</b>?", null)],
      mentions: [mention("alice", null)],
    }),
    meeting({
      slug: core,
      name: coreName,
      date: "2019-04-01",
      title: "Go Core Dev Team Weekly",
      leads: ["bob"],
      sections: [section("go-ipfs", "go-ipfs", 2, null, "<p>Work.</p>", [update("bob", "Started the refactor")])],
    }),
    meeting({
      slug: core,
      name: coreName,
      date: "2019-04-08",
      title: HOSTILE_TITLE,
      source: "2019/go-core #1.md",
      leads: ["alice"],
      notetakers: ["bob"],
      attendees: ["alice", "bob", "mallory", "ghost", "vader"],
      recordings: [
        { href: "https://example.org/rec/1", text: "Video" },
        { href: "javascript:alert(3)", text: "Bad link" },
      ],
      intro: "<p>Intro paragraph.</p>",
      sections: [
        section("agenda", "Agenda", 1, null, "<ul><li>Item</li></ul>", [update("bob", "Agenda note")]),
        section("updates", "Updates", 2, "agenda", "<p>Progress.</p>", [update("mallory", "Mallory's work")]),
        section("alice-s-update", "Alice's <update>", 3, "updates", "<p>Done.</p>", [update("alice", "Shipped it")]),
        section("deep", "Deep", 9, "alice-s-update", "<p>Very deep.</p>"),
      ],
      questions: [question("bob", "When is the release?", "agenda")],
      actions: [
        action(["bob", "alice"], "Write the <release> notes", false, "agenda"),
        action(["alice"], "Fix CI", true, null),
      ],
      mentions: [mention("alice", "updates"), mention("alice", "deep"), mention("alice", "updates"), mention("mallory", null)],
    }),
    meeting({
      slug: core,
      name: coreName,
      date: "2019-04-15",
      title: "Go Core Dev Team Weekly",
      leads: [HOSTILE_NAME],
      attendees: ["vader"],
      sections: [section("go-ipfs", "Go-IPFS", 2, null, "<p>More work.</p>", [update("bob", "Finished the refactor")])],
      actions: [action(["bob"], "Tag v0.4.20", true, "go-ipfs")],
    }),
  ];

  // Link each series' meetings, oldest first.
  const bySeries = new Map<string, ArchiveMeeting[]>();
  for (const m of meetings) {
    const list = bySeries.get(m.series.slug) ?? [];
    list.push(m);
    bySeries.set(m.series.slug, list);
  }
  const series: SeriesInfo[] = [];
  for (const [slug, list] of bySeries) {
    list.forEach((m, i) => {
      m.prev = list[i - 1]?.id ?? null;
      m.next = list[i + 1]?.id ?? null;
    });
    series.push({
      slug,
      name: list[0]!.series.name,
      url: `/series/${slug}/`,
      meetings: list.map((m) => m.id),
      first: list[0]!.date,
      last: list[list.length - 1]!.date,
    });
  }

  const person = (id: string, name: string, handle: string | null = id): Person => ({
    id,
    name,
    handle,
    url: `/people/${id}/`,
    attended: meetings.filter((m) => m.attendees.includes(id)).map((m) => m.id),
    led: meetings.filter((m) => m.leads.includes(id)).map((m) => m.id),
    noted: meetings.filter((m) => m.notetakers.includes(id)).map((m) => m.id),
  });
  const people = [
    person("alice", "Alice Liddell"),
    person("bob", "Bob"),
    person("mallory", HOSTILE_NAME),
    // No handle; sorts after "mallory" by id but before "Mallory" by name.
    person("vader", "Darth Vader", null),
  ];

  // "go-ipfs" and "Go-IPFS" recur in the core series: one initiative.
  const { initiatives } = detectInitiatives(meetings, { aliases: new Map(), exclude: [], declare: [] });

  const years: YearInfo[] = [];
  for (const m of meetings) {
    const year = m.date.slice(0, 4);
    const month = m.date.slice(0, 7);
    let y = years.find((x) => x.year === year);
    if (!y) years.push((y = { year, url: `/${year}/`, months: [], count: 0 }));
    let mo = y.months.find((x) => x.month === month);
    if (!mo) y.months.push((mo = { month, meetings: [] }));
    mo.meetings.push(m.id);
    y.count++;
  }

  return {
    site: {
      title: "Team Notes",
      description: "Minutes of our meetings.",
      url: null,
      sourceUrl: "https://github.com/example/notes/blob/main",
      issueBase: "https://github.com",
      lang: "en",
      ...site,
    },
    meetings,
    series,
    people,
    initiatives,
    years,
    problems: [],
    notes: 4,
    assets: [],
    byId: {
      meeting: new Map(meetings.map((m) => [m.id, m])),
      person: new Map(people.map((p) => [p.id, p])),
      series: new Map(series.map((s) => [s.slug, s])),
      initiative: new Map(initiatives.map((i) => [i.id, i])),
    },
  };
}
