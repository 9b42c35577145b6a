// serve's preview: an archive patched with an edited note must hold the very
// meetings a full build of the edited notes holds, or decline (null) when the
// edit changes what the archive joins across notes.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildArchive, type NoteInput } from "../../src/archive/build.ts";
import { parseConfig } from "../../src/archive/config.ts";
import { listNotes } from "../../src/archive/load.ts";
import type { Archive } from "../../src/archive/model.ts";
import { patchArchive } from "../../src/archive/patch.ts";
import { parseNote } from "../../src/core/parse-note.ts";

const NOTES: Record<string, string> = {
  "2021-03-01--widget-team-weekly.md": `# Widget Team Weekly 2021-03-01

**Lead:** @kestrel
**Attendees:** @kestrel, @twendt, @bob

#### Bitswap
Summary: faster wants

- @kestrel:
  - merged the session PR ipfs/go-bitswap#12
- Q(@twendt): is it on by default?

#### Notes

- See [next week](2021-03-08--widget-team-weekly.md#bitswap).

#### Action Items

- [ ] bob - write the release notes
`,
  "2021-03-08--widget-team-weekly.md": `# Widget Team Weekly 2021-03-08

**Lead:** @twendt
**Attendees:** @kestrel, @twendt

#### Bitswap

- @kestrel:
  - benchmarks
`,
  "2021-01-04-to-2021-01-11--gadget-sync-archive.md": `## Gadget sync - 2021-01-04

### Notes

- @bob started.

## Gadget sync - 2021-01-11

### Notes

- @bob finished.
`,
};

const config = parseConfig(null, {}).config;
const input = (source: string, text: string): NoteInput => ({ source, result: parseNote(text, { source }) });
const build = (notes: Record<string, string>, rejoinable = true): Archive =>
  buildArchive(Object.entries(notes).map(([s, t]) => input(s, t)), config, [], [], { rejoinable });

/** The patched archive's meetings of `source` against a full build of the edited notes. */
function compare(notes: Record<string, string>, source: string, edited: string): { patched: Archive | null; full: Archive } {
  const patched = patchArchive(build(notes), [input(source, edited)]);
  const full = build({ ...notes, [source]: edited });
  return { patched, full };
}

const FIRST = "2021-03-01--widget-team-weekly.md";

