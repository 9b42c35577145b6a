// Atom (RFC 4287) and RSS 2.0 documents for one feed of feeds/model.ts.
//
// Dates and absolute URLs come from @11ty/eleventy-plugin-rss 3.0.0's
// exported filters (dateToRfc3339, dateToRfc822, absoluteUrl). We write the
// XML ourselves rather than use its virtual templates (feedPlugin), and fix
// on our side where 3.0.0 falls short:
//
//  1. Its RSS template writes `<content:encoded>` without declaring
//     xmlns:content, so the document is not namespace-well-formed XML and
//     strict parsers reject it. Our <rss> declares
//     xmlns:content="http://purl.org/rss/1.0/modules/content/".
//  2. absoluteUrl / htmlToAbsoluteUrls resolve a root-relative "/people/x/"
//     against the host, dropping the path of a site published under one
//     (https://example.org/notes/ -> https://example.org/people/x/). Our
//     links are root-relative to the site, so we resolve them against the
//     site URL first (siteRelative below) and let the plugin do the rest
//     ("#anchor", "../x", already absolute).
//  3. dateToRfc822 formats in the machine's time zone unless given one, so
//     two machines would write different feeds; we always pass "UTC".
//  4. Its convertHtmlToAbsoluteUrls parses and re-serialises every entry
//     with posthtml: the slowest part of a build's feeds. Our entry HTML is
//     our own (markdown-it, sanitize-html and html`` all double-quote and
//     escape attribute values, and only href and src carry URLs), so its
//     href and src values are found by a scan and each URL goes through
//     absoluteUrl, once a build for the same site-root or absolute URL.
//  5. Its templates date entries by Eleventy's page date (file times by
//     default) and the feed by the newest of them or the clock; ours use the
//     meetings' calendar dates only (midnight UTC), so a rebuild is identical.
//
// Each document points at /assets/feed.xsl with a relative href, so the
// stylesheet loads from wherever the site is served.
import { absoluteUrl, dateToRfc3339, dateToRfc822 } from "@11ty/eleventy-plugin-rss";
import type { Archive } from "../../archive/model.ts";
import { raw, xml, xmlClean, type SafeHtml } from "../html.ts";
import { rewriteAttributeValues } from "../attribute-values.ts";
import { relativeUrl } from "../relative-urls.ts";
import { FEED_MIME } from "./links.ts";
import { feedEntries, forgetFeedEntries, type FeedDef, type FeedEntry, type FeedFormat } from "./model.ts";

export const FEED_STYLESHEET_URL = "/assets/feed.xsl";
const GENERATOR = "minutebook";
const CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";

