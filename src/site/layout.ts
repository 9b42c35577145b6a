// The document shell around every page: head, site header with nav, main,
// footer. No scripts and nothing fetched from elsewhere.
import type { Archive } from "../archive/model.ts";
import { html, type SafeHtml } from "./html.ts";
import { plural } from "./format.ts";
import { headerSearch, searchScript } from "./pages/search.ts";
import { alternateLinks, feedLinksFor, type FeedLink } from "./feeds/links.ts";
import { FEEDS_PAGE_URL } from "./feeds/model.ts";

export interface LayoutProps {
  archive: Archive;
  /** Root-relative URL of the page being rendered, e.g. "/series/x/". */
  url: string;
  title: string;
  body: SafeHtml;
  description?: string;
  head?: SafeHtml;
  /** The page's own scripts, after the search script at the end of the body. */
  scripts?: SafeHtml;
  /** The page's own feeds (feedLinksFor in feeds/links.ts), linked as <link rel="alternate"> before the whole archive's. */
  feeds?: readonly FeedLink[];
}

export const STYLESHEET_URL = "/assets/style.css";
export const FAVICON_URL = "/assets/favicon.svg";

const NAV: readonly { href: string; label: string }[] = [
  { href: "/", label: "Home" },
  { href: "/series/", label: "Series" },
  { href: "/archive/", label: "Archive" },
  { href: "/people/", label: "People" },
  { href: "/initiatives/", label: "Initiatives" },
  { href: "/search/", label: "Search" },
];

// Year and meeting pages ("/2019/", "/2019/04/08/x/") belong to the Archive.
const DATED = /^\/\d{4}\//;

// "page" for the item's own page; "true" when inside its part of the site
// (a series under Series), so both are announced and styled as current.
function current(itemHref: string, url: string): string | null {
  if (itemHref === url) return "page";
  if (itemHref !== "/" && url.startsWith(itemHref)) return "true";
  if (itemHref === "/archive/" && DATED.test(url)) return "true";
  return null;
}

function nav(url: string): SafeHtml {
  return html`<nav class="site-nav" aria-label="Site"><ul>${NAV.map((item) => {
    const cur = current(item.href, url);
    return html`<li><a href="${item.href}"${cur ? html` aria-current="${cur}"` : ""}>${item.label}</a></li>`;
  })}</ul></nav>`;
}


function absoluteUrl(siteUrl: string | null, url: string): string | null {
  if (!siteUrl) return null;
  return siteUrl.replace(/\/+$/, "") + url;
}

/** Open Graph tags, for link previews; only with an absolute URL to point at. */
function openGraph(siteName: string, title: string, url: string, description: string | undefined): SafeHtml {
  return html`<meta property="og:type" content="website">
<meta property="og:site_name" content="${siteName}">
<meta property="og:title" content="${title}">
<meta property="og:url" content="${url}">
${description ? html`<meta property="og:description" content="${description}">\n` : ""}`;
}

/** The page's feeds, then the whole archive's: none when the site has no URL (and so no feeds). */
function feedAlternates(p: LayoutProps): SafeHtml {
  const own = p.feeds ?? [];
  const hrefs = new Set(own.map((f) => f.href));
  return alternateLinks([...own, ...feedLinksFor("all", "", p.archive).filter((f) => !hrefs.has(f.href))]);
}

export function layout(p: LayoutProps): string {
  const { site } = p.archive;
  const isHome = p.url === "/";
  const fullTitle = isHome || p.title === site.title ? site.title : `${p.title} — ${site.title}`;
  const description = p.description ?? site.description;
  const canonical = absoluteUrl(site.url, p.url);
  const doc = html`<!doctype html>
<html lang="${site.lang || "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${fullTitle}</title>
${description ? html`<meta name="description" content="${description}">\n` : ""}${canonical ? html`<link rel="canonical" href="${canonical}">\n${openGraph(site.title, fullTitle, canonical, description)}` : ""}<link rel="stylesheet" href="${STYLESHEET_URL}">
<link rel="icon" href="${FAVICON_URL}" type="image/svg+xml">
${feedAlternates(p)}${p.head ?? ""}</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<a class="site-title" href="/"${isHome ? html` aria-current="page"` : ""}>${site.title}</a>
${nav(p.url)}
${headerSearch(p.url)}
</div>
</header>
<main id="main" tabindex="-1">
${p.body}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${plural(p.archive.meetings.length, "meeting")} from ${plural(p.archive.notes, "note")}. Built with minutebook.${p.archive.site.url ? html` <a href="${FEEDS_PAGE_URL}">Feeds</a>` : ""}</p>
</div>
</footer>
${searchScript()}${p.scripts ?? ""}</body>
</html>
`;
  return doc.value;
}
