// The search page (/search/), and the search box and script every page's
// header carries. Both boxes are plain GET forms to /search/?q=, so they
// work as links without JavaScript; /assets/search.js enhances them.
import type { Archive } from "../../archive/model.ts";
import { html, type SafeHtml } from "../html.ts";
import { layout } from "../layout.ts";

export const SEARCH_URL = "/search/";
/** The small script every page loads: "/" focuses the box; the search loads on focus. */
export const SEARCH_SCRIPT_URL = "/assets/search.js";
export const SEARCH_STYLESHEET_URL = "/assets/search.css";

/**
 * The header's search form, for every page but the search page (which has
 * its own box) and the 404 page (served at any depth, it cannot point a
 * form at the search page by a relative URL).
 */
export function headerSearch(url: string): SafeHtml {
  if (url === SEARCH_URL || url === "/404.html") return html``;
  return html`<form class="site-search" role="search" action="${SEARCH_URL}" method="get" data-search>
<label class="visually-hidden" for="site-search-q">Search the notes</label>
<input id="site-search-q" type="search" name="q" placeholder="Search (press /)" autocomplete="off" spellcheck="false" enterkeyhint="search">
<button type="submit">Search</button>
</form>`;
}

/**
 * The script tag of every page, last in the body. Not deferred: chromium
 * runs a deferred script and then the first layout in one task, so the
 * first paint waits for the script's download (on a phone, another round
 * trip) and comes as one long task. Last in the body, the page lays out and
 * paints while the script downloads, and the script runs in a task of its own.
 */
export function searchScript(): SafeHtml {
  return html`<script src="${SEARCH_SCRIPT_URL}"></script>\n`;
}

export function renderSearch(archive: Archive): string {
  const body = html`<div class="search-page" data-search-page>
<h1>Search</h1>
<form class="search-form" role="search" action="${SEARCH_URL}" method="get" data-search>
<label for="search-q">Search the notes of ${archive.meetings.length} meetings</label>
<div class="search-row">
<input id="search-q" type="search" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search">
<button type="submit">Search</button>
</div>
<p class="search-tips meta">Handles (<code>@name</code> or <code>name</code>), versions (<code>1.2</code> finds <code>1.2.3</code>), names like <code>some-lib</code> or <code>owner/repo#12</code>, and questions (<code>Q(@name)</code>) are found as written.</p>
</form>
<noscript><p class="search-noscript">Search needs JavaScript, which is off in this browser. You can still browse the meetings <a href="/archive/">by date</a> or <a href="/series/">by series</a>.</p></noscript>
<p class="search-status" role="status" aria-live="polite"></p>
<div class="search-layout">
<div class="search-results" data-search-results></div>
<aside class="search-filters" aria-label="Filters"></aside>
</div>
</div>`;
  return layout({
    archive,
    url: SEARCH_URL,
    title: "Search",
    description: `Search the notes of ${archive.site.title}.`,
    head: html`<link rel="stylesheet" href="${SEARCH_STYLESHEET_URL}">\n`,
    body,
  });
}