/** A calendar date as an instant: midnight UTC, never the machine's zone. */
function instant(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

// Feeds date their entries by the meetings' days, and a day's meetings are in many feeds.
const rfc3339s = new Map<string, string>();

export function rfc3339(date: string): string {
  let out = rfc3339s.get(date);
  if (out === undefined) rfc3339s.set(date, (out = dateToRfc3339(instant(date))));
  return out;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * What dateToRfc822(instant(date), "UTC") gives ("Mon, 08 Apr 2019 00:00:00
 * +0000"; test/feeds/dates.test.ts compares the two over every day of 2015
 * to 2030), without its Intl.DateTimeFormat per call: at about 0.2 ms each,
 * one per meeting day was a second of a 10x build's feeds.
 */
export function rfc822(date: string): string {
  const d = instant(date);
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${WEEKDAYS[d.getUTCDay()]}, ${day} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 00:00:00 +0000`;
}

/** The plugin's own RFC 822 date of a calendar date, in UTC: what rfc822 must equal. */
export const pluginRfc822 = (date: string): string => dateToRfc822(instant(date), "UTC");

// Each costs the plugin's absoluteUrl a URL parse, and a feed names the same
// pages again and again (every entry's author, a meeting in several feeds).
const siteUrls = new Map<string, Map<string, string>>();
let siteUrlCount = 0;

/** A root-relative site URL ("/2019/04/08/x/#a") made absolute under the site URL (which may have a path). */
export function siteUrl(site: string, url: string): string {
  let known = siteUrls.get(site);
  if (!known) siteUrls.set(site, (known = new Map()));
  let out = known.get(url);
  if (out === undefined) {
    out = absoluteUrl(url.replace(/^\/(?!\/)/, ""), site);
    if (++siteUrlCount > 50_000) {
      siteUrls.clear();
      siteUrlCount = 0;
      siteUrls.set(site, (known = new Map()));
    }
    known.set(url, out);
  }
  return out;
}

const TAG = /<[a-zA-Z][^>]*>/g;
const URL_ATTR = /(\s(?:href|src)=")([^"]*)"/g;
// With "//" after its scheme a URL is absolute, whatever the page ("http:x" is not: it is relative to an http page).
const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;
const SPACE = /\s/;

/**
 * Content made absolute: site-root links under the site URL (fix 2 above), the rest against the entry's page.
 * `known` keeps what site-root and absolute URLs became (they do not depend on the page): most links of a
 * feed's entries are mentions and issues, and each costs the plugin a URL parse.
 */
export function absoluteHtml(fragment: string, site: string, pageUrl: string, known: Map<string, string> = new Map()): string {
  const base = siteUrl(site, pageUrl);
  return rewriteAttributeValues(
    fragment,
    '="',
    // The tag must end after the value, or TAG would not have matched the value whole.
    (html, at, end) => urlAttribute(html, at) && inTag(html, at) && html.indexOf(">", at) > end,
    (value) => {
      const url = value.trim();
      let link = known.get(url);
      if (link === undefined) {
        link = absoluteLink(url, site, base);
        if (url.charCodeAt(0) === 47 /* "/": site-root, or protocol-relative (the site's protocol) */ || ABSOLUTE.test(url)) known.set(url, link);
      }
      return link;
    },
  );
}

/** Whether the attribute whose `="` is at `at` is an href or src, after white space. */
function urlAttribute(html: string, at: number): boolean {
  const name = html.charCodeAt(at - 1) === 102 /* f */ ? 4 : html.charCodeAt(at - 1) === 99 /* c */ ? 3 : 0;
  if (name === 0 || !html.startsWith(name === 4 ? "href" : "src", at - name)) return false;
  return SPACE.test(html.charAt(at - name - 1));
}

/**
 * Whether `at` is inside a tag as TAG finds them: after a `<` and a letter with no `>` since,
 * and before a `>`. A tag TAG matches ends at the first `>` after its start, so the one that
 * holds `at` starts after the last `>` before it.
 */
function inTag(html: string, at: number): boolean {
  const gt = html.lastIndexOf(">", at);
  for (let lt = html.lastIndexOf("<", at); lt > gt; lt = lt === 0 ? -1 : html.lastIndexOf("<", lt - 1)) {
    const c = html.charCodeAt(lt + 1) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** The same rewrite, tag by tag by pattern: the reference absoluteHtml is tested against. */
export function absoluteHtmlByPattern(fragment: string, site: string, pageUrl: string): string {
  const base = siteUrl(site, pageUrl);
  return fragment.replace(TAG, (tag) =>
    tag.includes("=") ? tag.replace(URL_ATTR, (_all, attr: string, url: string) => `${attr}${absoluteLink(url.trim(), site, base)}"`) : tag,
  );
}

function absoluteLink(url: string, site: string, base: string): string {
  return /^\/(?!\/)/.test(url) ? siteUrl(site, url) : absoluteUrl(url, base);
}

/**
 * The entries' contents made absolute and put in a CDATA section, each once
 * per build (a meeting is in two feeds, and every entry in both formats).
 * CDATA rather than escaped text: the same text to any XML reader, a sixth
 * smaller (every tag's `<` and `>` is one byte, not four), and no escaping
 * pass over the largest strings of the feeds.
 */
const contentCache = new WeakMap<Archive, { contents: Map<string, SafeHtml>; urls: Map<string, string> }>();

/**
 * Forgets the entries made so far: a build in parts (parts.ts) writes both
 * formats of a feed in the same part, and what one part made would otherwise
 * be held to the end of the build (hundreds of megabytes for a large archive).
 */
export function forgetFeedContents(archive: Archive): void {
  contentCache.delete(archive);
  forgetFeedEntries(archive);
}

function entryContent(archive: Archive, entry: FeedEntry): SafeHtml {
  let memo = contentCache.get(archive);
  if (!memo) contentCache.set(archive, (memo = { contents: new Map(), urls: new Map() }));
  let content = memo.contents.get(entry.id);
  if (!content) {
    content = cdata(absoluteHtml(entry.html, archive.site.url!, entry.url, memo.urls));
    memo.contents.set(entry.id, content);
  }
  return content;
}

/** Text as a CDATA section: cleaned for XML, and any `]]>` in it split across two sections. */
export function cdata(text: string): SafeHtml {
  const clean = xmlClean(text);
  return raw(`<![CDATA[${clean.includes("]]>") ? clean.replaceAll("]]>", "]]]]><![CDATA[>") : clean}]]>`);
}

function stylesheet(feedUrl: string): SafeHtml {
  return xml`<?xml-stylesheet href="${relativeUrl(feedUrl, FEED_STYLESHEET_URL)}" type="text/xsl"?>`;
}

function personName(archive: Archive, id: string): string {
  return archive.byId.person.get(id)?.name ?? id;
}

export async function renderFeed(archive: Archive, feed: FeedDef, format: FeedFormat): Promise<string> {
  return format === "atom" ? renderAtom(archive, feed) : renderRss(archive, feed);
}

export async function renderAtom(archive: Archive, feed: FeedDef): Promise<string> {
  const site = archive.site.url;
  if (!site) throw new Error("minutebook: a feed needs the site URL");
  const entries = feedEntries(archive, feed);
  const contents = entries.map((e) => entryContent(archive, e));
  const updated = entries[0]?.date ?? archive.meetings[archive.meetings.length - 1]?.date ?? "1970-01-01";
  const self = siteUrl(site, feed.atom);
  const author = (id: string): SafeHtml => {
    const p = archive.byId.person.get(id);
    return xml`<author><name>${personName(archive, id)}</name>${p ? xml`<uri>${siteUrl(site, p.url)}</uri>` : ""}</author>`;
  };
  const doc = xml`<?xml version="1.0" encoding="utf-8"?>
${stylesheet(feed.atom)}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${archive.site.lang || "en"}">
<title>${feed.title}</title>
<subtitle>${feed.subtitle}</subtitle>
<link rel="self" type="${FEED_MIME.atom}" href="${self}"/>
<link rel="alternate" type="text/html" href="${siteUrl(site, feed.pageUrl)}"/>
<link rel="alternate" type="${FEED_MIME.rss}" href="${siteUrl(site, feed.rss)}"/>
<id>${self}</id>
<updated>${rfc3339(updated)}</updated>
<author><name>${archive.site.title}</name><uri>${site}</uri></author>
<generator>${GENERATOR}</generator>
<icon>${siteUrl(site, "/assets/favicon.svg")}</icon>
${entries.map(
  (e, i) => xml`<entry>
<title>${e.title}</title>
<link rel="alternate" type="text/html" href="${siteUrl(site, e.url)}"/>
<id>${e.id}</id>
<published>${rfc3339(e.date)}</published>
<updated>${rfc3339(e.date)}</updated>
${e.authors.map(author)}<category term="${e.meeting.series.slug}" label="${e.meeting.series.name}"/>
<summary>${e.summary}</summary>
<content type="html">${contents[i]!}</content>
</entry>
`,
)}</feed>
`;
  return doc.value;
}

export async function renderRss(archive: Archive, feed: FeedDef): Promise<string> {
  const site = archive.site.url;
  if (!site) throw new Error("minutebook: a feed needs the site URL");
  const entries = feedEntries(archive, feed);
  const contents = entries.map((e) => entryContent(archive, e));
  const updated = entries[0]?.date ?? archive.meetings[archive.meetings.length - 1]?.date ?? "1970-01-01";
  // xmlns:content is declared here: the plugin's own RSS template forgets it (fix 1 above).
  const doc = xml`<?xml version="1.0" encoding="utf-8"?>
${stylesheet(feed.rss)}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="${CONTENT_NS}" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${feed.title}</title>
<link>${siteUrl(site, feed.pageUrl)}</link>
<atom:link rel="self" type="${FEED_MIME.rss}" href="${siteUrl(site, feed.rss)}"/>
<description>${feed.subtitle}</description>
<language>${archive.site.lang || "en"}</language>
<pubDate>${rfc822(updated)}</pubDate>
<lastBuildDate>${rfc822(updated)}</lastBuildDate>
<generator>${GENERATOR}</generator>
${entries.map(
  (e, i) => xml`<item>
<title>${e.title}</title>
<link>${siteUrl(site, e.url)}</link>
<guid isPermaLink="false">${e.id}</guid>
<pubDate>${rfc822(e.date)}</pubDate>
${e.authors.length > 0 ? xml`<dc:creator>${e.authors.map((id) => personName(archive, id)).join(", ")}</dc:creator>\n` : ""}<category>${e.meeting.series.name}</category>
<description>${e.summary}</description>
<content:encoded>${contents[i]!}</content:encoded>
</item>
`,
)}</channel>
</rss>
`;
  return doc.value;
}
