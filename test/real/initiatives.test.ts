// The real archive (../shared/corpus, read at run time, never copied here),
// built once with the real command: the go-core syncs' initiatives each have
// one page covering every meeting they came up in; no page is a structural
// heading or a placeholder; and the numbers on the pages agree with a recount
// from data/meetings.json. Skipped, with a message, when the corpus is absent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildOnce, cleanupBuilds, describeBuild, fileOfUrl, ROOT, type BuildResult } from "../helpers/build.ts";
import { decodeEntities } from "../helpers/links.ts";

const CORPUS = resolve(ROOT, "../shared/corpus/ipfs-team-mgmt/meeting-notes");
const present = existsSync(CORPUS);
if (!present) console.warn(`Skipping the real-archive initiative tests: ${CORPUS} is absent.`);

const GO_CORE = "go-core-dev-team-weekly";

interface SectionData {
  id: string;
  heading: string;
  parent: string | null;
  initiative: string | null;
  updates: { person: string }[];
}
interface Data {
  meetings: {
    id: string;
    url: string;
    date: string;
    series: { slug: string };
    leads: string[];
    notetakers: string[];
    attendees: string[];
    sections: SectionData[];
  }[];
  series: { slug: string; name: string }[];
  people: { id: string; name: string; url: string }[];
  initiatives: { id: string; name: string; url: string; series: string }[];
}

