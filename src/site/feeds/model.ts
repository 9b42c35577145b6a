// What the feeds hold, as plain data from the archive: which feeds exist and
// the entries of each, newest first. The XML is written by render.ts; the
// pages link feeds through links.ts. Pure: no Eleventy, no clock.
//
//   all          one entry per meeting (its whole notes)      /feeds/all.{atom,rss}.xml
//   series       one entry per meeting of the series           /series/<slug>/feed.{atom,rss}.xml
//   initiative   one entry per meeting the initiative came up  /initiatives/<series>/<slug>/feed.{atom,rss}.xml
//                in: its section(s) of that meeting, with their subsections
//   person       one entry per meeting the person led, gave an /people/<id>/feed.{atom,rss}.xml
//                update in or asked a question in: their part of it
//
// A feed holds its newest FEED_LIMIT entries. People who only attended or
// took notes have no feed (nothing of theirs to read).
import type { Archive, ArchiveMeeting, Initiative, Person, SeriesInfo } from "../../archive/model.ts";
import type { Question, Section, Update } from "../../core/model.ts";
import { html, join, raw, type SafeHtml } from "../html.ts";
import { longDate, plural } from "../format.ts";
import { headingLevel } from "../pages/meeting.ts";

/**
 * Entries per feed: the newest this many; older meetings stay on the pages.
 * A reader polls a feed and keeps what it fetched, and an entry is a whole
 * meeting's notes, so 20 (five months of a weekly meeting) keeps a busy
 * series' feed to a fetch of some 100 KB, where 50 made it a quarter to half
 * a megabyte, fetched again on every poll, and feeds 40% of a build's output.
 */
export const FEED_LIMIT = 20;

export type FeedKind = "all" | "series" | "initiative" | "person";
export type FeedFormat = "atom" | "rss";

/** File names of a feed, beside the page it follows. */
export const FEED_FILES: Record<FeedFormat, string> = { atom: "feed.atom.xml", rss: "feed.rss.xml" };
/** The whole archive's feeds, and the page that lists every feed. */
export const ALL_FEEDS: Record<FeedFormat, string> = { atom: "/feeds/all.atom.xml", rss: "/feeds/all.rss.xml" };
export const FEEDS_PAGE_URL = "/feeds/";

export interface FeedDef {
  kind: FeedKind;
  /** "" for the whole archive, else the series slug, initiative id or person id. */
  id: string;
  /** Unique over the site: "all", "series/<slug>", "initiative/<series>/<slug>", "person/<id>". */
  key: string;
  title: string;
  subtitle: string;
  /** Root-relative URL of the HTML page the feed follows. */
  pageUrl: string;
  /** Root-relative URLs of the feed files. */
  atom: string;
  rss: string;
}

export interface FeedEntry {
  /** Never changes across rebuilds: see entryId(). */
  id: string;
  title: string;
  /** Root-relative URL of what the entry is about, with its #anchor when it is a part of a meeting. */
  url: string;
  /** The meeting's calendar date, "YYYY-MM-DD": published and updated. */
  date: string;
  meeting: ArchiveMeeting;
  /** Person ids; none means the feed's author (the site). */
  authors: string[];
  /** Plain text, at most SUMMARY_MAX characters. */
  summary: string;
  /** The entry's content; its internal links are root-relative, as on the pages. */
  html: string;
}

const SUMMARY_MAX = 300;

/** Every feed of the site, in a stable order; none when the site has no URL. */
export function listFeeds(archive: Archive): FeedDef[] {
  return cached(feedLists, archive, () => {
    if (!archive.site.url) return [];
    const site = archive.site.title;
    const feeds: FeedDef[] = [
      {
        kind: "all",
        id: "",
        key: "all",
        title: site,
        subtitle: archive.site.description || `The newest meetings of ${site}.`,
        pageUrl: "/",
        ...ALL_FEEDS,
      },
    ];
    for (const s of archive.series) {
      feeds.push({ ...beside(s.url), kind: "series", id: s.slug, key: `series/${s.slug}`, title: `${s.name} — ${site}`, subtitle: `Notes of every meeting of ${s.name}.` });
    }
    for (const i of archive.initiatives ?? []) {
      if (!initiativeHasEntries(archive, i)) continue;
      const series = archive.byId.series.get(i.series)?.name ?? i.series;
      feeds.push({
        ...beside(i.url),
        kind: "initiative",
        id: i.id,
        key: `initiative/${i.id}`,
        title: `${i.name} (${series}) — ${site}`,
        subtitle: `What each meeting of ${series} said about ${i.name}.`,
      });
    }
    for (const p of archive.people) {
      if (!personParts(archive).get(p.id)?.size) continue;
      feeds.push({
        ...beside(p.url),
        kind: "person",
        id: p.id,
        key: `person/${p.id}`,
        title: `${p.name} — ${site}`,
        subtitle: `Updates and questions from ${p.name}, and the meetings they led.`,
      });
    }
    return feeds;
  });
}

