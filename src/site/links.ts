// Small fragments every page shares: links to people, series and meetings.
import type { Archive, ArchiveMeeting } from "../archive/model.ts";
import { html, join, type SafeHtml } from "./html.ts";
import { longDate, shortDate } from "./format.ts";

/** <time> for a calendar date; the visible text defaults to the long form. */
export function timeTag(date: string, text: string = longDate(date)): SafeHtml {
  return html`<time datetime="${date}">${text}</time>`;
}

/** A person's name linked to their page; plain text when the archive does not know them. */
export function personLink(archive: Archive, id: string): SafeHtml {
  const person = archive.byId.person.get(id);
  return person ? html`<a href="${person.url}">${person.name}</a>` : html`${id}`;
}

/** Comma-separated names, each linked. */
export function peopleInline(archive: Archive, ids: readonly string[]): SafeHtml {
  return join(
    ids.map((id) => personLink(archive, id)),
    ", ",
  );
}

/** People as a wrapping list of chips. */
export function peopleChips(archive: Archive, ids: readonly string[]): SafeHtml {
  return html`<ul class="people">${ids.map((id) => html`<li>${personLink(archive, id)}</li>`)}</ul>`;
}

export function seriesLink(archive: Archive, meeting: ArchiveMeeting): SafeHtml {
  const series = archive.byId.series.get(meeting.series.slug);
  return series ? html`<a href="${series.url}">${series.name}</a>` : html`${meeting.series.name}`;
}

/** Meetings by id, skipping ids the archive does not hold. */
export function meetingsById(archive: Archive, ids: readonly string[]): ArchiveMeeting[] {
  const out: ArchiveMeeting[] = [];
  for (const id of ids) {
    const m = archive.byId.meeting.get(id);
    if (m) out.push(m);
  }
  return out;
}

/** Newest first, ties broken the archive's way reversed, so lists are stable. */
export function newestFirst(meetings: readonly ArchiveMeeting[]): ArchiveMeeting[] {
  return [...meetings].sort((a, b) =>
    a.date === b.date ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.date < b.date ? 1 : -1,
  );
}

export interface MeetingItemOptions {
  /** Visible date text; the short date by default. */
  dateText?: (date: string) => string;
  showSeries?: boolean;
  showLeads?: boolean;
}

/** One row of a meeting list: date, title (linked), and optionally series and leads. */
export function meetingItem(archive: Archive, m: ArchiveMeeting, o: MeetingItemOptions = {}): SafeHtml {
  const date = (o.dateText ?? shortDate)(m.date);
  const series = o.showSeries ? html`<span class="meta series">${seriesLink(archive, m)}</span>` : "";
  const leads =
    o.showLeads && m.leads.length > 0
      ? html`<span class="meta leads">Led by ${peopleInline(archive, m.leads)}</span>`
      : "";
  return html`<li>${timeTag(m.date, date)} <a class="title" href="${m.url}">${m.title}</a>${series}${leads}</li>`;
}

export function meetingList(
  archive: Archive,
  meetings: readonly ArchiveMeeting[],
  o: MeetingItemOptions = {},
): SafeHtml {
  return html`<ol class="meetings">${meetings.map((m) => meetingItem(archive, m, o))}</ol>`;
}
