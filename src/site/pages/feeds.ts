// /feeds/: every feed of the site, to copy into a feed reader.
import type { Archive } from "../../archive/model.ts";
import { html, type SafeHtml } from "../html.ts";
import { plural } from "../format.ts";
import { layout } from "../layout.ts";
import { FEED_MIME, linksOf } from "../feeds/links.ts";
import { FEED_LIMIT, FEEDS_PAGE_URL, listFeeds, type FeedDef, type FeedKind } from "../feeds/model.ts";

function feedLinks(feed: FeedDef): SafeHtml {
  return html`${linksOf(feed).map(
    (f, i) => html`${i > 0 ? " · " : ""}<a href="${f.href}" type="${FEED_MIME[f.type]}">${f.type === "atom" ? "Atom" : "RSS"}</a>`,
  )}`;
}

function row(feed: FeedDef, name: string, page: boolean): SafeHtml {
  return html`<li>${page ? html`<a class="title" href="${feed.pageUrl}">${name}</a>` : html`<span class="title">${name}</span>`} <span class="feed-links">${feedLinks(feed)}</span></li>`;
}

export function renderFeedsPage(archive: Archive): string {
  const feeds = listFeeds(archive);
  const of = (kind: FeedKind): FeedDef[] => feeds.filter((f) => f.kind === kind);
  const all = of("all")[0];
  let body: SafeHtml;
  if (!all) {
    body = html`<h1>Feeds</h1>
<p class="lead">This copy of the archive was built without the address it is published at, so it has no feeds: feed readers need absolute links.</p>
<p>To build them, set <code>url</code> in <code>minutebook.yml</code> or pass <code>--url</code> to <code>minutebook build</code>.</p>`;
  } else {
    const series = of("series");
    const initiatives = of("initiative");
    const people = of("person");
    const seriesName = (slug: string): string => archive.byId.series.get(slug)?.name ?? slug;
    // Initiatives under their series, series in the order of the series list.
    const bySeries = new Map<string, { feed: FeedDef; name: string }[]>();
    for (const f of initiatives) {
      const i = archive.byId.initiative?.get(f.id);
      if (!i) continue;
      const list = bySeries.get(i.series);
      if (list) list.push({ feed: f, name: i.name });
      else bySeries.set(i.series, [{ feed: f, name: i.name }]);
    }
    const initiativePages = initiatives.length > 0;
    const part = (id: string, title: string, count: string, intro: string, content: SafeHtml): SafeHtml =>
      html`<section aria-labelledby="${id}"><h2 id="${id}">${title} <span class="count">${count}</span></h2>
<p>${intro}</p>
${content}
</section>
`;
    body = html`<h1>Feeds</h1>
<p class="lead">Follow the archive in a feed reader: copy the address of a feed (Atom or RSS, whichever your reader prefers) and add it there. Each feed holds its newest ${FEED_LIMIT} entries.</p>
<ul class="feeds-list"><li><span class="title">Every meeting</span> <span class="feed-links">${feedLinks(all)}</span></li></ul>
${part("series", "Series", plural(series.length, "feed"), "One entry per meeting, with its notes.", html`<ul class="feeds-list">${series.map((f) => row(f, seriesName(f.id), true))}</ul>`)}
${
  initiativePages
    ? part(
        "initiatives",
        "Initiatives",
        plural(initiatives.length, "feed"),
        "One entry per meeting that reported on the initiative: just its part of the notes.",
        html`${[...bySeries].map(
          ([slug, list]) => html`<h3>${seriesName(slug)}</h3>
<ul class="feeds-list">${list.map((x) => row(x.feed, x.name, true))}</ul>
`,
        )}`,
      )
    : ""
}
${part("people", "People", plural(people.length, "feed"), "One entry per meeting a person led, gave an update in or asked a question in: their part of it.", html`<ul class="feeds-list">${people.map((f) => row(f, archive.byId.person.get(f.id)?.name ?? f.id, true))}</ul>`)}`;
  }
  return layout({
    archive,
    url: FEEDS_PAGE_URL,
    title: "Feeds",
    description: "Atom and RSS feeds of the archive, each series, initiative and person.",
    body,
  });
}
