// The pacing of the search runs sent to the worker (src/threads/pacer.ts).
import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/threads/pacer.ts";

function pacer(sizes: number[], ahead: number) {
  const read = new Int32Array(new SharedArrayBuffer(4));
  const sent: number[] = [];
  let ends = 0;
  const runs = sizes.map((n) => new Uint8Array(n))[Symbol.iterator]();
  const errors: unknown[] = [];
  const p = new Pacer(runs, read, (run) => sent.push(run.byteLength), () => ends++, (e) => errors.push(e), ahead);
  return { p, read, sent, ends: () => ends, errors };
}

describe("Pacer", () => {
  it("sends runs while fewer than `ahead` bytes wait for the worker, and the end once, after the last run", () => {
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

  it("stops, and says so once, when a run cannot be made; sends with an `ahead` of 0 all the same", () => {
    const read = new Int32Array(new SharedArrayBuffer(4));
    const errors: unknown[] = [];
    let ends = 0;
    function* runs() {
      yield new Uint8Array(4);
      throw new Error("run 2 broke");
    }
    const p = new Pacer(runs(), read, () => {}, () => ends++, (e) => errors.push(e), 0);
    expect(p.pump()).toBe(false);
    Atomics.store(read, 0, 1);
    expect(p.pump()).toBe(true);
    expect(p.pump()).toBe(true);
    expect(errors.map((e) => (e as Error).message)).toEqual(["run 2 broke"]);
    expect(ends).toBe(0);
  });
});