describe("patchArchive", () => {
  it.each([
    ["a word of an update", (t: string) => t.replace("merged the session PR", "landed the sessions PR")],
    ["a paragraph added at the end", (t: string) => `${t}\nOne more thing, for next week.\n`],
    ["a line added in the middle, shifting the rest", (t: string) => t.replace("#### Notes\n", "#### Notes\n\nSome context first.\n")],
    ["the summary", (t: string) => t.replace("faster wants", "fewer wants")],
    ["an action's text", (t: string) => t.replace("write the release notes", "write the changelog")],
  ])("joins an edit of %s as a full build does", (_what, edit) => {
    const edited = edit(NOTES[FIRST]!);
    expect(edited).not.toBe(NOTES[FIRST]);
    const { patched, full } = compare(NOTES, FIRST, edited);
    expect(patched).not.toBeNull();
    expect(patched!.meetings).toEqual(full.meetings);
    expect([...patched!.byId.meeting.keys()]).toEqual([...full.byId.meeting.keys()]);
    // Everything else is the archive as it was, shared.
    expect(patched!.people).toEqual(full.people);
    expect(patched!.initiatives).toEqual(full.initiatives);
  });

  it("rejoins the links, mentions and initiatives of the edited meeting", () => {
    const { patched } = compare(NOTES, FIRST, NOTES[FIRST]!.replace("benchmarks", "x"));
    const m = patched!.meetings.find((x) => x.source === FIRST)!;
    const notes = m.sections.find((s) => s.heading === "Notes")!;
    expect(notes.html).toContain('href="/2021/03/08/widget-team-weekly/#bitswap"');
    expect(m.sections.find((s) => s.heading === "Bitswap")!.initiative).toBe("widget-team-weekly/bitswap");
    expect(m.actions[0]!.owners).toEqual(["bob"]);
  });

  it("patches one meeting of a note that holds several", () => {
    const source = "2021-01-04-to-2021-01-11--gadget-sync-archive.md";
    const { patched, full } = compare(NOTES, source, NOTES[source]!.replace("@bob finished.", "@bob finished, at last."));
    expect(patched!.meetings).toEqual(full.meetings);
  });

  it.each([
    ["an attendee added", (t: string) => t.replace("@twendt, @bob", "@twendt, @bob, @carol")],
    ["a person mentioned", (t: string) => t.replace("benchmarks", "benchmarks with @carol")],
    ["an attendee the note still names elsewhere dropped", (t: string) => t.replace("**Attendees:** @kestrel, @twendt, @bob", "**Attendees:** @twendt, @bob")],
    ["a heading renamed", (t: string) => t.replace("#### Bitswap", "#### Bitswap and sessions")],
    ["the title changed", (t: string) => t.replace("# Widget Team Weekly 2021-03-01", "# Widget weekly 2021-03-01")],
    ["the date changed", (t: string) => t.replace("2021-03-01", "2021-03-02")],
    ["an issue referenced", (t: string) => t.replace("benchmarks", "benchmarks in ipfs/go-ipfs#1")],
  ])("declines an edit that reaches beyond the note: %s", (_what, edit) => {
    const source = _what === "a person mentioned" || _what === "an issue referenced" ? "2021-03-08--widget-team-weekly.md" : FIRST;
    const edited = edit(NOTES[source]!);
    expect(edited).not.toBe(NOTES[source]);
    expect(patchArchive(build(NOTES), [input(source, edited)])).toBeNull();
  });

  it("leaves an action naming someone no note knows without an owner, as a full build does", () => {
    const edited = NOTES[FIRST]!.replace("bob - write", "carol - write");
    const { patched, full } = compare(NOTES, FIRST, edited);
    expect(patched!.meetings).toEqual(full.meetings);
  });

  it("declines a note it was not built from, an archive built without its joins, and a note that no longer parses", () => {
    expect(patchArchive(build(NOTES), [input("2021-04-01--new.md", "# New 2021-04-01\n")])).toBeNull();
    expect(patchArchive(build(NOTES, false), [input(FIRST, `${NOTES[FIRST]}\nmore\n`)])).toBeNull();
    expect(patchArchive(build(NOTES), [input(FIRST, "")])).toBeNull();
  });
});

const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus/ipfs-team-mgmt/meeting-notes");

describe.skipIf(!existsSync(CORPUS))("patchArchive on the real archive", () => {
  it("joins text edits of one note in seven as a full build does", () => {
    const sources = listNotes(CORPUS).notes;
    const read = (s: string): string => readFileSync(join(CORPUS, s), "utf8");
    const notes = Object.fromEntries(sources.map((s) => [s, read(s)]));
    const base = build(notes);
    const picked = sources.filter((_, i) => i % 7 === 0);
    const edits = Object.fromEntries(picked.map((s) => [s, `${notes[s]!.replace(/\bwe\b/, "we all")}\n\nminutebook test paragraph\n`]));
    const full = build({ ...notes, ...edits });
    let declined = 0;
    for (const s of picked) {
      const patched = patchArchive(base, [input(s, edits[s]!)]);
      if (!patched) {
        declined++;
        continue;
      }
      const mine = patched.meetings.filter((m) => m.source === s);
      expect(mine.length).toBeGreaterThan(0);
      for (const m of mine) expect(m).toEqual(full.byId.meeting.get(m.id));
    }
    // Edits of plain text are the common case: nearly all are patched.
    expect(declined).toBeLessThanOrEqual(picked.length / 20);
  });
});
