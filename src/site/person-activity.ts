// What each person did across the archive: updates given, questions asked,
// actions owned, mentions. Built once per archive in a single pass over the
// meetings (newest first), so a person's page never scans every meeting.
import type { Archive, ArchiveMeeting, Initiative, Person } from "../archive/model.ts";
import type { Action, Question, Section, Update } from "../core/model.ts";
import { newestFirst } from "./links.ts";

export interface UpdateRef {
  meeting: ArchiveMeeting;
  section: Section;
  update: Update;
}

export interface QuestionRef {
  meeting: ArchiveMeeting;
  question: Question;
}

export interface ActionRef {
  meeting: ArchiveMeeting;
  action: Action;
}

/** One entry per meeting, however often the person is mentioned in it. */
export interface MentionRef {
  meeting: ArchiveMeeting;
  /** Ids of the sections they are mentioned in, in note order, without repeats. */
  sections: string[];
}

export interface PersonActivity {
  /** All lists are newest first; within a meeting, in note order. */
  updates: UpdateRef[];
  questions: QuestionRef[];
  actions: ActionRef[];
  mentions: MentionRef[];
  /** Dates of the first and last meeting the person took part in (attended, led, took notes, gave an update or asked). */
  first: string | null;
  last: string | null;
}

export interface UpdateGroup {
  /** The initiative's id, else the case-insensitive key of the heading. */
  key: string;
  /** The initiative's name, else the heading as written in its latest occurrence. */
  heading: string;
  /** The initiative the updates report on, when their sections have one. */
  initiative: Initiative | null;
  /** Newest first. */
  updates: UpdateRef[];
}

const EMPTY: PersonActivity = Object.freeze({
  updates: [],
  questions: [],
  actions: [],
  mentions: [],
  first: null,
  last: null,
}) as PersonActivity;

const cache = new WeakMap<Archive, Map<string, PersonActivity>>();

function build(archive: Archive): Map<string, PersonActivity> {
  const index = new Map<string, PersonActivity>();
  const get = (id: string): PersonActivity => {
    let a = index.get(id);
    if (!a) {
      a = { updates: [], questions: [], actions: [], mentions: [], first: null, last: null };
      index.set(id, a);
    }
    return a;
  };
  const took = (id: string, date: string): void => {
    const a = get(id);
    if (a.first === null || date < a.first) a.first = date;
    if (a.last === null || date > a.last) a.last = date;
  };

  for (const m of newestFirst(archive.meetings)) {
    for (const id of m.attendees) took(id, m.date);
    for (const id of m.leads) took(id, m.date);
    for (const id of m.notetakers) took(id, m.date);
    for (const section of m.sections) {
      for (const update of section.updates) {
        get(update.person).updates.push({ meeting: m, section, update });
        took(update.person, m.date);
      }
    }
    for (const question of m.questions) {
      get(question.person).questions.push({ meeting: m, question });
      took(question.person, m.date);
    }
    for (const action of m.actions) {
      for (const owner of new Set(action.owners)) get(owner).actions.push({ meeting: m, action });
    }
    const mentioned = new Map<string, MentionRef>();
    for (const x of m.mentions) {
      let ref = mentioned.get(x.person);
      if (!ref) {
        ref = { meeting: m, sections: [] };
        mentioned.set(x.person, ref);
        get(x.person).mentions.push(ref);
      }
      if (x.section !== null && !ref.sections.includes(x.section)) ref.sections.push(x.section);
    }
  }
  return index;
}

/** Everything one person did; empty lists for someone the archive never saw act. */
export function personActivity(archive: Archive, id: string): PersonActivity {
  let index = cache.get(archive);
  if (!index) {
    index = build(archive);
    cache.set(archive, index);
  }
  return index.get(id) ?? EMPTY;
}

/** Meetings attended + led + noted + updates given: what the people index sorts by. */
export function activityScore(archive: Archive, person: Person): number {
  return person.attended.length + person.led.length + person.noted.length + personActivity(archive, person.id).updates.length;
}

/** Most active first; equal activity sorts by name, then id. */
export function peopleByActivity(archive: Archive): Person[] {
  const scored = archive.people.map((p) => ({ p, score: activityScore(archive, p) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.p.name.localeCompare(b.p.name, "en") ||
      (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0),
  );
  return scored.map((x) => x.p);
}

/** Headings compare without case or extra spaces: "Go-IPFS" and "go-ipfs " are one group. */
export function headingKey(heading: string): string {
  return heading.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Updates grouped by the initiative their section reports on (given the
 * archive), else by section heading. Given newest-first updates, groups come
 * out ordered by their latest update and each is titled as last written.
 */
export function groupUpdates(updates: readonly UpdateRef[], archive?: Archive): UpdateGroup[] {
  const groups = new Map<string, UpdateGroup>();
  for (const ref of updates) {
    const initiative = (ref.section.initiative && archive?.byId.initiative.get(ref.section.initiative)) || null;
    const key = initiative ? initiative.id : headingKey(ref.section.heading);
    const group = groups.get(key);
    if (group) group.updates.push(ref);
    else groups.set(key, { key, heading: initiative ? initiative.name : ref.section.heading.trim() || "(untitled)", initiative, updates: [ref] });
  }
  return [...groups.values()];
}
