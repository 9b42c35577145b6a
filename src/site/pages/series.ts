// The list of all series, and one page per series with its meetings.
import type { Archive, SeriesInfo } from "../../archive/model.ts";
import { html, type SafeHtml } from "../html.ts";
import { dayMonth, plural, shortDate } from "../format.ts";
import { layout } from "../layout.ts";
import { meetingList, meetingsById, newestFirst, timeTag } from "../links.ts";
import { actionItems } from "../actions.ts";
import { seriesInitiatives } from "./initiatives.ts";
import { feedLinksFor, subscribe } from "../feeds/links.ts";

/** Most recently active first; a series that met the same day sorts by name. */
export function seriesByActivity(series: readonly SeriesInfo[]): SeriesInfo[] {
  return [...series].sort((a, b) =>
    a.last === b.last ? a.name.localeCompare(b.name, "en") : a.last < b.last ? 1 : -1,
  );
}

/** Series as a list: name, count and date span. Shared with the home page. */
export function seriesList(series: readonly SeriesInfo[]): SafeHtml {
  return html`<ul class="series-list">${series.map(
    (s) => html`<li><a class="title" href="${s.url}">${s.name}</a> <span class="meta">${plural(s.meetings.length, "meeting")}, ${
      s.first === s.last
        ? timeTag(s.first, shortDate(s.first))
        : html`${timeTag(s.first, shortDate(s.first))} – ${timeTag(s.last, shortDate(s.last))}`
    }</span></li>`,
  )}</ul>`;
}

export function renderSeriesIndex(archive: Archive): string {
  const body = html`<h1>Series</h1>
<p class="lead">${plural(archive.series.length, "meeting series", "meeting series")}, most recently active first.</p>
${seriesList(seriesByActivity(archive.series))}`;
  return layout({ archive, url: "/series/", title: "Series", body, description: "Every meeting series in the archive." });
}

export function renderSeries(archive: Archive, series: SeriesInfo): string {
  const meetings = newestFirst(meetingsById(archive, series.meetings));
  const years: { year: string; meetings: typeof meetings }[] = [];
  for (const m of meetings) {
    const year = m.date.slice(0, 4);
    const last = years[years.length - 1];
    if (last && last.year === year) last.meetings.push(m);
    else years.push({ year, meetings: [m] });
  }
  const span =
    series.first === series.last
      ? html`on ${timeTag(series.first)}`
      : html`from ${timeTag(series.first, shortDate(series.first))} to ${timeTag(series.last, shortDate(series.last))}`;
  const initiatives = seriesInitiatives(archive, series.slug);
  const open = meetings.flatMap((m) => m.actions.filter((a) => !a.done).map((action) => ({ meeting: m, action })));
  const jump = [
    ...(initiatives.length > 0 ? [{ id: "initiatives", label: "Initiatives" }] : []),
    ...(open.length > 0 ? [{ id: "open-actions", label: "Open action items" }] : []),
    ...(years.length > 1 ? years.map((y) => ({ id: `y${y.year}`, label: y.year })) : []),
  ];
  const feeds = feedLinksFor("series", series.slug, archive);
  const body = html`<h1>${series.name}</h1>
<p class="lead">${plural(meetings.length, "meeting")} ${span}.</p>
${subscribe(feeds)}
${jump.length > 1 ? html`<nav class="jump" aria-label="On this page"><ul>${jump.map((j) => html`<li><a href="#${j.id}">${j.label}</a></li>`)}</ul></nav>` : ""}
${
  initiatives.length > 0
    ? html`<section aria-labelledby="initiatives"><h2 id="initiatives">Initiatives <span class="count">${plural(initiatives.length, "initiative")}</span></h2>
<ul class="initiative-list">${initiatives.map((i) => {
        const last = archive.byId.meeting.get(i.meetings[i.meetings.length - 1]!);
        return html`<li><a href="${i.url}">${i.name}</a> <span class="meta">${plural(i.meetings.length, "meeting")}${last ? html`, last ${timeTag(last.date, shortDate(last.date))}` : ""}</span></li>`;
      })}</ul>
</section>
`
    : ""
}${
  open.length > 0
    ? html`<section aria-labelledby="open-actions"><h2 id="open-actions">Open action items <span class="count">${plural(open.length, "item")}, newest first</span></h2>
${actionItems(archive, open, { showMeeting: true })}
</section>
`
    : ""
}
${years.map(
  (y) => html`<section aria-labelledby="y${y.year}"><h2 id="y${y.year}">${y.year} <span class="count">${plural(y.meetings.length, "meeting")}</span></h2>
${meetingList(archive, y.meetings, { dateText: dayMonth, showLeads: true })}
</section>
`,
)}`;
  return layout({
    archive,
    url: series.url,
    title: series.name,
    description: `Notes of ${plural(meetings.length, "meeting")} of ${series.name}.`,
    feeds,
    body,
  });
}
