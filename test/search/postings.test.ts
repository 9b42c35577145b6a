// The builder's compact postings (src/search/postings.ts) against the plain
// encoding of the same lists, on lists long enough to span many blocks and
// terms enough to grow every table.
import { describe, expect, it } from "vitest";
import { Reader, Writer } from "../../src/search/codec.ts";
import { PostingLists } from "../../src/search/postings.ts";

/** The shard encoding of one term, written from plain arrays of [doc, tf] per field. */
function plain(perField: [number, number][][]): string {
  const w = new Writer();
  w.int(perField.reduce((mask, list, f) => (list.length ? mask | (1 << f) : mask), 0));
  for (const list of perField) {
    if (!list.length) continue;
    w.int(list.length);
    let prev = -1;
    for (const [doc, tf] of list) {
      w.int((doc - prev - 1) * 2 + (tf > 1 ? 1 : 0));
      if (tf > 1) w.int(tf - 2);
      prev = doc;
    }
  }
  return w.toString();
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("PostingLists", () => {
  it("encodes every term as the plain lists would, across blocks and grown tables", () => {
    const fields = 4;
    const next = random(7);
    const lists = new PostingLists(fields);
    const expected = new Map<string, [number, number][][]>();
    // 3000 terms (the tables start at 256 terms), a few with hundreds of postings in one field.
    const terms = Array.from({ length: 3000 }, (_, i) => `t${i}`);
    for (let doc = 0; doc < 4000; doc++) {
      for (let k = 0; k < 6; k++) {
        const term = terms[Math.floor(next() ** 3 * terms.length)]!;
        const field = Math.floor(next() * fields);
        let per = expected.get(term);
        if (!per) expected.set(term, (per = Array.from({ length: fields }, () => [])));
        const list = per[field]!;
        if (list.length && list[list.length - 1]![0] === doc) continue; // one count per document and field
        const tf = next() < 0.7 ? 1 : 1 + Math.floor(next() * 40);
        list.push([doc, tf]);
        lists.add(term, field, doc, tf);
      }
    }
    expect(lists.terms().sort()).toEqual([...expected.keys()].sort());
    const longest = Math.max(...[...expected.values()].flat().map((l) => l.length));
    expect(longest).toBeGreaterThan(200); // dozens of blocks
    for (const [term, per] of expected) expect(lists.encode(term), term).toBe(plain(per));
  });

  it("reads back as the documents and counts that were added", () => {
    const lists = new PostingLists(2);
    const docs = [0, 1, 2, 9, 10, 31, 32, 33, 1000, 1001];
    docs.forEach((d, i) => lists.add("a", 1, d, (i % 3) + 1));
    const r = new Reader(lists.encode("a"));
    expect(r.int()).toBe(0b10);
    expect(r.int()).toBe(docs.length);
    let prev = -1;
    docs.forEach((d, i) => {
      const code = r.int();
      const tf = code % 2 ? r.int() + 2 : 1;
      expect([prev + 1 + Math.floor(code / 2), tf]).toEqual([d, (i % 3) + 1]);
      prev = prev + 1 + Math.floor(code / 2);
    });
  });
});
