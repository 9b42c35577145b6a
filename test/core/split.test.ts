import { describe, it, expect } from "vitest";
import { md } from "../../src/core/markdown.ts";
import { splitMeetings } from "../../src/core/split.ts";
import { parseFixture, parseText } from "./helpers.ts";

function chunks(text: string, isRange: boolean) {
  const lines = text.split("\n");
  return splitMeetings(md.parse(text, {}), lines.length, isRange);
}

describe("splitMeetings", () => {
  it("cuts one chunk per top-level dated heading, each running to the next", () => {
    const text = "## Standup - 2021-01-11\n\n### Notes\n\nx\n\n## Standup - 2021-01-04\n\ny";
    expect(chunks(text, false)).toEqual([
      { start: 0, end: 6, date: "2021-01-11" },
      { start: 6, end: 9, date: "2021-01-04" },
    ]);
  });

  it("uses the highest level that holds dated headings; dated subheadings stay inside", () => {
    const text = "# Standup 2021-01-04\n\n## Plan for 2021-01-05\n\n# Standup 2021-01-11\n\n## Plan for 2021-01-12";
    expect(chunks(text, false).map((c) => c.date)).toEqual(["2021-01-04", "2021-01-11"]);
  });

  it("does not cut a note with a single dated heading", () => {
    expect(chunks("# Call 2021-01-04\n\n## Follow-up on 2021-01-05\n\nx", false)).toEqual([]);
  });

  it("in a file named for a range, one dated heading is enough", () => {
    expect(chunks("## Standup - 2021-01-04\n\nx", true)).toEqual([{ start: 0, end: 3, date: "2021-01-04" }]);
  });

  it("ignores dates in headings nested in lists or quotes", () => {
    expect(chunks("> ## 2021-01-04\n\n- ## 2021-01-11\n", false)).toEqual([]);
  });

  it("finds nothing without dated headings", () => {
    expect(chunks("# Standup\n\n## Notes\n", true)).toEqual([]);
  });
});

describe("a multi-meeting file", () => {
  const r = parseFixture("2021-01-04-to-2021-01-25--standup-archive.md");

  it("gives one meeting per dated heading, in file order, each from its heading's line", () => {
    expect(r.meetings.map((m) => [m.id, m.date, m.line])).toEqual([
      ["2021-01-25--standup", "2021-01-25", 1],
      ["2021-01-18--standup", "2021-01-18", 26],
      ["2021-01-04--standup", "2021-01-04", 34],
    ]);
  });

  it("names the series for what the '-archive' file gathers", () => {
    for (const m of r.meetings) expect(m.series).toEqual({ slug: "standup", name: "Standup" });
  });

  it("takes each dated heading for that meeting's title", () => {
    expect(r.meetings.map((m) => m.title)).toEqual(["Standup meeting - 2021-01-25", "Standup meeting - 2012-01-18", "Standup meeting - 2021-01-04"]);
  });

  it("corrects a heading's year typo to fit the file's range, and warns on its line", () => {
    expect(r.problems).toEqual([
      {
        source: "2021-01-04-to-2021-01-25--standup-archive.md",
        line: 26,
        severity: "warning",
        message: expect.stringMatching(/2012-01-18 is outside the file's range 2021-01-04 to 2021-01-25; read as 2021-01-18/),
      },
    ]);
  });

  it("keeps a date outside the range that no year fixes", () => {
    const x = parseText("## Standup - 2021-03-01\n\nx\n\n## Standup - 2021-01-04\n\ny\n", "2021-01-04-to-2021-01-25--standup-archive.md");
    expect(x.meetings.map((m) => m.date)).toEqual(["2021-03-01", "2021-01-04"]);
    expect(x.problems).toEqual([]);
  });

  it("collects each meeting's people and people of all its meetings", () => {
    expect(r.meetings.map((m) => m.sections.flatMap((s) => s.updates.map((u) => u.person)))).toEqual([["kai", "lu"], ["lu"], ["kai"]]);
    expect(r.people.map((p) => p.id)).toEqual(["kai", "lu"]);
  });

  it("warns that text before the first dated heading is not shown", () => {
    const x = parseText("Archive of the standups.\n\n## Standup - 2021-01-04\n\nx\n\n## Standup - 2021-01-11\n\ny\n", "standup.md");
    expect(x.meetings.map((m) => [m.date, m.line])).toEqual([
      ["2021-01-04", 3],
      ["2021-01-11", 7],
    ]);
    expect(x.problems).toEqual([expect.objectContaining({ line: 1, severity: "warning", message: expect.stringMatching(/before the first dated heading/) })]);
  });

  it("counts lines after front matter", () => {
    const x = parseText("---\nseries: standup\n---\n## Standup - 2021-01-04\n\nx\n\n## Standup - 2021-01-11\n\n### Notes\n", "standup.md");
    expect(x.meetings.map((m) => [m.line, m.sections.map((s) => s.line)])).toEqual([
      [4, []],
      [8, [10]],
    ]);
  });

  it("named for a range but without dated headings, is one meeting of the range's first day, of the gathered series", () => {
    const x = parseText("# Standup\n\nx\n", "2021-01-04-to-2021-01-25--standup-archive.md");
    expect(x.meetings.map((m) => [m.id, m.date])).toEqual([["2021-01-04--standup", "2021-01-04"]]);
  });
});
