// The main thread's side of the write worker (write-worker.ts): the CLI's
// build hands it every output as it leaves Eleventy's transforms. Making a
// page's links relative and writing it were a sixth of a large build's main
// thread, and much of its garbage, while the build worker sat idle. Where no
// worker can start, the outputs are written on this thread, the same way.
import type { Worker } from "node:worker_threads";
import type { FromWriter, ToWriter } from "./protocol.ts";
import { spawnWorker } from "./spawn.ts";
import { writeOutput } from "./write-output.ts";

/** Text (UTF-16 units) sent and not yet written past which the renderer waits: what the messages may hold. */
const HOLD_BACK = 64 * 1024 * 1024;

export class OutputWriter {
  #worker: Worker | null;
  #stopped: Error | null = null;
  #inFlight = 0;
  #waiting: (() => void)[] = [];
  #flushes = new Map<number, (failures: string[]) => void>();
  #next = 1;
  #failures: string[] = [];

  constructor(
    worker: Worker | null,
    /** Text in flight past which write() holds back (HOLD_BACK; smaller in tests). */
    private readonly holdBack = HOLD_BACK,
  ) {
    this.#worker = worker;
    if (!worker) return;
    worker.on("message", (m: FromWriter) => {
      if (m.type === "written") {
        this.#inFlight -= m.size;
        if (this.#inFlight <= this.holdBack / 2) this.#wake();
      } else {
        this.#flushes.get(m.id)?.(m.failures);
        this.#flushes.delete(m.id);
      }
    });
    const stop = (e: Error): void => {
      if (this.#stopped || !this.#worker) return;
      // What it was sent and did not write is lost: the next flush says so.
      this.#stopped = e;
      this.#worker = null;
      this.#wake();
      for (const done of this.#flushes.values()) done([]);
      this.#flushes.clear();
    };
    worker.on("error", stop);
    worker.on("exit", (code) => stop(new Error(`it exited with code ${code}`)));
  }

  /** A writer with a worker thread, or without one where threads cannot start. */
  static start(): OutputWriter {
    try {
      return new OutputWriter(spawnWorker("write-worker", {}));
    } catch {
      return new OutputWriter(null);
    }
  }

  /**
   * Writes `content` to `path`, its links made relative to `pageUrl` unless
   * null. Returns null, or when too much text waits to be written already,
   * a promise that settles once enough of it has been.
   */
  write(path: string, content: string, pageUrl: string | null): Promise<void> | null {
    const worker = this.#worker;
    if (!worker) {
      if (this.#stopped) return null; // reported by flush()
      try {
        writeOutput(path, content, pageUrl);
      } catch (e) {
        this.#failures.push(`${path}: ${(e as Error).message}`);
      }
      return null;
    }
    worker.postMessage({ type: "write", path, content, pageUrl } satisfies ToWriter);
    this.#inFlight += content.length;
    return this.#inFlight > this.holdBack ? new Promise((resolve) => this.#waiting.push(resolve)) : null;
  }

  /** Waits until everything sent so far is written; throws, naming the files, when any could not be. */
  async flush(): Promise<void> {
    const failures = this.#failures.splice(0);
    const worker = this.#worker;
    if (worker) {
      const id = this.#next++;
      failures.push(...(await new Promise<string[]>((resolve) => {
        this.#flushes.set(id, resolve);
        worker.postMessage({ type: "flush", id } satisfies ToWriter);
      })));
    }
    if (this.#stopped) throw new Error(`The thread writing the site stopped (${this.#stopped.message}), so some pages may be missing: build again.`);
    if (failures.length) {
      const more = failures.length > 10 ? `\n  … and ${failures.length - 10} more` : "";
      throw new Error(`Could not write ${failures.length} file${failures.length === 1 ? "" : "s"} of the site:\n  ${failures.slice(0, 10).join("\n  ")}${more}`);
    }
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    this.#wake();
    await worker?.terminate();
  }

  #wake(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
}
