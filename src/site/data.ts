// data/meetings.json: the extracted model, for other tools. Its shape is
// documented in README.md; keep the two in step.
import type { Archive } from "../archive/model.ts";
import { safeJson } from "./safe-json.ts";

export function meetingsJson(archive: Archive): string {
  const data = {
    site: { title: archive.site.title, url: archive.site.url },
    meetings: archive.meetings.map((m) => ({
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
    })),
    series: archive.series.map((s) => ({ slug: s.slug, name: s.name, url: s.url, meetings: s.meetings })),
    people: archive.people.map((p) => ({ id: p.id, name: p.name, handle: p.handle, url: p.url })),
    initiatives: archive.initiatives.map((i) => ({ id: i.id, name: i.name, url: i.url, series: i.series })),
    problems: archive.problems,
  };
  return `${safeJson(data, 1)}\n`;
}
