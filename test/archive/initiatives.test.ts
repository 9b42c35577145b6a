// Initiatives: recurring headings of a series, one per topic however it is
// spelled, never a structural heading or a placeholder. The notes are a
// fictional orchard co-op's, written here.
import { describe, expect, it } from "vitest";
import { buildArchive, type NoteInput } from "../../src/archive/build.ts";
import { parseConfig } from "../../src/archive/config.ts";
import { baseHeading, headingKey, nameOf, notInitiative, typoOf } from "../../src/archive/initiatives.ts";
import type { Archive, Initiative } from "../../src/archive/model.ts";
import { parseNote } from "../../src/core/parse-note.ts";

const PRUNING = ["Pruning", "pruning", "Pruning!", "Prunning", "Pruning"];
const IRRIGATION = ["Irrigation (north field)", "Irrigation", "Irrigation (north / south)", "Irrigation", "Irrigation"];

function orchard(week: number): string {
  const date = `2023-0${week}-06`;
  const topics = [
    `#### ${PRUNING[week - 1]}\nSummary: Shaping the young trees. [Epic](https://github.com/orchard/plan/issues/${week})\n\n@alder:\n- pruned row ${week}\n`,
    `#### ${IRRIGATION[week - 1]}\n\n@birch:\n- checked the drip lines\n`,
    `#### [Your Initiative Here]\nSummary: [Your summary here.]\n\n_@example - I moved this forward_\n`,
    week === 2 ? `#### Hedges\n- trimmed the east hedge\n` : "",
    week === 4 ? `#### Hedge Trimming\n- trimmed the west hedge\n` : "",
    week === 3 ? `#### Fence Repair\n- one post replaced\n` : "",
    week === 5 ? `#### Beekeeping\n- two hives\n` : "",
    `#### Tool Shed\n- tidy\n`,
    week <= 3 ? `#### Soil Testing\n- samples sent\n` : `#### Soil Testing Lab\n- results back\n`,
    `#### Release v1.${week % 2 === 0 ? 5 : 6}\n- labels printed\n`,
  ].join("\n");
  return `${week === 5 ? "---\ninitiatives: [Beekeeping]\n---\n" : ""}# Orchard Weekly ${date}

**Lead:** @alder
**Attendees:** @alder, @birch

## Agenda
- Go through the initiatives

## Current Orchard Initiatives

${topics}
## Week Update

##### @alder
- busy

## Action Items
- [ ] @birch order mulch

## Other notes
- none
`;
}

const FILES: Record<string, string> = {
  ...Object.fromEntries([1, 2, 3, 4, 5].map((w) => [`2023/2023-0${w}-06--orchard-weekly.md`, orchard(w)])),
  // Another series has its own "Pruning".
  "2023/2023-01-10--barn-sync.md": "# Barn Sync 2023-01-10\n\n## Pruning\n- the barn vine\n\n## Notes\n- none\n",
  "2023/2023-02-10--barn-sync.md": "# Barn Sync 2023-02-10\n\n## Pruning\n- the vine again\n\n## Notes\n- none\n",
};

const CONFIG = `
initiatives:
  aliases:
    Hedges: Hedge Trimming
  exclude: [Tool Shed]
  declare: [Fence Repair]
`;

function build(configText: string | null = CONFIG): Archive {
  const { config } = parseConfig(configText);
  const inputs: NoteInput[] = Object.entries(FILES).map(([source, text]) => ({ source, result: parseNote(text, { source }) }));
  return buildArchive(inputs, config, []);
}

const named = (a: Archive, series: string): Record<string, number> =>
  Object.fromEntries(a.initiatives.filter((i) => i.series === series).map((i) => [i.name, i.meetings.length]));
const find = (a: Archive, id: string): Initiative => {
  const i = a.byId.initiative.get(id);
  if (!i) throw new Error(`no initiative ${id}: ${a.initiatives.map((x) => x.id).join(", ")}`);
  return i;
};

