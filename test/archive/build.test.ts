import { describe, it, expect } from "vitest";
import { buildArchive, buildArchiveInTurns, type NoteInput } from "../../src/archive/build.ts";
import { parseConfig } from "../../src/archive/config.ts";
import type { Archive } from "../../src/archive/model.ts";
import { parseNote } from "../../src/core/parse-note.ts";

// A small notes folder, written for these tests: two series, an old handle, a
// name-only person, case variants of one handle, two notes for one day, links
// between notes, to a file beside them, and to one that is missing.
const NOTES: Record<string, string> = {
  "2021/2021-03-01--widget-team-weekly.md": `# Widget Team Weekly 2021-03-01

**Lead:** @Kestrel
**Attendees:** @kestrel, @twendt, Mira Kovalenko

## Notes

- Ask @KESTREL about it.
- Next time: see [next week](2021-03-08--widget-team-weekly.md#decisions).
- Diagram: ![flow](img/flow.png)
- Broken: [missing](img/missing.png) and [gone](gone.md)
`,
  "2021/2021-03-08--widget-team-weekly.md": `# Widget Team Weekly 2021-03-08

**Lead:** @tobiasw
**Attendees:** @mkov, @kestrel

## Decisions

- Last week's notes: [here](2021-03-01--widget-team-weekly.md).
- Thanks @TobiasW and @twendt.
`,
  "2021/extra/2021-03-01--widget-team-weekly.md": `# Widget Team Weekly 2021-03-01 (second call)

**Lead:** @ada

## Notes

- An extra call on the same day.
`,
  "2021/2021-03-02--gadget-sync.md": `# Gadget Sync

**Lead:** @ada
**Attendees:** @Ada, @bob

## Notes

- Read [the widget notes](2021-03-08--widget-team-weekly.md).
`,
  "2020/2020-12-28--widget-team-weekly.md": `# Widget Team Weekly 2020-12-28

**Attendees:** @bob

## Notes

- Last call of the year.
`,
  "2021/2021-01-04-to-2021-01-11--gadget-sync-archive.md": `## Gadget sync - 2021-01-04

### Notes

- @bob started.

## Gadget sync - 2021-01-11

### Notes

- @bob finished.
`,
};

const CONFIG = `
title: Widget Notes
source: https://github.com/widgets/notes/tree/main/notes
people:
  twendt: tobiasw
  tobiasw:
    name: Tobias Wendt
  mirak:
    name: Mira Kovalenko
    aliases: ["@mkov", "Mira Kovalenko"]
`;

const ASSETS = ["2021/img/flow.png"];

function inputs(order: string[] = Object.keys(NOTES)): NoteInput[] {
  return order.map((source) => ({ source, result: parseNote(NOTES[source]!, { source }) }));
}

function build(order?: string[], configText: string | null = CONFIG): Archive {
  const { config, problems } = parseConfig(configText);
  expect(problems).toEqual([]);
  return buildArchive(inputs(order), config, ASSETS);
}

const archive = build();
const meeting = (id: string) => {
  const m = archive.byId.meeting.get(id);
  if (!m) throw new Error(`no meeting ${id}: ${[...archive.byId.meeting.keys()].join(", ")}`);
  return m;
};
const person = (id: string) => {
  const p = archive.byId.person.get(id);
  if (!p) throw new Error(`no person ${id}: ${[...archive.byId.person.keys()].join(", ")}`);
  return p;
};

describe("joined in turns (serve's rebuild)", () => {
  it("pauses between its steps and joins the same archive", async () => {
    const { config } = parseConfig(CONFIG);
    let pauses = 0;
    const log: string[] = [];
    const turns = buildArchiveInTurns(inputs(), config, ASSETS, [], {}, () => {
      pauses++;
      return new Promise<void>((resolve) => setImmediate(() => (log.push(`pause ${pauses}`), resolve())));
    });
    // The event loop runs in between: this timer fires before the archive is done.
    setImmediate(() => log.push("other work"));
    const joined = await turns;
    log.push("joined");
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(log.indexOf("other work")).toBeLessThan(log.indexOf("joined"));
    expect(log.indexOf("other work")).toBeGreaterThan(-1);
    const { byId: a, ...rest } = joined;
    const { byId: b, ...plain } = archive;
    expect(rest).toEqual(plain);
    expect([...a.meeting.keys()]).toEqual([...b.meeting.keys()]);
  });
});

