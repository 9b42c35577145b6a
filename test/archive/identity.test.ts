// Who is who: case, config aliases, one-letter typos (merged when clear,
// reported when not), names without a handle, organisations and template
// placeholders. The notes are a fictional gardening club's, written here.
import { describe, expect, it } from "vitest";
import { buildArchive, type NoteInput } from "../../src/archive/build.ts";
import { parseConfig } from "../../src/archive/config.ts";
import { alike, editDistance, resolveIdentities } from "../../src/archive/identity.ts";
import type { Archive } from "../../src/archive/model.ts";
import { parseNote } from "../../src/core/parse-note.ts";

/** Twelve weekly meetings: @Marigold and @thistle attend all, with a typo here and there. */
function notes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let week = 1; week <= 12; week++) {
    const date = `2022-03-${String(week * 2).padStart(2, "0")}`;
    const extra: string[] = [];
    if (week === 2) extra.push("- Seeds: ask @marigld about the tomato seeds."); // a typo, seen once, never beside @marigold in a list
    if (week === 3) extra.push("- @all: water the beds this week.", "- Bulbs from acmeco/bulbs#1 and acmeco/bulbs#2; thanks @acmeco. See @bulbs for the list.");
    if (week === 4) extra.push("- Shed key: @Guild has it."); // an organisation, by config
    if (week === 7) extra.push("- @oldbramble brought the wheelbarrow."); // an old handle, aliased in the config
    for (let i = 3; i <= 12 && week === 8; i++) extra.push(`- See acmeco/bulbs#${i}.`);
    const attendees = ["@Marigold", "@thistle", week === 9 ? "@thistel" : "", week <= 5 ? "@bramble" : "@Bramble", week === 10 ? "Rowan Tide" : "@rowantide", week === 5 ? "Quinn Harrow (@qharrow)" : week === 6 ? "Quinn Harrow" : ""]
      .filter(Boolean)
      .join(", ");
    out[`2022/${date}--garden-sync.md`] = `# Garden Sync ${date}

**Lead:** @marigold
**Attendees:** ${attendees}

## Beds

@name:
- template text

@thistle:
- Weeded bed ${week}

## Notes

${extra.join("\n")}
`;
  }
  return out;
}

const CONFIG = `
people:
  bramble:
    name: Bram Bell
    aliases: [oldbramble]
organisations: [guild]
`;

function build(files: Record<string, string> = notes(), configText: string | null = CONFIG): Archive {
  const { config } = parseConfig(configText);
  const inputs: NoteInput[] = Object.entries(files).map(([source, text]) => ({
    source,
    result: parseNote(text, { source, issueBase: config.site.issueBase }),
  }));
  return buildArchive(inputs, config, []);
}

const ids = (a: Archive): string[] => a.people.map((p) => p.id);
const messages = (a: Archive, severity: string): string[] => a.problems.filter((p) => p.severity === severity).map((p) => p.message);

