import { describe, it, expect } from "vitest";
import type { NoteResult } from "../../src/core/model.ts";
import { parseNote } from "../../src/core/parse-note.ts";
import { RULES } from "../../src/core/extract.ts";
import { only, parseFixture, parseText } from "./helpers.ts";

const FIXTURES = [
  "2016-08-08--gizmo-all-hands.md",
  "2017-01-02--gizmo-sync.md",
  "2017-10-6--all-hands.md",
  "2018-03-05-gadget-sync.md",
  "2019-04-01.md",
  "2019-04-08--widget-team-weekly.md",
  "2020-06-15--tooling-call.md",
  "2020-09-09--docs-weekly.md",
  "2020-11-02--design-review.md",
  "2020-11-09--design-review.md",
  "2021-01-04-to-2021-01-25--standup-archive.md",
  "2021-02-01--refs-weekly.md",
  "retro.md",
  "sprint-review.md",
  "team-call-notes.md",
  "untitled-notes.md",
];

describe("parseNote on every fixture", () => {
  it.each(FIXTURES)("%s: plain data, the same every time", (name) => {
    const a = parseFixture(name);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(parseFixture(name)).toEqual(a);
  });

  it("ids, series and titles", () => {
    const table = FIXTURES.flatMap((name) => parseFixture(name).meetings.map((m) => [name, m.id, m.series.name, m.title]));
    expect(table).toEqual([
      ["2016-08-08--gizmo-all-hands.md", "2016-08-08--gizmo-all-hands", "Gizmo All Hands", "Gizmo All Hands Call"],
      ["2017-01-02--gizmo-sync.md", "2017-01-02--gizmo-sync", "Gizmo Sync", "Gizmo Sync"],
      ["2017-10-6--all-hands.md", "2017-10-06--all-hands", "All Hands", "Gizmo All Hands Call - 6th November 2017"],
      ["2018-03-05-gadget-sync.md", "2018-03-05--gadget-sync", "Gadget Sync", "Gadget Sync"],
      // No series in the file name: the title without its date names it.
      ["2019-04-01.md", "2019-04-01--infra-standup", "Infra Standup", "Infra Standup"],
      ["2019-04-08--widget-team-weekly.md", "2019-04-08--widget-team-weekly", "Widget Team Weekly", "Widget Team Weekly Sync 2019-04-08"],
      ["2020-06-15--tooling-call.md", "2020-06-15--tooling-call", "Tooling Call", "Tooling Call"],
      ["2020-09-09--docs-weekly.md", "2020-09-09--docs-weekly", "Docs Weekly", "Docs Weekly"],
      ["2020-11-02--design-review.md", "2020-11-02--design-review", "Design Review", "Design Review"],
      ["2020-11-09--design-review.md", "2020-11-09--design-review", "Design Review", "Design Review"],
      ["2021-01-04-to-2021-01-25--standup-archive.md", "2021-01-25--standup", "Standup", "Standup meeting - 2021-01-25"],
      ["2021-01-04-to-2021-01-25--standup-archive.md", "2021-01-18--standup", "Standup", "Standup meeting - 2012-01-18"],
      ["2021-01-04-to-2021-01-25--standup-archive.md", "2021-01-04--standup", "Standup", "Standup meeting - 2021-01-04"],
      ["2021-02-01--refs-weekly.md", "2021-02-01--refs-weekly", "Refs Weekly", "Refs Weekly"],
      ["retro.md", "2020-02-03--quarterly-retro", "Quarterly Retro", "Quarterly Retro"],
      // The file name (not the title) names the series when it has a series part.
      ["sprint-review.md", "2020-01-06--sprint-review", "Sprint Review", "Sprint Review: Jan 06, 2020"],
      ["team-call-notes.md", "2018-01-08--team-call-notes", "Team Call Notes", "Team Call 08 January 2018"],
    ]);
  });

  it("only the notes with something wrong have problems", () => {
    const withProblems = FIXTURES.filter((name) => parseFixture(name).problems.some((p) => p.severity !== "info"));
    expect(withProblems).toEqual([
      // Its title says 6 November, its file name 6 October.
      "2017-10-6--all-hands.md",
      "2020-11-02--design-review.md",
      "2020-11-09--design-review.md",
      "2021-01-04-to-2021-01-25--standup-archive.md",
      // Read at the top of the folder, its `../` links climb out of it.
      "2021-02-01--refs-weekly.md",
      "untitled-notes.md",
    ]);
  });

  it("problems name the note's path as given", () => {
    const r = parseFixture("untitled-notes.md", { source: "misc/untitled-notes.md" });
    expect(r.problems.map((p) => p.source)).toEqual(["misc/untitled-notes.md"]);
  });
});

