// The pacing of the search runs sent to the worker (src/threads/pacer.ts).
import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/threads/pacer.ts";

function pacer(sizes: number[], ahead: number) {
  const read = new Int32Array(new SharedArrayBuffer(4));
  const sent: number[] = [];
  let ends = 0;
  const runs = sizes.map((n) => new Uint8Array(n))[Symbol.iterator]();
  const p = new Pacer(runs, read, (run) => sent.push(run.byteLength), () => ends++, ahead);
  return { p, read, sent, ends: () => ends };
}

describe("Pacer", () => {
  it("keeps at most `ahead` bytes waiting for the worker, and sends the end once, after the last run", () => {
    const { p, read, sent, ends } = pacer([4, 4, 4, 4, 4], 10);
    expect(p.pump()).toBe(false);
    expect(sent).toEqual([4, 4, 4]);
    expect(p.pump()).toBe(false);
    expect(sent.length).toBe(3);
    Atomics.store(read, 0, 1);
    expect(p.pump()).toBe(false);
    expect(sent.length).toBe(4);
    Atomics.store(read, 0, 4);
    expect(p.pump()).toBe(true);
    expect(sent.length).toBe(5);
    expect(ends()).toBe(1);
    expect(p.pump()).toBe(true);
    expect(ends()).toBe(1);
  });

  it("sends a run larger than `ahead` alone, and an empty source's end at once", () => {
    const big = pacer([50, 1], 10);
    expect(big.p.pump()).toBe(false);
    expect(big.sent).toEqual([50]);
    Atomics.store(big.read, 0, 1);
    expect(big.p.pump()).toBe(true);
    const none = pacer([], 10);
    expect(none.p.pump()).toBe(true);
    expect(none.ends()).toBe(1);
  });
});
