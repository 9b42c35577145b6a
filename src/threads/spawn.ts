// Starts a worker thread: from the bundle, its compiled module beside this
// one (bin/bundle.js makes one per worker); from the sources, its TypeScript
// module through boot.mjs, which registers tsx in the new thread.
import { Worker } from "node:worker_threads";
import { BUNDLED } from "../paths.ts";

export type WorkerName = "build-worker";

export function spawnWorker(name: WorkerName, data: Record<string, unknown>): Worker {
  if (BUNDLED) return new Worker(new URL(`./${name}.mjs`, import.meta.url), { workerData: data });
  const entry = new URL(`./${name}.ts`, import.meta.url);
  return new Worker(new URL("./boot.mjs", import.meta.url), { workerData: { ...data, entry: entry.href } });
}