describe("identity", () => {
  const archive = build();

  it("never splits a person by case", () => {
    expect(ids(archive)).toContain("marigold");
    expect(ids(archive).filter((id) => id.toLowerCase() === "marigold")).toHaveLength(1);
    expect(archive.byId.person.get("bramble")!.attended).toHaveLength(12);
  });

  it("follows the config's aliases, and its names", () => {
    expect(ids(archive)).not.toContain("oldbramble");
    const bram = archive.byId.person.get("bramble")!;
    expect(bram.name).toBe("Bram Bell");
    const week7 = archive.meetings.find((m) => m.date === "2022-03-14")!;
    expect(week7.mentions.map((x) => x.person)).toContain("bramble");
  });

  it("merges a clear typo of a frequent handle, and reports it", () => {
    expect(ids(archive)).not.toContain("marigld");
    const week2 = archive.meetings.find((m) => m.date === "2022-03-04")!;
    expect(week2.mentions.map((x) => x.person)).toContain("marigold");
    expect(messages(archive, "info").some((m) => m.startsWith("@marigld (1 use) is read as @marigold"))).toBe(true);
    // The mention links to the right page.
    expect(week2.sections.find((s) => s.id === "notes")!.html).toContain('href="/people/marigold/"');
  });

  it("keeps apart a look-alike listed beside the frequent handle, and reports it", () => {
    expect(ids(archive)).toContain("thistel");
    expect(messages(archive, "warning").some((m) => m.startsWith("@thistel (2 uses) looks like a typo of @thistle") && m.includes("both are listed in one meeting"))).toBe(true);
  });

  it("reads a name without a handle as the person named so with one", () => {
    expect(ids(archive)).not.toContain("quinn-harrow");
    expect(archive.byId.person.get("qharrow")!.name).toBe("Quinn Harrow");
    expect(messages(archive, "info")).toContain('"Quinn Harrow" without a handle is read as @qharrow, who is named so elsewhere; list "Quinn Harrow" under people: in minutebook.yml if it is someone else');
    // "Rowan Tide" is @rowantide: the same letters.
    expect(ids(archive)).not.toContain("rowan-tide");
    expect(archive.byId.person.get("rowantide")!.attended).toHaveLength(12);
  });

  it("does not take organisations for people: from the config, or an owner of many issue references", () => {
    expect(ids(archive)).not.toContain("guild");
    expect(ids(archive)).not.toContain("acmeco");
    expect(messages(archive, "info").some((m) => m.startsWith("@acmeco is read as an organisation"))).toBe(true);
    const week3 = archive.meetings.find((m) => m.date === "2022-03-06")!;
    const html = week3.sections.find((s) => s.id === "notes")!.html;
    expect(html).toContain('href="https://github.com/acmeco"');
    expect(html).not.toContain("mb:person");
    // A repository's name is a project: nobody, and not linked.
    expect(ids(archive)).not.toContain("bulbs");
    expect(html).toContain('<span class="mention">@bulbs</span>');
    expect(messages(archive, "info").some((m) => m.startsWith("@bulbs is read as a project"))).toBe(true);
  });

  it("drops template placeholders and mentions of everyone", () => {
    expect(ids(archive)).not.toContain("name");
    expect(ids(archive)).not.toContain("all");
    for (const m of archive.meetings) {
      expect(m.sections.flatMap((s) => s.updates.map((u) => u.person))).toEqual(["thistle"]);
    }
    const week3 = archive.meetings.find((m) => m.date === "2022-03-06")!;
    expect(week3.sections.find((s) => s.id === "notes")!.html).toContain('<span class="mention">@all</span>');
  });

  it("lists a person the config names, even when it looks like a typo", () => {
    const declared = build(notes(), `people:\n  marigld:\n    name: Mari Gold Junior\norganisations: [guild]\n`);
    expect(ids(declared)).toContain("marigld");
    expect(declared.byId.person.get("marigld")!.name).toBe("Mari Gold Junior");
  });

  it("reports the merges, one line each, and nothing without a reason", () => {
    const report = archive.problems.filter((p) => p.severity !== "error");
    expect(report.length).toBeLessThan(8);
    for (const p of report) expect(p.source).toMatch(/^2022\//);
  });
});

describe("the typo rule", () => {
  it("counts one edit or one swap of neighbours", () => {
    expect(editDistance("stebalien", "stebailen")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(alike("hannah-howard", "hannahhoward")).toBe(true);
    expect(alike("vasco.santos", "vasco-santos")).toBe(true);
    expect(alike("alice", "alina")).toBe(false);
  });

  it("needs a rare handle (at most 2 uses) and a frequent one (10 or more, 10 times as often)", () => {
    const meeting = (n: number, attendees: string[], mentions: string[] = []) => ({
      id: `2022-01-${String(n).padStart(2, "0")}--x`,
      source: `${n}.md`,
      line: 1,
      date: `2022-01-${String(n).padStart(2, "0")}`,
      series: { slug: "x", name: "X" },
      title: "X",
      leads: [],
      notetakers: [],
      attendees,
      recordings: [],
      intro: "",
      sections: [],
      questions: [],
      mentions: mentions.map((person) => ({ person, line: 2, section: null })),
      actions: [],
      issues: [],
      overrides: [],
    });
    const refs = new Map(["lavender", "lavendr", "sage", "sagex"].map((id) => [id, [{ id, handle: id }]]));
    const options = { organisations: new Set<string>(), declaredPeople: new Set<string>() };
    // lavender: 12 uses, lavendr: 1 -> merged. sage: 9 uses, sagex: 1 -> only reported? No: sage is not frequent, so nothing.
    const ms = Array.from({ length: 12 }, (_, i) => meeting(i + 1, ["lavender", ...(i < 9 ? ["sage"] : [])], i === 0 ? ["lavendr", "sagex"] : []));
    const who = resolveIdentities(ms, refs, options);
    expect(who.resolve("lavendr")).toBe("lavender");
    expect(who.resolve("sagex")).toBe("sagex");
    expect(who.merges).toEqual([{ from: "lavendr", to: "lavender", reason: "typo", fromUses: 1, toUses: 12 }]);
    // Three uses is not rare: reported, not merged.
    const more = [...ms, meeting(13, [], ["lavendr"]), meeting(14, [], ["lavendr"])];
    const who2 = resolveIdentities(more, refs, options);
    expect(who2.resolve("lavendr")).toBe("lavendr");
    expect(who2.problems.map((p) => p.message)).toContain(
      '@lavendr (3 uses) and @lavender (12 uses) differ by one letter and were kept apart; map "lavendr: lavender" under people: in minutebook.yml if they are one person',
    );
  });
});