function beside(pageUrl: string): { pageUrl: string; atom: string; rss: string } {
  return { pageUrl, atom: pageUrl + FEED_FILES.atom, rss: pageUrl + FEED_FILES.rss };
}

/** A feed by its key, or undefined. */
export function feedByKey(archive: Archive, key: string): FeedDef | undefined {
  return cached(feedIndexes, archive, () => new Map(listFeeds(archive).map((f) => [f.key, f]))).get(key);
}

/** The newest FEED_LIMIT entries of a feed, newest first. */
export function feedEntries(archive: Archive, feed: FeedDef): FeedEntry[] {
  if (!archive.site.url) return [];
  switch (feed.kind) {
    case "all":
      return meetingEntries(archive, "all", archive.meetings);
    case "series": {
      const s = archive.byId.series.get(feed.id);
      return s ? seriesEntries(archive, s) : [];
    }
    case "initiative": {
      const i = archive.byId.initiative?.get(feed.id);
      return i ? initiativeEntries(archive, i) : [];
    }
    case "person": {
      const p = archive.byId.person.get(feed.id);
      return p ? personEntries(archive, p) : [];
    }
  }
}

// ---------------------------------------------------------------- entry ids

/**
 * Entry ids are tag: URIs (RFC 4151): `tag:<host>,<meeting date>:<what>`.
 * They name the content, not where it is served: the same with http or
 * https, at the domain's root or under a path, and the same meeting keeps its
 * id in the archive's feed and in its series' feed (readers show it once).
 * They are made only from the site's host name, the meeting's date and ids
 * (meeting, section, person), so a rebuild of the same notes never changes
 * them; moving the site to another host does.
 */
export function entryId(siteUrl: string, date: string, what: string): string {
  return `tag:${tagAuthority(siteUrl)},${date}:${what}`;
}

/** The host name, as RFC 4151 wants it (a DNS name: no port, no brackets). */
export function tagAuthority(siteUrl: string): string {
  let host: string;
  try {
    host = new URL(siteUrl).hostname.toLowerCase();
  } catch {
    host = "";
  }
  // An IPv6 literal ("[::1]") is no DNS name: such a site is a local one.
  if (host.startsWith("[")) return "localhost";
  return host.replace(/[^a-z0-9.-]+/g, "-").replace(/^[.-]+|[.-]+$/g, "") || "localhost";
}

const part = (s: string): string => encodeURIComponent(s);

export const entryIds = {
  meeting: (siteUrl: string, m: ArchiveMeeting): string => entryId(siteUrl, m.date, `meeting/${part(m.id)}`),
  /** Named by the meeting and its first section of the initiative, so renaming an initiative keeps its entries' ids. */
  initiative: (siteUrl: string, m: ArchiveMeeting, section: string): string =>
    entryId(siteUrl, m.date, `meeting/${part(m.id)}/section/${part(section)}`),
  person: (siteUrl: string, m: ArchiveMeeting, person: string): string =>
    entryId(siteUrl, m.date, `person/${part(person)}/meeting/${part(m.id)}`),
};

// ---------------------------------------------------------------- entries

/** Newest first; a day with several meetings, by id descending (as the pages list them). */
function byNewest(a: ArchiveMeeting, b: ArchiveMeeting): number {
  return a.date === b.date ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.date < b.date ? 1 : -1;
}

function newest(meetings: readonly ArchiveMeeting[]): ArchiveMeeting[] {
  return [...meetings].sort(byNewest).slice(0, FEED_LIMIT);
}

function seriesEntries(archive: Archive, s: SeriesInfo): FeedEntry[] {
  const meetings: ArchiveMeeting[] = [];
  for (const id of s.meetings) {
    const m = archive.byId.meeting.get(id);
    if (m) meetings.push(m);
  }
  return meetingEntries(archive, `series/${s.slug}`, meetings);
}

