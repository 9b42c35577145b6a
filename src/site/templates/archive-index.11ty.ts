import { renderArchiveIndex } from "../pages/archive.ts";
import { single } from "./paged.ts";

export const { data, render } = single("/archive/", renderArchiveIndex);
