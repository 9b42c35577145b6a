import { describe, it, expect } from "vitest";
import { splitFrontMatter } from "../../src/core/frontmatter.ts";
import { only, parseFixture, parseText } from "./helpers.ts";

const SOURCE = "2020-11-02--design-review.md";

describe("splitFrontMatter", () => {
  it("leaves a note without front matter untouched", () => {
    const text = "# Design Review\n\n---\n\ntext\n";
    expect(splitFrontMatter(text, SOURCE)).toEqual({ data: {}, keys: [], body: text, lineOffset: 0, problems: [] });
  });

  it("cuts the block and counts its lines, closed by --- or ...", () => {
    for (const close of ["---", "..."]) {
      const s = splitFrontMatter(`---\ntitle: Design Review\n${close}\n# Body\n`, SOURCE);
      expect(s.data).toEqual({ title: "Design Review" });
      expect(s.keys).toEqual(["title"]);
      expect(s.body).toBe("# Body\n");
      expect(s.lineOffset).toBe(3);
    }
  });

  it("is not front matter when never closed", () => {
    const text = "---\ntitle: Design Review\n# Body\n";
    expect(splitFrontMatter(text, SOURCE).body).toBe(text);
  });

  it("takes an empty block as no data", () => {
    expect(splitFrontMatter("---\n---\nbody", SOURCE)).toEqual({ data: {}, keys: [], body: "body", lineOffset: 2, problems: [] });
  });

  it("reads role keys in any spelling and case, as lists or comma-separated lines", () => {
    const s = splitFrontMatter(
      [
        "---",
        "Date: 2020-01-02",
        'Moderator: "@tara"',
        'Scribe: ["@vic"]',
        'Present: "@uma; @wes, Kat Lee"',
        "series_name: Design Review Board",
        "recordings: [https://example.com/1, https://example.com/2]",
        "initiatives: [search]",
        "---",
        "",
      ].join("\n"),
      SOURCE,
    );
    expect(s.problems).toEqual([]);
    expect(s.data).toEqual({
      date: "2020-01-02",
      leads: ["@tara"],
      notetakers: ["@vic"],
      attendees: ["@uma", "@wes", "Kat Lee"],
      seriesName: "Design Review Board",
      recording: ["https://example.com/1", "https://example.com/2"],
      initiatives: ["search"],
    });
  });

  it("reads dates written out, and numbers as text", () => {
    const s = splitFrontMatter('---\ntitle: 2020\ndate: "Jan 6, 2020"\n---\n', SOURCE);
    expect(s.data).toEqual({ title: "2020", date: "2020-01-06" });
    expect(s.problems).toEqual([]);
  });

  it("reports broken YAML with the file line of the error, and ignores the block", () => {
    const s = splitFrontMatter("---\ntitle: Design Review\nseries: design: review\n---\n# Body\n", SOURCE);
    expect(s.data).toEqual({});
    expect(s.body).toBe("# Body\n");
    expect(s.lineOffset).toBe(4);
    expect(s.problems).toEqual([
      { source: SOURCE, line: 3, severity: "warning", message: expect.stringMatching(/^front matter is not valid YAML \(.+\); it was ignored/) },
    ]);
  });

  it("reports front matter that is not a map", () => {
    for (const yaml of ["just a sentence", "- a\n- b"]) {
      const s = splitFrontMatter(`---\n${yaml}\n---\n# Body\n`, SOURCE);
      expect(s.data).toEqual({});
      expect(s.problems).toEqual([expect.objectContaining({ line: 2, severity: "warning", message: expect.stringMatching(/must be a map/) })]);
    }
  });

  it("reports each ill-typed key on its own line and keeps the good ones", () => {
    const s = splitFrontMatter(
      ["---", "title: [not, text]", "date: 12", "series: { a: 1 }", "leads: { name: tara }", 'attendees: "@tara"', "notes: free text", "---", ""].join("\n"),
      SOURCE,
    );
    expect(s.data).toEqual({ attendees: ["@tara"] });
    expect(s.keys).toEqual(["attendees"]);
    expect(s.problems.map((p) => [p.line, p.message.replace(/ should.*/, "")])).toEqual([
      [2, 'front matter "title"'],
      [3, 'front matter "date"'],
      [4, 'front matter "series"'],
      [5, 'front matter "leads"'],
    ]);
  });

  it("rejects a date that is not a calendar date", () => {
    const s = splitFrontMatter("---\ndate: 2020-13-45\n---\n", SOURCE);
    expect(s.data.date).toBeUndefined();
    expect(s.problems[0]!.message).toMatch(/should be a date like 2019-04-08, not "2020-13-45"/);
  });
});

