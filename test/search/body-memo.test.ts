// The index's memo of sections' bodies (src/search/body-memo.ts): an index
// built through it is the index built without it, however often, from
// memory or from its file; a file it cannot trust is read as nothing.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Archive } from "../../src/archive/model.ts";
import { loadArchive } from "../../src/archive/load.ts";
import { IndexBuilder } from "../../src/search/build-index.ts";
import { BodyMemo } from "../../src/search/body-memo.ts";
import { htmlToText, searchSource } from "../../src/search/documents.ts";
import { SAMPLE_NOTES } from "../helpers/build.ts";

let archive: Archive;
let dir: string;
beforeAll(() => {
  archive = loadArchive(SAMPLE_NOTES);
  dir = mkdtempSync(join(tmpdir(), "mb-memo-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The index files of the archive, its bodies read through the memo when there is one. */
function index(memo: BodyMemo | null): Map<string, string> {
  const source = searchSource(archive, memo ? (html) => memo.text(html) : htmlToText);
  const builder = new IndexBuilder(memo ? { count: memo.countField } : {});
  const files = new Map<string, string>();
  for (const chunk of source.chunks(3)) {
    for (const [path, content] of builder.add(chunk)) files.set(path, content);
    memo?.counted();
  }
  for (const [path, content] of builder.finish(source.header).files) files.set(path, content);
  memo?.turn();
  return files;
}

describe("the memo of sections' bodies", () => {
  it("gives the index built without it, index after index, in memory", () => {
    const plain = index(null);
    const memo = new BodyMemo(null);
    for (let turn = 0; turn < 3; turn++) expect(index(memo)).toEqual(plain);
  });

  it("is read back from its file by the next build, and gives the same index", () => {
    const file = join(dir, "bodies.json");
    const plain = index(null);
    expect(index(new BodyMemo(file))).toEqual(plain);
    const saved = JSON.parse(readFileSync(file, "utf8")) as { bodies: [string, string, number, (string | number)[]][] };
    expect(saved.bodies.length).toBeGreaterThan(10);
    expect(index(new BodyMemo(file))).toEqual(plain);

    // What the file says is what the next build takes: a body's text changed in it is the text read.
    const [key, , length, terms] = saved.bodies[0]!;
    const html = archive.meetings.flatMap((m) => [m.intro, ...m.sections.map((s) => s.html)]).find((h) => createHash("sha1").update(h).digest("base64") === key)!;
    expect(html).toBeDefined();
    writeFileSync(file, JSON.stringify({ ...saved, bodies: [[key, "planted text", length, terms]] }));
    const memo = new BodyMemo(file);
    expect(memo.text(html)).toBe("planted text");
  });

  it("holds no more than its limit, and the index is the same", () => {
    const plain = index(null);
    const whole = join(dir, "whole.json");
    const small = join(dir, "small.json");
    expect(index(new BodyMemo(whole))).toEqual(plain);
    expect(index(new BodyMemo(small, 2000))).toEqual(plain);
    const bodies = (file: string): [string, string, number, unknown[]][] => JSON.parse(readFileSync(file, "utf8")).bodies;
    const kept = bodies(small);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(bodies(whole).length);
    expect(kept.reduce((n, [, text, , terms]) => n + text.length + terms.length * 4, 0)).toBeLessThanOrEqual(2000);
    expect(index(new BodyMemo(small, 2000))).toEqual(plain);
  });

  it("reads a broken file, or one of another lunr, as no memo", () => {
    const file = join(dir, "broken.json");
    const plain = index(null);
    writeFileSync(file, "{ not json");
    expect(index(new BodyMemo(file))).toEqual(plain);
    const saved = JSON.parse(readFileSync(file, "utf8")) as { lunr: string; bodies: [string, string, number, (string | number)[]][] };
    const foreign = saved.bodies.map(([key, , length, terms]) => [key, "planted", length, terms]);
    writeFileSync(file, JSON.stringify({ ...saved, lunr: "0.0.1", bodies: foreign }));
    const memo = new BodyMemo(file);
    const html = archive.meetings.flatMap((m) => m.sections.map((s) => s.html)).find((h) => htmlToText(h) !== "")!;
    expect(memo.text(html)).toBe(htmlToText(html));
  });

  it("is not written again when an index met every body of its file and no other", () => {
    const file = join(dir, "unchanged.json");
    const plain = index(null);
    expect(index(new BodyMemo(file))).toEqual(plain);
    const written = statSync(file);
    // The file is replaced by a rename when written: the same inode is the same file, unwritten.
    expect(index(new BodyMemo(file))).toEqual(plain);
    expect(statSync(file).ino).toBe(written.ino);
    expect(statSync(file).mtimeMs).toBe(written.mtimeMs);

    // A body the file does not hold: written again, and read back whole by the next.
    const saved = JSON.parse(readFileSync(file, "utf8")) as { bodies: unknown[] };
    writeFileSync(file, JSON.stringify({ ...saved, bodies: saved.bodies.slice(1) }));
    const shortened = statSync(file).ino;
    expect(index(new BodyMemo(file))).toEqual(plain);
    expect(statSync(file).ino).not.toBe(shortened);
    expect((JSON.parse(readFileSync(file, "utf8")) as { bodies: unknown[] }).bodies).toHaveLength(saved.bodies.length);
  });
});
