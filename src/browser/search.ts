// The only script every page loads (/assets/search.js, last in the body,
// under 1 KB): it makes "/" focus the search box and loads the search itself
// (search-ui.js, which starts the worker and the index) only when the
// reader starts a search: focus on a search box, a search page opened with
// a query, or a page reached from a result (?hl=, to highlight the words).
export {};

const me = document.currentScript as HTMLScriptElement | null;
const uiUrl = new URL("search-ui.js", me?.src ?? location.href).href;
let loading = false;

function start(): void {
  if (loading) return;
  loading = true;
  const s = document.createElement("script");
  s.src = uiUrl;
  document.head.append(s);
}

const boxes = document.querySelectorAll<HTMLInputElement>("form[data-search] input[name=q]");
for (const box of boxes) box.addEventListener("focus", start);
if (boxes.length && boxes[0] === document.activeElement) start();

function editable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

document.addEventListener("keydown", (e) => {
  if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || editable(e.target)) return;
  const box = document.querySelector<HTMLInputElement>("[data-search-page] input[name=q]") ?? boxes[0];
  if (!box) return;
  e.preventDefault();
  box.focus();
  box.select();
});

const params = new URLSearchParams(location.search);
if (params.has("hl") || (document.querySelector("[data-search-page]") && params.get("q"))) start();
