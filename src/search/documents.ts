// The archive as search documents: one per meeting section (and one for the
// notes above a meeting's first heading), so a result links to its anchor.
import type { Archive, ArchiveMeeting } from "../archive/model.ts";
import type { Section } from "../core/model.ts";

/** The indexed fields, in order, with their weights (lunr field boosts). */
export const FIELDS = ["h", "m", "p", "b"] as const;
export type Field = (typeof FIELDS)[number];
/** h: section heading and initiative; m: meeting title and series; p: people; b: body. */
export const BOOSTS: Record<Field, number> = { h: 8, m: 3, p: 3, b: 1 };

export interface SearchDoc {
  /** Index of its meeting in SearchData.meetings. */
  meeting: number;
  /** The section's anchor on the meeting page; "" for the notes above the first heading. */
  anchor: string;
  /** The section heading as plain text; "" for the notes above the first heading. */
  heading: string;
  /** Index into SearchData.initiatives, or -1. */
  initiative: number;
  /** People of the section itself (speakers, askers), as indexes into SearchData.people, sorted. */
  people: number[];
  /** The text of each field, as the index reads it. The body (b) is plain text, blocks on their own lines: snippets are cut from it. */
  fields: Record<Field, string>;
}

export interface SearchMeeting {
  id: string;
  url: string;
  title: string;
  date: string;
  /** Index into SearchData.series. */
  series: number;
  /** Attendees, leads and notetakers, as indexes into SearchData.people, sorted. */
  people: number[];
  /** Its documents are docs[first .. first + count). */
  first: number;
  count: number;
}

export interface SearchData {
  meetings: SearchMeeting[];
  docs: SearchDoc[];
  series: { slug: string; name: string }[];
  people: { id: string; name: string }[];
  initiatives: { id: string; name: string; series: number }[];
}

const BLOCK = /^(?:address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)$/i;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/** Rendered HTML -> plain text: tags dropped (block ends become line breaks), entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (_all, name: string) => (BLOCK.test(name) ? "\n" : ""))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (all, e: string) => {
      if (e[0] === "#") {
        const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
      }
      return NAMED[e.toLowerCase()] ?? all;
    });
  return text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

function sortedUnique(list: Iterable<number>): number[] {
  return [...new Set(list)].sort((a, b) => a - b);
}

/** What every search needs besides the meetings: the facets' names. */
export type SearchHeader = Pick<SearchData, "series" | "people" | "initiatives">;

/** A run of meetings with their documents (each meeting's `first` counts from the archive's first document). */
export type SearchChunk = Pick<SearchData, "meetings" | "docs">;

/**
 * The archive as search documents, a run of meetings at a time: a large
 * archive's documents are never all held at once, in either thread
 * (src/threads/build-helper.ts sends each run as it is made).
 */
export interface SearchSource {
  header: SearchHeader;
  /** The meetings, oldest first, in runs of at most `size`; each call starts again from the first. */
  chunks(size?: number): Iterable<SearchChunk>;
  /** The same runs before their bodies are read as text (textChunk() makes them chunks): the thread that indexes them does that. */
  htmlChunks?(size?: number): Iterable<HtmlChunk>;
}

/** A document whose body (`fields.b`) is still its section's HTML. */
export interface HtmlDoc extends SearchDoc {
  /** Someone gave an update in it: it is kept even when it holds no text. */
  spoke: boolean;
}

/** A run of meetings with their documents, bodies as HTML; each meeting's `first` counts from the run's first document. */
export interface HtmlChunk {
  meetings: SearchMeeting[];
  docs: HtmlDoc[];
}

/**
 * A run's bodies read as text, and the documents with nothing to find
 * dropped; `first` is the archive's number of documents before the run.
 */
export function textChunk(chunk: HtmlChunk, first: number, textOf: (html: string) => string = htmlToText): SearchChunk {
  const out: SearchChunk = { meetings: [], docs: [] };
  for (const m of chunk.meetings) {
    const start = first + out.docs.length;
    for (const { spoke, fields, ...doc } of chunk.docs.slice(m.first, m.first + m.count)) {
      const b = textOf(fields.b);
      if (b || doc.heading || spoke) out.docs.push({ ...doc, fields: { ...fields, b } });
    }
    out.meetings.push({ ...m, first: start, count: first + out.docs.length - start });
  }
  return out;
}

/** Meetings per chunk: a few megabytes of text at most. */
const CHUNK_MEETINGS = 256;

/** The archive's meetings (oldest first) and their sections, ready to index. */
export function searchDocuments(archive: Archive, textOf: (html: string) => string = htmlToText): SearchData {
  const source = searchSource(archive, textOf);
  const data: SearchData = { meetings: [], docs: [], ...source.header };
  for (const chunk of source.chunks()) {
    data.meetings.push(...chunk.meetings);
    data.docs.push(...chunk.docs);
  }
  return data;
}

