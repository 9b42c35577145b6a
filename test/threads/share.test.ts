// The main thread's end of the worker's stream of parsed notes (src/threads/share.ts).
import { MessageChannel } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { ParsedNote } from "../../src/archive/load.ts";
import type { ShareMessage } from "../../src/threads/protocol.ts";
import { WorkerShare } from "../../src/threads/share.ts";

const note = (source: string): ParsedNote => ({ source, hash: `h-${source}`, result: { meetings: [], problems: [], people: [] } as never });
const batch = (pairs: [number, string][]): ShareMessage => ({ kind: "notes", json: JSON.stringify(pairs.map(([i, s]) => [i, note(s)])) });
const never = new Promise<never>(() => {});

describe("WorkerShare", () => {
  it("takes in what has arrived without waiting, and the rest when it comes", async () => {
    const { port1, port2 } = new MessageChannel();
    const share = new WorkerShare(port1, never);
    port2.postMessage({ kind: "sources", sources: ["a.md", "b.md", "c.md"] } satisfies ShareMessage);
    port2.postMessage(batch([[0, "a.md"], [2, "c.md"]]));
    // Messages posted from another port arrive on the next turn of the event loop.
    await new Promise((r) => setTimeout(r, 20));
    share.drain();
    expect(share.sources).toEqual(["a.md", "b.md", "c.md"]);
    expect([...share.notes.keys()].sort()).toEqual([0, 2]);
    setTimeout(() => {
      port2.postMessage(batch([[1, "b.md"]]));
      port2.postMessage({ kind: "done", spots: [] } satisfies ShareMessage);
    }, 20);
    const all = await share.rest();
    expect([...all.notes].sort(([a], [b]) => a - b).map(([i, n]) => [i, n.source])).toEqual([
      [0, "a.md"],
      [1, "b.md"],
      [2, "c.md"],
    ]);
  });

  it("keeps what a worker sent before it failed, and does not wait for more", async () => {
    const { port1, port2 } = new MessageChannel();
    let fail!: (e: Error) => void;
    const answered = new Promise<never>((_, reject) => (fail = reject));
    answered.catch(() => {});
    const share = new WorkerShare(port1, answered);
    port2.postMessage({ kind: "sources", sources: ["a.md", "b.md"] } satisfies ShareMessage);
    port2.postMessage(batch([[1, "b.md"]]));
    setTimeout(() => fail(new Error("the build worker exited (1)")), 30);
    const got = await share.rest();
    expect([...got.notes.keys()]).toEqual([1]);
    port2.close();
  });
});