function meetingEntries(archive: Archive, key: string, meetings: readonly ArchiveMeeting[]): FeedEntry[] {
  return cachedEntries(archive, key, () => newest(meetings).map((m) => meetingEntry(archive, m)));
}

/** A meeting's whole notes: shared by the archive's feed and its series' feed. */
function meetingEntry(archive: Archive, m: ArchiveMeeting): FeedEntry {
  const memo = cached(meetingEntryCache, archive, () => new Map<string, FeedEntry>());
  let entry = memo.get(m.id);
  if (!entry) {
    const headings = m.sections.filter((s) => s.level <= 2).map((s) => s.heading);
    const body = html`${meetingFacts(archive, m)}
${raw(m.intro)}
${m.sections.map((s) => html`<h${headingLevel(s.level)}>${raw(s.headingHtml)}</h${headingLevel(s.level)}>
${raw(s.html)}
`)}`;
    entry = {
      id: entryIds.meeting(archive.site.url!, m),
      title: m.title,
      url: m.url,
      date: m.date,
      meeting: m,
      authors: m.notetakers.filter((p) => archive.byId.person.has(p)),
      summary: clip(`${m.series.name}, ${longDate(m.date)}${headings.length ? ": " + headings.join(", ") : ""}.`),
      html: body.value,
    };
    memo.set(m.id, entry);
  }
  return entry;
}

function personLink(archive: Archive, id: string): SafeHtml {
  const p = archive.byId.person.get(id);
  return p ? html`<a href="${p.url}">${p.name}</a>` : html`${id}`;
}

function people(archive: Archive, ids: readonly string[]): SafeHtml {
  return join(ids.map((id) => personLink(archive, id)), ", ");
}

/** One line of facts: series, date, leads, notetakers, attendance. */
function meetingFacts(archive: Archive, m: ArchiveMeeting): SafeHtml {
  const series = archive.byId.series.get(m.series.slug);
  const parts: SafeHtml[] = [
    series ? html`<a href="${series.url}">${series.name}</a>` : html`${m.series.name}`,
    html`${longDate(m.date)}`,
  ];
  if (m.leads.length > 0) parts.push(html`led by ${people(archive, m.leads)}`);
  if (m.notetakers.length > 0) parts.push(html`notes by ${people(archive, m.notetakers)}`);
  if (m.attendees.length > 0) parts.push(html`${plural(m.attendees.length, "attendee")}`);
  return html`<p>${join(parts, " · ")}</p>`;
}

/** Sections of the initiative in one meeting, each with the subsections that belong to no other initiative. */
function initiativeSections(m: ArchiveMeeting, initiative: string, ids: readonly string[]): Section[] {
  const wanted = new Set(ids);
  const byId = new Map(m.sections.map((s) => [s.id, s]));
  // Whether `s` is inside `top` with no other initiative's section in between.
  const belongs = (s: Section, top: Section): boolean => {
    const seen = new Set<string>();
    for (let cur: Section | undefined = s; cur && !seen.has(cur.id); cur = cur.parent ? byId.get(cur.parent) : undefined) {
      if (cur === top) return true;
      seen.add(cur.id);
      if (cur.initiative != null && cur.initiative !== initiative) return false;
    }
    return false;
  };
  const out: Section[] = [];
  const taken = new Set<string>();
  m.sections.forEach((top, i) => {
    if (!wanted.has(top.id) || taken.has(top.id)) return;
    out.push(top);
    taken.add(top.id);
    for (const s of m.sections.slice(i + 1)) {
      if (!belongs(s, top)) break;
      if (!taken.has(s.id)) {
        out.push(s);
        taken.add(s.id);
      }
    }
  });
  return out;
}

/** Heading levels kept relative to the first section, from h3 (the entry's title stands above). */
function sectionsHtml(sections: readonly Section[]): SafeHtml {
  const base = sections[0]?.level ?? 1;
  return html`${sections.map((s) => {
    const n = Math.min(6, 3 + Math.max(0, s.level - base));
    return html`<h${n}>${raw(s.headingHtml)}</h${n}>
${raw(s.html)}
`;
  })}`;
}

/** Whether initiativeEntries() would give any, without writing them: the list of feeds is made before any is. */
function initiativeHasEntries(archive: Archive, i: Initiative): boolean {
  return i.sections.some(({ meeting, section }) => archive.byId.meeting.get(meeting)?.sections.some((s) => s.id === section));
}

