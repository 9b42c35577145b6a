// The people index, most active first, and one page per person: their roles,
// updates (grouped by what they reported on), questions, actions and mentions.
import type { Archive, ArchiveMeeting, Person } from "../../archive/model.ts";
import type { Section } from "../../core/model.ts";
import { html, raw, type SafeHtml } from "../html.ts";
import { count, plural, shortDate } from "../format.ts";
import { layout } from "../layout.ts";
import { monthlyChart } from "../charts.ts";
import { entryUrl } from "./initiatives.ts";
import { feedLinksFor, subscribe } from "../feeds/links.ts";
import { meetingList, meetingsById, newestFirst, peopleInline, timeTag } from "../links.ts";
import {
  groupUpdates,
  peopleByActivity,
  personActivity,
  type ActionRef,
  type MentionRef,
  type PersonActivity,
  type QuestionRef,
  type UpdateGroup,
} from "../person-activity.ts";

export const PEOPLE_URL = "/people/";
/** The people index's filter box: progressive enhancement, built from src/browser/people-filter.ts. */
export const PEOPLE_FILTER_URL = "/assets/people-filter.js";

/** What the filter box matches: name, handle and id, lower case, accents dropped. */
function filterText(p: Person): string {
  return [p.name, p.handle ?? "", p.id]
    .join(" ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function githubUrl(handle: string): string {
  return `https://github.com/${encodeURIComponent(handle)}`;
}

/** "/x/#sec" when the section is known, else the meeting's URL. */
function sectionUrl(meeting: ArchiveMeeting, section: string | null): string {
  return section ? `${meeting.url}#${section}` : meeting.url;
}

/** Short date and linked title: the "where" of an update, question or action. */
function meetingRef(meeting: ArchiveMeeting, href: string): SafeHtml {
  return html`${timeTag(meeting.date, shortDate(meeting.date))} <a href="${href}">${meeting.title}</a>`;
}

interface Counts {
  attended: number;
  led: number;
  noted: number;
  updates: number;
}

function counts(person: Person, activity: PersonActivity): Counts {
  return {
    attended: person.attended.length,
    led: person.led.length,
    noted: person.noted.length,
    updates: activity.updates.length,
  };
}

export function renderPeopleIndex(archive: Archive): string {
  const people = peopleByActivity(archive);
  const body = html`<h1>People</h1>
<p class="lead">${plural(people.length, "person", "people")}, most active first (meetings attended, led and noted, and updates given).</p>
${
  people.length > 0
    ? html`<div class="list-filter" hidden><label for="people-filter">Filter by name or handle</label> <input id="people-filter" type="search" autocomplete="off" spellcheck="false" aria-controls="people-list" aria-describedby="people-filter-count"> <span id="people-filter-count" class="meta" aria-live="polite"></span></div>
<ol class="people-list" id="people-list">${people.map((p) => {
        const c = counts(p, personActivity(archive, p.id));
        return html`<li data-filter="${filterText(p)}"><a class="title" href="${p.url}">${p.name}</a>${p.handle ? html` <span class="handle">@${p.handle}</span>` : ""} <span class="meta">${c.attended} attended, ${c.led} led, ${c.noted} noted, ${plural(c.updates, "update")}</span></li>`;
      })}</ol>`
    : html`<p>No people yet.</p>`
}`;
  return layout({
    archive,
    url: PEOPLE_URL,
    scripts: html`<script src="${PEOPLE_FILTER_URL}"></script>\n`,
    title: "People",
    description: "Everyone who led, attended or took notes of a meeting, gave an update or was mentioned.",
    body,
  });
}

function fact(term: string, value: SafeHtml | string | number): SafeHtml {
  return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

function facts(c: Counts, activity: PersonActivity): SafeHtml {
  const items: SafeHtml[] = [
    fact("Attended", plural(c.attended, "meeting")),
    fact("Led", plural(c.led, "meeting")),
    fact("Took notes", plural(c.noted, "meeting")),
    fact("Updates", plural(c.updates, "update")),
  ];
  if (activity.first && activity.last) {
    items.push(fact("First meeting", timeTag(activity.first)));
    if (activity.last !== activity.first) items.push(fact("Last meeting", timeTag(activity.last)));
  }
  return html`<dl class="facts">${items}</dl>`;
}

interface Part {
  id: string;
  title: string;
  count: string;
  content: SafeHtml;
}

function part(p: Part): SafeHtml {
  return html`<section aria-labelledby="${p.id}"><h2 id="${p.id}">${p.title} <span class="count">${p.count}</span></h2>
${p.content}
</section>
`;
}

function updateGroups(groups: readonly UpdateGroup[]): SafeHtml {
  return html`${groups.map((g) => {
    const i = g.initiative;
    return html`<section class="update-group"><h3>${i ? html`<a href="${i.url}">${g.heading}</a>` : g.heading} <span class="count">${plural(g.updates.length, "update")}</span></h3>
<ol class="updates">${g.updates.map(
      (u) => html`<li><p class="meta">${meetingRef(u.meeting, sectionUrl(u.meeting, u.section.id))}${i ? html` · <a class="in-timeline" href="${entryUrl(i, u.meeting, u.section)}">in the timeline</a>` : ""}</p><div class="update">${raw(u.update.html)}</div></li>`,
    )}</ol>
</section>
`;
  })}`;
}

/**
 * The meetings a person took part in: attended, led, took notes at, gave an
 * update or asked a question in (notes often leave a speaker off the
 * attendee list). The chart counts these, as First and Last meeting do.
 */
function tookPart(person: Person, activity: PersonActivity): string[] {
  const spoke = [...activity.updates, ...activity.questions].map((ref) => ref.meeting.id);
  return [...new Set([...person.attended, ...person.led, ...person.noted, ...spoke])];
}

/** Those meetings per month, one colour per series (most frequent first). */
function attendanceChart(archive: Archive, person: Person, ids: readonly string[]): SafeHtml {
  const bySeries = new Map<string, string[]>();
  for (const m of meetingsById(archive, ids)) bySeries.set(m.series.slug, [...(bySeries.get(m.series.slug) ?? []), m.date]);
  if (bySeries.size === 0) return html``;
  const layers = [...bySeries]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([slug, dates]) => ({ label: archive.byId.series.get(slug)?.name ?? slug, dates }));
  return monthlyChart({ id: "attendance-chart", title: `Meetings ${person.name} took part in, per month`, layers, unit: ["meeting", "meetings"] });
}

function questionList(questions: readonly QuestionRef[]): SafeHtml {
  return html`<ol class="questions">${questions.map(
    (q) => html`<li><p class="question">${q.question.text}</p><p class="meta">${meetingRef(q.meeting, sectionUrl(q.meeting, q.question.section))}</p></li>`,
  )}</ol>`;
}

function actionList(archive: Archive, person: Person, actions: readonly ActionRef[]): SafeHtml {
  return html`<ol class="actions">${actions.map((a) => {
    const others = a.action.owners.filter((o) => o !== person.id);
    const state = a.action.done ? "done" : "open";
    return html`<li class="${state}"><span class="state">${a.action.done ? "Done" : "Open"}</span> <span class="text">${a.action.text}</span><p class="meta">${meetingRef(a.meeting, sectionUrl(a.meeting, a.action.section))}${others.length > 0 ? html`, with ${peopleInline(archive, others)}` : ""}</p></li>`;
  })}</ol>`;
}

function mentionList(mentions: readonly MentionRef[]): SafeHtml {
  return html`<ol class="meetings">${mentions.map((x) => {
    const { meeting } = x;
    const sections = x.sections
      .map((id) => meeting.sections.find((s) => s.id === id))
      .filter((s): s is Section => s !== undefined);
    const where =
      sections.length > 0
        ? html`<span class="meta">in ${sections.map((s, i) => html`${i > 0 ? ", " : ""}<a href="${meeting.url}#${s.id}">${s.heading}</a>`)}</span>`
        : "";
    return html`<li>${timeTag(meeting.date, shortDate(meeting.date))} <a class="title" href="${sectionUrl(meeting, x.sections[0] ?? null)}">${meeting.title}</a>${where}</li>`;
  })}</ol>`;
}

export function renderPerson(archive: Archive, person: Person): string {
  const activity = personActivity(archive, person.id);
  const c = counts(person, activity);
  const roles: [id: string, title: string, ids: readonly string[]][] = [
    ["led", "Led", person.led],
    ["noted", "Took notes", person.noted],
    ["attended", "Attended", person.attended],
  ];
  const parts: Part[] = [];
  const ids = tookPart(person, activity);
  const chart = attendanceChart(archive, person, ids);
  if (chart.value) {
    parts.push({ id: "attendance", title: "Meetings by month", count: plural(ids.length, "meeting"), content: chart });
  }
  for (const [id, title, ids] of roles) {
    const meetings = newestFirst(meetingsById(archive, ids));
    if (meetings.length === 0) continue;
    parts.push({ id, title, count: plural(meetings.length, "meeting"), content: meetingList(archive, meetings, { showSeries: true }) });
  }
  if (activity.updates.length > 0) {
    parts.push({
      id: "updates",
      title: "Updates given",
      count: plural(activity.updates.length, "update"),
      content: updateGroups(groupUpdates(activity.updates, archive)),
    });
  }
  if (activity.questions.length > 0) {
    parts.push({
      id: "questions",
      title: "Questions asked",
      count: plural(activity.questions.length, "question"),
      content: questionList(activity.questions),
    });
  }
  if (activity.actions.length > 0) {
    const open = activity.actions.filter((a) => !a.action.done).length;
    parts.push({
      id: "actions",
      title: "Action items",
      count: `${plural(activity.actions.length, "item")}, ${count(open)} open`,
      content: actionList(archive, person, activity.actions),
    });
  }
  if (activity.mentions.length > 0) {
    parts.push({
      id: "mentions",
      title: "Mentioned in",
      count: plural(activity.mentions.length, "meeting"),
      content: mentionList(activity.mentions),
    });
  }

  const handle = person.handle
    ? html`<p class="lead handle"><a href="${githubUrl(person.handle)}">@${person.handle}</a> on GitHub</p>`
    : "";
  const feeds = feedLinksFor("person", person.id, archive);
  const body = html`<article class="person">
<header>
<h1>${person.name}</h1>
${handle}
${facts(c, activity)}
${subscribe(feeds)}
</header>
${parts.length > 1 ? html`<nav class="jump" aria-label="On this page"><ul>${parts.map((p) => html`<li><a href="#${p.id}">${p.title}</a></li>`)}</ul></nav>` : ""}
${parts.length > 0 ? parts.map(part) : html`<p>Nothing recorded for ${person.name} yet.</p>`}</article>`;
  const summary = [
    c.attended ? `attended ${plural(c.attended, "meeting")}` : "",
    c.led ? `led ${c.led}` : "",
    c.noted ? `took notes at ${c.noted}` : "",
    c.updates ? `gave ${plural(c.updates, "update")}` : "",
  ].filter(Boolean);
  return layout({
    archive,
    url: person.url,
    title: person.name,
    description: summary.length > 0 ? `${person.name}: ${summary.join(", ")}.` : `${person.name} in the meeting notes.`,
    feeds,
    body,
  });
}
