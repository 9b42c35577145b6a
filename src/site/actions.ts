// Action items as lists: on a meeting page (its own), on a series page (the
// open ones of every meeting). Each shows its state, owners (linked) and where
// it was written down.
import type { Archive, ArchiveMeeting } from "../archive/model.ts";
import type { Action } from "../core/model.ts";
import { html, type SafeHtml } from "./html.ts";
import { shortDate } from "./format.ts";
import { peopleInline, timeTag } from "./links.ts";

export interface ActionEntry {
  meeting: ArchiveMeeting;
  action: Action;
}

export interface ActionListOptions {
  /** Show the meeting (date and title) of each item: lists that span meetings. */
  showMeeting?: boolean;
}

export function actionItems(archive: Archive, entries: readonly ActionEntry[], o: ActionListOptions = {}): SafeHtml {
  return html`<ul class="actions">${entries.map(({ meeting, action }) => {
    const section = action.section ? meeting.sections.find((s) => s.id === action.section) : undefined;
    const where = section ? `${meeting.url}#${section.id}` : meeting.url;
    const owners = action.owners.length > 0 ? html`${peopleInline(archive, action.owners)}` : html`no owner named`;
    const place = o.showMeeting
      ? html`${timeTag(meeting.date, shortDate(meeting.date))} <a href="${where}">${meeting.title}</a>`
      : section
        ? html`in <a href="${where}">${section.heading}</a>`
        : html``;
    return html`<li class="${action.done ? "done" : "open"}"><span class="state">${action.done ? "Done" : "Open"}</span> <span class="text">${action.text}</span><p class="meta">${owners}${o.showMeeting || section ? html` · ${place}` : ""}</p></li>`;
  })}</ul>`;
}
