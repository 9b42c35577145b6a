// The archive by date: an index of years and months, and one page per year.
import type { Archive, YearInfo } from "../../archive/model.ts";
import { html, type SafeHtml } from "../html.ts";
import { dayMonth, monthAbbr, monthName, plural } from "../format.ts";
import { layout } from "../layout.ts";
import { meetingList, meetingsById } from "../links.ts";

const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;

/** Anchor of a month on its year page. */
export function monthId(month: string): string {
  return "m" + month;
}

export function yearsNewestFirst(years: readonly YearInfo[]): YearInfo[] {
  return [...years].sort((a, b) => (a.year < b.year ? 1 : a.year > b.year ? -1 : 0));
}

/** Years as links with counts; shared with the home page. */
export function yearLinks(years: readonly YearInfo[]): SafeHtml {
  return html`<ul class="years">${years.map(
    (y) => html`<li><a href="${y.url}">${y.year}</a> <span class="meta">${plural(y.count, "meeting")}</span></li>`,
  )}</ul>`;
}

// A year-by-month grid: compact, and it shows at a glance when meetings were held.
function monthGrid(years: readonly YearInfo[]): SafeHtml {
  const head = html`<tr><th scope="col">Year</th>${MONTHS.map(
    (mm) => html`<th scope="col">${monthAbbr("2000-" + mm)}</th>`,
  )}<th scope="col">Total</th></tr>`;
  const rows = years.map((y) => {
    const counts = new Map(y.months.map((m) => [m.month, m.meetings.length]));
    const cells = MONTHS.map((mm) => {
      const month = `${y.year}-${mm}`;
      const n = counts.get(month);
      return n
        ? html`<td><a href="${y.url}#${monthId(month)}" aria-label="${monthName(month)}: ${plural(n, "meeting")}">${n}</a></td>`
        : html`<td class="empty"><span class="visually-hidden">none</span></td>`;
    });
    return html`<tr><th scope="row"><a href="${y.url}">${y.year}</a></th>${cells}<td class="total">${y.count}</td></tr>`;
  });
  return html`<div class="table-scroll"><table class="month-grid"><caption>Meetings per month</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

export function renderArchiveIndex(archive: Archive): string {
  const years = yearsNewestFirst(archive.years);
  const body = html`<h1>Archive</h1>
<p class="lead">${plural(archive.meetings.length, "meeting")} over ${plural(years.length, "year")}.</p>
${yearLinks(years)}
${years.length > 0 ? monthGrid(years) : ""}`;
  return layout({ archive, url: "/archive/", title: "Archive", description: "Every meeting, by year and month.", body });
}

export function renderYear(archive: Archive, year: YearInfo): string {
  const ordered = [...archive.years].sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : 0));
  const i = ordered.findIndex((y) => y.year === year.year);
  const prev = i > 0 ? ordered[i - 1] : undefined;
  const next = i >= 0 ? ordered[i + 1] : undefined;
  const months = year.months.map((m) => ({ month: m.month, meetings: meetingsById(archive, m.meetings) }));
  const body = html`<h1>${year.year}</h1>
<p class="lead">${plural(year.count, "meeting")} in ${plural(months.length, "month")}.</p>
${months.length > 1 ? html`<nav class="jump" aria-label="Months"><ul>${months.map((m) => html`<li><a href="#${monthId(m.month)}">${monthAbbr(m.month)}</a></li>`)}</ul></nav>` : ""}
${months.map(
  (m) => html`<section aria-labelledby="${monthId(m.month)}"><h2 id="${monthId(m.month)}">${monthName(m.month)} <span class="count">${plural(m.meetings.length, "meeting")}</span></h2>
${meetingList(archive, m.meetings, { dateText: dayMonth, showSeries: true })}
</section>
`,
)}
${prev || next ? html`<nav class="prev-next" aria-label="Other years">${prev ? html`<a class="prev" rel="prev" href="${prev.url}"><span class="dir">← Previous year</span> <span class="title">${prev.year}</span></a>` : ""}${next ? html`<a class="next" rel="next" href="${next.url}"><span class="dir">Next year →</span> <span class="title">${next.year}</span></a>` : ""}</nav>` : ""}`;
  return layout({
    archive,
    url: year.url,
    title: year.year,
    description: `${plural(year.count, "meeting")} held in ${year.year}.`,
    body,
  });
}
