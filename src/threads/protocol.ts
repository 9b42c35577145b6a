// Messages between the main thread and the build worker (build-worker.ts).
import type { MessagePort } from "node:worker_threads";
import type { CacheOptions, CacheSpot } from "../archive/parse-cache.ts";
import type { SearchHeader } from "../search/documents.ts";

export type ToWorker =
  /** `cache`: parsed notes on disk to read and add to (src/archive/parse-cache.ts), or null. */
  | { type: "parse"; id: number; dir: string; url: string | null; cache: CacheOptions | null; counter: SharedArrayBuffer; port: MessagePort }
  /** A search index begins (src/search/site-files.ts SearchWriter): its runs of meetings follow, then its end. */
  /** `remember`: keep the sections' texts for the next index of the same archive (serve). */
  /** `read`: one Int32, the number of runs the worker has taken in so far (the main thread paces its runs by it). */
  | { type: "search-begin"; id: number; outDir: string; remember: boolean; read: SharedArrayBuffer }
  /**
   * `json`: UTF-8 bytes of a run's JSON, transferred (a string would be
   * copied, on the main thread): an HtmlChunk when `html`, whose bodies the
   * worker reads as text, else a SearchChunk.
   */
  | { type: "search-chunk"; id: number; json: Uint8Array; html: boolean }
  | { type: "search-end"; id: number; header: SearchHeader };

export type FromWorker =
  | { type: "parsed"; id: number }
  /** A run was taken in (also counted in `read`): the main thread, when idle, sends more. */
  | { type: "search-read"; id: number }
  | { type: "searched"; id: number; terms: number; shards: number; version: string }
  | { type: "failed"; id: number; message: string };

/**
 * The worker's parsed notes, on a port of their own, in order: its listing of
 * the folder, then batches of notes as it parses them (JSON text of
 * [index, ParsedNote] pairs), then "done", with where its notes are in the
 * cache when there is one.
 */
export type ShareMessage = { kind: "sources"; sources: string[] } | { kind: "notes"; json: string } | { kind: "done"; spots: [string, CacheSpot][] };
