// The page dates are written from a table of English names, not through Intl:
// they must read exactly as luxon's "en" formats would.
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { count, dayMonth, longDate, monthAbbr, monthName, plural, shortDate } from "../../src/site/format.ts";

describe("dates on pages", () => {
  it("read as luxon's English formats, for every day of 2015 to 2030", () => {
    const zone = { zone: "utc", locale: "en" } as const;
    for (let d = DateTime.fromISO("2015-01-01", zone); d.year <= 2030; d = d.plus({ days: 1 })) {
      const iso = d.toISODate()!;
      expect(longDate(iso)).toBe(d.toFormat("cccc, d LLLL yyyy"));
      expect(shortDate(iso)).toBe(d.toFormat("d LLL yyyy"));
      expect(dayMonth(iso)).toBe(d.toFormat("ccc d LLL"));
      expect(monthName(iso.slice(0, 7))).toBe(d.toFormat("LLLL yyyy"));
      expect(monthAbbr(iso.slice(0, 7))).toBe(d.toFormat("LLL"));
    }
  });

  it("show a malformed date as written", () => {
    expect(longDate("2019-02-30")).toBe("2019-02-30");
    expect(shortDate("someday")).toBe("someday");
  });
});

describe("counts on pages", () => {
  it("group thousands in English, whatever the machine's locale", () => {
    expect(count(0)).toBe("0");
    expect(count(1234567)).toBe("1,234,567");
    expect(plural(1, "meeting")).toBe("1 meeting");
    expect(plural(30750, "meeting")).toBe("30,750 meetings");
    expect(plural(2, "person", "people")).toBe("2 people");
  });

  it("write every count as English grouping does, small ones by the quick way", () => {
    const english = new Intl.NumberFormat("en");
    for (const n of [-1001, -1000, -999, -1, 0, 1, 7, 999, 1000, 1001, 12345, 2.5, 999.5]) expect(count(n), String(n)).toBe(english.format(n));
  });
});
