import { renderSearch, SEARCH_URL } from "../pages/search.ts";
import { single } from "./paged.ts";

export const { data, render } = single(SEARCH_URL, renderSearch);
