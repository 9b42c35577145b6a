// The main thread's end of the port on which the worker sends the notes it
// parsed (protocol.ts ShareMessage). The main thread is parsing too, in a
// loop that never yields, so it takes in what has arrived between its own
// notes (receiveMessageOnPort), and waits only for what is still to come.
import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { ParsedNote } from "../archive/load.ts";
import type { CacheSpot } from "../archive/parse-cache.ts";
import type { ShareMessage } from "./protocol.ts";

export class WorkerShare {
  /** The worker's listing of the folder (null until it arrives). */
  sources: string[] | null = null;
  /** The notes it parsed, by index in its listing. */
  readonly notes = new Map<number, ParsedNote>();
  /** Where the worker's notes are in the parse cache (parse-cache.ts). */
  spots: [string, CacheSpot][] = [];
  #done = false;

  constructor(
    private readonly port: MessagePort,
    /** Settles when the worker answers or is gone (a worker that died sends no "done"). */
    private readonly finished: Promise<unknown>,
  ) {}

  #take(m: ShareMessage): void {
    if (m.kind === "sources") this.sources = m.sources;
    else if (m.kind === "notes") for (const [i, note] of JSON.parse(m.json) as [number, ParsedNote][]) this.notes.set(i, note);
    else {
      this.spots = m.spots;
      this.#done = true;
    }
  }

  /** Takes in what has arrived, without waiting. */
  drain(): void {
    for (let m = receiveMessageOnPort(this.port); m && !this.#done; m = this.#done ? undefined : receiveMessageOnPort(this.port)) {
      this.#take(m.message as ShareMessage);
    }
  }

  /** Everything the worker sends, or what it sent before it failed. */
  async rest(): Promise<this> {
    this.drain();
    if (!this.#done) {
      await new Promise<void>((resolve) => {
        const finish = (): void => {
          this.port.off("message", onMessage);
          resolve();
        };
        const onMessage = (m: ShareMessage): void => {
          this.#take(m);
          if (this.#done) finish();
        };
        this.port.on("message", onMessage);
        // A worker that answered sent "done" first, on this port; one that failed never will.
        this.finished.catch(() => {
          this.drain();
          finish();
        });
      });
    }
    this.port.close();
    return this;
  }
}
