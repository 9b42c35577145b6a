import { describe, it, expect } from "vitest";
import { itemKindOf } from "../../src/core/extract/labels.ts";
import { only, parseFixture, parseText, sectionOf } from "./helpers.ts";

describe("update blocks", () => {
  const m = only(parseFixture("2019-04-08--widget-team-weekly.md"));

  it("`@name:` over bullets: one update with every item, nested ones too", () => {
    const [bob] = sectionOf(m, "datastore").updates;
    expect(bob).toMatchObject({
      person: "bob_b",
      line: 19,
      items: [
        { kind: "update", text: "Not much progress" },
        { kind: "update", text: "Some digging into the store code" },
      ],
    });
    expect(bob!.html).toContain("<li>Not much progress");
    expect(bob!.html).not.toContain("Summary");
  });

  it("`@name - text` on one line: the text is the item", () => {
    const carol = sectionOf(m, "datastore").updates[1]!;
    expect(carol.person).toBe("carol.c");
    expect(carol.line).toBe(23);
    expect(carol.items).toEqual([{ kind: "update", text: "fixed a bug in the flusher, see widgets/widget-core#51" }]);
  });

  it("`- @name:` list items with Done / Blocked / This week sub-lists keep each item's kind", () => {
    const [dev, ada] = sectionOf(m, "providers").updates;
    expect(dev!.person).toBe("dev-d");
    expect(dev!.items).toEqual([
      { kind: "done", text: "Added the reprovider" },
      { kind: "blocked", text: "Waiting on a review of https://github.com/widgets/widget-core/pull/61" },
      { kind: "next", text: "Fix the shutdown race" },
    ]);
    // The block's HTML is its own list item only, not its neighbour's.
    expect(dev!.html).not.toContain("design doc");
    expect(ada).toMatchObject({ person: "ada-l", line: 35, items: [{ kind: "update", text: "wrote the design doc" }] });
  });

  it("`@a / @b` over a topic: one update for each owner, with the same items", () => {
    const updates = sectionOf(m, "cleanup").updates;
    expect(updates.map((u) => u.person)).toEqual(["ada-l", "carol.c"]);
    for (const u of updates) {
      expect(u.line).toBe(38);
      expect(u.items).toEqual([
        { kind: "update", text: "Removed the old flags" },
        { kind: "update", text: "Deleted dead code" },
      ]);
    }
  });

  it("are not found in sections without them", () => {
    expect(sectionOf(m, "questions").updates).toEqual([]);
    expect(sectionOf(m, "action-items").updates).toEqual([]);
  });
});

describe("a section headed by a handle (`##### @name`)", () => {
  const r = parseFixture("2021-01-04-to-2021-01-25--standup-archive.md");
  const first = r.meetings[0]!;

  it("is one update, 'Last week:' items done and 'This week:' items next", () => {
    expect(sectionOf(first, "kai").updates).toEqual([
      {
        person: "kai",
        line: 5,
        html: expect.stringContaining("<li>Reviewed the parser PR</li>"),
        items: [
          { kind: "done", text: "Reviewed the parser PR" },
          { kind: "done", text: "Fixed the CI" },
          { kind: "next", text: "Release the parser" },
        ],
      },
    ]);
  });

  it("reads 'Blocked:'", () => {
    expect(sectionOf(first, "lu").updates[0]!.items).toEqual([{ kind: "blocked", text: "Waiting on a review" }]);
  });

  it("without labels, has plain update items", () => {
    expect(sectionOf(r.meetings[2]!, "kai").updates[0]!.items).toEqual([{ kind: "update", text: "Holidays" }]);
  });
});

