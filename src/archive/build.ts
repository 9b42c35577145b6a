// Joins every note's meetings into one archive: people merged under one id
// (identity.ts), meeting ids and URLs made unique, series ordered with
// previous/next, years, initiatives found (initiatives.ts), and the links the
// core left as placeholders resolved. Pure and deterministic:
// the result depends on the notes' contents and paths, never on their order.
import type { Meeting, NoteResult, PersonRef, Problem } from "../core/model.ts";
import { dateInText } from "../core/dates.ts";
import type { Config } from "./config.ts";
import type { Archive, ArchiveMeeting, Person, SeriesInfo, YearInfo } from "./model.ts";
import { resolveIdentities } from "./identity.ts";
import { detectInitiatives } from "./initiatives.ts";
import { resolveLinks, type NoteTarget } from "./links.ts";
import { urls } from "./urls.ts";

export interface NoteInput {
  source: string;
  result: NoteResult;
}

/**
 * How an archive joined its notes, kept when it is built `rejoinable` (serve):
 * the results it was built from, and the join of one meeting as it was.
 */
export interface Joins {
  results: Map<string, NoteResult>;
  /** `m` (a note's meeting as read again) joined as `was` was: same id, URL, series, neighbours and initiatives. */
  join(m: Meeting, was: ArchiveMeeting): ArchiveMeeting;
}

const joins = new WeakMap<Archive, Joins>();

export function joinsOf(archive: Archive): Joins | undefined {
  return joins.get(archive);
}

export interface BuildOptions {
  /** Keep the joins for patch.ts (serve's preview); a build has no use for them. */
  rejoinable?: boolean;
}