describe("a meeting", () => {
  it("has every field of the model", () => {
    const m = only(parseFixture("2018-03-05-gadget-sync.md", { source: "2018/Q1/2018-03-05-gadget-sync.md" }));
    expect(Object.keys(m).sort()).toEqual(
      ["actions", "attendees", "date", "id", "intro", "issues", "leads", "line", "mentions", "notetakers", "overrides", "questions", "recordings", "sections", "series", "source", "title"].sort(),
    );
    expect(m.source).toBe("2018/Q1/2018-03-05-gadget-sync.md");
    expect(m.line).toBe(1);
  });

  it("without a title is named for its series and date", () => {
    const m = only(parseText("- just a list\n- of things\n", "2020-01-06--widget-team-weekly.md"));
    expect(m.title).toBe("Widget Team Weekly, 2020-01-06");
  });

  it("without a series anywhere is in 'meetings'", () => {
    const m = only(parseText("- 2020-01-06 standup\n", "2020-01-06.md"));
    expect(m.series).toEqual({ slug: "meetings", name: "Meetings" });
    expect(m.id).toBe("2020-01-06--meetings");
  });

  it("people of the note merge one person's name and handle, whatever the case", () => {
    const r = parseText("# Widget Sync\n\n**Attendees:** Ada Byron (@Ada), @bob\n\n## Notes\n\n@ada: did things\n");
    expect(r.people).toEqual([
      { id: "ada", handle: "Ada", name: "Ada Byron" },
      { id: "bob", handle: "bob" },
    ]);
  });
});

describe("rules", () => {
  it("are named and ordered", () => {
    expect(RULES.map(([name]) => name)).toEqual(["title", "date", "series", "roles", "sections", "summaries", "updates", "questions", "actions", "mentions", "outside-links"]);
  });

  it("can each be disabled without the others failing", () => {
    for (const [name] of RULES) {
      const r = parseFixture("2019-04-08--widget-team-weekly.md", { disable: [name] });
      expect(r.meetings.length, name).toBeLessThanOrEqual(1);
    }
    const m = only(parseFixture("2019-04-08--widget-team-weekly.md", { disable: ["questions", "actions"] }));
    expect(m.questions).toEqual([]);
    expect(m.actions).toEqual([]);
    expect(m.leads).toEqual(["ada-l"]);
  });

  it("without a title rule, the date comes from the file name still", () => {
    const m = only(parseFixture("2019-04-08--widget-team-weekly.md", { disable: ["title"] }));
    expect(m.date).toBe("2019-04-08");
  });
});

// ---------------------------------------------------------------------------
// Property: parseNote never throws, and what it returns is well formed.

