// serve's preview of a saved note. Most edits change what a meeting says, not
// whom it names, how its sections are headed, or when it was: everything the
// archive joins across notes (identities, series, initiatives, links between
// notes) then stays as it was, and only the note's meetings need joining again,
// a few milliseconds against the whole archive joined anew. Any other edit
// gets null, and the caller builds the archive as a build does; so does the
// rebuild that follows every preview.
import type { Meeting, NoteResult } from "../core/model.ts";
import { joinsOf, type NoteInput } from "./build.ts";
import type { Archive, ArchiveMeeting } from "./model.ts";

/** The archive with these notes' meetings as they now read, or null when the edit reaches beyond them. */
export function patchArchive(archive: Archive, changed: NoteInput[]): Archive | null {
  const joins = joinsOf(archive);
  if (!joins) return null;
  const replaced = new Map<string, ArchiveMeeting>();
  for (const note of changed) {
    const before = joins.results.get(note.source);
    if (!before || joinedFields(before) !== joinedFields(note.result)) return null;
    const was = archive.meetings.filter((m) => m.source === note.source);
    for (const m of note.result.meetings) {
      const old = was.find((w) => w.line === m.line && w.date === m.date);
      if (!old) return null;
      const joined = joins.join(m, old);
      if (!peopleOf(joined).every((id) => archive.byId.person.has(id))) return null;
      replaced.set(old.id, joined);
    }
  }
  const meetings = archive.meetings.map((m) => replaced.get(m.id) ?? m);
  return { ...archive, meetings, byId: { ...archive.byId, meeting: new Map(meetings.map((m) => [m.id, m])) } };
}

/**
 * What of a note's result the archive reads across notes: its people, each
 * meeting's date, title, series and place in the note, everyone it names in
 * every role, its section ids and headings (initiatives, links from other
 * notes), its issue references (organisations). Not its text or lines.
 */
export function joinedFields(result: NoteResult): string {
  return JSON.stringify([result.people, result.meetings.map(meetingJoins)]);
}

function meetingJoins(m: Meeting): unknown[] {
  return [
    m.id,
    m.date,
    m.series,
    m.title,
    m.line,
    m.leads,
    m.notetakers,
    m.attendees,
    m.overrides,
    m.initiatives ?? null,
    m.issues.map((i) => i.url),
    m.sections.map((s) => [s.id, s.heading, s.level, s.parent, s.issues.map((i) => i.url), s.updates.map((u) => u.person)]),
    m.questions.map((q) => [q.person, q.section]),
    m.mentions.map((x) => [x.person, x.section]),
    m.actions.map((a) => [a.owners, a.section]),
  ];
}

function peopleOf(m: ArchiveMeeting): string[] {
  return [
    ...m.leads,
    ...m.notetakers,
    ...m.attendees,
    ...m.sections.flatMap((s) => s.updates.map((u) => u.person)),
    ...m.questions.map((q) => q.person),
    ...m.mentions.map((x) => x.person),
    ...m.actions.flatMap((a) => a.owners),
  ];
}
