// The build's second thread. It parses notes beside the main thread (the two
// take notes from one shared counter, so neither waits for the other) and
// builds and writes the search index while the main thread renders pages.
// Results go back as JSON text: cheaper to copy across threads than the
// structured clone of thousands of small objects, and the model is plain
// data that JSON keeps unchanged (src/core/model.ts).
import { parentPort } from "node:worker_threads";
import { parseSettings, planLoad, readAndParse, type ParsedNote } from "../archive/load.ts";
import type { SearchData } from "../search/documents.ts";
import { writeSearchData } from "../search/site-files.ts";
import type { WorkerShare } from "./build-helper.ts";
import type { ToWorker } from "./protocol.ts";

function parseShare(dir: string, url: string | null, counter: Int32Array): WorkerShare {
  const plan = planLoad(dir, url ? { url } : {});
  const sources = plan.folder.notes;
  const settings = parseSettings(plan.config);
  const notes: [number, ParsedNote][] = [];
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= sources.length) return { sources, notes };
    notes.push([i, readAndParse(dir, sources[i]!, settings)]);
  }
}

parentPort!.on("message", (msg: ToWorker) => {
  void (async () => {
    try {
      if (msg.type === "parse") {
        const share = parseShare(msg.dir, msg.url, new Int32Array(msg.counter));
        parentPort!.postMessage({ type: "parsed", id: msg.id, json: JSON.stringify(share) });
      } else {
        const files = await writeSearchData(JSON.parse(msg.json) as SearchData, msg.outDir);
        parentPort!.postMessage({ type: "searched", id: msg.id, terms: files.terms, shards: files.shards, version: files.version });
      }
    } catch (e) {
      parentPort!.postMessage({ type: "failed", id: msg.id, message: (e as Error).stack ?? String(e) });
    }
  })();
});
