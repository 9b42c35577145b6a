import { renderSeriesIndex } from "../pages/series.ts";
import { single } from "./paged.ts";

export const { data, render } = single("/series/", renderSeriesIndex);
