// The feeds a built site should have, worked out from its data/meetings.json
// (the model), independently of src/site/feeds: which feeds, and each one's
// entries (count, order, ids, titles, links). And the checks every built
// site's feeds must pass, shared by the sample and the real archive's tests.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles, readMeetingsJson, type MeetingsJson } from "../helpers/build.ts";
import { checkSiteLink, readFeed, readWithFeedReader, type ParsedFeed } from "./xml.ts";

export const LIMIT = 20;

interface Section {
  id: string;
  heading: string;
  updates: { person: string }[];
  initiative?: string | null;
}

export interface ModelMeeting {
  id: string;
  url: string;
  date: string;
  title: string;
  series: { slug: string; name: string };
  leads: string[];
  sections: Section[];
  questions: { person: string; section: string | null }[];
}

export interface Model extends Omit<MeetingsJson, "meetings"> {
  meetings: ModelMeeting[];
  initiatives?: { id: string; name: string; url: string; series: string }[];
}

export interface ExpectedEntry {
  id: string;
  title: string;
  /** Root-relative, with #anchor. */
  url: string;
  date: string;
}

export interface ExpectedFeed {
  key: string;
  /** Root-relative URLs of the HTML page and the two feeds. */
  page: string;
  atom: string;
  rss: string;
  entries: ExpectedEntry[];
}

export function readModel(out: string): Model {
  return readMeetingsJson(out) as unknown as Model;
}

const newestFirst = (a: ModelMeeting, b: ModelMeeting): number =>
  a.date === b.date ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.date < b.date ? 1 : -1;

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Every feed the model calls for, with its entries; none when the site has no URL. */
export function expectedFeeds(model: Model): ExpectedFeed[] {
  const site = model.site.url;
  if (!site) return [];
  const host = new URL(site).hostname;
  const tag = (m: ModelMeeting, what: string): string => `tag:${host},${m.date}:${what}`;
  const enc = encodeURIComponent;
  const byId = new Map(model.meetings.map((m) => [m.id, m]));
  const top = (ms: ModelMeeting[]): ModelMeeting[] => [...ms].sort(newestFirst).slice(0, LIMIT);
  const meetingEntry = (m: ModelMeeting): ExpectedEntry => ({ id: tag(m, `meeting/${enc(m.id)}`), title: m.title, url: m.url, date: m.date });
  const beside = (page: string) => ({ page, atom: `${page}feed.atom.xml`, rss: `${page}feed.rss.xml` });

  const feeds: ExpectedFeed[] = [
    { key: "all", page: "/", atom: "/feeds/all.atom.xml", rss: "/feeds/all.rss.xml", entries: top(model.meetings).map(meetingEntry) },
  ];
  for (const s of model.series) {
    const ms = s.meetings.map((id) => byId.get(id)!).filter(Boolean);
    feeds.push({ key: `series/${s.slug}`, ...beside(s.url), entries: top(ms).map(meetingEntry) });
  }
  for (const i of model.initiatives ?? []) {
    const ms = model.meetings.filter((m) => m.sections.some((s) => s.initiative === i.id));
    if (ms.length === 0) continue;
    feeds.push({
      key: `initiative/${i.id}`,
      ...beside(i.url),
      entries: top(ms).map((m) => {
        const first = m.sections.find((s) => s.initiative === i.id)!;
        return { id: tag(m, `meeting/${enc(m.id)}/section/${enc(first.id)}`), title: `${i.name} — ${m.title}`, url: `${m.url}#${first.id}`, date: m.date };
      }),
    });
  }
  for (const p of model.people) {
    const parts = model.meetings
      .map((m) => {
        const updates = m.sections.flatMap((s) => s.updates.filter((u) => u.person === p.id).map(() => s.id));
        const questions = m.questions.filter((q) => q.person === p.id);
        return { m, led: m.leads.includes(p.id), updates, questions };
      })
      .filter((x) => x.led || x.updates.length > 0 || x.questions.length > 0);
    if (parts.length === 0) continue;
    const of = new Map(parts.map((x) => [x.m.id, x]));
    feeds.push({
      key: `person/${p.id}`,
      ...beside(p.url),
      entries: top(parts.map((x) => x.m)).map((m) => {
        const x = of.get(m.id)!;
        const what = [x.led ? "led" : "", x.updates.length ? count(x.updates.length, "update") : "", x.questions.length ? count(x.questions.length, "question") : ""].filter(Boolean);
        const anchor = x.updates[0] ?? x.questions.find((q) => q.section)?.section ?? null;
        return { id: tag(m, `person/${enc(p.id)}/meeting/${enc(m.id)}`), title: `${m.title}: ${what.join(", ")}`, url: anchor ? `${m.url}#${anchor}` : m.url, date: m.date };
      }),
    });
  }
  return feeds;
}

/** The feed files a build wrote (not the sitemap): root-relative URLs, sorted. */
export function builtFeedFiles(out: string): string[] {
  return listFiles(out)
    .filter((f) => f.endsWith(".xml") && f !== "sitemap.xml")
    .map((f) => `/${f}`)
    .sort();
}

