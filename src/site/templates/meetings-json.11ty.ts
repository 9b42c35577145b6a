import { meetingsJson } from "../data.ts";
import { single } from "./paged.ts";

export const { data, render } = single("/data/meetings.json", meetingsJson);
