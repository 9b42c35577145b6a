// Small activity charts, drawn as inline SVG when the page is built: one bar
// per month (stacked by layer, e.g. by series), a <title> and <desc> for
// screen readers, a <title> per bar for pointers, and the same numbers as a
// sentence and a table, so nothing depends on seeing the picture. No script.
import { html, type SafeHtml } from "./html.ts";
import { monthName, plural } from "./format.ts";

export interface ChartLayer {
  label: string;
  /** Calendar dates ("YYYY-MM-DD") of the events this layer counts. */
  dates: readonly string[];
}

export interface ChartOptions {
  /** Prefix of the chart's element ids, unique on its page. */
  id: string;
  /** What the chart shows: "Meetings per month". */
  title: string;
  layers: readonly ChartLayer[];
  /** The counted thing: ["meeting", "meetings"]. */
  unit: readonly [string, string];
}

/** Layers beyond this many are drawn in one colour, as "Other". */
export const MAX_LAYERS = 6;
const WIDTH = 640;
const PLOT = 64;
const AXIS = 16;

/** "2019-04" -> "2019-05", across years. */
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Every month from the first to the last, inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last && out.length < 1200; m = nextMonth(m)) out.push(m);
  return out;
}

/** Counts per month and layer, with layers past MAX_LAYERS folded into an "Other" layer. */
export function monthlyCounts(layers: readonly ChartLayer[]): { months: string[]; labels: string[]; counts: Map<string, number[]> } {
  const kept = layers.length > MAX_LAYERS ? [...layers.slice(0, MAX_LAYERS - 1), { label: "Other", dates: layers.slice(MAX_LAYERS - 1).flatMap((l) => l.dates) }] : [...layers];
  const all = kept.flatMap((l) => l.dates).map((d) => d.slice(0, 7)).sort();
  if (all.length === 0) return { months: [], labels: kept.map((l) => l.label), counts: new Map() };
  const months = monthRange(all[0]!, all[all.length - 1]!);
  const counts = new Map<string, number[]>(months.map((m) => [m, kept.map(() => 0)]));
  kept.forEach((l, i) => {
    for (const d of l.dates) counts.get(d.slice(0, 7))![i]!++;
  });
  return { months, labels: kept.map((l) => l.label), counts };
}

const total = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export function monthlyChart(o: ChartOptions): SafeHtml {
  const { months, labels, counts } = monthlyCounts(o.layers);
  if (months.length === 0) return html``;
  const [one, many] = o.unit;
  const totals = months.map((m) => total(counts.get(m)!));
  const max = Math.max(...totals);
  const sum = total(totals);
  const step = Math.max(3, Math.min(28, Math.floor(WIDTH / months.length)));
  const bar = Math.max(2, step - (step > 6 ? 2 : 1));
  const width = step * months.length;
  const height = PLOT + AXIS;
  const busiest = months[totals.indexOf(max)]!;
  const span = months.length === 1 ? monthName(months[0]!) : `${monthName(months[0]!)} to ${monthName(months[months.length - 1]!)}`;
  const sentence = `${plural(sum, one, many)} ${months.length === 1 ? "in" : "from"} ${span}${months.length > 1 ? `; the busiest month was ${monthName(busiest)} with ${max}` : ""}.`;

  const bars = months.map((m, i) => {
    const row = counts.get(m)!;
    const n = totals[i]!;
    if (n === 0) return html``;
    let y = PLOT;
    const parts = row.map((c, layer) => {
      if (c === 0) return html``;
      const h = Math.max(1, Math.round((c / max) * (PLOT - 4)));
      y -= h;
      return html`<rect class="layer-${layer}" x="${i * step}" y="${y}" width="${bar}" height="${h}"></rect>`;
    });
    const detail = labels.length > 1 ? ` (${row.map((c, l) => (c ? `${labels[l]}: ${c}` : "")).filter(Boolean).join(", ")})` : "";
    return html`<g><title>${monthName(m)}: ${plural(n, one, many)}${detail}</title>${parts}</g>`;
  });
  // A year label under each January (and the first month), when there is room.
  const years = months
    .map((m, i) => ({ m, i }))
    .filter(({ m, i }) => i === 0 || m.endsWith("-01"))
    .filter(({ i }, k, all) => k === 0 || (i - all[k - 1]!.i) * step >= 30)
    .map(({ m, i }) => html`<text x="${i * step}" y="${height - 3}">${m.slice(0, 4)}</text>`);
  const ticks = months.map((m, i) => (m.endsWith("-01") && i > 0 ? html`<line x1="${i * step - 0.5}" x2="${i * step - 0.5}" y1="0" y2="${PLOT}"></line>` : html``));

  const legend =
    labels.length > 1
      ? html`<ul class="chart-legend">${labels.map((l, i) => html`<li><span class="swatch layer-${i}" aria-hidden="true"></span>${l}</li>`)}</ul>`
      : html``;
  const rows = months.filter((_, i) => totals[i]! > 0);
  const table = html`<details class="chart-data"><summary>${o.title}, as a table</summary><table><thead><tr><th scope="col">Month</th>${
    labels.length > 1 ? labels.map((l) => html`<th scope="col">${l}</th>`) : html``
  }<th scope="col">${labels.length > 1 ? "Total" : many[0]!.toUpperCase() + many.slice(1)}</th></tr></thead><tbody>${rows.map((m) => {
    const row = counts.get(m)!;
    return html`<tr><th scope="row">${monthName(m)}</th>${labels.length > 1 ? row.map((c) => html`<td>${c || ""}</td>`) : html``}<td>${total(row)}</td></tr>`;
  })}</tbody></table></details>`;

  return html`<figure class="chart">
<svg class="bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${o.id}-title ${o.id}-desc"><title id="${o.id}-title">${o.title}</title><desc id="${o.id}-desc">${sentence}</desc><line class="base" x1="0" x2="${width}" y1="${PLOT + 0.5}" y2="${PLOT + 0.5}"></line>${ticks}${bars}${years}</svg>
${legend}${table}
<figcaption>${sentence}</figcaption>
</figure>`;
}
