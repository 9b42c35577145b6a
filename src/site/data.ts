// data/meetings.json: the extracted model, for other tools. Its shape is
// documented in README.md; keep the two in step.
import type { Archive, ArchiveMeeting } from "../archive/model.ts";
import { safeJson } from "./safe-json.ts";

export function meetingsJson(archive: Archive): string {
  return [...meetingsJsonPieces(archive)].join("");
}

/**
 * The file a meeting at a time: compact JSON, each meeting on a line of its
 * own (white space between array items, so any JSON reader takes it and a
 * line tool finds a meeting). For a large archive the file is hundreds of
 * megabytes, and as one string it would be held two or three times over (the
 * JSON, its escaped copy, the bytes written).
 */
export function* meetingsJsonPieces(archive: Archive): Generator<string> {
  const { site, meetings, ...rest } = shape(archive);
  yield `{"site":${safeJson(site)},"meetings":[`;
  for (let i = 0; i < meetings.length; i++) yield `${i ? "," : ""}\n${safeJson(meeting(meetings[i]!))}`;
  yield meetings.length ? "\n]" : "]";
  for (const [key, value] of Object.entries(rest)) yield `,${JSON.stringify(key)}:${safeJson(value)}`;
  yield "}\n";
}

function shape(archive: Archive) {
  return {
    site: { title: archive.site.title, url: archive.site.url },
    meetings: archive.meetings,
    series: archive.series.map((s) => ({ slug: s.slug, name: s.name, url: s.url, meetings: s.meetings })),
    people: archive.people.map((p) => ({ id: p.id, name: p.name, handle: p.handle, url: p.url })),
    initiatives: archive.initiatives.map((i) => ({ id: i.id, name: i.name, url: i.url, series: i.series })),
    problems: archive.problems,
  };
}

function meeting(m: ArchiveMeeting) {
  return {
    id: m.id,
    source: m.source,
    line: m.line,
    url: m.url,
    date: m.date,
    series: m.series,
    title: m.title,
    leads: m.leads,
    notetakers: m.notetakers,
    attendees: m.attendees,
    recording: m.recordings[0]?.href ?? null,
    recordings: m.recordings,
    prev: m.prev,
    next: m.next,
    sections: m.sections.map((s) => ({
      id: s.id,
      heading: s.heading,
      level: s.level,
      line: s.line,
      parent: s.parent,
      ...(s.summary ? { summary: s.summary } : {}),
      issues: s.issues.map((i) => i.url),
      updates: s.updates.map((u) => ({ person: u.person, line: u.line, items: u.items })),
      initiative: s.initiative ?? null,
    })),
    questions: m.questions,
    actions: m.actions,
    mentions: [...new Set(m.mentions.map((x) => x.person))],
    issues: m.issues,
    overrides: m.overrides,
  };
}
