import { renderFeedsPage } from "../pages/feeds.ts";
import { FEEDS_PAGE_URL } from "../feeds/model.ts";
import { single } from "./paged.ts";

export const { data, render } = single(FEEDS_PAGE_URL, renderFeedsPage);