describe("front matter in a note", () => {
  it("overrides title, date, series, roles and recording, and says which", () => {
    const r = parseFixture("retro.md");
    const m = only(r);
    expect(r.problems).toEqual([]);
    expect(m.title).toBe("Quarterly Retro");
    expect(m.date).toBe("2020-02-03");
    expect(m.series).toEqual({ slug: "quarterly-retro", name: "Quarterly Retro" });
    expect(m.id).toBe("2020-02-03--quarterly-retro");
    // The body's "**Lead:** @someone-else" gives way to the front matter's lead.
    expect(m.leads).toEqual(["ivy"]);
    expect(m.attendees).toEqual(["ivy", "jon", "kat-lee"]);
    expect(m.recordings).toEqual([{ href: "https://example.com/rec/retro", text: "https://example.com/rec/retro" }]);
    expect(m.overrides).toEqual(["title", "date", "series", "leads", "attendees", "recording"]);
    expect(r.people).toContainEqual({ id: "kat-lee", name: "Kat Lee" });
  });

  it("counts body lines from the top of the file", () => {
    const m = only(parseFixture("retro.md"));
    expect(m.line).toBe(9);
    expect(m.sections[0]).toMatchObject({ heading: "What went well", line: 13 });
  });

  it("names a series from a slug", () => {
    const m = only(parseText("---\nseries: widget-team-weekly\n---\n# Anything\n", "2020-01-06.md"));
    expect(m.series).toEqual({ slug: "widget-team-weekly", name: "Widget Team Weekly" });
    expect(m.id).toBe("2020-01-06--widget-team-weekly");
  });

  it("sets a series name alone", () => {
    const m = only(parseText("---\nseries_name: The Widget Weekly\n---\n# Anything\n", "2020-01-06--widget-weekly.md"));
    expect(m.series).toEqual({ slug: "widget-weekly", name: "The Widget Weekly" });
  });

  it("when broken, is reported with its line and the note is still published from its body", () => {
    const r = parseFixture("2020-11-02--design-review.md");
    const m = only(r);
    expect(r.problems).toEqual([
      {
        source: "2020-11-02--design-review.md",
        line: 5,
        severity: "warning",
        message: expect.stringMatching(/front matter is not valid YAML/),
      },
    ]);
    expect(m.title).toBe("Design Review");
    expect(m.leads).toEqual(["uma"]);
    expect(m.notetakers).toEqual([]);
    expect(m.overrides).toEqual([]);
    expect(m.line).toBe(7);
  });

  it("with wrong types, keeps the good keys, warns about the others, and falls back to the body", () => {
    const r = parseFixture("2020-11-09--design-review.md");
    const m = only(r);
    expect(r.problems.map((p) => [p.line, p.severity])).toEqual([
      [2, "warning"],
      [3, "warning"],
      [4, "warning"],
      [5, "warning"],
    ]);
    expect(m.title).toBe("Design Review");
    expect(m.date).toBe("2020-11-09");
    expect(m.series.slug).toBe("design-review");
    expect(m.leads).toEqual(["uma"]);
    expect(m.attendees).toEqual(["tara", "uma"]);
    // "7" is not a person.
    expect(m.notetakers).toEqual(["vic"]);
    expect(m.overrides).toEqual(["attendees", "notetakers"]);
  });

  it("a front matter date keeps a multi-meeting file as one meeting", () => {
    const r = parseText("---\ndate: 2021-02-01\n---\n## Standup - 2021-01-04\n\nx\n\n## Standup - 2021-01-11\n\ny\n", "standup.md");
    const m = only(r);
    expect(m.date).toBe("2021-02-01");
  });
});

describe("unknown and blank front matter keys", () => {
  it("reports a key one typo from a known key, with its line and the key it probably meant", () => {
    const s = splitFrontMatter('---\ntitle: Design Review\natendees: "@tara"\nnote_takers: [ "@vic" ]\nTitel: x\n---\n', SOURCE);
    expect(s.problems).toEqual([
      { source: SOURCE, line: 3, severity: "warning", message: "unknown front matter key 'atendees': did you mean 'attendees'?" },
      { source: SOURCE, line: 4, severity: "warning", message: "unknown front matter key 'note_takers': did you mean 'notetakers'?" },
      { source: SOURCE, line: 5, severity: "warning", message: "unknown front matter key 'Titel': did you mean 'title'?" },
    ]);
    expect(s.data).toEqual({ title: "Design Review" });
  });

  it("leaves other tools' keys alone, and short keys two letters off", () => {
    const s = splitFrontMatter("---\nlayout: note\ntags: [sync]\npermalink: /x/\nname: Weekly\ntime: 10:00\nunknown_key: 1\n---\n", SOURCE);
    expect(s.problems).toEqual([]);
    expect(s.data).toEqual({});
  });

  it("takes an empty key as no value, without a warning", () => {
    const s = splitFrontMatter("---\ntitle: Design Review\nattendees:\n---\n", SOURCE);
    expect(s.problems).toEqual([]);
    expect(s.data).toEqual({ title: "Design Review" });
  });

  it("takes blank text and empty lists as no value, so they override nothing", () => {
    const s = splitFrontMatter('---\ndate:\nseries: ""\nleads: []\nnotetakers: [ " " ]\natendees:\n---\n', SOURCE);
    expect(s.problems).toEqual([]);
    expect(s.data).toEqual({});
    expect(s.keys).toEqual([]);
    const m = only(parseText("---\nattendees:\n---\n# Widget Sync\n\n**Attendees:** @ada, @bob\n"));
    expect(m.attendees).toEqual(["ada", "bob"]);
    expect(m.overrides).toEqual([]);
  });
});
