import { describe, expect, it } from "vitest";
import { splitPages, type PageLists } from "../../src/site/parts.ts";

const refs = (kind: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${kind}${i}`, url: `/${kind}/${i}/` }));

describe("pages in parts", () => {
  const all: PageLists = {
    meetings: refs("m", 7),
    series: refs("s", 2),
    years: refs("y", 1),
    people: refs("p", 3),
    initiatives: refs("i", 2),
    feeds: Array.from({ length: 4 }, (_, i) => ({ id: `f${i}`, atom: `/f/${i}.atom.xml`, rss: `/f/${i}.rss.xml` })),
  };

  it("holds every page once, in order, no part over its size (a feed counts two)", () => {
    const parts = splitPages(all, 5);
    for (const kind of ["meetings", "series", "years", "people", "initiatives", "feeds"] as const) {
      expect(parts.flatMap((p) => p[kind].map((r) => r.id))).toEqual(all[kind].map((r) => r.id));
    }
    for (const p of parts) {
      const outputs = p.meetings.length + p.series.length + p.years.length + p.people.length + p.initiatives.length + 2 * p.feeds.length;
      expect(outputs).toBeGreaterThan(0);
      expect(outputs).toBeLessThanOrEqual(5);
    }
    expect(parts.length).toBe(5); // 15 pages and 8 feed files
  });

  it("is one part when everything fits", () => {
    expect(splitPages(all, Infinity)).toEqual([all]);
  });
});
