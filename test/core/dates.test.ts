import { afterEach, describe, it, expect } from "vitest";
import { dateInText, datesFromFileName, isoDate } from "../../src/core/dates.ts";
import { only, parseFixture, parseText } from "./helpers.ts";

describe("isoDate", () => {
  it("builds a plain calendar date, zero-padded", () => {
    expect(isoDate(2017, 10, 6)).toBe("2017-10-06");
  });

  it("rejects impossible dates and years out of range", () => {
    expect(isoDate(2019, 2, 29)).toBeNull();
    expect(isoDate(2019, 13, 1)).toBeNull();
    expect(isoDate(2019, 4, 31)).toBeNull();
    expect(isoDate(1969, 12, 31)).toBeNull();
    expect(isoDate(2101, 1, 1)).toBeNull();
    expect(isoDate(2020, 2, 29)).toBe("2020-02-29");
  });

  describe("never shifted by the machine's time zone", () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    for (const tz of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Adak", "UTC"]) {
      it(tz, () => {
        process.env.TZ = tz;
        expect(isoDate(2019, 4, 8)).toBe("2019-04-08");
        expect(datesFromFileName("2019-01-01--x.md").date).toBe("2019-01-01");
        expect(dateInText("Call 31 December 2019")?.date).toBe("2019-12-31");
      });
    }
  });
});

describe("datesFromFileName", () => {
  it.each([
    ["2019-04-08--widget-team-weekly.md", "2019-04-08", "widget-team-weekly"],
    ["2018-03-05-gadget-sync.md", "2018-03-05", "gadget-sync"],
    ["2017-10-6--all-hands.md", "2017-10-06", "all-hands"],
    ["2019-04-01.md", "2019-04-01", ""],
    ["2019/Q2/2019-04-08--widget-team-weekly.md", "2019-04-08", "widget-team-weekly"],
    ["2020-02-29--leap-day.markdown", "2020-02-29", "leap-day"],
    ["2019-4-8_widget.md", "2019-04-08", "widget"],
  ])("%s -> %s, series part %j", (name, date, rest) => {
    expect(datesFromFileName(name)).toEqual({ date, end: null, rest });
  });

  it("reads a date range and keeps the series part", () => {
    expect(datesFromFileName("2021/Q1/2021-01-04-to-2021-01-25--standup-archive.md")).toEqual({
      date: "2021-01-04",
      end: "2021-01-25",
      rest: "standup-archive",
    });
  });

  it("has no date when the name holds none, or an impossible one", () => {
    expect(datesFromFileName("team-call-notes.md")).toEqual({ date: null, end: null, rest: "team-call-notes" });
    expect(datesFromFileName("2019-02-30--widget.md").date).toBeNull();
    expect(datesFromFileName("20190408--widget.md").date).toBeNull();
    // A folder named like a date does not date the note inside it.
    expect(datesFromFileName("2019-04-08/notes.md").date).toBeNull();
  });
});

describe("dateInText", () => {
  it.each([
    ["Team Call 08 January 2018", "2018-01-08"],
    ["Jan 06, 2020", "2020-01-06"],
    ["Sprint Review: Jan 06, 2020", "2020-01-06"],
    ["IPFS All Hands Call - 6th November 2017", "2017-11-06"],
    ["November 6th, 2017", "2017-11-06"],
    ["1st of March 2021", "2021-03-01"],
    ["Sept 3 2019", "2019-09-03"],
    ["Dec. 25, 2019", "2019-12-25"],
    ["Standup meeting - 2021-01-04", "2021-01-04"],
    ["2019/04/08", "2019-04-08"],
    ["2019.04.08", "2019-04-08"],
  ])("%j -> %s", (text, date) => {
    expect(dateInText(text)?.date).toBe(date);
  });

  it("says where the date stands, so it can be cut out", () => {
    const title = "Team Call 08 January 2018";
    const found = dateInText(title)!;
    expect(title.slice(found.index, found.index + found.length)).toBe("08 January 2018");
  });

  it("takes the first date of several", () => {
    expect(dateInText("Call 2019-04-08, moved from 2019-04-01")?.date).toBe("2019-04-08");
    expect(dateInText("Jan 06, 2020 (was 2019-12-30)")?.date).toBe("2020-01-06");
  });

  it("finds nothing without a year, in ambiguous numeric forms, or for impossible days", () => {
    expect(dateInText("January 16th")).toBeNull();
    expect(dateInText("12/03/2019")).toBeNull();
    expect(dateInText("31 February 2020")).toBeNull();
    expect(dateInText("Mayday 5 2020")).toBeNull();
    expect(dateInText("version 12345-67-89")).toBeNull();
  });
});

describe("a meeting's date", () => {
  it("comes from the file name in every naming dialect", () => {
    expect(only(parseFixture("2019-04-08--widget-team-weekly.md")).date).toBe("2019-04-08");
    expect(only(parseFixture("2018-03-05-gadget-sync.md")).date).toBe("2018-03-05");
    expect(only(parseFixture("2019-04-01.md")).date).toBe("2019-04-01");
  });

  it("prefers the file name to a different date in the title", () => {
    // The title says "6th November 2017"; the file is the 2017-10-6 note.
    const r = parseFixture("2017-10-6--all-hands.md");
    const m = only(r);
    expect(m.date).toBe("2017-10-06");
    expect(m.id).toBe("2017-10-06--all-hands");
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [1, "the title says 2017-11-06 but the file name says 2017-10-06; read as 2017-10-06: correct the title, rename the file, or set date: in front matter"],
    ]);
  });

  it("comes from the title when the file name has none", () => {
    expect(only(parseFixture("team-call-notes.md")).date).toBe("2018-01-08");
    expect(only(parseFixture("sprint-review.md")).date).toBe("2020-01-06");
  });

  it("comes from front matter, which overrides the title", () => {
    const m = only(parseFixture("retro.md"));
    expect(m.date).toBe("2020-02-03");
    expect(m.overrides).toContain("date");
  });

  it("front matter overrides the file name too", () => {
    const m = only(parseText("---\ndate: 2020-02-03\n---\n# Widget sync\n", "2020-01-06--widget-sync.md"));
    expect(m.date).toBe("2020-02-03");
    expect(m.id).toBe("2020-02-03--widget-sync");
  });

  it("is missing when no source has one: an error naming the file and line, no meeting", () => {
    const r = parseFixture("untitled-notes.md");
    expect(r.meetings).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ source: "untitled-notes.md", line: 1, severity: "error", message: expect.stringMatching(/no date found/) }),
    ]);
  });
});