export function buildArchive(notes: NoteInput[], config: Config, assets: string[], extraProblems: Problem[] = [], options: BuildOptions = {}): Archive {
  const steps = joinArchive(notes, config, assets, extraProblems, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** buildArchive with `pause()` awaited between its longer steps: serve's rebuild gives way to the preview of the next saved note. */
export async function buildArchiveInTurns(notes: NoteInput[], config: Config, assets: string[], extraProblems: Problem[], options: BuildOptions, pause: () => Promise<void> | void): Promise<Archive> {
  const steps = joinArchive(notes, config, assets, extraProblems, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* joinArchive(notes: NoteInput[], config: Config, assets: string[], extraProblems: Problem[], options: BuildOptions): Generator<void, Archive> {
  const sorted = [...notes].sort((a, b) => cmp(a.source, b.source));
  const problems: Problem[] = [...extraProblems];
  const alias = (id: string): string => config.aliases.get(id) ?? id;

  const named = new Map<string, PersonRef[]>();
  const meetings: Meeting[] = [];
  for (const note of sorted) {
    problems.push(...note.result.problems);
    meetings.push(...note.result.meetings);
    for (const p of note.result.people) {
      const id = alias(p.id);
      let list = named.get(id);
      if (!list) named.set(id, (list = []));
      list.push(p);
    }
  }
  meetings.sort((a, b) => cmp(a.date, b.date) || cmp(a.series.slug, b.series.slug) || cmp(a.source, b.source) || a.line - b.line);

  // The config's aliases first, then what the whole archive tells: typos, names, organisations.
  const aliased = meetings.map((m) => canonical(m, alias));
  yield;
  const who = resolveIdentities(aliased, named, { organisations: config.organisations, declaredPeople: config.declaredPeople });
  problems.push(...who.problems);
  const identity = (id: string): string | null => who.resolve(alias(id));
  const refs = new Map<string, PersonRef[]>();
  for (const [id, list] of named) {
    const to = who.resolve(id);
    if (to === null) continue;
    let all = refs.get(to);
    if (!all) refs.set(to, (all = []));
    all.push(...list);
  }

  yield;
  const archived = assignIds(aliased.map((m) => ownersByName(canonical(m, who.resolve), refs, who.resolve)), problems);
  const byMeeting = new Map(archived.map((m) => [m.id, m]));
  const people = buildPeople(refs, archived, config);
  const byPerson = new Map(people.map((p) => [p.id, p]));
  const series = buildSeries(archived);
  const bySeries = new Map(series.map((s) => [s.slug, s]));
  for (const m of archived) m.series = { slug: m.series.slug, name: bySeries.get(m.series.slug)!.name };

  yield;
  const noteUrls = new Map<string, NoteTarget[]>();
  for (const m of archived) {
    let list = noteUrls.get(m.source);
    if (!list) noteUrls.set(m.source, (list = []));
    list.push({ url: m.url, ids: new Set(m.sections.map((x) => x.id)) });
  }
  const targets = { people: byPerson, identity, organisations: who.organisations, notes: noteUrls, assets: new Set(assets), site: config.site };
  resolveLinks(archived, targets, problems);
  yield;
  const found = detectInitiatives(archived, config.initiatives);
  problems.push(...found.problems);

  problems.sort((a, b) => cmp(a.source, b.source) || a.line - b.line || cmp(a.message, b.message));
  const archive: Archive = {
    site: config.site,
    meetings: archived,
    series,
    people,
    initiatives: found.initiatives,
    years: buildYears(archived),
    problems,
    notes: notes.length,
    assets: [...assets].sort(cmp),
    byId: {
      meeting: byMeeting,
      person: byPerson,
      series: bySeries,
      initiative: new Map(found.initiatives.map((i) => [i.id, i])),
    },
  };
  if (options.rejoinable) {
    joins.set(archive, {
      results: new Map(notes.map((n) => [n.source, n.result])),
      join(m, was) {
        const joined = ownersByName(canonical(canonical(m, alias), who.resolve), refs, who.resolve);
        const am: ArchiveMeeting = { ...joined, id: was.id, url: was.url, series: was.series, prev: was.prev, next: was.next };
        resolveLinks([am], targets, []);
        am.sections.forEach((s, i) => (s.initiative = was.sections[i]?.initiative ?? null));
        return am;
      },
    });
  }
  return archive;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The meeting with every person id passed through `identity`; ids that are not people (null) are dropped. */
function canonical(m: Meeting, identity: (id: string) => string | null): Meeting {
  const list = (ids: string[]): string[] => [...new Set(ids.map(identity).filter((id): id is string => id !== null))];
  const person = <T extends { person: string }>(items: T[]): T[] =>
    items.flatMap((x) => {
      const id = identity(x.person);
      return id === null ? [] : [{ ...x, person: id }];
    });
  return {
    ...m,
    leads: list(m.leads),
    notetakers: list(m.notetakers),
    attendees: list(m.attendees),
    sections: m.sections.map((s) => ({ ...s, updates: person(s.updates) })),
    questions: person(m.questions),
    mentions: person(m.mentions),
    actions: m.actions.map((a) => ({ ...a, owners: list(a.owners) })),
  };
}

/**
 * "olizilla - set the agenda": an action item that names its owner by handle
 * without the "@" is theirs, when the archive knows that handle.
 */
function ownersByName(m: Meeting, refs: Map<string, PersonRef[]>, resolve: (id: string) => string | null): Meeting {
  if (!m.actions.some((a) => a.owners.length === 0)) return m;
  const actions = m.actions.map((a) => {
    if (a.owners.length > 0) return a;
    const first = /^\s*([A-Za-z0-9][\w.-]*[A-Za-z0-9_])\s*(?:[-–—:]\s|\s+(?:to|will|should)\s)/.exec(a.text);
    const id = first ? resolve(first[1]!.toLowerCase()) : null;
    return id !== null && refs.get(id)?.some((r) => r.handle) ? { ...a, owners: [id] } : a;
  });
  return { ...m, actions };
}

function assignIds(meetings: Meeting[], problems: Problem[]): ArchiveMeeting[] {
  const seen = new Map<string, ArchiveMeeting>();
  return meetings.map((m) => {
    let n = 1;
    while (seen.has(n === 1 ? m.id : `${m.id}-${n}`)) n++;
    const id = n === 1 ? m.id : `${m.id}-${n}`;
    const first = seen.get(m.id);
    if (first && first.source !== m.source) {
      problems.push({
        source: m.source,
        line: m.line,
        severity: "warning",
        message: `another note (${first.source}) is also the ${m.series.slug} meeting of ${m.date}; this one is published at ${id}`,
      });
    }
    const am: ArchiveMeeting = { ...m, id, url: urls.meeting(m.date, m.series.slug, n), prev: null, next: null };
    seen.set(id, am);
    return am;
  });
}

function buildPeople(refs: Map<string, PersonRef[]>, meetings: ArchiveMeeting[], config: Config): Person[] {
  const people = new Map<string, Person>();
  const get = (id: string): Person => {
    let p = people.get(id);
    if (!p) {
      const seen = refs.get(id) ?? [];
      // The handle of the id itself first: an alias (an old handle) may be written more often,
      // yet the person page links to the current account.
      const handles = (refs: PersonRef[]): string[] => refs.map((r) => r.handle).filter((h): h is string => !!h);
      const handle = mostCommon(handles(seen.filter((r) => r.id === id))) ?? mostCommon(handles(seen));
      const name = config.names.get(id) ?? mostCommon(seen.map((r) => r.name).filter((n): n is string => !!n)) ?? handle ?? id;
      p = { id, name, handle: handle ?? null, url: urls.person(id), attended: [], led: [], noted: [] };
      people.set(id, p);
    }
    return p;
  };
  for (const m of meetings) {
    for (const id of m.attendees) get(id).attended.push(m.id);
    for (const id of m.leads) get(id).led.push(m.id);
    for (const id of m.notetakers) get(id).noted.push(m.id);
    for (const s of m.sections) for (const u of s.updates) get(u.person);
    for (const q of m.questions) get(q.person);
    for (const x of m.mentions) get(x.person);
    for (const a of m.actions) for (const o of a.owners) get(o);
  }
  return [...people.values()].sort((a, b) => cmp(a.id, b.id));
}

/** The most frequent value; ties go to the first in sort order, so the result is stable. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of [...counts].sort((a, b) => cmp(a[0], b[0]))) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

function buildSeries(meetings: ArchiveMeeting[]): SeriesInfo[] {
  const groups = new Map<string, ArchiveMeeting[]>();
  for (const m of meetings) {
    let list = groups.get(m.series.slug);
    if (!list) groups.set(m.series.slug, (list = []));
    list.push(m);
  }
  const series: SeriesInfo[] = [];
  for (const [slug, list] of groups) {
    list.forEach((m, i) => {
      m.prev = list[i - 1]?.id ?? null;
      m.next = list[i + 1]?.id ?? null;
    });
    series.push({
      slug,
      name: seriesName(list),
      url: urls.series(slug),
      meetings: list.map((m) => m.id),
      first: list[0]!.date,
      last: list[list.length - 1]!.date,
    });
  }
  return series.sort((a, b) => cmp(a.slug, b.slug));
}

/** A series is named as its notes title themselves, without the date, when most agree; else from its slug. */
function seriesName(list: ArchiveMeeting[]): string {
  const fromSlug = list[0]!.series.name;
  const names = list
    .filter((m) => !m.overrides.includes("title"))
    .map((m) => {
      const found = dateInText(m.title);
      const t = found ? m.title.slice(0, found.index) + m.title.slice(found.index + found.length) : m.title;
      return t.replace(/[\p{Extended_Pictographic}\u200d\ufe0f]|\p{Emoji_Modifier}/gu, "").replace(/[\s:,\-–—(|]+$|^[\s:,\-–—|]+/g, "").replace(/\s+/g, " ").trim();
    })
    .filter((t) => t.length >= 3 && t.length <= 60);
  const best = mostCommon(names);
  if (best && names.filter((n) => n === best).length * 3 >= list.length && names.filter((n) => n === best).length >= 2) return best;
  return fromSlug;
}

function buildYears(meetings: ArchiveMeeting[]): YearInfo[] {
  const years = new Map<string, Map<string, string[]>>();
  for (const m of meetings) {
    const y = m.date.slice(0, 4);
    const months = years.get(y) ?? new Map<string, string[]>();
    years.set(y, months);
    const key = m.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), m.id]);
  }
  return [...years]
    .sort((a, b) => cmp(a[0], b[0]))
    .map(([year, months]) => ({
      year,
      url: urls.year(year),
      months: [...months].sort((a, b) => cmp(a[0], b[0])).map(([month, ids]) => ({ month, meetings: ids })),
      count: [...months.values()].reduce((n, ids) => n + ids.length, 0),
    }));
}
