// Property-based tests of the core with fast-check: for any markdown (built
// from the pieces real notes are made of, and from arbitrary text and bytes),
// parseNote returns meetings or problems, never throws, and the model's
// invariants hold.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import { parseNote } from "../../src/core/parse-note.ts";
import type { NoteResult } from "../../src/core/model.ts";

const handle = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/);
const word = fc.constantFrom("Bitswap", "go-ipfs", "v0.4.19", "{{ x }}", "{% raw %}", "<script>alert(1)</script>", "</script>", "<!--", "café", "💫", "Ã©", "üí´", "**", "_", "`", "[", "]", "(", ")", "|", "\\", "&amp;", "#123", "org/repo#5");
const text = fc.array(fc.oneof(word, handle.map((h) => `@${h}`), fc.string({ maxLength: 12 })), { maxLength: 8 }).map((ws) => ws.join(" "));
const date = fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

const line = fc.oneof(
  text,
  text.map((t) => `# ${t}`),
  fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([n, t]) => `${"#".repeat(n)} ${t}`),
  date.map((d) => `## Standup meeting - ${d}`),
  fc.tuple(fc.constantFrom("Meeting Lead", "Moderator", "Notetaker", "Attendees", "Participants", "Present", "Recording", "Summary"), text).map(([l, t]) => `**${l}:** ${t}`),
  fc.tuple(fc.constantFrom("- ", "  - ", "* ", "1. ", "- [ ] ", "- [x] ", "> ", "    "), text).map(([p, t]) => p + t),
  handle.map((h) => `@${h}:`),
  fc.tuple(handle, text).map(([h, t]) => `Q(@${h}): ${t}`),
  fc.tuple(handle, text).map(([h, t]) => `ACTION: @${h} ${t}`),
  fc.constantFrom("```", "~~~", "---", "", "<details>", "</details>", "| a | b |", "|---|---|", "[x]: http://e.example", "Done:", "Blocked:", "Next:"),
);
const note = fc
  .tuple(fc.option(fc.constantFrom("---\ntitle: T\n---\n", "---\ndate: [x\n---\n", "---\n: :\n---\n", "\ufeff"), { nil: "" }), fc.array(line, { maxLength: 40 }), fc.constantFrom("\n", "\r\n"))
  .map(([head, lines, eol]) => head + lines.join(eol));
const source = fc.oneof(date.map((d) => `2021/${d}--prop-weekly.md`), fc.constant("2021/undated.md"), date.map((d) => `${d}-to-${d}--prop-archive.md`));

function invariants(result: NoteResult, src: string): void {
  expect(result.meetings.length + result.problems.filter((p) => p.severity === "error").length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.source).toBe(src);
    expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
    expect(["error", "warning", "info"]).toContain(p.severity);
    expect(p.message.length).toBeGreaterThan(0);
  }
  for (const m of result.meetings) {
    expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(DateTime.fromISO(m.date, { zone: "utc" }).isValid).toBe(true);
    expect(m.source).toBe(src);
    expect(m.title.trim().length).toBeGreaterThan(0);
    expect(m.series.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const ids = m.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    for (const s of m.sections) {
      if (s.parent !== null) expect(known.has(s.parent)).toBe(true);
      expect(s.level >= 1 && s.level <= 6).toBe(true);
      for (const u of s.updates) expect(u.person).toMatch(/\S/);
    }
    for (const x of [...m.questions, ...m.mentions, ...m.actions]) if (x.section !== null) expect(known.has(x.section)).toBe(true);
    for (const html of [m.intro, ...m.sections.map((s) => s.html)]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  }
}

describe("parseNote, for any note", () => {
  it("returns meetings or problems and keeps the model's invariants", () => {
    fc.assert(
      fc.property(note, source, (text, src) => {
        invariants(parseNote(text, { source: src }), src);
        invariants(parseNote(new TextEncoder().encode(text), { source: src }), src);
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), source, (bytes, src) => {
        const result = parseNote(bytes, { source: src });
        for (const p of result.problems) expect(p.source).toBe(src);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("gives the same result for the same input", () => {
    fc.assert(
      fc.property(note, source, (text, src) => {
        expect(JSON.stringify(parseNote(text, { source: src }))).toBe(JSON.stringify(parseNote(text, { source: src })));
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
