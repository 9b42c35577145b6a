// The search, on the page side (/assets/search-ui.js, loaded by search.js
// when the reader starts a search). Queries run in a worker; this file
// only draws: the search page (results as you type, filters with counts,
// the query and filters in the URL, Back and Forward), the results panel
// of the header's box on every other page, and the highlighting of the
// searched words in a section reached from a result (?hl=).
// Everything from the index is inserted as text, never as HTML.
import type { Facet, FacetValue, Filters, Marked, ResultMeeting, SearchResponse } from "../search/engine.ts";
import type { FromWorker, ToWorker } from "./search-protocol.ts";

const FACETS: readonly Facet[] = ["series", "year", "person", "initiative"];
const FACET_NAMES: Record<Facet, string> = { series: "Series", year: "Year", person: "Person", initiative: "Initiative" };
const FACET_SHOWN = 8;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Keystrokes closer together than this make one history entry. */
const BURST_MS = 1000;

const me = document.currentScript as HTMLScriptElement | null;
const assets = new URL(".", me?.src ?? location.href);
const root = new URL("../", assets);
/** A root-relative site URL ("/2019/04/08/x/") as a URL under wherever the site is mounted. */
const siteUrl = (path: string): string => new URL(path.replace(/^\/+/, ""), root).href;
const searchPageUrl = siteUrl("/search/");

// ---- the worker ------------------------------------------------------------

interface Pending {
  resolve: (m: FromWorker) => void;
  reject: (e: Error) => void;
}

class SearchWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  readonly ready: Promise<number>;
  failed: Error | null = null;

  constructor() {
    this.worker = new Worker(new URL("search-worker.js", assets));
    let readyResolve!: (ms: number) => void;
    let readyReject!: (e: Error) => void;
    this.ready = new Promise<number>((ok, fail) => {
      readyResolve = ok;
      readyReject = fail;
    });
    this.ready.catch(() => {});
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      if (msg.type === "ready") {
        readyResolve(msg.ms);
        return;
      }
      const p = this.pending.get(msg.id);
      if (msg.type === "error" && msg.id === 0) readyReject(new Error(msg.message));
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.type === "error") p.reject(new Error(msg.message));
      else p.resolve(msg);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failed = new Error(event.message || "the search worker could not start");
      readyReject(this.failed);
      for (const p of this.pending.values()) p.reject(this.failed);
      this.pending.clear();
    };
  }

  open(): void {
    this.post({ type: "open" });
  }

  private post(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  private request(make: (id: number) => ToWorker): Promise<FromWorker> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise<FromWorker>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(make(id));
    });
  }

  async search(q: string, filters: Filters, page: number, perPage = 10, perMeeting = 3): Promise<{ response: SearchResponse; ms: number }> {
    const msg = await this.request((id) => ({ type: "search", id, q, filters, page, perPage, perMeeting }));
    if (msg.type !== "results") throw new Error("unexpected answer from the search worker");
    return { response: msg.response, ms: msg.ms };
  }

  async mark(texts: string[], terms: string[]): Promise<[number, number][][]> {
    const msg = await this.request((id) => ({ type: "mark", id, texts, terms }));
    if (msg.type !== "marked") throw new Error("unexpected answer from the search worker");
    return msg.ranges;
  }
}

let client: SearchWorker | null = null;
function worker(): SearchWorker {
  return (client ??= new SearchWorker());
}

// ---- drawing ---------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; href?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  if (props.href !== undefined) (e as HTMLAnchorElement).href = props.href;
  e.append(...children);
  return e;
}

/** Text with its matched words in <mark>, built as text nodes. */
function marked(parts: Marked): DocumentFragment {
  const f = document.createDocumentFragment();
  parts.forEach((part, i) => {
    if (!part) return;
    f.append(i % 2 ? el("mark", { className: "search-hit", text: part }) : document.createTextNode(part));
  });
  return f;
}

function shortDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? ""} ${y}`;
}

function timeEl(iso: string): HTMLTimeElement {
  const t = el("time", { text: shortDate(iso) });
  t.dateTime = iso;
  return t;
}

const plural = (n: number, one: string, many = one + "s"): string => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

// ---- the search page -------------------------------------------------------

interface State {
  q: string;
  filters: Filters;
  page: number;
}

function readUrl(): State {
  const params = new URLSearchParams(location.search);
  const filters: Filters = {};
  for (const f of FACETS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  const page = Math.max(0, Math.floor(Number(params.get("page") ?? "1")) - 1) || 0;
  return { q: params.get("q") ?? "", filters, page };
}

function urlOf(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const f of FACETS) {
    const v = state.filters[f];
    if (v) params.set(f, v);
  }
  if (state.page > 0) params.set("page", String(state.page + 1));
  const search = params.toString();
  return searchPageUrl + (search ? `?${search}` : "");
}

function searchPage(page: HTMLElement): void {
  const form = page.querySelector<HTMLFormElement>("form[data-search]");
  const input = form?.querySelector<HTMLInputElement>("input[name=q]");
  if (!form || !input) return;
  const status = page.querySelector<HTMLElement>(".search-status") ?? page.appendChild(el("p", { className: "search-status" }));
  const filtersEl = page.querySelector<HTMLElement>(".search-filters") ?? page.appendChild(el("div", { className: "search-filters" }));
  const resultsEl = page.querySelector<HTMLElement>(".search-results") ?? page.appendChild(el("div", { className: "search-results" }));
  page.classList.add("search-enhanced");
  // Results and filters side by side need more than a page of text's width.
  page.closest("main")?.classList.add("search-main");
  const layoutEl = page.querySelector(".search-layout");
  const expanded = new Set<Facet>();
  let state = readUrl();
  let lastInput = 0;
  let seq = 0;
  let shown: SearchResponse | null = null;
  // What was typed while this script loaded counts; else the URL's query.
  if (input.value && !state.q) state = { ...state, q: input.value };
  else input.value = state.q;
  page.dataset.state = "idle";

  const client = worker();
  page.dataset.state = "loading";
  client.ready.then(
    (ms) => {
      page.dataset.readyMs = String(Math.round(ms));
      if (page.dataset.state === "loading") page.dataset.state = "ready";
    },
    (e: Error) => fail(e),
  );
  client.open();

  function fail(e: Error): void {
    page.dataset.state = "error";
    status.textContent = `Search could not load (${e.message}). Browse the meetings by date or by series instead.`;
  }

  function setUrl(mode: "push" | "replace"): void {
    const url = urlOf(state);
    if (url === location.href) return;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  function run(): void {
    const mine = ++seq;
    const { q, filters, page: p } = state;
    if (!q.trim()) {
      shown = null;
      status.textContent = "";
      filtersEl.replaceChildren();
      resultsEl.replaceChildren();
      page.dataset.state = "ready";
      resultsEl.dataset.query = "";
      document.title = document.title.replace(/^.*? — /, "Search — ");
      return;
    }
    client.search(q, filters, p).then(
      ({ response, ms }) => {
        if (mine !== seq) return;
        page.dataset.queryMs = String(Math.round(ms));
        draw(response);
      },
      (e: Error) => {
        if (mine === seq) fail(e);
      },
    );
  }

  input.addEventListener("input", () => {
    const now = Date.now();
    state = { q: input.value, filters: state.filters, page: 0 };
    // No debounce: the worker answers only the latest of queries sent in a burst.
    run();
    // The URL follows while the worker works (history updates are not free).
    setUrl(now - lastInput > BURST_MS ? "push" : "replace");
    lastInput = now;
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    state = { q: input.value, filters: state.filters, page: 0 };
    setUrl("push");
    lastInput = 0;
    run();
  });
  window.addEventListener("popstate", () => {
    state = readUrl();
    input.value = state.q;
    lastInput = 0;
    run();
  });
  // Filter and page links are real links (open in a new tab, copy); a plain click stays here.
  page.addEventListener("click", (e) => {
    const a = (e.target as Element).closest?.("a[data-state]");
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    state = JSON.parse((a as HTMLElement).dataset.state!) as State;
    setUrl("push");
    lastInput = 0;
    run();
    if ((a as HTMLElement).dataset.top) page.scrollIntoView({ block: "start" });
  });

  if (state.q) {
    setUrl("replace");
    run();
  }
  // The engine alone, through the worker (the benchmark times it).
  (window as unknown as { minutebookSearch: unknown }).minutebookSearch = {
    search: (q: string, filters: Filters = {}) => client.search(q, filters, 0).then((r) => r.response),
  };

  function stateLink(next: State, label: string | Node, className?: string): HTMLAnchorElement {
    const a = el("a", { href: urlOf(next), ...(className ? { className } : {}) }, label);
    a.dataset.state = JSON.stringify(next);
    return a;
  }

  function draw(r: SearchResponse): void {
    shown = r;
    const filtered = FACETS.some((f) => r.filters[f]);
    if (r.sections === 0) {
      status.textContent = r.words.length === 0 ? `Nothing to search for in “${r.query}”: type a word.` : `No results for “${r.query.trim()}”${filtered ? " with these filters" : ""}.`;
    } else {
      status.textContent =
        `${plural(r.sections, "section")} in ${plural(r.meetings, "meeting")}` +
        (r.partial ? ` — no section has every word, so these have some of them` : "") +
        (r.pages > 1 ? ` (page ${r.page + 1} of ${r.pages})` : "") +
        ".";
    }
    document.title = document.title.replace(/^.*? — /, `${r.query.trim() ? `“${r.query.trim()}”` : "Search"} — `);
    drawFilters(r);
    drawResults(r);
    page.dataset.state = "results";
    // The query whose results are shown, for tests and the benchmark to wait on.
    resultsEl.dataset.query = r.query.trim();
  }

  function drawFilters(r: SearchResponse): void {
    const groups: HTMLElement[] = [];
    for (const f of FACETS) {
      const values = r.facets[f];
      const active = r.filters[f];
      if (values.length === 0 && !active) continue;
      const list: FacetValue[] = [...values];
      if (active && !list.some((v) => v.value === active)) list.unshift({ value: active, label: active, count: 0 });
      const limit = expanded.has(f) ? list.length : FACET_SHOWN;
      const ul = el("ul");
      list.forEach((v, i) => {
        const on = v.value === active;
        if (i >= limit && !on) return;
        const next: State = { q: state.q, filters: { ...state.filters, [f]: on ? undefined : v.value }, page: 0 };
        if (on) delete next.filters[f];
        const a = stateLink(next, v.label, on ? "on" : undefined);
        if (on) {
          a.setAttribute("aria-current", "true");
          a.title = "Remove this filter";
        }
        a.append(" ", el("span", { className: "count", text: String(v.count) }));
        ul.append(el("li", {}, a));
      });
      const section = el("section", { className: `search-facet facet-${f}` }, el("h2", { text: FACET_NAMES[f] }), ul);
      if (list.length > FACET_SHOWN) {
        const more = el("button", { className: "facet-more", text: expanded.has(f) ? "Show fewer" : `Show ${list.length - FACET_SHOWN} more` });
        more.type = "button";
        more.addEventListener("click", () => {
          if (expanded.has(f)) expanded.delete(f);
          else expanded.add(f);
          if (shown) drawFilters(shown);
        });
        section.append(more);
      }
      groups.push(section);
    }
    filtersEl.replaceChildren(...groups);
    layoutEl?.classList.toggle("no-filters", groups.length === 0);
    if (groups.length) filtersEl.prepend(el("h2", { className: "visually-hidden", text: "Filters" }));
  }

  function drawResults(r: SearchResponse): void {
    const list = el("ol", { className: "search-list" });
    for (const m of r.results) list.append(meetingResult(m));
    const parts: Node[] = [list];
    if (r.pages > 1) {
      const nav = el("nav", { className: "search-pages" });
      nav.setAttribute("aria-label", "Result pages");
      if (r.page > 0) nav.append(stateLink({ ...state, page: r.page - 1 }, "← Previous", "prev"));
      nav.append(el("span", { text: `Page ${r.page + 1} of ${r.pages}` }));
      if (r.page < r.pages - 1) nav.append(stateLink({ ...state, page: r.page + 1 }, "Next →", "next"));
      for (const a of nav.querySelectorAll<HTMLElement>("a")) a.dataset.top = "1";
      parts.push(nav);
    }
    resultsEl.replaceChildren(...(r.results.length ? parts : []));
  }
}

function meetingResult(m: ResultMeeting): HTMLElement {
  const sections = el("ol", { className: "search-sections" });
  for (const s of m.sections) {
    const heading = s.heading.join("") ? marked(s.heading) : document.createTextNode("Top of the notes");
    const link = el("a", { className: "search-section", href: siteUrl(s.url) }, heading);
    const li = el("li", {}, link);
    if (s.snippet.join("").trim()) li.append(el("p", { className: "search-snippet" }, marked(s.snippet)));
    sections.append(li);
  }
  const item = el(
    "li",
    { className: "search-meeting" },
    el("h3", {}, el("a", { href: siteUrl(m.url), text: m.title })),
    el("p", { className: "meta" }, timeEl(m.date), ` · ${m.series}`),
    sections,
  );
  if (m.more > 0) item.append(el("p", { className: "search-more meta", text: `and ${plural(m.more, "more section")} of this meeting` }));
  return item;
}

// ---- the header's box on other pages ---------------------------------------

function headerBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  if (!input) return;
  const panel = el("div", { className: "search-panel" });
  panel.id = "search-panel";
  panel.hidden = true;
  form.append(panel);
  input.setAttribute("aria-controls", panel.id);
  input.setAttribute("aria-expanded", "false");
  let seq = 0;
  // Focus on the box is the start of a search: the index loads then.
  if (document.activeElement === input) worker().open();
  input.addEventListener("focus", () => worker().open());

  const close = (): void => {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };
  const links = (): HTMLAnchorElement[] => [...panel.querySelectorAll<HTMLAnchorElement>("a")];

  const run = (): void => {
    const q = input.value;
    const mine = ++seq;
    if (!q.trim()) {
      close();
      return;
    }
    worker().search(q, {}, 0, 6, 1).then(
      ({ response: r }) => {
        if (mine !== seq) return;
        const list = el("ul");
        for (const m of r.results) {
          const s = m.sections[0];
          if (!s) continue;
          const heading = s.heading.join("") ? marked(s.heading) : document.createTextNode(m.title);
          list.append(el("li", {}, el("a", { href: siteUrl(s.url) }, el("span", { className: "heading" }, heading), el("span", { className: "meta" }, `${m.title} · `, timeEl(m.date)))));
        }
        const all = el("a", { className: "search-all", href: `${searchPageUrl}?${new URLSearchParams({ q }).toString()}` });
        all.textContent = r.sections ? `All ${plural(r.sections, "result")} for “${q.trim()}” →` : `No results for “${q.trim()}”`;
        panel.replaceChildren(...(r.sections ? [list] : []), all);
        panel.hidden = false;
        input.setAttribute("aria-expanded", "true");
        panel.dataset.query = q.trim();
      },
      () => {
        if (mine === seq) close();
      },
    );
  };
  input.addEventListener("input", run);
  form.addEventListener("keydown", (e) => {
    const list = links();
    const at = list.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === "Escape") {
      close();
      input.focus();
    } else if (e.key === "ArrowDown" && !panel.hidden && list.length) {
      e.preventDefault();
      list[Math.min(at + 1, list.length - 1)]!.focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      if (at === 0) input.focus();
      else list[at - 1]!.focus();
    }
  });
  form.addEventListener("focusout", (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) close();
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && panel.childElementCount) {
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  });
  if (input.value.trim()) run();
}

// ---- highlighting a section reached from a result -------------------------

const BLOCKS = "p,li,td,th,h1,h2,h3,h4,h5,h6,pre,blockquote,dd,dt,figcaption,div";

/** The elements of the section an anchor starts: its heading and what follows, up to the next heading. */
function sectionElements(anchor: string): Element[] {
  const notes = document.querySelector(".notes");
  if (!notes) return [];
  const out: Element[] = [];
  if (!anchor) {
    for (const child of notes.children) {
      if (/^H[1-6]$/.test(child.tagName)) break;
      out.push(child);
    }
    return out;
  }
  const target = document.getElementById(anchor);
  if (!target || !notes.contains(target)) return [];
  if (target.parentElement !== notes) return [target];
  out.push(target);
  for (let e = target.nextElementSibling; e && !/^H[1-6]$/.test(e.tagName); e = e.nextElementSibling) out.push(e);
  return out;
}

async function highlightArrival(): Promise<void> {
  const hl = new URLSearchParams(location.search).get("hl");
  if (!hl) return;
  const terms = hl.split(/\s+/).filter(Boolean).slice(0, 100);
  let anchor = "";
  try {
    anchor = decodeURIComponent(location.hash.slice(1));
  } catch {
    anchor = location.hash.slice(1);
  }
  // Runs of text nodes within one block: "Q(<a>@lidel</a>):" is read as one text.
  const runs: { nodes: Text[]; text: string }[] = [];
  let lastBlock: Element | null = null;
  for (const root of sectionElements(anchor)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const parent = n.parentElement;
      if (!parent || parent.closest(".anchor, script, style")) continue;
      const block = parent.closest(BLOCKS);
      const run = runs[runs.length - 1];
      if (run && block === lastBlock) {
        run.nodes.push(n);
        run.text += n.data;
      } else runs.push({ nodes: [n], text: n.data });
      lastBlock = block;
    }
  }
  if (!runs.length) return;
  const ranges = await worker().mark(
    runs.map((r) => r.text),
    terms,
  );
  runs.forEach((run, i) => {
    // Pieces of each text node to wrap, last first so earlier offsets stay valid.
    const pieces: { node: Text; start: number; end: number }[] = [];
    for (const [s, e] of ranges[i] ?? []) {
      let offset = 0;
      for (const node of run.nodes) {
        const len = node.data.length;
        const from = Math.max(s, offset);
        const to = Math.min(e, offset + len);
        if (from < to) pieces.push({ node, start: from - offset, end: to - offset });
        offset += len;
      }
    }
    for (const p of pieces.reverse()) {
      const middle = p.node.splitText(p.start);
      middle.splitText(p.end - p.start);
      const m = el("mark", { className: "search-hit" });
      middle.replaceWith(m);
      m.append(middle);
    }
  });
  document.documentElement.dataset.searchHighlighted = String(document.querySelectorAll("mark.search-hit").length);
}

// ---- start -----------------------------------------------------------------

// The results panel's style, on pages that do not link it already.
if (!document.querySelector('link[href$="search.css"]')) {
  const link = el("link");
  link.rel = "stylesheet";
  link.href = new URL("search.css", assets).href;
  document.head.append(link);
}

const pageEl = document.querySelector<HTMLElement>("[data-search-page]");
if (pageEl) searchPage(pageEl);
for (const form of document.querySelectorAll<HTMLFormElement>("form[data-search]")) {
  if (!pageEl || !pageEl.contains(form)) headerBox(form);
}
highlightArrival().catch(() => {});
