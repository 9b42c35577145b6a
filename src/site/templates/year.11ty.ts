import { renderYear } from "../pages/archive.ts";
import { paged } from "./paged.ts";

export const { data, render } = paged("years", (a, id) => renderYear(a, a.years.find((y) => y.year === id)!));
