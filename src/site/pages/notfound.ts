// Served for any URL the site does not have, so it may sit at any depth.
import type { Archive } from "../../archive/model.ts";
import { html } from "../html.ts";
import { layout } from "../layout.ts";

export const NOT_FOUND_URL = "/404.html";

export function renderNotFound(archive: Archive): string {
  const body = html`<h1>Page not found</h1>
<p class="lead">There is no page at this address. It may have moved when the notes were reorganised.</p>
<ul>
<li>Browse the meetings <a href="/archive/">by date</a> or <a href="/series/">by series</a>.</li>
<li>Go to the <a href="/">home page</a>.</li>
</ul>`;
  return layout({ archive, url: NOT_FOUND_URL, title: "Page not found", body });
}
