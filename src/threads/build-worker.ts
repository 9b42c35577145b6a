// The build's second thread. It parses notes beside the main thread (the two
// take notes from one shared counter, so neither waits for the other) and
// builds and writes the search index while the main thread renders pages.
// Parsed notes go back in small batches as they are done, which the main
// thread takes in between its own notes: at the end, nothing is left to
// copy but the last batch. They go as JSON text: cheaper to copy across
// threads than the structured clone of thousands of small objects, and the
// model is plain data that JSON keeps unchanged (src/core/model.ts).
import { parentPort, type MessagePort } from "node:worker_threads";
import { parseSettings, planLoad, readAndParse, type ParsedNote } from "../archive/load.ts";
import type { SearchData } from "../search/documents.ts";
import { writeSearchData } from "../search/site-files.ts";
import type { ShareMessage, ToWorker } from "./protocol.ts";

/** Notes per message: few enough that the main thread takes each in at once, enough that messages stay few. */
const BATCH = 16;

function parseShare(dir: string, url: string | null, counter: Int32Array, port: MessagePort): void {
  const send = (m: ShareMessage): void => port.postMessage(m);
  const plan = planLoad(dir, url ? { url } : {});
  const sources = plan.folder.notes;
  const settings = parseSettings(plan.config);
  send({ kind: "sources", sources });
  let batch: [number, ParsedNote][] = [];
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= sources.length) break;
    batch.push([i, readAndParse(dir, sources[i]!, settings)]);
    if (batch.length === BATCH) {
      send({ kind: "notes", json: JSON.stringify(batch) });
      batch = [];
    }
  }
  if (batch.length) send({ kind: "notes", json: JSON.stringify(batch) });
  send({ kind: "done" });
  port.close();
}

const failed = (id: number, e: unknown): void => parentPort!.postMessage({ type: "failed", id, message: (e as Error).stack ?? String(e) });

async function search(id: number, data: SearchData, outDir: string): Promise<void> {
  try {
    const files = await writeSearchData(data, outDir);
    parentPort!.postMessage({ type: "searched", id, terms: files.terms, shards: files.shards, version: files.version });
  } catch (e) {
    failed(id, e);
  }
}

parentPort!.on("message", (msg: ToWorker) => {
  try {
    if (msg.type === "parse") {
      parseShare(msg.dir, msg.url, new Int32Array(msg.counter), msg.port);
      parentPort!.postMessage({ type: "parsed", id: msg.id });
    } else {
      // Parsed here, so that the bytes are not held while the index is built.
      void search(msg.id, JSON.parse(new TextDecoder().decode(msg.json)) as SearchData, msg.outDir);
    }
  } catch (e) {
    failed(msg.id, e);
  }
});
