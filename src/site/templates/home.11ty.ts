import { renderHome } from "../pages/home.ts";
import { single } from "./paged.ts";

export const { data, render } = single("/", renderHome);
