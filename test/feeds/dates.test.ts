// Feed dates: rfc822 is the plugin's dateToRfc822 in UTC, written without
// an Intl.DateTimeFormat per call, so it must agree with the plugin on
// every day, every weekday and month name and every leap day.
import { describe, expect, it } from "vitest";
import { pluginRfc822, rfc3339, rfc822 } from "../../src/site/feeds/render.ts";

function* days(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}

describe("feed dates", () => {
  it("are the plugin's RFC 822 dates in UTC, for every day of 2015 to 2030", () => {
    const differ: string[] = [];
    let n = 0;
    for (const day of days("2015-01-01", "2030-12-31")) {
      n++;
      if (rfc822(day) !== pluginRfc822(day)) differ.push(`${day}: ${rfc822(day)} (plugin: ${pluginRfc822(day)})`);
    }
    expect(n).toBe(5844);
    expect(differ).toEqual([]);
  });

  it("agree with the plugin on leap days and the turn of centuries", () => {
    for (const day of ["2000-02-29", "1999-12-31", "2000-01-01", "2100-03-01", "2024-02-29", "1970-01-01"]) expect(rfc822(day)).toBe(pluginRfc822(day));
    expect(rfc822("2019-04-08")).toBe("Mon, 08 Apr 2019 00:00:00 +0000");
    expect(rfc3339("2019-04-08")).toBe("2019-04-08T00:00:00Z");
  });

  it("do not depend on the machine's time zone", () => {
    const was = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati";
      expect(rfc822("2019-04-08")).toBe("Mon, 08 Apr 2019 00:00:00 +0000");
      process.env.TZ = "America/Adak";
      expect(rfc822("2019-04-08")).toBe("Mon, 08 Apr 2019 00:00:00 +0000");
    } finally {
      if (was === undefined) delete process.env.TZ;
      else process.env.TZ = was;
    }
  });
});
