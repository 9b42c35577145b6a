import { renderSeries } from "../pages/series.ts";
import { paged } from "./paged.ts";

export const { data, render } = paged("series", (a, id) => renderSeries(a, a.byId.series.get(id)!));
