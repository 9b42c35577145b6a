// Messages between the page (search-ui.ts) and the search worker
// (search-worker.ts). Types only: nothing here reaches a bundle.
import type { Filters, SearchResponse } from "../search/engine.ts";

export type ToWorker =
  /** Load the index (meta.json) now: the reader is about to search. */
  | { type: "open" }
  | { type: "search"; id: number; q: string; filters: Filters; page: number; perPage: number; perMeeting: number }
  /** Where the words of these terms are in each text (highlighting a section on arrival). */
  | { type: "mark"; id: number; texts: string[]; terms: string[] };

export type FromWorker =
  /** The index is ready to query; `ms` since the worker started. */
  | { type: "ready"; ms: number }
  | { type: "results"; id: number; response: SearchResponse; ms: number }
  | { type: "marked"; id: number; ranges: [number, number][][] }
  | { type: "error"; id: number; message: string };
