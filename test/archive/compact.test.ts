import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { compactStrings } from "../../src/archive/compact.ts";
import { parseReadJson, parseSettings, planLoad, readAndParse } from "../../src/archive/load.ts";
import { isParsed, readCachedJson } from "../../src/archive/read.ts";
import type { NoteResult } from "../../src/core/model.ts";
import { parseNote } from "../../src/core/parse-note.ts";

// V8's serializer writes a string as it is stored: tag '"' then one byte a
// character, or tag 'c' then two bytes a character.
const storedOneByte = (s: string): boolean => serialize(s)[2] === 0x22;

const NOTE = `# Widget Team Weekly 2021-03-01

**Lead:** @kestrel
**Attendees:** @kestrel, @twendt

## Bitswap 🚀

@kestrel:
- landed the “sessions” refactor, see ipfs/go-ipfs#5783
- benchmarks are next

## Docs

@twendt:
- plain ASCII only in this section, long enough to be sliced from the note
`;

describe("compactStrings", () => {
  it("keeps every value and the shape of the data", () => {
    const parsed = parseNote(Buffer.from(NOTE), { source: "a.md", issueBase: "https://github.com", sourcePrefixes: [] });
    const copy = structuredClone(parsed);
    expect(compactStrings(parsed)).toBe(parsed);
    expect(parsed).toEqual(copy);
  });

  it("stores a section without wide characters at one byte a character, though its note has some", () => {
    const parsed = parseNote(Buffer.from(NOTE), { source: "a.md", issueBase: "https://github.com", sourcePrefixes: [] });
    const docs = () => parsed.meetings[0]!.sections.find((s) => s.heading === "Docs")!;
    // The parser's HTML is made from the note's text, which is wide: so is the HTML.
    expect(storedOneByte(docs().html)).toBe(false);
    compactStrings(parsed);
    expect(storedOneByte(docs().html)).toBe(true);
    const bitswap = parsed.meetings[0]!.sections.find((s) => s.heading.startsWith("Bitswap"))!;
    expect(bitswap.html).toContain("“sessions”");
    expect(storedOneByte(bitswap.html)).toBe(false);
  });

  it("is applied to the notes a build keeps; those sent on as JSON are compact once JSON's parser reads them", () => {
    const dir = mkdtempSync(join(tmpdir(), "minutebook-compact-"));
    writeFileSync(join(dir, "2021-03-01--widget-team-weekly.md"), NOTE);
    const plan = planLoad(dir);
    const settings = parseSettings(plan.config);
    const docs = (result: NoteResult) => result.meetings[0]!.sections.find((s) => s.heading === "Docs")!.html;
    expect(storedOneByte(docs(readAndParse(dir, plan.folder.notes[0]!, settings).result))).toBe(true);
    const read = readCachedJson(dir, plan.folder.notes[0]!, null);
    const sent = isParsed(read) ? read : parseReadJson(read, settings, null);
    expect(storedOneByte(docs(JSON.parse(sent.json) as NoteResult))).toBe(true);
  });
});
