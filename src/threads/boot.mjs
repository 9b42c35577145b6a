// A worker thread's first module. Workers do not inherit the main thread's
// module hooks, so the TypeScript loader is registered again here before the
// worker's own module (workerData.entry, a file URL) is imported.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
