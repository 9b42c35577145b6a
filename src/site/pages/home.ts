// The front page: what the site is, how much it holds, and the way in.
import type { Archive } from "../../archive/model.ts";
import { html } from "../html.ts";
import { count, plural } from "../format.ts";
import { layout } from "../layout.ts";
import { meetingList, newestFirst } from "../links.ts";
import { seriesByActivity, seriesList } from "./series.ts";
import { yearLinks, yearsNewestFirst } from "./archive.ts";
import { feedLinksFor, subscribe } from "../feeds/links.ts";

const LATEST = 12;

export function renderHome(archive: Archive): string {
  const { site } = archive;
  // archive.meetings is oldest first: the newest are at the end.
  const latest = newestFirst(archive.meetings.slice(-LATEST * 2)).slice(0, LATEST);
  const stats: [number, string, string][] = [
    [archive.meetings.length, "meeting", "meetings"],
    [archive.notes, "note", "notes"],
    [archive.series.length, "series", "series"],
    [archive.people.length, "person", "people"],
    [archive.years.length, "year", "years"],
  ];
  const feeds = feedLinksFor("all", "", archive);
  const body = html`<div class="intro">
<h1>${site.title}</h1>
${site.description ? html`<p class="lead">${site.description}</p>` : ""}
<ul class="stats">${stats.map(
    ([n, one, many]) => html`<li><strong>${count(n)}</strong> ${n === 1 ? one : many}</li>`,
  )}</ul>
</div>
<section aria-labelledby="latest"><h2 id="latest">Latest meetings</h2>
${latest.length > 0 ? meetingList(archive, latest, { showSeries: true }) : html`<p>No meetings yet.</p>`}
<p class="more"><a href="/archive/">All meetings by date</a></p>
${subscribe(feeds)}
</section>
<section aria-labelledby="series"><h2 id="series">Series</h2>
${seriesList(seriesByActivity(archive.series))}
</section>
<section aria-labelledby="years"><h2 id="years">By year</h2>
${yearLinks(yearsNewestFirst(archive.years))}
</section>`;
  return layout({ archive, url: "/", title: site.title, description: site.description || `${plural(archive.meetings.length, "meeting")}.`, feeds, body });
}
