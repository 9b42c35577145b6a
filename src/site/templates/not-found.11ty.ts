import { renderNotFound } from "../pages/notfound.ts";
import { single } from "./paged.ts";

export const { data, render } = single("/404.html", renderNotFound);