/** mulberry32: a tiny seeded generator, so every run tries the same inputs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  "# Widget Team Weekly Sync 2019-04-08",
  "## Standup meeting - 2021-01-04",
  "## Standup meeting - 2012-01-18",
  "### Notes",
  "#### Lead: Mia Wong (@mwong)",
  "##### @kai",
  "## ",
  "#",
  "**Meeting Lead:** @ada",
  "**Attendees:**",
  "  - @ada\n  - @Bob_b\n  - Fay Green (@fgreen)",
  "- **Lead:** @dana\n- **Attendees:**\n  - @eli",
  "**Moderator** Kim Park",
  "Present: @a, @b @c, @a",
  "Attendees: _attendee names..._",
  "Notetaker: TBD",
  "Recording: https://example.com/rec",
  "**Recording:** [rec](https://example.com/r)",
  "Summary: it went well",
  "@ada:\n- Done:\n  - shipped\n- Blocked:\n  - review",
  "- @bob: wrote docs",
  "@ada / @carol",
  "Last week:\n\n* a\n\nThis week:\n\n* b",
  "Q(@ada): why?",
  "- [ ] @x do it",
  "- [x] done",
  "ACTION: @y follow up\nTODO: more",
  "widgets/widget-core#12 and https://github.com/w/r/pull/3",
  "mail ada@example.com, install @scope/pkg, `@code`",
  "[note](../other.md#x) ![img](img/a.png) [up](../../../x)",
  "{{ site.title }} {% raw %}x{% endraw %}",
  "<script>alert(1)</script>",
  '<div onclick="x()">hi</div>',
  '[js](javascript:alert(1)) <a href="javascript:x">a</a>',
  "<!-- comment",
  "```\ncode @ada\n",
  "> quote\n> - item",
  "| a | b |\n|---|---|\n| @c | d |",
  "---",
  "---\ntitle: T\n---",
  "---\ndate: [broken\n---",
  "***",
  "1. one\n   2. two\n      - three",
  "- \n-\n- [ ]",
  "\t\t  ",
  "üí´ mojibake ðŸ’« Ã©",
  "\uFEFF",
  "\r\n",
  "\r",
  "\u0000",
  "日本語 😀 \u202E rtl",
  "Jan 06, 2020",
  "Team Call 08 January 2018",
  "2019-02-30",
  "@",
  "@@@ ### ***",
  "[",
  "](",
  "Q(",
  "**",
  "_",
  "\\",
];

const SOURCES = [
  "2019-04-08--widget-team-weekly.md",
  "2018-03-05-gadget-sync.md",
  "2017-10-6--all-hands.md",
  "2019-04-01.md",
  "2021-01-04-to-2021-01-25--standup-archive.md",
  "2021/Q1/notes.md",
  "undated.md",
];

function randomNote(next: () => number): string {
  const pick = <T,>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const parts: string[] = [];
  const n = 1 + Math.floor(next() * 14);
  for (let i = 0; i < n; i++) {
    let part = pick(FRAGMENTS);
    // Now and then cut a fragment short, or glue it to the next without a blank line.
    if (next() < 0.15) part = part.slice(0, Math.floor(next() * part.length));
    parts.push(part, pick(["\n\n", "\n", "", " ", "\n\n\n"]));
  }
  return parts.join("");
}

function wellFormed(r: NoteResult, source: string): void {
  for (const p of r.problems) {
    expect(p.source).toBe(source);
    expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
    expect(["error", "warning", "info"]).toContain(p.severity);
    expect(p.message.length).toBeGreaterThan(0);
  }
  for (const m of r.meetings) {
    expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(m.id.startsWith(`${m.date}--`)).toBe(true);
    expect(m.series.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(m.title.length).toBeGreaterThan(0);
    const ids = m.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of m.sections) {
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
      if (s.parent !== null) expect(ids.indexOf(s.parent)).toBeLessThan(ids.indexOf(s.id));
    }
    const html = [m.intro, ...m.sections.flatMap((s) => [s.html, s.headingHtml, ...s.updates.map((u) => u.html)])].join("\n");
    // Inside real tags only: escaped text ("&lt;div onclick") in code blocks is harmless.
    expect(html).not.toMatch(/<script|<[a-z][^>]*\son\w+\s*=|<[a-z][^>]*(?:href|src)\s*=\s*"\s*javascript:/i);
  }
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

describe("parseNote on random notes", () => {
  it("never throws and always returns well-formed results (400 notes, seeded)", () => {
    const next = random(20240601);
    let meetings = 0;
    for (let i = 0; i < 400; i++) {
      const text = randomNote(next);
      const source = SOURCES[i % SOURCES.length]!;
      let fromText: NoteResult;
      let fromBytes: NoteResult;
      try {
        fromText = parseNote(text, { source });
        fromBytes = parseNote(new TextEncoder().encode(text), { source });
      } catch (e) {
        throw new Error(`parseNote threw on note #${i} (${source}): ${JSON.stringify(text)}\n${(e as Error).stack}`);
      }
      wellFormed(fromText, source);
      wellFormed(fromBytes, source);
      // A string and its UTF-8 bytes are the same note (NUL bytes aside: only bytes can be binary).
      if (!text.includes("\u0000")) expect(fromBytes, JSON.stringify(text)).toEqual(fromText);
      meetings += fromText.meetings.length;
    }
    // The generator is worth something only if most notes make meetings.
    expect(meetings).toBeGreaterThan(200);
  });

  it("never throws on random bytes", () => {
    const next = random(7);
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 300) }, () => {
        const r = next();
        // Mostly text, some high bytes, few NULs.
        return r < 0.7 ? 0x20 + Math.floor(next() * 0x5f) : r < 0.8 ? 0x0a : r < 0.995 ? 0x80 + Math.floor(next() * 0x80) : 0;
      });
      const r = parseNote(bytes, { source: SOURCES[i % SOURCES.length]! });
      wellFormed(r, SOURCES[i % SOURCES.length]!);
    }
  });
});

describe("a title whose date is not the file name's", () => {
  it("is read on the file name's date, with a warning on the title's line", () => {
    const r = parseText("\n# Widget Weekly 2019-05-13\n\n## Notes\n\n- things\n", "2019-04-13--widget-weekly.md");
    expect(only(r).date).toBe("2019-04-13");
    expect(r.problems).toEqual([
      {
        source: "2019-04-13--widget-weekly.md",
        line: 2,
        severity: "warning",
        message: "the title says 2019-05-13 but the file name says 2019-04-13; read as 2019-04-13: correct the title, rename the file, or set date: in front matter",
      },
    ]);
  });

  it("is not a problem when the dates agree, in any format, or when front matter sets the date", () => {
    expect(parseText("# Widget Weekly, April 8, 2019\n\n- things\n", "2019-04-08--widget-weekly.md").problems).toEqual([]);
    expect(parseText("# Widget Weekly 2019-04-08\n\n- things\n", "2019-04-08--widget-weekly.md").problems).toEqual([]);
    const fixed = parseText("---\ndate: 2019-05-13\n---\n# Widget Weekly 2019-05-13\n\n- things\n", "2019-04-13--widget-weekly.md");
    expect(fixed.problems).toEqual([]);
    expect(only(fixed).date).toBe("2019-05-13");
  });
});