describe("people", () => {
  it("@Kestrel, @kestrel and @KESTREL are one person", () => {
    expect(archive.people.filter((p) => p.id === "kestrel" || p.handle?.toLowerCase() === "kestrel").map((p) => p.id)).toEqual(["kestrel"]);
    const p = person("kestrel");
    expect(p.led).toEqual(["2021-03-01--widget-team-weekly"]);
    expect(p.attended).toEqual(["2021-03-01--widget-team-weekly", "2021-03-08--widget-team-weekly"]);
    expect(["Kestrel", "kestrel"]).toContain(p.handle);
    expect(p.url).toBe("/people/kestrel/");
  });

  it("an alias in the config (an old handle) joins the person it names", () => {
    expect(archive.byId.person.has("twendt")).toBe(false);
    const p = person("tobiasw");
    expect(p.name).toBe("Tobias Wendt");
    expect(p.led).toEqual(["2021-03-08--widget-team-weekly"]);
    expect(p.attended).toEqual(["2021-03-01--widget-team-weekly"]);
    expect(meeting("2021-03-01--widget-team-weekly").attendees).toContain("tobiasw");
    const decisions = meeting("2021-03-08--widget-team-weekly").mentions.filter((x) => x.section === "decisions");
    expect(decisions.map((x) => x.person)).toEqual(["tobiasw", "tobiasw"]);
  });

  it("an aliased person shows the current handle, however often the old one was used", () => {
    // @twendt appears twice, @tobiasw / @TobiasW twice: the person page links to the handle of the id.
    expect(person("tobiasw").handle?.toLowerCase()).toBe("tobiasw");
  });

  it("aliases listed under a person join handles and plain names", () => {
    expect(archive.byId.person.has("mkov")).toBe(false);
    expect(archive.byId.person.has("mira-kovalenko")).toBe(false);
    const p = person("mirak");
    expect(p.name).toBe("Mira Kovalenko");
    expect(p.attended).toEqual(["2021-03-01--widget-team-weekly", "2021-03-08--widget-team-weekly"]);
  });

  it("are sorted by id, each once", () => {
    const ids = archive.people.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(["ada", "bob", "kestrel", "mirak", "tobiasw"]);
  });
});

describe("meetings", () => {
  it("are ordered by date, then series", () => {
    expect(archive.meetings.map((m) => m.id)).toEqual([
      "2020-12-28--widget-team-weekly",
      "2021-01-04--gadget-sync",
      "2021-01-11--gadget-sync",
      "2021-03-01--widget-team-weekly",
      "2021-03-01--widget-team-weekly-2",
      "2021-03-02--gadget-sync",
      "2021-03-08--widget-team-weekly",
    ]);
  });

  it("two notes for the same day and series get unique ids and URLs, with a warning", () => {
    const first = meeting("2021-03-01--widget-team-weekly");
    const second = meeting("2021-03-01--widget-team-weekly-2");
    expect(first.source).toBe("2021/2021-03-01--widget-team-weekly.md");
    expect(second.source).toBe("2021/extra/2021-03-01--widget-team-weekly.md");
    expect(first.url).toBe("/2021/03/01/widget-team-weekly/");
    expect(second.url).toBe("/2021/03/01/widget-team-weekly-2/");
    expect(archive.problems).toContainEqual(
      expect.objectContaining({
        source: "2021/extra/2021-03-01--widget-team-weekly.md",
        severity: "warning",
        message: expect.stringMatching(/published at 2021-03-01--widget-team-weekly-2/),
      }),
    );
  });

  it("link to the previous and next meeting of their own series only", () => {
    const chain = (slug: string) => archive.series.find((s) => s.slug === slug)!.meetings.map((id) => [id, meeting(id).prev, meeting(id).next]);
    expect(chain("widget-team-weekly")).toEqual([
      ["2020-12-28--widget-team-weekly", null, "2021-03-01--widget-team-weekly"],
      ["2021-03-01--widget-team-weekly", "2020-12-28--widget-team-weekly", "2021-03-01--widget-team-weekly-2"],
      ["2021-03-01--widget-team-weekly-2", "2021-03-01--widget-team-weekly", "2021-03-08--widget-team-weekly"],
      ["2021-03-08--widget-team-weekly", "2021-03-01--widget-team-weekly-2", null],
    ]);
    // The "-archive" file's meetings join the series of the single notes.
    expect(chain("gadget-sync")).toEqual([
      ["2021-01-04--gadget-sync", null, "2021-01-11--gadget-sync"],
      ["2021-01-11--gadget-sync", "2021-01-04--gadget-sync", "2021-03-02--gadget-sync"],
      ["2021-03-02--gadget-sync", "2021-01-11--gadget-sync", null],
    ]);
  });

  it("series are named from their titles when they agree, with first and last dates", () => {
    expect(archive.series.map(({ slug, name, url, first, last }) => ({ slug, name, url, first, last }))).toEqual([
      // Two of its three titles say "Gadget sync - <date>": most agree, so that is its name.
      { slug: "gadget-sync", name: "Gadget sync", url: "/series/gadget-sync/", first: "2021-01-04", last: "2021-03-02" },
      { slug: "widget-team-weekly", name: "Widget Team Weekly", url: "/series/widget-team-weekly/", first: "2020-12-28", last: "2021-03-08" },
    ]);
    for (const m of archive.meetings) expect(m.series.name).toBe(archive.byId.series.get(m.series.slug)!.name);
  });

  it("are grouped by year and month", () => {
    expect(archive.years.map((y) => [y.year, y.url, y.count, y.months.map((mo) => [mo.month, mo.meetings.length])])).toEqual([
      ["2020", "/archive/2020/", 1, [["2020-12", 1]]],
      ["2021", "/archive/2021/", 6, [["2021-01", 2], ["2021-03", 4]]],
    ]);
  });
});