function initiativeEntries(archive: Archive, i: Initiative): FeedEntry[] {
  return cachedEntries(archive, `initiative/${i.id}`, () => {
    const sectionsOf = new Map<string, string[]>();
    for (const { meeting, section } of i.sections) {
      const list = sectionsOf.get(meeting);
      if (list) list.push(section);
      else sectionsOf.set(meeting, [section]);
    }
    const meetings: ArchiveMeeting[] = [];
    for (const id of sectionsOf.keys()) {
      const m = archive.byId.meeting.get(id);
      if (m) meetings.push(m);
    }
    const entries: FeedEntry[] = [];
    for (const m of newest(meetings)) {
      const sections = initiativeSections(m, i.id, sectionsOf.get(m.id) ?? []);
      const first = sections[0];
      if (!first) continue;
      const authors = [...new Set(sections.flatMap((s) => s.updates.map((u) => u.person)))].filter((p) => archive.byId.person.has(p));
      const stated = sections.find((s) => s.summary)?.summary;
      const body = html`<p><a href="${m.url}#${first.id}">${m.title}</a> · ${longDate(m.date)}</p>
${sectionsHtml(sections)}`;
      entries.push({
        id: entryIds.initiative(archive.site.url!, m, first.id),
        title: `${i.name} — ${m.title}`,
        url: `${m.url}#${first.id}`,
        date: m.date,
        meeting: m,
        authors: authors.length > 0 ? authors : m.notetakers.filter((p) => archive.byId.person.has(p)),
        summary: stated ? clip(stated) : summaryOf(sectionsHtml(sections).value),
        html: body.value,
      });
    }
    return entries;
  });
}

/** What one person did in one meeting. */
interface PersonPart {
  meeting: ArchiveMeeting;
  led: boolean;
  updates: { section: Section; update: Update }[];
  questions: Question[];
}

/** person id -> meeting id -> their part, in one pass over the archive. */
function personParts(archive: Archive): Map<string, Map<string, PersonPart>> {
  return cached(personIndexes, archive, () => {
    const index = new Map<string, Map<string, PersonPart>>();
    const get = (person: string, m: ArchiveMeeting): PersonPart => {
      let byMeeting = index.get(person);
      if (!byMeeting) index.set(person, (byMeeting = new Map()));
      let p = byMeeting.get(m.id);
      if (!p) byMeeting.set(m.id, (p = { meeting: m, led: false, updates: [], questions: [] }));
      return p;
    };
    for (const m of archive.meetings) {
      for (const id of new Set(m.leads)) get(id, m).led = true;
      for (const section of m.sections) for (const update of section.updates) get(update.person, m).updates.push({ section, update });
      for (const q of m.questions) get(q.person, m).questions.push(q);
    }
    return index;
  });
}

function personEntries(archive: Archive, person: Person): FeedEntry[] {
  return cachedEntries(archive, `person/${person.id}`, () => {
    const parts = [...(personParts(archive).get(person.id)?.values() ?? [])];
    const byMeeting = new Map(parts.map((p) => [p.meeting.id, p]));
    return newest(parts.map((p) => p.meeting)).map((m) => personEntry(archive, person, byMeeting.get(m.id)!));
  });
}

/** An update written as one bullet ("- @x: text") is a bare <li>: a list again in the feed. */
function updateHtml(u: Update): SafeHtml {
  return /^\s*<li[\s>]/.test(u.html) ? html`<ul>${raw(u.html)}</ul>` : raw(u.html);
}

function personEntry(archive: Archive, person: Person, p: PersonPart): FeedEntry {
  const m = p.meeting;
  const what: string[] = [];
  if (p.led) what.push("led");
  if (p.updates.length > 0) what.push(plural(p.updates.length, "update"));
  if (p.questions.length > 0) what.push(plural(p.questions.length, "question"));
  const sectionUrl = (id: string | null): string => (id ? `${m.url}#${id}` : m.url);
  const anchor = p.updates[0]?.section.id ?? p.questions.find((q) => q.section)?.section ?? null;
  // Updates grouped by their section, in note order.
  const groups: { section: Section; updates: Update[] }[] = [];
  for (const u of p.updates) {
    const last = groups[groups.length - 1];
    if (last && last.section === u.section) last.updates.push(u.update);
    else groups.push({ section: u.section, updates: [u.update] });
  }
  const body = html`<p><a href="${m.url}">${m.title}</a> · ${longDate(m.date)}${p.led ? html` · ${person.name} led this meeting` : ""}</p>
${groups.map((g) => html`<h3><a href="${sectionUrl(g.section.id)}">${g.section.heading}</a></h3>
${g.updates.map(updateHtml)}
`)}${
    p.questions.length > 0
      ? html`<h3>${p.questions.length === 1 ? "Question" : "Questions"}</h3>
<ul>${p.questions.map((q) => html`<li><a href="${sectionUrl(q.section)}">${q.text}</a></li>`)}</ul>
`
      : ""
  }`;
  const summary = summaryOf(html`${p.updates.map((u) => raw(u.update.html))} ${p.questions.map((q) => q.text + " ")}`.value);
  return {
    id: entryIds.person(archive.site.url!, m, person.id),
    title: `${m.title}: ${what.join(", ")}`,
    url: sectionUrl(anchor),
    date: m.date,
    meeting: m,
    authors: [person.id],
    summary: summary || clip(`${person.name} led ${m.title}.`),
    html: body.value,
  };
}