/** The same documents as one source: an index built from it is the index of searchDocuments(). */
export function dataSource(data: SearchData): SearchSource {
  const { meetings, docs, ...header } = data;
  return {
    header,
    *chunks(size = CHUNK_MEETINGS) {
      for (let i = 0; i < meetings.length; i += size) {
        const run = meetings.slice(i, i + size);
        const first = run[0]!.first;
        const last = run[run.length - 1]!;
        yield { meetings: run, docs: docs.slice(first, last.first + last.count) };
      }
    },
  };
}

export function searchSource(archive: Archive, textOf: (html: string) => string = htmlToText): SearchSource {
  const people = archive.people.map((p) => ({ id: p.id, name: p.name }));
  const personIndex = new Map(archive.people.map((p, i) => [p.id, i]));
  const personText = (id: string): string => {
    const p = archive.byId.person.get(id);
    if (!p) return id;
    const handle = p.handle ?? p.id;
    return p.name && p.name.toLowerCase() !== handle.toLowerCase() ? `@${handle} ${p.name}` : `@${handle}`;
  };
  const series = archive.series.map((s) => ({ slug: s.slug, name: s.name }));
  const seriesIndex = new Map(archive.series.map((s, i) => [s.slug, i]));
  const initiativeList: { id: string; name: string; series: number }[] = (archive.initiatives ?? []).map((i) => ({
    id: i.id,
    name: i.name,
    series: seriesIndex.get(i.series) ?? -1,
  }));
  const initiativeIndex = new Map(initiativeList.map((i, n) => [i.id, n]));

  // Meeting `mi` and its documents, the first of which is document `first` of its run.
  const meetingDocs = (m: ArchiveMeeting, mi: number, first: number): { meeting: SearchMeeting; docs: HtmlDoc[] } => {
    const docs: HtmlDoc[] = [];
    const meetingPeople = [...m.attendees, ...m.leads, ...m.notetakers];
    const meetingField = `${m.title}\n${m.series.name}`;
    const meetingPeopleText = [...new Set(meetingPeople)].map(personText).join("\n");
    const add = (anchor: string, heading: string, html: string, section: Section | null): void => {
      const speakers = section ? [...new Set(section.updates.map((u) => u.person))] : [];
      const askers = [...new Set(m.questions.filter((q) => q.section === (section ? section.id : null)).map((q) => q.person))];
      const initiativeId = section?.initiative ?? null;
      const initiative = initiativeId !== null ? (initiativeIndex.get(initiativeId) ?? -1) : -1;
      const initiativeName = initiative >= 0 ? initiativeList[initiative]!.name : "";
      // Who spoke counts twice: their sections come before those they only attended.
      const p = [
        ...speakers.flatMap((id) => [personText(id), personText(id)]),
        ...askers.map((id) => `Q(@${archive.byId.person.get(id)?.handle ?? id}) ${personText(id)}`),
        meetingPeopleText,
      ].join("\n");
      docs.push({
        meeting: mi,
        anchor,
        heading,
        initiative,
        people: sortedUnique([...speakers, ...askers].map((id) => personIndex.get(id)).filter((i): i is number => i !== undefined)),
        fields: {
          h: initiativeName && initiativeName.toLowerCase() !== heading.toLowerCase() ? `${heading}\n${initiativeName}` : heading,
          m: meetingField,
          p,
          b: html,
        },
        spoke: speakers.length > 0,
      });
    };
    add("", "", m.intro, null);
    for (const s of m.sections) add(s.id, s.heading, s.html, s);
    const meeting: SearchMeeting = {
      id: m.id,
      url: m.url,
      title: m.title,
      date: m.date,
      series: seriesIndex.get(m.series.slug) ?? -1,
      people: sortedUnique(meetingPeople.map((id) => personIndex.get(id)).filter((i): i is number => i !== undefined)),
      first,
      count: docs.length,
    };
    return { meeting, docs };
  };
  function* htmlChunks(size = CHUNK_MEETINGS): Generator<HtmlChunk> {
    for (let i = 0; i < archive.meetings.length; i += size) {
      const chunk: HtmlChunk = { meetings: [], docs: [] };
      archive.meetings.slice(i, i + size).forEach((m, j) => {
        const { meeting, docs } = meetingDocs(m, i + j, chunk.docs.length);
        chunk.meetings.push(meeting);
        chunk.docs.push(...docs);
      });
      yield chunk;
    }
  }
  return {
    header: { series, people, initiatives: initiativeList },
    htmlChunks,
    *chunks(size = CHUNK_MEETINGS) {
      let first = 0;
      for (const raw of htmlChunks(size)) {
        const chunk = textChunk(raw, first, textOf);
        first += chunk.docs.length;
        yield chunk;
      }
    },
  };
}
