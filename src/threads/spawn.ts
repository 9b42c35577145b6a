// Starts a worker thread running a TypeScript module (through boot.mjs).
import { Worker } from "node:worker_threads";

const BOOT = new URL("./boot.mjs", import.meta.url);

export function spawnWorker(entry: URL, data: Record<string, unknown>): Worker {
  return new Worker(BOOT, { workerData: { ...data, entry: entry.href } });
}
