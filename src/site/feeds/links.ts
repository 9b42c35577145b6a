// How pages point at feeds: `<link rel="alternate">` in the head (the
// layout's `feeds` prop) and a small "Subscribe" line in the page. A page
// about a series, initiative or person asks for its feeds with
//
//   const feeds = feedLinksFor("initiative", initiative.id, archive);
//   layout({ ..., feeds, body: html`... ${subscribe(feeds)} ...` });
//
// Both are empty when the feed does not exist: the site has no URL (then no
// feed is built), or the person has nothing of their own to follow.
import type { Archive } from "../../archive/model.ts";
import { html, type SafeHtml } from "../html.ts";
import { archive as currentArchive } from "../state.ts";
import { feedByKey, FEEDS_PAGE_URL, type FeedDef, type FeedFormat, type FeedKind } from "./model.ts";

export interface FeedLink {
  title: string;
  /** Root-relative URL of the feed (the page transform makes it relative). */
  href: string;
  type: FeedFormat;
}

export const FEED_MIME: Record<FeedFormat, string> = {
  atom: "application/atom+xml",
  rss: "application/rss+xml",
};

const FORMAT_NAME: Record<FeedFormat, string> = { atom: "Atom", rss: "RSS" };

/** The Atom and RSS feed of a feed definition. */
export function linksOf(feed: FeedDef): FeedLink[] {
  return (["atom", "rss"] as const).map((type) => ({ title: `${feed.title} (${FORMAT_NAME[type]})`, href: feed[type], type }));
}

/**
 * The feeds of the whole archive ("all", id ""), a series (slug), an
 * initiative ("<series>/<slug>") or a person (id); [] when there is none.
 * `archive` defaults to the archive of the current build.
 */
export function feedLinksFor(kind: FeedKind, id: string, archive: Archive = currentArchive()): FeedLink[] {
  const feed = feedByKey(archive, kind === "all" ? "all" : `${kind}/${id}`);
  return feed ? linksOf(feed) : [];
}

/** `<link rel="alternate">` tags for the head. */
export function alternateLinks(feeds: readonly FeedLink[]): SafeHtml {
  return html`${feeds.map((f) => html`<link rel="alternate" type="${FEED_MIME[f.type]}" title="${f.title}" href="${f.href}">\n`)}`;
}

/** "Subscribe: Atom · RSS · All feeds", or nothing when there is no feed. */
export function subscribe(feeds: readonly FeedLink[]): SafeHtml {
  if (feeds.length === 0) return html``;
  return html`<p class="subscribe"><span class="label">Subscribe:</span> ${feeds.map(
    (f, i) => html`${i > 0 ? " · " : ""}<a href="${f.href}" type="${FEED_MIME[f.type]}">${FORMAT_NAME[f.type]} feed</a>`,
  )} · <a href="${FEEDS_PAGE_URL}">All feeds</a></p>`;
}