describe("update item kinds", () => {
  it.each([
    ["Done", "done"],
    ["Last week:", "done"],
    ["Completed", "done"],
    ["**Blocked on:**", "blocked"],
    ["Blockers", "blocked"],
    ["Next", "next"],
    ["This week:", "next"],
    ["Next steps", "next"],
    ["Todo", "next"],
  ] as const)("%j is %s", (label, kind) => {
    expect(itemKindOf(label)).toBe(kind);
  });

  it("other labels are no kind", () => {
    expect(itemKindOf("Notes")).toBeNull();
  });

  it("a label with its item on the same line", () => {
    const m = only(parseText("# Widget Sync\n\n## Updates\n\n@ada:\n- Done: shipped it\n- Next: more\n  - and more\n"));
    expect(m.sections[0]!.updates[0]!.items).toEqual([
      { kind: "done", text: "shipped it" },
      { kind: "next", text: "more" },
      { kind: "next", text: "and more" },
    ]);
  });

  it("'Last week:' / 'This week:' paragraphs inside an `@name:` block", () => {
    const m = only(parseText("# Widget Sync\n\n## Updates\n\n@ada:\n\nLast week: wrote docs\n\n- fixed CI\n\nThis week:\n\n- release\n"));
    expect(m.sections[0]!.updates[0]!.items).toEqual([
      { kind: "done", text: "wrote docs" },
      { kind: "done", text: "fixed CI" },
      { kind: "next", text: "release" },
    ]);
  });
});

describe("what is not an update", () => {
  it("a participants list under a role heading", () => {
    const m = only(parseFixture("2017-01-02--gizmo-sync.md"));
    expect(m.sections.flatMap((s) => s.updates)).toEqual([]);
  });

  it("a mention in the middle of a sentence", () => {
    const m = only(parseText("# Widget Sync\n\n## Notes\n\nWe asked @ada about it.\n\n- thanks to @bob for the fix\n"));
    expect(m.sections[0]!.updates).toEqual([]);
  });

  it("an e-mail address at the start of a line", () => {
    const m = only(parseText("# Widget Sync\n\n## Notes\n\nada@example.com: sent the invite\n"));
    expect(m.sections[0]!.updates).toEqual([]);
  });

  it("the intro, before any section", () => {
    const m = only(parseText("# Widget Sync\n\n@ada:\n- did things\n"));
    expect(m.sections).toEqual([]);
  });
});

it("@Name and @name give updates for one person id", () => {
  const m = only(parseText("# Widget Sync\n\n## A\n\n@Ada: one\n\n## B\n\n- @ada: two\n"));
  expect(m.sections.map((s) => s.updates.map((u) => u.person))).toEqual([["ada"], ["ada"]]);
});

describe("template blocks left unfilled", () => {
  it("a template's `@name` placeholder with empty labels is no update", () => {
    const m = only(parseText("# Widget Sync\n\n## Week Update\n\n@name\n- Done:\n- Blocked:\n- Next:\n"));
    expect(m.sections[0]!.updates).toEqual([]);
    // Still shown as written, a mention of nobody for the archive to leave unlinked.
    expect(m.sections[0]!.html).toContain("<li>Done:</li>");
  });

  it("a placeholder person is no one's update, whatever the block holds", () => {
    const m = only(parseText("# Widget Sync\n\n## Notes\n\n- @all: please fill in the survey\n- @Example: did the thing\n\n@ada / @name\n- shipped it\n"));
    expect(m.sections[0]!.updates.map((u) => [u.person, u.items.map((i) => i.text)])).toEqual([["ada", ["shipped it"]]]);
  });

  it("a real person's block of empty labels is no update, and does not swallow the next person's", () => {
    const m = only(parseText("# Widget Sync\n\n## Week Update\n\n@ada:\n- **Done:**\n- Blocked:\n  -\n\n@bob:\n- Done: the parser\n"));
    expect(m.sections[0]!.updates.map((u) => [u.person, u.items])).toEqual([["bob", [{ kind: "done", text: "the parser" }]]]);
  });

  it("a block with text, an image or code but no list items is still an update, and so is a bare `@name` over a topic", () => {
    const m = only(parseText("# Widget Sync\n\n## A\n\n@ada:\n\nWrote the plan.\n\n## B\n\n@bob:\n- Done:\n\n![](shot.png)\n\n## C\n\n@cy:\n\n```\nlog\n```\n\n## D\n\n@dee / @eve\n"));
    expect(m.sections.map((s) => s.updates.map((u) => u.person))).toEqual([["ada"], ["bob"], ["cy"], ["dee", "eve"]]);
  });
});
