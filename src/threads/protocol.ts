// Messages between the main thread and the build worker (build-worker.ts).
import type { MessagePort } from "node:worker_threads";

export type ToWorker =
  | { type: "parse"; id: number; dir: string; url: string | null; counter: SharedArrayBuffer; port: MessagePort }
  /** `json`: UTF-8 bytes of the search data's JSON, transferred (a string would be copied, on the main thread). */
  | { type: "search"; id: number; json: Uint8Array; outDir: string };

export type FromWorker =
  | { type: "parsed"; id: number }
  | { type: "searched"; id: number; terms: number; shards: number; version: string }
  | { type: "failed"; id: number; message: string };

/**
 * The worker's parsed notes, on a port of their own, in order: its listing of
 * the folder, then batches of notes as it parses them (JSON text of
 * [index, ParsedNote] pairs), then "done".
 */
export type ShareMessage = { kind: "sources"; sources: string[] } | { kind: "notes"; json: string } | { kind: "done" };