const text = (html: string): string => decodeEntities(html.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
/** The test's own notion of "the same heading": letters and digits only, without case. */
const key = (heading: string): string => heading.toLowerCase().replace(/[^a-z0-9]/g, "");

describe.skipIf(!present)(present ? "the real archive's initiatives and people" : `the real archive (skipped: ${CORPUS} is absent)`, () => {
  let site: BuildResult;
  let data: Data;
  const page = (url: string): string => readFileSync(fileOfUrl(site.out, url), "utf8");
  /** The number in a fact of a page's header: "<dt>Attended</dt><dd>12 meetings</dd>" -> 12. */
  const fact = (html: string, term: string): number | null => {
    const m = new RegExp(`<dt>${term}</dt><dd>([\\d,]+) `).exec(html);
    return m ? Number(m[1]!.replace(/,/g, "")) : null;
  };

  beforeAll(async () => {
    site = await buildOnce(CORPUS);
    if (site.code !== 0) throw new Error(`the real build failed: ${describeBuild(site)}`);
    data = JSON.parse(readFileSync(join(site.out, "data", "meetings.json"), "utf8")) as Data;
  });
  afterAll(cleanupBuilds);

  it("gives each initiative of the 2019-2020 go-core syncs exactly one page, covering every meeting it came up in", () => {
    const meetings = data.meetings.filter((m) => m.series.slug === GO_CORE && m.date >= "2019" && m.date < "2021");
    expect(meetings.length).toBeGreaterThan(15);
    // Every heading filed under a heading that lists initiatives ("Current IPFS Initiatives" and its variants).
    const groups = new Map<string, { headings: Set<string>; meetings: Set<string>; ids: Set<string | null> }>();
    for (const m of meetings) {
      const byId = new Map(m.sections.map((s) => [s.id, s]));
      const underInitiatives = (s: SectionData): boolean => {
        for (let p = s.parent; p; p = byId.get(p)?.parent ?? null) if (/initiatives/i.test(byId.get(p)?.heading ?? "")) return true;
        return false;
      };
      for (const s of m.sections.filter(underInitiatives)) {
        if (/^\s*\[.*\]\s*$/.test(s.heading)) continue; // "[Your Initiative Here]"
        const k = key(s.heading);
        const g = groups.get(k) ?? { headings: new Set(), meetings: new Set(), ids: new Set() };
        g.headings.add(s.heading);
        g.meetings.add(m.id);
        g.ids.add(s.initiative);
        groups.set(k, g);
      }
    }
    const recurring = [...groups].filter(([, g]) => g.meetings.size >= 2);
    expect(recurring.length).toBeGreaterThanOrEqual(12);
    const pages = new Map<string, string[]>();
    for (const [k, g] of recurring) {
      expect([...g.ids], `${k}: ${[...g.headings].join(" | ")}`).toHaveLength(1);
      const id = [...g.ids][0];
      expect(id, `${k} has no initiative`).toBeTruthy();
      const initiative = data.initiatives.find((i) => i.id === id)!;
      expect(initiative.series).toBe(GO_CORE);
      pages.set(id!, [...(pages.get(id!) ?? []), k]);
      // Its page lists every one of those meetings in its timeline.
      const html = page(initiative.url);
      const listed = new Set([...html.matchAll(/<li id="([^"]+)--[^"]+">\n<h3>/g)].map((x) => x[1]!));
      for (const m of g.meetings) expect(listed.has(m), `${initiative.name}: ${m} is missing from its timeline`).toBe(true);
    }
    // One page per topic: two keys share a page only when they are one heading misspelt.
    for (const [id, keys] of pages) if (keys.length > 1) expect(keys.sort(), id).toEqual(["ifpsoverfuse", "ipfsoverfuse"]);
    expect(pages.size).toBe(recurring.length - 1);
    // The misspelt "IFPS over FUSE" is on the page of "IPFS over FUSE", with all 23 of its meetings.
    const fuse = data.initiatives.find((i) => i.series === GO_CORE && key(i.name) === "ipfsoverfuse")!;
    expect(groups.get("ifpsoverfuse")!.ids).toEqual(new Set([fuse.id]));
    const fuseMeetings = new Set(data.meetings.flatMap((m) => (m.sections.some((s) => s.initiative === fuse.id) ? [m.id] : [])));
    expect(fuseMeetings.size).toBe(new Set([...groups.get("ipfsoverfuse")!.meetings, ...groups.get("ifpsoverfuse")!.meetings]).size);
    // No two go-core pages share a name.
    const names = data.initiatives.filter((i) => i.series === GO_CORE).map((i) => key(i.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it("makes no page of a structural heading or a placeholder", () => {
    const structural = new Set(
      ["Agenda", "Notes", "Attendees", "Participants", "Questions", "Action Items", "Week Update", "Other notes", "Announcements", "Blockers or Needs", "Blockers/Asks", "Cross-team updates", "Wins / Celebrations", "Parking Lot", "Current IPFS Initiatives", "Initiatives", "High Priority Initiatives", "Other Initiatives", "Design Review Proposals", "Week Update (for async review)", "Demos", "Recording", "Highlights", "Updates"].map(key),
    );
    for (const i of data.initiatives) {
      expect(structural.has(key(i.name)), i.id).toBe(false);
      expect(i.name, i.id).not.toMatch(/^\s*[[<]|your .* here|^(lead|notetaker)\s*:|^@/i);
    }
    expect(data.initiatives.length).toBeGreaterThan(30);
  });

  it("links every initiative section to its page, and the page back to the section", () => {
    for (const m of data.meetings.filter((x) => x.series.slug === GO_CORE && x.date.startsWith("2019-02"))) {
      const html = page(m.url);
      for (const s of m.sections.filter((x) => x.initiative)) {
        const i = data.initiatives.find((x) => x.id === s.initiative)!;
        const slug = i.url.split("/").filter(Boolean).slice(-2).join("/");
        expect(html).toContain(`initiatives/${slug}/#${m.id}--${s.id}">Initiative: `);
        expect(page(i.url)).toContain(`<li id="${m.id}--${s.id}">`);
      }
    }
  });

  it("shows the counts that data/meetings.json recounts, for every initiative", () => {
    const index = page("/initiatives/");
    expect(text(index)).toContain(`${data.initiatives.length} initiatives in ${new Set(data.initiatives.map((i) => i.series)).size} series`);
    for (const i of data.initiatives) {
      const meetings = data.meetings.filter((m) => m.sections.some((s) => s.initiative === i.id));
      const sections = data.meetings.flatMap((m) => m.sections.filter((s) => s.initiative === i.id));
      const html = page(i.url);
      expect(fact(html, "Meetings"), i.id).toBe(meetings.length);
      expect([...html.matchAll(/<li id="[^"]+">\n<h3>/g)].length, i.id).toBe(sections.length);
      // Links are relative: "/initiatives/a/b/" is "a/b/" on the index.
      const row = new RegExp(`<a href="${i.url.replace(/^\/initiatives\//, "")}">[^<]*</a></th><td class="num">(\\d+)</td>`).exec(index);
      expect(Number(row?.[1]), i.id).toBe(meetings.length);
      // The people ranked, and their update counts.
      const updates = new Map<string, number>();
      for (const s of sections) for (const u of s.updates) updates.set(u.person, (updates.get(u.person) ?? 0) + 1);
      const ranked = [...(/<ol class="ranked">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "").matchAll(/<li>[\s\S]*?<span class="meta">(\d+) updates?,/g)].map((x) => Number(x[1]));
      expect(ranked, i.id).toEqual([...updates.values()].sort((a, b) => b - a));
    }
  });

  it("shows the counts that data/meetings.json recounts, for every person", () => {
    const index = page("/people/");
    expect(text(index)).toContain(`${data.people.length} people`);
    expect(text(page("/"))).toContain(`${data.people.length.toLocaleString("en")} people`);
    const count = (pick: (m: Data["meetings"][number]) => string[], id: string): number => data.meetings.filter((m) => pick(m).includes(id)).length;
    for (const p of data.people) {
      const html = page(p.url);
      const attended = count((m) => m.attendees, p.id);
      const led = count((m) => m.leads, p.id);
      const noted = count((m) => m.notetakers, p.id);
      const updates = data.meetings.reduce((n, m) => n + m.sections.reduce((k, s) => k + s.updates.filter((u) => u.person === p.id).length, 0), 0);
      expect([fact(html, "Attended"), fact(html, "Led"), fact(html, "Took notes"), fact(html, "Updates")], p.id).toEqual([attended, led, noted, updates]);
      expect(index, p.id).toContain(`<span class="meta">${attended} attended, ${led} led, ${noted} noted, ${updates} update${updates === 1 ? "" : "s"}</span>`);
    }
  });

  it("merges typos and case of handles, and never makes a person of an organisation", () => {
    const ids = new Set(data.people.map((p) => p.id));
    expect(ids.size).toBe(data.people.length);
    for (const id of ids) expect(id).toBe(id.toLowerCase());
    // Organisations named in issue references are not people.
    const owners = new Map<string, number>();
    for (const m of data.meetings as unknown as { issues: { repo: string }[] }[]) {
      for (const i of m.issues) {
        const o = i.repo.split("/")[0]!.toLowerCase();
        owners.set(o, (owners.get(o) ?? 0) + 1);
      }
    }
    const [top] = [...owners].sort((a, b) => b[1] - a[1]);
    expect(ids.has(top![0]), `${top![0]} owns ${top![1]} issue references`).toBe(false);
  });
});
