// The collection between the parts of a large build (src/cli/heap.ts): it
// collects only when the heap grew by more than its budget since the last.
import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { PartCollector } from "../../src/cli/heap.ts";

const MB = 2 ** 20;
// Arrays of doubles: 8 bytes an element, in the heap itself (typed arrays keep theirs outside it).
const hold = (mb: number): number[][] => Array.from({ length: mb }, () => new Array<number>(MB / 8).fill(0.5));

describe("PartCollector", () => {
  it("collects after a part that grew the heap by more than its budget, and not after one that did not", () => {
    const collector = new PartCollector();
    const kept = [hold(300)];
    expect(collector.collect()).toBe(true);
    expect(collector.collect()).toBe(false);
    kept.push(hold(64));
    expect(collector.collect()).toBe(false);
    kept.push(hold(300));
    expect(collector.collect()).toBe(true);
    expect(kept.length).toBe(3);
  });

  it("frees what a part left behind", () => {
    const collector = new PartCollector();
    collector.collect();
    let garbage: number[][] | null = hold(300);
    const before = getHeapStatistics().used_heap_size;
    expect(garbage.length).toBe(300);
    garbage = null;
    // The 300 MB are unreachable now, but still in the heap until a full collection.
    expect(collector.collect()).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 200 * MB);
  });
});