// ---------------------------------------------------------------- text

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Plain text of an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    // Block boundaries become spaces; inline tags go without one ("<a>@x</a>: y" -> "@x: y").
    .replace(/<\/?(?:p|div|li|ul|ol|h[1-6]|br|hr|tr|td|th|table|blockquote|pre|dt|dd|dl|figure|figcaption|details|summary)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
      if (e[0] === "#") {
        const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      }
      return ENTITY[e.toLowerCase()] ?? all;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** A fragment's text, clipped to SUMMARY_MAX: what leadSummary gives, read from as little of the fragment as gives the same. */
export function summaryOf(fragment: string): string {
  // A long fragment's text is first read from a short lead. Where the lead is cut changes
  // only the end of its text (a tag cut off, an entity left undecoded): when that text runs
  // well past SUMMARY_MAX, clip keeps what the longer lead's would give. Not so for a script
  // or style element, whose text goes with it only when it ends inside the lead.
  if (fragment.length > SHORT_LEAD) {
    const lead = leading(fragment, SHORT_LEAD);
    if (!/<(?:script|style)\b/i.test(lead)) {
      const text = textOf(lead);
      if (text.length > SUMMARY_MAX + LEAD_MARGIN) return clip(text);
    }
  }
  return leadSummary(fragment);
}

/** The text of a fragment's lead, clipped. */
export function leadSummary(fragment: string): string {
  return clip(textOf(leading(fragment, LONG_LEAD)));
}

/** Enough of a fragment to make a summary of: its text is clipped to SUMMARY_MAX anyway. */
const LONG_LEAD = SUMMARY_MAX * 16;
const SHORT_LEAD = SUMMARY_MAX * 4;
/** Longer than any entity a cut can leave undecoded at the end of a lead's text. */
const LEAD_MARGIN = 64;

function leading(fragment: string, limit: number): string {
  return fragment.length <= limit ? fragment : fragment.slice(0, limit).replace(/<[^>]*$/, "");
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= SUMMARY_MAX) return t;
  const cut = t.slice(0, SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return (space > SUMMARY_MAX * 0.6 ? cut.slice(0, space) : cut).trimEnd() + "…";
}

// ---------------------------------------------------------------- caches

// One archive per build; everything above is computed at most once for it.
const feedLists = new WeakMap<Archive, FeedDef[]>();
const feedIndexes = new WeakMap<Archive, Map<string, FeedDef>>();
const entryCaches = new WeakMap<Archive, Map<string, FeedEntry[]>>();
const meetingEntryCache = new WeakMap<Archive, Map<string, FeedEntry>>();
const personIndexes = new WeakMap<Archive, Map<string, Map<string, PersonPart>>>();

/** Forgets the entries made so far (not the list of feeds): see render.ts forgetFeedContents. */
export function forgetFeedEntries(archive: Archive): void {
  entryCaches.delete(archive);
  meetingEntryCache.delete(archive);
}

function cached<T>(cache: WeakMap<Archive, T>, archive: Archive, make: () => T): T {
  let value = cache.get(archive);
  if (value === undefined) {
    value = make();
    cache.set(archive, value);
  }
  return value;
}

function cachedEntries(archive: Archive, key: string, make: () => FeedEntry[]): FeedEntry[] {
  const memo = cached(entryCaches, archive, () => new Map<string, FeedEntry[]>());
  let entries = memo.get(key);
  if (!entries) {
    entries = make();
    memo.set(key, entries);
  }
  return entries;
}
