// One meeting's page: its facts, a table of contents, the notes, and the way
// to the previous and next meeting of its series.
import type { Archive, ArchiveMeeting } from "../../archive/model.ts";
import type { Section } from "../../core/model.ts";
import { html, raw, safeHref, type SafeHtml } from "../html.ts";
import { longDate, plural, shortDate } from "../format.ts";
import { actionItems } from "../actions.ts";
import { entryUrl } from "./initiatives.ts";
import { layout } from "../layout.ts";
import { peopleChips, peopleInline, seriesLink, timeTag } from "../links.ts";

/** Fewer sections than this are easy to scan without a table of contents. */
const TOC_MIN_SECTIONS = 3;

export function headingLevel(level: number): number {
  // The page's h1 is the meeting title, so notes' headings start at h2.
  return Math.min(6, Math.max(2, Math.trunc(level) || 2));
}

function fact(term: string, value: SafeHtml): SafeHtml {
  return html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

function sourceLink(sourceUrl: string, source: string): string {
  // Each path segment is encoded so "#" or "?" in a file name stays part of the path.
  const path = source.split("/").map(encodeURIComponent).join("/");
  return sourceUrl.replace(/\/+$/, "") + "/" + path;
}

function facts(archive: Archive, m: ArchiveMeeting): SafeHtml {
  const items: SafeHtml[] = [
    fact("Date", timeTag(m.date)),
    fact("Series", seriesLink(archive, m)),
  ];
  if (m.leads.length > 0) items.push(fact(m.leads.length === 1 ? "Lead" : "Leads", peopleInline(archive, m.leads)));
  if (m.notetakers.length > 0) items.push(fact("Notes by", peopleInline(archive, m.notetakers)));
  if (m.recordings.length > 0) {
    items.push(
      fact(
        m.recordings.length === 1 ? "Recording" : "Recordings",
        html`${m.recordings.map(
          (r, i) => html`${i > 0 ? ", " : ""}<a href="${safeHref(r.href)}" rel="nofollow">${r.text || r.href}</a>`,
        )}`,
      ),
    );
  }
  if (m.attendees.length > 0) {
    items.push(fact(`Attendees (${m.attendees.length})`, peopleChips(archive, m.attendees)));
  }
  const { sourceUrl } = archive.site;
  if (sourceUrl) {
    items.push(fact("Source", html`<a href="${sourceLink(sourceUrl, m.source)}">View source</a>`));
  }
  return html`<dl class="facts">${items}</dl>`;
}

/** Sections nested by their parent ids; a parent the list lacks makes its section top-level. */
function toc(sections: readonly Section[]): SafeHtml {
  const ids = new Set(sections.map((s) => s.id));
  const children = new Map<string | null, Section[]>();
  for (const s of sections) {
    const parent = s.parent !== null && ids.has(s.parent) ? s.parent : null;
    const list = children.get(parent);
    if (list) list.push(s);
    else children.set(parent, [s]);
  }
  const seen = new Set<string>();
  const branch = (parent: string | null): SafeHtml => {
    const list = (children.get(parent) ?? []).filter((s) => !seen.has(s.id));
    if (list.length === 0) return html``;
    for (const s of list) seen.add(s.id); // guards against a parent cycle
    return html`<ol>${list.map((s) => html`<li><a href="#${s.id}">${s.heading}</a>${branch(s.id)}</li>`)}</ol>`;
  };
  return html`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2>${branch(null)}</nav>`;
}

/**
 * Rendered heading levels follow the section tree (a top section is h2, its
 * child h3), not the levels a note happened to use: "#### Bitswap" under
 * "## Initiatives" becomes h3, so the outline never skips a level.
 */
export function outlineLevels(m: ArchiveMeeting): Map<string, number> {
  const levels = new Map<string, number>();
  for (const s of m.sections) levels.set(s.id, Math.min(6, (s.parent ? (levels.get(s.parent) ?? 1) : 1) + 1));
  return levels;
}

function section(archive: Archive, m: ArchiveMeeting, s: Section, levels: Map<string, number>): SafeHtml {
  const n = levels.get(s.id) ?? headingLevel(s.level);
  const initiative = s.initiative ? archive.byId.initiative.get(s.initiative) : undefined;
  return html`<h${n} id="${s.id}">${raw(s.headingHtml)} <a class="anchor" href="#${s.id}" aria-label="Link to this section">#</a></h${n}>
${initiative ? html`<p class="initiative-link"><a href="${entryUrl(initiative, m, s)}">Initiative: ${initiative.name}</a> <span class="meta">(${plural(initiative.meetings.length, "meeting")})</span></p>\n` : ""}${raw(s.html)}
`;
}

/** Every action item of the meeting, with its state and owners: what to follow up. */
function actions(archive: Archive, m: ArchiveMeeting): SafeHtml {
  if (m.actions.length === 0) return html``;
  const open = m.actions.filter((a) => !a.done).length;
  return html`<section class="meeting-actions" aria-labelledby="mb-actions"><h2 id="mb-actions">Action items <span class="count">${plural(m.actions.length, "item")}, ${open} open</span></h2>
${actionItems(archive, m.actions.map((action) => ({ meeting: m, action })))}
</section>
`;
}

function neighbours(archive: Archive, m: ArchiveMeeting): SafeHtml {
  const prev = m.prev ? archive.byId.meeting.get(m.prev) : undefined;
  const next = m.next ? archive.byId.meeting.get(m.next) : undefined;
  if (!prev && !next) return html``;
  const link = (other: ArchiveMeeting, rel: "prev" | "next"): SafeHtml =>
    html`<a class="${rel}" rel="${rel}" href="${other.url}"><span class="dir">${rel === "prev" ? "← Previous" : "Next →"}</span> ${timeTag(other.date, shortDate(other.date))} <span class="title">${other.title}</span></a>`;
  return html`<nav class="prev-next" aria-label="More in ${m.series.name}">${prev ? link(prev, "prev") : ""}${next ? link(next, "next") : ""}</nav>`;
}

function description(m: ArchiveMeeting): string {
  const headings = m.sections.filter((s) => s.level <= 2).map((s) => s.heading);
  const text = `${m.series.name}, ${longDate(m.date)}${headings.length ? ": " + headings.join(", ") : ""}.`;
  return text.length > 200 ? text.slice(0, 199).trimEnd() + "…" : text;
}

export function renderMeeting(archive: Archive, meeting: ArchiveMeeting): string {
  const levels = outlineLevels(meeting);
  const body = html`<article class="meeting">
<header class="meeting-header">
<h1>${meeting.title}</h1>
${facts(archive, meeting)}
</header>
${meeting.sections.length >= TOC_MIN_SECTIONS ? toc(meeting.sections) : ""}
<div class="notes">
${raw(meeting.intro)}
${meeting.sections.map((s) => section(archive, meeting, s, levels))}</div>
${actions(archive, meeting)}</article>
${neighbours(archive, meeting)}`;
  return layout({
    archive,
    url: meeting.url,
    title: `${meeting.title}, ${shortDate(meeting.date)}`,
    description: description(meeting),
    body,
  });
}