describe("placeholder links", () => {
  const html = (id: string) => {
    const m = meeting(id);
    return [m.intro, ...m.sections.map((s) => s.html)].join("\n");
  };

  it("to people become person pages, through aliases and any case", () => {
    const h = html("2021-03-01--widget-team-weekly");
    expect(h).toContain('<a href="/people/kestrel/" class="mention">@Kestrel</a>');
    expect(h).toContain('<a href="/people/kestrel/" class="mention">@KESTREL</a>');
    expect(h).toContain('<a href="/people/tobiasw/" class="mention">@twendt</a>');
  });

  it("to notes become their meeting's URL, keeping the anchor", () => {
    expect(html("2021-03-01--widget-team-weekly")).toContain('<a href="/2021/03/08/widget-team-weekly/#decisions">next week</a>');
    expect(html("2021-03-08--widget-team-weekly")).toContain('<a href="/2021/03/01/widget-team-weekly/">here</a>');
    expect(html("2021-03-02--gadget-sync")).toContain('<a href="/2021/03/08/widget-team-weekly/">the widget notes</a>');
  });

  it("to files beside the notes become copied-file URLs", () => {
    expect(html("2021-03-01--widget-team-weekly")).toContain('<img src="/files/2021/img/flow.png" alt="flow">');
  });

  it("to missing files and notes fall back to the source repository, with one warning each", () => {
    const h = html("2021-03-01--widget-team-weekly");
    expect(h).toContain('<a href="https://github.com/widgets/notes/tree/main/notes/2021/img/missing.png">missing</a>');
    expect(h).toContain('<a href="https://github.com/widgets/notes/tree/main/notes/2021/gone.md">gone</a>');
    const warnings = archive.problems.filter((p) => /which is not in the notes folder/.test(p.message));
    expect(warnings.map((p) => [p.source, p.message.match(/points to (\S+),/)?.[1]])).toEqual([
      ["2021/2021-03-01--widget-team-weekly.md", "2021/gone.md"],
      ["2021/2021-03-01--widget-team-weekly.md", "2021/img/missing.png"],
    ]);
  });

  it("fall back to '#' without a source repository", () => {
    const bare = build(undefined, null);
    const m = bare.byId.meeting.get("2021-03-01--widget-team-weekly")!;
    expect(m.sections.map((s) => s.html).join("")).toContain('<a href="#">missing</a>');
  });

  it("none is left anywhere", () => {
    const all = JSON.stringify(archive.meetings);
    expect(all).not.toMatch(/mb:(person|note|file|outside):/);
  });
});

