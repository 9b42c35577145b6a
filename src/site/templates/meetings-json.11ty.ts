import { meetingsJsonPieces } from "../data.ts";
import { singleInPieces } from "./paged.ts";

export const { data, render, pieces } = singleInPieces("/data/meetings.json", meetingsJsonPieces);
