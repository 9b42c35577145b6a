// Messages between the main thread and the build worker (build-worker.ts).
export type ToWorker =
  | { type: "parse"; id: number; dir: string; url: string | null; counter: SharedArrayBuffer }
  | { type: "search"; id: number; json: string; outDir: string };

export type FromWorker =
  | { type: "parsed"; id: number; json: string }
  | { type: "searched"; id: number; terms: number; shards: number; version: string }
  | { type: "failed"; id: number; message: string };
