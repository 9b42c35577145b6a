import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { editDistance, withinOneEdit } from "../../src/archive/identity.ts";

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