describe("initiatives of a series", () => {
  const archive = build();

  it("are the headings it comes back to, declared ones, and nothing else", () => {
    expect(named(archive, "orchard-weekly")).toEqual({
      Pruning: 5,
      Irrigation: 5,
      "Hedge Trimming": 2,
      "Fence Repair": 1,
      Beekeeping: 1,
      "Soil Testing": 3,
      "Soil Testing Lab": 2,
      "Release v1.5": 2,
      "Release v1.6": 3,
    });
    expect(named(archive, "barn-sync")).toEqual({ Pruning: 2 });
  });

  it("are one whatever the case, punctuation or a small typo", () => {
    const pruning = find(archive, "orchard-weekly/pruning");
    expect(pruning.meetings).toHaveLength(5);
    expect(pruning.headings.sort()).toEqual(["Pruning", "Pruning!", "Prunning", "pruning"]);
    expect(pruning.url).toBe("/initiatives/orchard-weekly/pruning/");
    expect(archive.problems.some((p) => p.severity === "info" && p.message.startsWith('the heading "Prunning" (1 meeting) is read as "Pruning"'))).toBe(true);
  });

  it("are one whatever the qualifier in brackets, named without it", () => {
    const irrigation = find(archive, "orchard-weekly/irrigation");
    expect(irrigation.meetings).toHaveLength(5);
    expect(archive.problems.some((p) => p.message.includes('"Irrigation (north field)"') && p.message.includes('one initiative of orchard-weekly, "Irrigation"'))).toBe(true);
  });

  it("follow the config's aliases, exclusions and declarations, and front matter's", () => {
    expect(find(archive, "orchard-weekly/hedge-trimming").meetings).toEqual(["2023-02-06--orchard-weekly", "2023-04-06--orchard-weekly"]);
    expect(archive.initiatives.some((i) => i.name === "Tool Shed")).toBe(false);
    expect(find(archive, "orchard-weekly/fence-repair").declared).toBe(true);
    expect(find(archive, "orchard-weekly/beekeeping").declared).toBe(true);
    const plain = build(null);
    expect(named(plain, "orchard-weekly")).toMatchObject({ "Tool Shed": 5 });
    expect(Object.keys(named(plain, "orchard-weekly"))).not.toContain("Fence Repair");
    expect(Object.keys(named(plain, "orchard-weekly"))).not.toContain("Hedges");
  });

  it("never come from structural headings, placeholders or per-person blocks", () => {
    const names = archive.initiatives.map((i) => i.name.toLowerCase());
    for (const no of ["agenda", "current orchard initiatives", "week update", "action items", "other notes", "notes", "@alder", "[your initiative here]", "your initiative here"]) {
      expect(names).not.toContain(no);
    }
  });

  it("report look-alikes they kept apart, and keep versions apart", () => {
    expect(archive.problems.some((p) => p.severity === "warning" && p.message.includes('"Soil Testing Lab"') && p.message.includes('"Soil Testing"'))).toBe(true);
    expect(find(archive, "orchard-weekly/release-v1-5").meetings).toHaveLength(2);
  });

  it("are set on each section, and only there", () => {
    for (const m of archive.meetings) {
      for (const s of m.sections) {
        if (s.initiative) expect(find(archive, s.initiative).sections).toContainEqual({ meeting: m.id, section: s.id });
      }
    }
    const first = archive.meetings.find((m) => m.id === "2023-01-06--orchard-weekly")!;
    const bySection = Object.fromEntries(first.sections.map((s) => [s.heading, s.initiative]));
    expect(bySection).toMatchObject({ Agenda: null, Pruning: "orchard-weekly/pruning", "[Your Initiative Here]": null, "Week Update": null });
    const total = archive.initiatives.reduce((n, i) => n + i.sections.length, 0);
    expect(archive.meetings.flatMap((m) => m.sections).filter((s) => s.initiative).length).toBe(total);
  });
});

describe("heading rules", () => {
  it("tell structural headings, placeholders, people and dates from topics", () => {
    for (const h of ["Agenda", "Notes:", "Attendees", "Questions", "Action Items", "Week Update", "Week Update (for async review)", "Other notes", "Blockers/Asks", "Wins / Celebrations", "Cross-team updates", "Current Go Initiatives", "High Priority Initiatives", "Q&A, Help Wanted", "PSA/Annoucement", "Lead: @someone", "Parking Lot"]) {
      expect(notInitiative(h), h).toBe("structural");
    }
    for (const h of ["[Your Initiative Here]", "<Initiative name>", "Your topic here", "Initiative Name"]) expect(notInitiative(h), h).toBe("placeholder");
    expect(notInitiative("@alder")).toBe("person");
    expect(notInitiative("@alder / @birch")).toBe("person");
    expect(notInitiative("March 6, 2023")).toBe("date");
    expect(notInitiative("After the meeting is over, create the respective action items on the sprint issue")).toBe("sentence");
    for (const h of ["Pruning", "Bitswap Updates", "Rust Orchard Initiative", "New WebUI", "go.mod !!!", "Milestone - interfaces"]) expect(notInitiative(h), h).toBeNull();
  });

  it("key headings without case, punctuation, qualifiers or priority tags", () => {
    expect(headingKey("Base32/CIDv1")).toBe(headingKey("base32 cidv1"));
    expect(headingKey("IPNS (go / js)")).toBe("ipns");
    expect(headingKey("P2: Soil Testing")).toBe("soil testing");
    expect(headingKey("Current Initiatives\\")).toBe("current initiatives");
    expect(baseHeading("go.mod !!!")).toBe("go.mod");
    expect(baseHeading("(alone)")).toBe("(alone)");
  });

  it("call one edit a typo only in long enough headings, never in a version", () => {
    expect(typoOf("ipfs over fuse", "ifps over fuse")).toBe(true);
    expect(typoOf("upgraded release process", "upgrade release process")).toBe(true);
    expect(typoOf("ipns", "ipfs")).toBe(false);
    expect(typoOf("unixfs v1 5", "unixfs v1 6")).toBe(false);
  });

  it("name an initiative by its most frequent spelling, without a varying qualifier", () => {
    expect(nameOf(["IPNS (a)", "IPNS", "IPNS (b)", "IPNS (a)"])).toBe("IPNS");
    expect(nameOf(["Gateway (Base32)", "Gateway (Base32)"])).toBe("Gateway (Base32)");
    expect(nameOf(["IFPS over FUSE", "IPFS over FUSE", "IPFS over FUSE"])).toBe("IPFS over FUSE");
    expect(nameOf(["P1: Mount", "Mount"])).toBe("Mount");
  });
});
