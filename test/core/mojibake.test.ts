import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it, expect } from "vitest";
import { repairMojibake } from "../../src/core/mojibake.ts";
import { parseNote } from "../../src/core/parse-note.ts";
import { only, parseText } from "./helpers.ts";

// Windows-1252 0x80..0x9F, written out here: Node 20's TextDecoder reads that
// label as Latin-1 (nodejs/node#56542), and the test should not share the code's table.
const CP1252 =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/** What UTF-8 text becomes when its bytes are read one by one in a single-byte code page. */
function garble(text: string, encoding: "macintosh" | "windows-1252"): string {
  const bytes = new TextEncoder().encode(text);
  if (encoding === "macintosh") return new TextDecoder("macintosh").decode(bytes);
  return [...bytes].map((b) => (b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80]! : String.fromCharCode(b))).join("");
}

describe("repairMojibake", () => {
  it.each([
    ["an emoji read as Mac Roman", "💫 sync 🙌🏽", "macintosh"],
    ["an emoji read as Windows-1252", "launch 🚀 today", "windows-1252"],
    ["curly quotes read as Mac Roman", "“can’t add” — fixed", "macintosh"],
    ["curly quotes read as Windows-1252", "“can’t add” — fixed", "windows-1252"],
    ["accented letters read as Windows-1252", "café in Zürich, été", "windows-1252"],
    ["accented letters read as Mac Roman", "café in Zürich", "macintosh"],
  ] as const)("repairs %s", (_what, text, encoding) => {
    const garbled = garble(text, encoding);
    expect(garbled).not.toBe(text);
    expect(repairMojibake(garbled).text).toBe(text);
  });

  it("reads 'Ã©' as the 'é' it was, not as a lone combining mark", () => {
    // Both tables decode it: Windows-1252 gives C3 A9 (é), Mac Roman CC A9 (U+0329).
    expect(repairMojibake("cafÃ© and Ã©tÃ©").text).toBe("café and été");
  });

  it.each([
    "café in Zürich, naïve",
    "“smart quotes” — and a dash…",
    "日本語のテキスト",
    "Ünïcödé with ASCII between",
    "emoji already right: 💫🙌🏽",
    "plain ASCII only",
  ])("leaves real text alone: %j", (text) => {
    expect(repairMojibake(text)).toEqual({ text, lines: [] });
  });

  it("reports the lines it repaired, once each, in order", () => {
    const text = ["fine", garble("a 💫 and a 🚀", "macintosh"), "fine too", garble("“x”", "windows-1252")].join("\n");
    const r = repairMojibake(text);
    expect(r.text).toBe("fine\na 💫 and a 🚀\nfine too\n“x”");
    expect(r.lines).toEqual([2, 4]);
  });

  it("repairs a run that mixes garbled and real characters", () => {
    // "é" read as Mac Roman is "√©"; the real "—" beside it stays.
    expect(repairMojibake("caf√©—bar").text).toBe("café—bar");
  });
});

describe("mojibake in a note", () => {
  it("is repaired in titles, names and sections, with an info problem on its line", () => {
    const note = ["---", "series: widget-team-weekly", "---", garble("# 💫 Widget Sync 🙌🏽", "macintosh"), "", "## Zürich", "", garble("- José said “ok”", "macintosh")].join("\n");
    const r = parseText(note, "2019-04-08--widget-team-weekly.md");
    const m = only(r);
    expect(m.title).toBe("💫 Widget Sync 🙌🏽");
    expect(m.sections[0]!.heading).toBe("Zürich");
    expect(m.sections[0]!.html).toContain("José said “ok”");
    // Lines count from the top of the file, front matter included.
    expect(r.problems.map((p) => [p.line, p.severity])).toEqual([
      [4, "info"],
      [8, "info"],
    ]);
    expect(r.problems[0]!.message).toMatch(/mojibake/);
  });
});

// The one real note we were given with mojibake (UTF-8 emoji read as Mac Roman).
const SEED = fileURLToPath(new URL("../../../shared/seed/000_2fe328bebcb16ba9.txt", import.meta.url));

describe.skipIf(!existsSync(SEED))("the seed note", () => {
  // Read inside the tests: a skipped describe still runs its body to collect them.
  let cached: Buffer | undefined;
  const seed = (): Buffer => (cached ??= readFileSync(SEED));

  it("has its emoji back", () => {
    const r = parseNote(seed(), { source: "2019/Q2/2019-04-08--go-core-dev-team-weekly.md" });
    const m = only(r);
    expect(m.title).toBe("💫Golang Core Dev Team Weekly Sync 🙌🏽 2019-04-08");
    expect(m.title).not.toMatch(/[üíÆ]/);
    expect(m.date).toBe("2019-04-08");
    expect(m.series.slug).toBe("go-core-dev-team-weekly");
    expect(r.problems.filter((p) => p.severity !== "info")).toEqual([]);
    expect(r.problems.filter((p) => p.severity === "info").map((p) => p.line)).toEqual([1]);
  });

  it("changes nothing but the garbled characters", () => {
    const text = seed().toString("utf8");
    const { text: fixed } = repairMojibake(text);
    const before = text.split("\n");
    const after = fixed.split("\n");
    expect(after).toHaveLength(before.length);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]).toBe("# 💫Golang Core Dev Team Weekly Sync 🙌🏽 2019-04-08");
  });

  it("still reads its roles and sections", () => {
    const m = only(parseNote(seed(), { source: "2019-04-08--go-core-dev-team-weekly.md" }));
    expect(m.leads).toEqual(["eingenito"]);
    expect(m.attendees).toContain("stebalien");
    expect(m.attendees).toHaveLength(10);
    expect(m.sections.map((s) => s.id)).toContain("bitswap");
  });
});
