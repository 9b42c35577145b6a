// "What happened with X?": one page per initiative (its latest summary and
// issue links, span, activity by month, who reported on it, and every
// section it came up in, newest first), and an index of all, by series.
import type { Archive, ArchiveMeeting, Initiative, SeriesInfo } from "../../archive/model.ts";
import type { IssueRef, Section } from "../../core/model.ts";
import { urls } from "../../archive/urls.ts";
import { html, raw, type SafeHtml } from "../html.ts";
import { plural, shortDate } from "../format.ts";
import { layout } from "../layout.ts";
import { personLink, timeTag } from "../links.ts";
import { monthlyChart } from "../charts.ts";
import { feedLinksFor, subscribe } from "../feeds/links.ts";

export const INITIATIVES_URL = urls.initiatives;

export interface TimelineEntry {
  meeting: ArchiveMeeting;
  section: Section;
}

/** Anchor of a timeline entry on its initiative's page. */
export function entryId(meeting: ArchiveMeeting, section: Section): string {
  return `${meeting.id}--${section.id}`;
}

/** The page URL of one entry: where a person's update is found in the timeline. */
export function entryUrl(initiative: Initiative, meeting: ArchiveMeeting, section: Section): string {
  return `${initiative.url}#${entryId(meeting, section)}`;
}

/** Every section the initiative came up in, newest first (within a meeting, in note order). */
export function timeline(archive: Archive, initiative: Initiative): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const ref of initiative.sections) {
    const meeting = archive.byId.meeting.get(ref.meeting);
    const section = meeting?.sections.find((s) => s.id === ref.section);
    if (meeting && section) entries.push({ meeting, section });
  }
  // initiative.sections is oldest first; reverse by meeting, keeping note order inside one.
  const byMeeting = new Map<string, TimelineEntry[]>();
  for (const e of entries) byMeeting.set(e.meeting.id, [...(byMeeting.get(e.meeting.id) ?? []), e]);
  return [...byMeeting.values()].reverse().flat();
}

/** People who gave updates in its sections, most updates first, ties by name. */
export function reporters(archive: Archive, entries: readonly TimelineEntry[]): { id: string; updates: number; last: string }[] {
  const counts = new Map<string, { id: string; updates: number; last: string }>();
  for (const { meeting, section } of entries) {
    for (const u of section.updates) {
      const c = counts.get(u.person) ?? { id: u.person, updates: 0, last: meeting.date };
      c.updates++;
      if (meeting.date > c.last) c.last = meeting.date;
      counts.set(u.person, c);
    }
  }
  const name = (id: string): string => archive.byId.person.get(id)?.name ?? id;
  return [...counts.values()].sort((a, b) => b.updates - a.updates || name(a.id).localeCompare(name(b.id), "en") || (a.id < b.id ? -1 : 1));
}

/** The latest `Summary:` line, and the issue links of the section it is in (else of the latest section with any). */
export function latestSummary(entries: readonly TimelineEntry[]): { summary: TimelineEntry | null; issues: IssueRef[]; issuesFrom: TimelineEntry | null } {
  const summary = entries.find((e) => e.section.summary) ?? null;
  const withIssues = summary && summary.section.issues.length > 0 ? summary : (entries.find((e) => e.section.issues.length > 0) ?? null);
  return { summary, issues: withIssues?.section.issues.slice(0, 8) ?? [], issuesFrom: withIssues };
}

/** Initiatives of one series, most recently active first, then by name. */
export function seriesInitiatives(archive: Archive, series: string): Initiative[] {
  const last = (i: Initiative): string => archive.byId.meeting.get(i.meetings[i.meetings.length - 1]!)?.date ?? "";
  return archive.initiatives
    .filter((i) => i.series === series)
    .sort((a, b) => (last(a) === last(b) ? a.name.localeCompare(b.name, "en") : last(a) < last(b) ? 1 : -1));
}

function span(archive: Archive, i: Initiative): { first: ArchiveMeeting | undefined; last: ArchiveMeeting | undefined } {
  return { first: archive.byId.meeting.get(i.meetings[0]!), last: archive.byId.meeting.get(i.meetings[i.meetings.length - 1]!) };
}

export function renderInitiativesIndex(archive: Archive): string {
  const groups = archive.series
    .map((s) => ({ series: s, list: seriesInitiatives(archive, s.slug) }))
    .filter((g) => g.list.length > 0)
    .sort((a, b) => (a.series.last === b.series.last ? a.series.name.localeCompare(b.series.name, "en") : a.series.last < b.series.last ? 1 : -1));
  const table = (s: SeriesInfo, list: Initiative[]): SafeHtml => html`<div class="table-scroll"><table class="initiatives-table">
<caption>${plural(list.length, "initiative")} of ${s.name}, most recently active first</caption>
<thead><tr><th scope="col">Initiative</th><th scope="col">Meetings</th><th scope="col">First</th><th scope="col">Last activity</th></tr></thead>
<tbody>${list.map((i) => {
    const { first, last } = span(archive, i);
    return html`<tr><th scope="row"><a href="${i.url}">${i.name}</a></th><td class="num">${i.meetings.length}</td><td>${first ? timeTag(first.date, shortDate(first.date)) : ""}</td><td>${last ? timeTag(last.date, shortDate(last.date)) : ""}</td></tr>`;
  })}</tbody></table></div>`;
  const body = html`<h1>Initiatives</h1>
<p class="lead">${plural(archive.initiatives.length, "initiative")} in ${plural(groups.length, "series", "series")}: the topics a series comes back to, meeting after meeting.</p>
${groups.length > 1 ? html`<nav class="jump" aria-label="Series"><ul>${groups.map((g) => html`<li><a href="#${g.series.slug}">${g.series.name}</a></li>`)}</ul></nav>` : ""}
${
  groups.length > 0
    ? groups.map(
        (g) => html`<section aria-labelledby="${g.series.slug}"><h2 id="${g.series.slug}"><a href="${g.series.url}">${g.series.name}</a> <span class="count">${plural(g.list.length, "initiative")}</span></h2>
${table(g.series, g.list)}
</section>
`,
      )
    : html`<p>No initiatives yet: a section heading becomes one when a series comes back to it in a second meeting.</p>`
}`;
  return layout({
    archive,
    url: INITIATIVES_URL,
    title: "Initiatives",
    description: "The topics each series comes back to, with their history.",
    body,
  });
}