/** An absolute site URL for a root-relative one, as the feeds write it. */
export function absolute(site: string, url: string): string {
  return new URL(url.replace(/^\//, ""), site).toString();
}

export interface SiteFeedReport {
  feeds: number;
  entries: number;
  problems: string[];
}

/**
 * Reads every feed of a built site and compares it with the model: the set
 * of feed files, then per feed (both formats) namespace-correct XML, the
 * stylesheet, self and page links, and the entries' count, order, ids,
 * titles, dates and links (each resolving to a page, and an id on it); every
 * link and image in the entries' content is absolute, and those into the
 * site name a file of it (and an id, with `contentAnchors`). Also read by a
 * feed-reader library (rss-parser), which must see the same entries.
 */
export async function checkSiteFeeds(out: string, options: { contentAnchors?: boolean } = {}): Promise<SiteFeedReport> {
  const model = readModel(out);
  const site = model.site.url!;
  const expected = expectedFeeds(model);
  const problems: string[] = [];
  const cache = new Map<string, Set<string> | null>();
  const built = builtFeedFiles(out);
  const wanted = expected.flatMap((f) => [f.atom, f.rss]).sort();
  const missing = wanted.filter((f) => !built.includes(f));
  const extra = built.filter((f) => !wanted.includes(f));
  if (missing.length) problems.push(`missing feeds: ${missing.join(", ")}`);
  if (extra.length) problems.push(`feeds the model does not call for: ${extra.join(", ")}`);
  let entries = 0;
  for (const f of expected) {
    for (const format of ["atom", "rss"] as const) {
      const url = f[format];
      const where = url;
      let xmlText: string;
      try {
        xmlText = readFileSync(join(out, ...url.split("/").filter(Boolean)), "utf8");
      } catch {
        continue; // reported as missing above
      }
      const feed: ParsedFeed = readFeed(xmlText);
      for (const e of feed.errors) problems.push(`${where}: ${e}`);
      if (feed.format !== format) problems.push(`${where}: is ${feed.format}, not ${format}`);
      if (feed.self !== absolute(site, url)) problems.push(`${where}: self link ${feed.self}`);
      if (feed.page !== absolute(site, f.page)) problems.push(`${where}: page link ${feed.page}, expected ${absolute(site, f.page)}`);
      else {
        const bad = checkSiteLink(out, site, feed.page, cache);
        if (bad) problems.push(`${where}: page link: ${bad}`);
      }
      if (!feed.stylesheet || new URL(feed.stylesheet, absolute(site, url)).toString() !== absolute(site, "/assets/feed.xsl")) {
        problems.push(`${where}: stylesheet ${feed.stylesheet}`);
      }
      const got = feed.entries;
      entries += got.length;
      if (got.length !== f.entries.length) problems.push(`${where}: ${got.length} entries, the model has ${f.entries.length}`);
      const newest = f.entries[0]?.date;
      if (newest && format === "atom" && feed.updated !== `${newest}T00:00:00Z`) problems.push(`${where}: updated ${feed.updated}, newest entry ${newest}`);
      f.entries.forEach((e, i) => {
        const g = got[i];
        if (!g) return;
        const at = `${where} entry ${i + 1}`;
        if (g.id !== e.id) problems.push(`${at}: id ${g.id}, expected ${e.id}`);
        if (g.title !== e.title) problems.push(`${at}: title ${JSON.stringify(g.title)}, expected ${JSON.stringify(e.title)}`);
        if (g.link !== absolute(site, e.url)) problems.push(`${at}: link ${g.link}, expected ${absolute(site, e.url)}`);
        else {
          const bad = checkSiteLink(out, site, g.link, cache);
          if (bad) problems.push(`${at}: ${bad}`);
        }
        const date = format === "atom" ? `${e.date}T00:00:00Z` : new Date(`${e.date}T00:00:00Z`).toUTCString().replace("GMT", "+0000");
        if (g.date !== date) problems.push(`${at}: date ${g.date}, expected ${date}`);
        for (const [, attr, raw] of g.content.matchAll(/\s(href|src)="([^"]*)"/g)) {
          const value = raw!.replace(/&amp;/g, "&");
          if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) problems.push(`${at}: content ${attr}="${value}" is not absolute`);
          else if (value.startsWith(site)) {
            const bad = checkSiteLink(out, site, value, cache, options.contentAnchors ?? true);
            if (bad) problems.push(`${at}: content ${attr}: ${bad}`);
          }
        }
      });
      // What a feed reader sees: the same entries, in the same order.
      try {
        const read = await readWithFeedReader(xmlText);
        if (read.title !== feed.title) problems.push(`${where}: feed reader title ${JSON.stringify(read.title)}`);
        const ids = read.items.map((x) => x.id);
        if (JSON.stringify(ids) !== JSON.stringify(got.map((g) => g.id))) problems.push(`${where}: the feed reader sees other entries (${ids.length})`);
        const titles = read.items.map((x) => x.title);
        if (JSON.stringify(titles) !== JSON.stringify(got.map((g) => g.title))) problems.push(`${where}: the feed reader sees other titles`);
        if (read.items.some((x) => !x.content)) problems.push(`${where}: the feed reader finds an entry without content`);
        if (read.items.some((x, i) => x.isoDate !== `${f.entries[i]?.date}T00:00:00.000Z`)) problems.push(`${where}: the feed reader reads other dates`);
      } catch (e) {
        problems.push(`${where}: the feed reader failed: ${(e as Error).message}`);
      }
    }
  }
  return { feeds: built.length, entries, problems };
}