describe("links climbing out of the notes folder", () => {
  const NOTE = "2021/2021-04-05--widget-team-weekly.md";
  const text = "# Widget Team Weekly 2021-04-05\n\n## Notes\n\n- [the guide](../../CONTRIBUTING.md#setup) and [etc](../../../../etc/passwd)\n- ![logo](../../logo.png)\n";
  const outsideHtml = (configText: string | null): string => {
    const { config } = parseConfig(configText);
    const a = buildArchive([{ source: NOTE, result: parseNote(text, { source: NOTE }) }], config, []);
    return a.meetings[0]!.sections[0]!.html;
  };

  it("lead into the source repository, as on its own web pages, while they stay inside it", () => {
    const h = outsideHtml(CONFIG);
    expect(h).toContain('<a href="https://github.com/widgets/notes/tree/main/CONTRIBUTING.md#setup">the guide</a>');
    expect(h).toContain('<img src="https://github.com/widgets/notes/tree/main/logo.png" alt="logo">');
    // Above the repository's root there is nothing to link to.
    expect(h).toContain("<a>etc</a>");
  });

  it("without a source repository, keep only their text", () => {
    const h = outsideHtml(null);
    expect(h).toContain("<a>the guide</a> and <a>etc</a>");
    expect(h).toContain("<li>logo</li>");
    expect(h).not.toMatch(/mb:outside|\.\.\//);
  });

  it("are warned of once each, with the line, and not as missing files", () => {
    const { config } = parseConfig(CONFIG);
    const a = buildArchive([{ source: NOTE, result: parseNote(text, { source: NOTE }) }], config, []);
    expect(a.problems.map((p) => [p.source, p.line, p.severity, p.message.replace(/,.*/, "")])).toEqual([
      [NOTE, 5, "warning", "a link points to ../../../../etc/passwd"],
      [NOTE, 5, "warning", "a link points to ../../CONTRIBUTING.md#setup"],
      [NOTE, 6, "warning", "a link points to ../../logo.png"],
    ]);
  });
});

describe("determinism", () => {
  /** The archive as JSON, lookup maps left out. */
  const snapshot = (a: Archive): string => JSON.stringify({ ...a, byId: null });

  it("the same notes in any order give the same archive", () => {
    const keys = Object.keys(NOTES);
    const expected = snapshot(archive);
    const orders = [[...keys].reverse(), [...keys].sort(), [keys[3]!, keys[0]!, keys[5]!, keys[1]!, keys[4]!, keys[2]!]];
    // And a few seeded shuffles.
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5; i++) {
      const copy = [...keys];
      for (let j = copy.length - 1; j > 0; j--) {
        const k = Math.floor(next() * (j + 1));
        [copy[j], copy[k]] = [copy[k]!, copy[j]!];
      }
      orders.push(copy);
    }
    for (const order of orders) expect(snapshot(build(order))).toBe(expected);
  });

  it("problems are sorted by file, then line", () => {
    const keys = archive.problems.map((p) => `${p.source}\u0000${String(p.line).padStart(6, "0")}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("counts every note read, published or not", () => {
    const withBad = buildArchive(
      [...inputs(), { source: "misc/empty.md", result: parseNote("", { source: "misc/empty.md" }) }],
      parseConfig(CONFIG).config,
      ASSETS,
    );
    expect(withBad.notes).toBe(Object.keys(NOTES).length + 1);
    expect(withBad.meetings).toHaveLength(archive.meetings.length);
    expect(withBad.problems).toContainEqual(expect.objectContaining({ source: "misc/empty.md", severity: "error" }));
  });
});

describe("config", () => {
  it("reads aliases in both forms, lower-cased and without '@'", () => {
    const { config } = parseConfig(CONFIG);
    expect(config.aliases.get("twendt")).toBe("tobiasw");
    expect(config.aliases.get("mkov")).toBe("mirak");
    expect(config.names.get("tobiasw")).toBe("Tobias Wendt");
    expect(config.sourcePrefixes).toEqual([
      "https://github.com/widgets/notes/tree/main/notes/",
      "https://github.com/widgets/notes/blob/main/notes/",
    ]);
  });

  it("reports broken YAML and wrong types without failing", () => {
    expect(parseConfig("title: [oops").problems[0]).toMatchObject({ source: "minutebook.yml", severity: "warning" });
    expect(parseConfig("title: 12\nurl: notes.example").problems.map((p) => p.message)).toEqual([
      '"title" should be text; it was ignored',
      '"url" should be an absolute http(s) URL, not "notes.example"; it was ignored',
    ]);
  });
});
