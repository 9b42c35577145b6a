import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { alike, alikeHandles, editDistance, withinOneEdit } from "../../src/archive/identity.ts";

describe("withinOneEdit", () => {
  it("agrees with editDistance(a, b) <= 1 on any pair of short strings", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "-"), maxLength: 7 });
    fc.assert(fc.property(word, word, (a, b) => withinOneEdit(a, b) === editDistance(a, b, 1) <= 1), { numRuns: 5000 });
  });

  it("knows the four kinds of one typo, and two typos", () => {
    expect(withinOneEdit("stebalien", "stebalien")).toBe(true);
    expect(withinOneEdit("stebalien", "stebalian")).toBe(true);
    expect(withinOneEdit("stebalien", "stebalen")).toBe(true);
    expect(withinOneEdit("stebalien", "stebailen")).toBe(true);
    expect(withinOneEdit("stebalien", "setbailen")).toBe(false);
  });
});

describe("alikeHandles", () => {
  it("finds for each handle exactly the others alike it, in the order given", () => {
    const handle = fc.string({ unit: fc.constantFrom("a", "b", "c", "-", "."), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(handle, { maxLength: 30 }), (handles) => {
        const near = alikeHandles(handles);
        for (const h of handles) expect(near.get(h)).toEqual(handles.filter((o) => o !== h && alike(h, o)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("editDistance", () => {
  /** The whole table, no band and no early end. */
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  }

  it("is the optimal string alignment distance, or max + 1 for anything above max", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", " "), maxLength: 9 });
    const max = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Infinity));
    fc.assert(fc.property(word, word, max, (a, b, m) => editDistance(a, b, m) === Math.min(reference(a, b), m + 1)), { numRuns: 10000 });
  });
});
