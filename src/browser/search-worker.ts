// The search worker: loads the index files from /search/ beside the site's
// /assets/ (found from the worker's own URL, so any base path works) and
// answers queries off the main thread.
import { SearchEngine, matchRanges } from "../search/engine.ts";
import type { FromWorker, ToWorker } from "./search-protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

const started = performance.now();
const base = new URL("../search/", self.location.href);

async function load(path: string): Promise<string> {
  const res = await fetch(new URL(path, base));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.text();
}

let engine: Promise<SearchEngine> | null = null;

function open(): Promise<SearchEngine> {
  if (!engine) {
    engine = SearchEngine.open(load).then((e) => {
      post({ type: "ready", ms: performance.now() - started });
      return e;
    });
    engine.catch(() => (engine = null));
  }
  return engine;
}

function post(message: FromWorker): void {
  self.postMessage(message);
}

type SearchMessage = Extract<ToWorker, { type: "search" }>;
let queued: SearchMessage | null = null;
let scheduled = false;

async function runQueued(): Promise<void> {
  scheduled = false;
  const msg = queued;
  queued = null;
  if (!msg) return;
  try {
    const t0 = performance.now();
    const e = await open();
    const response = await e.search(msg.q, msg.filters, { page: msg.page, perPage: msg.perPage, perMeeting: msg.perMeeting });
    post({ type: "results", id: msg.id, response, ms: performance.now() - t0 });
  } catch (e) {
    post({ type: "error", id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    if (msg.type === "open") {
      await open();
    } else if (msg.type === "search") {
      // Of the queries sent while one is typing, only the latest is answered.
      if (queued) post({ type: "error", id: queued.id, message: "superseded" });
      queued = msg;
      if (!scheduled) {
        scheduled = true;
        setTimeout(runQueued, 0);
      }
    } else if (msg.type === "mark") {
      const terms = new Set(msg.terms);
      post({ type: "marked", id: msg.id, ranges: msg.texts.map((t) => matchRanges(t, terms)) });
    }
  } catch (e) {
    post({ type: "error", id: "id" in msg ? msg.id : 0, message: e instanceof Error ? e.message : String(e) });
  }
};
