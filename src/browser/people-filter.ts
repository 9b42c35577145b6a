// The people index's filter box: narrows the list as you type. Progressive
// enhancement only: without this script the box stays hidden and the page is
// a plain list. Built into /assets/people-filter.js when the site is built.

/** Lower case, accents dropped: what `data-filter` holds. */
export function fold(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Whether every word of the query is found in the item's text. */
export function matches(haystack: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.every((w) => haystack.includes(w.replace(/^@/, "")));
}

function setUp(): void {
  const box = document.querySelector<HTMLElement>(".list-filter");
  const input = document.getElementById("people-filter") as HTMLInputElement | null;
  const list = document.getElementById("people-list");
  const count = document.getElementById("people-filter-count");
  if (!box || !input || !list) return;
  const items = [...list.querySelectorAll<HTMLLIElement>("li[data-filter]")];
  const total = items.length;
  const update = (): void => {
    let shown = 0;
    for (const li of items) {
      const ok = matches(li.dataset.filter ?? "", input.value);
      li.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = input.value.trim() ? `${shown} of ${total} shown` : "";
  };
  input.addEventListener("input", update);
  box.hidden = false;
  // A value the browser restored (back button) applies at once.
  if (input.value) update();
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
}
