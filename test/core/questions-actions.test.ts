import { describe, it, expect } from "vitest";
import { only, parseFixture, parseText } from "./helpers.ts";

describe("questions", () => {
  it("`Q(@name): ...` in a paragraph or a list item, with its section and line", () => {
    const m = only(parseFixture("2019-04-08--widget-team-weekly.md"));
    expect(m.questions).toEqual([
      { person: "bob_b", text: "When do we cut the release?", line: 45, section: "questions" },
      { person: "carol.c", text: "Who reviews the docs?", line: 46, section: "questions" },
    ]);
  });

  it("in a multi-meeting file, belongs to its own meeting", () => {
    const r = parseFixture("2021-01-04-to-2021-01-25--standup-archive.md");
    expect(r.meetings.map((m) => m.questions.map((q) => [q.person, q.text, q.line]))).toEqual([[["kai", "When is the freeze?", 24]], [], []]);
  });

  const m = only(
    parseText(
      [
        "# Widget Sync", //                    1
        "", //                                  2
        "## Q&A", //                            3
        "", //                                  4
        "Q(@ada): first question?", //          5
        "it runs on here", //                   6
        "Q(@Bob) - second question?", //        7
        "and its own tail", //                  8
        "", //                                  9
        "**Q(@cy):** in bold?", //              10
        "", //                                  11
        "- _Q(@dee): in italics?_", //          12
        "", //                                  13
        "FAQ(@x): not a question", //           14
      ].join("\n"),
    ),
  );

  it("runs on over the lines below it, up to the next question only", () => {
    expect(m.questions.slice(0, 2)).toEqual([
      { person: "ada", text: "first question? it runs on here", line: 5, section: "q-a" },
      { person: "bob", text: "second question? and its own tail", line: 7, section: "q-a" },
    ]);
  });

  it("may be bold or italic", () => {
    expect(m.questions.slice(2).map((q) => [q.person, q.text, q.line])).toEqual([
      ["cy", "in bold?", 10],
      ["dee", "in italics?", 12],
    ]);
  });

  it("is not found inside another word", () => {
    expect(m.questions.map((q) => q.person)).not.toContain("x");
  });
});

describe("actions", () => {
  it("`- [ ] @x do` and `- [x] @x done` are tasks, open and done", () => {
    const m = only(parseFixture("2019-04-08--widget-team-weekly.md"));
    expect(m.actions).toEqual([
      { text: "@Bob_b write the release notes", owners: ["bob_b"], done: false, line: 49, section: "action-items" },
      { text: "@carol.c merge the flusher fix", owners: ["carol.c"], done: true, line: 50, section: "action-items" },
    ]);
  });

  it("`ACTION:` and `TODO(@x):` lines, and every item of an 'Action Items' section", () => {
    const m = only(parseFixture("2018-03-05-gadget-sync.md"));
    expect(m.actions).toEqual([
      { text: "@fgreen book the room for the offsite", owners: ["fgreen"], done: false, line: 13, section: "notes" },
      { text: "send the survey", owners: ["eli"], done: false, line: 14, section: "notes" },
      { text: "@eli to draft the release notes", owners: ["eli"], done: false, line: 18, section: "action-items" },
      { text: "Publish the blog post (@dana)", owners: ["dana"], done: false, line: 19, section: "action-items" },
    ]);
  });

  it("a task in an agenda, owned by nobody", () => {
    expect(only(parseFixture("2017-10-6--all-hands.md")).actions).toEqual([
      { text: "Captains should write down the roadmap", owners: [], done: false, line: 20, section: "agenda" },
    ]);
  });

  const m = only(
    parseText(
      [
        "# Widget Sync", //                             1
        "", //                                           2
        "## Discussion", //                              3
        "", //                                           4
        "- ACTION ITEM: @ada file it", //                5
        "- AI(@bob): check the numbers", //              6
        "- **ACTION:** @cy and @Dee pair on it", //      7
        "- [X] upper-case X is done too", //             8
        "- action: lower case is prose", //              9
        "- We discussed it.", //                         10
        "", //                                           11
        "ACTION: @eve first", //                         12
        "continued here", //                             13
        "TODO: second one", //                           14
        "", //                                           15
        "Some prose, then", //                           16
        "ACTION: @fay on a later line", //               17
        "", //                                           18
        "## Next steps", //                              19
        "", //                                           20
        "1. @gus writes it", //                          21
        "2. Plain step", //                              22
      ].join("\n"),
    ),
  );

  it("owners come from handles in the text or in parentheses, lower-cased, once each", () => {
    expect(m.actions.slice(0, 4)).toEqual([
      { text: "@ada file it", owners: ["ada"], done: false, line: 5, section: "discussion" },
      { text: "check the numbers", owners: ["bob"], done: false, line: 6, section: "discussion" },
      { text: "@cy and @Dee pair on it", owners: ["cy", "dee"], done: false, line: 7, section: "discussion" },
      { text: "upper-case X is done too", owners: [], done: true, line: 8, section: "discussion" },
    ]);
  });

  it("plain items outside an action section are not actions", () => {
    expect(m.actions.map((a) => a.text)).not.toContain("We discussed it.");
    expect(m.actions.map((a) => a.text)).not.toContain("action: lower case is prose");
  });

  it("each `ACTION:` line of a paragraph is an action of its own, with its own line", () => {
    expect(m.actions.filter((a) => a.line >= 12 && a.line <= 17)).toEqual([
      { text: "@eve first continued here", owners: ["eve"], done: false, line: 12, section: "discussion" },
      { text: "second one", owners: [], done: false, line: 14, section: "discussion" },
      { text: "@fay on a later line", owners: ["fay"], done: false, line: 17, section: "discussion" },
    ]);
  });

  it("a 'Next steps' section's ordered items are actions", () => {
    expect(m.actions.filter((a) => a.section === "next-steps").map((a) => [a.text, a.owners])).toEqual([
      ["@gus writes it", ["gus"]],
      ["Plain step", []],
    ]);
  });

  it("owners are people of the note", () => {
    const r = parseText("# Widget Sync\n\n## Action Items\n\n- [ ] @NewPerson do it\n");
    expect(r.people).toEqual([{ id: "newperson", handle: "NewPerson" }]);
  });
});
