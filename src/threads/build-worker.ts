// The build's second thread. It parses notes beside the main thread (the two
// take notes from one shared counter, so neither waits for the other) and
// builds and writes the search index while the main thread renders pages,
// from the runs of meetings the main thread sends as it makes them.
// Parsed notes go back in small batches as they are done, which the main
// thread takes in between its own notes: at the end, nothing is left to
// copy but the last batch. They go as JSON text: cheaper to copy across
// threads than the structured clone of thousands of small objects, and the
// model is plain data that JSON keeps unchanged (src/core/model.ts).
import { parentPort, type MessagePort } from "node:worker_threads";
import { isParsed, parseSettings, planLoad, readCachedJson } from "../archive/read.ts";
import { bodyMemoFile, ParseCache, type CacheOptions } from "../archive/parse-cache.ts";
import { BodyMemo } from "../search/body-memo.ts";
import { htmlToText, textChunk, type HtmlChunk, type SearchChunk, type SearchHeader } from "../search/documents.ts";
import { SearchWriter } from "../search/site-files.ts";
import type { ShareMessage, ToWorker } from "./protocol.ts";

/** Notes per message: few enough that the main thread takes each in at once, enough that messages stay few. */
const BATCH = 16;

async function parseShare(dir: string, url: string | null, cache: CacheOptions | null, counter: Int32Array, port: MessagePort): Promise<void> {
  const send = (m: ShareMessage): void => port.postMessage(m);
  const plan = planLoad(dir, url ? { url } : {});
  const sources = plan.folder.notes;
  const settings = parseSettings(plan.config);
  const store = cache ? new ParseCache(cache, dir, settings, "w") : null;
  memoFile = cache ? bodyMemoFile(cache, settings, dir) : null;
  send({ kind: "sources", sources });
  // [index, ParsedNote] pairs, written out around each result's JSON (from the cache, or made once here).
  let batch: string[] = [];
  const flush = (): void => {
    if (batch.length) send({ kind: "notes", json: `[${batch.join(",")}]` });
    batch = [];
  };
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= sources.length) break;
    const read = readCachedJson(dir, sources[i]!, store);
    // The parser is loaded for the first note the cache does not hold: with every note there, never.
    const { source, hash, json } = isParsed(read) ? read : (await import("../archive/load.ts")).parseReadJson(read, settings, store);
    batch.push(`[${i},{"source":${JSON.stringify(source)},"hash":${JSON.stringify(hash)},"result":${json}}]`);
    if (batch.length === BATCH) flush();
  }
  flush();
  store?.close();
  send({ kind: "done", spots: store ? [...store.spots] : [] });
  port.close();
}

const failed = (id: number, e: unknown): void => parentPort!.postMessage({ type: "failed", id, message: (e as Error).stack ?? String(e) });

interface Search {
  writer: SearchWriter | null;
  /** The sections' bodies met before (body-memo.ts), or null: each is read once. */
  memo: BodyMemo | null;
  /** Documents of the runs so far. */
  docs: number;
  /** Runs taken in so far, read by the main thread (pacer.ts). */
  read: Int32Array;
  /** Why the writer was dropped, for the end. */
  error: unknown;
}

/** The search indexes being written, by request. */
const writers = new Map<number, Search>();

/** The memo's file, beside the parse cache of the notes folder last parsed (null without a cache). */
let memoFile: string | null = null;
/** serve indexes the archive again after every save, and most sections are as they were: its memo stays in memory from one index to the next. */
let served: BodyMemo | null = null;

async function endSearch(id: number, header: SearchHeader): Promise<void> {
  const w = writers.get(id);
  writers.delete(id);
  try {
    if (!w || !w.writer) throw w?.error ?? new Error("a search index ended that never began");
    const files = await w.writer.finish(header);
    w.memo?.turn();
    parentPort!.postMessage({ type: "searched", id, terms: files.terms, shards: files.shards, version: files.version });
  } catch (e) {
    failed(id, e);
  }
}

parentPort!.on("message", (msg: ToWorker) => {
  try {
    if (msg.type === "parse") {
      const id = msg.id;
      parseShare(msg.dir, msg.url, msg.cache, new Int32Array(msg.counter), msg.port).then(
        () => parentPort!.postMessage({ type: "parsed", id }),
        (e: unknown) => failed(id, e),
      );
    } else if (msg.type === "search-begin") {
      const memo = msg.remember ? (served ??= new BodyMemo(memoFile)) : memoFile ? new BodyMemo(memoFile) : null;
      const w: Search = { writer: null, memo, docs: 0, read: new Int32Array(msg.read), error: null };
      writers.set(msg.id, w);
      try {
        w.writer = new SearchWriter(msg.outDir, memo ? { count: memo.countField } : {});
      } catch (e) {
        w.error = e;
      }
    } else if (msg.type === "search-chunk") {
      const w = writers.get(msg.id);
      if (!w) return;
      try {
        if (w.writer) {
          const run = JSON.parse(new TextDecoder().decode(msg.json)) as HtmlChunk | SearchChunk;
          const memo = w.memo;
          const chunk = msg.html ? textChunk(run as HtmlChunk, w.docs, memo ? (html) => memo.text(html) : htmlToText) : (run as SearchChunk);
          w.docs += chunk.docs.length;
          w.writer.add(chunk);
          memo?.counted();
        }
      } catch (e) {
        w.writer = null;
        w.error = e;
      } finally {
        // Counted whatever became of it: the main thread sends the rest, and the end, only then.
        Atomics.add(w.read, 0, 1);
        parentPort!.postMessage({ type: "search-read", id: msg.id });
      }
    } else void endSearch(msg.id, msg.header);
  } catch (e) {
    failed(msg.id, e);
  }
});