/** Notes' own "#anchor" links point into their meeting page, not into this one. */
function fromMeeting(sectionHtml: string, meetingUrl: string): string {
  return sectionHtml.replace(/(\shref=")#/g, `$1${meetingUrl}#`);
}

function fact(term: string, value: SafeHtml | string | number): SafeHtml {
  return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

export function renderInitiative(archive: Archive, initiative: Initiative): string {
  const series = archive.byId.series.get(initiative.series);
  const entries = timeline(archive, initiative);
  const { first, last } = span(archive, initiative);
  const people = reporters(archive, entries);
  const { summary, issues, issuesFrom } = latestSummary(entries);
  const others = initiative.headings.filter((h) => h !== initiative.name);

  const facts: SafeHtml[] = [fact("Series", series ? html`<a href="${series.url}">${series.name}</a>` : initiative.series)];
  if (first) facts.push(fact("First meeting", html`${timeTag(first.date)} · <a href="${first.url}">${first.title}</a>`));
  if (last && last !== first) facts.push(fact("Last meeting", html`${timeTag(last.date)} · <a href="${last.url}">${last.title}</a>`));
  facts.push(fact("Meetings", plural(initiative.meetings.length, "meeting")));
  if (people.length > 0) facts.push(fact("Reported on by", plural(people.length, "person", "people")));
  if (others.length > 0) facts.push(fact("Also written as", others.join(" · ")));

  const summaryHtml = summary
    ? html`<p class="lead summary">${summary.section.summary} <span class="meta">(summary as of ${timeTag(summary.meeting.date, shortDate(summary.meeting.date))})</span></p>`
    : "";
  const issuesHtml =
    issues.length > 0
      ? html`<p class="issue-links"><span class="meta">${issuesFrom && issuesFrom !== summary ? html`Issues (${shortDate(issuesFrom.meeting.date)}):` : "Issues:"}</span> ${issues.map(
          (i, n) => html`${n > 0 ? ", " : ""}<a href="${i.url}">${i.repo ? `${i.repo}#${i.number}` : `#${i.number}`}</a>`,
        )}</p>`
      : "";

  const chart = monthlyChart({
    id: "activity-chart",
    title: `Meetings per month where ${initiative.name} came up`,
    layers: [{ label: initiative.name, dates: entries.filter((e, i) => entries.findIndex((x) => x.meeting === e.meeting) === i).map((e) => e.meeting.date) }],
    unit: ["meeting", "meetings"],
  });

  const ranked =
    people.length > 0
      ? html`<ol class="ranked">${people.map((p) => html`<li>${personLink(archive, p.id)} <span class="meta">${plural(p.updates, "update")}, last ${timeTag(p.last, shortDate(p.last))}</span></li>`)}</ol>`
      : html`<p>No one gave a named update in these sections.</p>`;

  const items = entries.map(({ meeting, section }) => {
    const updaters = [...new Set(section.updates.map((u) => u.person))];
    return html`<li id="${entryId(meeting, section)}">
<h3>${timeTag(meeting.date, shortDate(meeting.date))} <a href="${meeting.url}#${section.id}">${meeting.title}</a>${section.heading.trim() !== initiative.name ? html` <span class="meta">as “${section.heading}”</span>` : ""}</h3>
${updaters.length > 0 ? html`<p class="meta">Updates from ${updaters.map((id, i) => html`${i > 0 ? ", " : ""}${personLink(archive, id)}`)}</p>` : ""}
<div class="notes">${section.html.trim() ? raw(fromMeeting(section.html, meeting.url)) : html`<p class="meta">No notes under this heading.</p>`}</div>
<p class="back"><a href="${meeting.url}#${section.id}">In the meeting notes</a></p>
</li>`;
  });

  const feeds = feedLinksFor("initiative", initiative.id, archive);
  const body = html`<article class="initiative">
<header>
<p class="kicker">${series ? html`<a href="${series.url}">${series.name}</a> · ` : ""}<a href="${INITIATIVES_URL}">Initiative</a></p>
<h1>${initiative.name}</h1>
${summaryHtml}
${issuesHtml}
<dl class="facts">${facts}</dl>
${subscribe(feeds)}
</header>
<section aria-labelledby="activity"><h2 id="activity">Activity</h2>
${chart}
</section>
<section aria-labelledby="people"><h2 id="people">People who reported on it <span class="count">${plural(people.length, "person", "people")}</span></h2>
${ranked}
</section>
<section aria-labelledby="timeline"><h2 id="timeline">Timeline <span class="count">${plural(entries.length, "section")}, newest first</span></h2>
<ol class="timeline">${items}</ol>
</section>
</article>`;
  return layout({
    archive,
    url: initiative.url,
    title: `${initiative.name} (${series?.name ?? initiative.series})`,
    description: summary?.section.summary ?? `${initiative.name}: ${plural(initiative.meetings.length, "meeting")} of ${series?.name ?? initiative.series}.`,
    feeds,
    body,
  });
}
