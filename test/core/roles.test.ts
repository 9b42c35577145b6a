import { describe, it, expect } from "vitest";
import { bareRoleOf, roleOf, splitLabel } from "../../src/core/extract/labels.ts";
import { only, parseFixture, parseText } from "./helpers.ts";

describe("labels", () => {
  it.each([
    ["Meeting Lead", "leads"],
    ["**Moderator:**", "leads"],
    ["Facilitator", "leads"],
    ["Hosted by", "leads"],
    ["Notetaker", "notetakers"],
    ["Note-taker", "notetakers"],
    ["Notes by", "notetakers"],
    ["Scribe", "notetakers"],
    ["Attendees", "attendees"],
    ["Participants", "attendees"],
    ["Present", "attendees"],
    ["In attendance", "attendees"],
    ["Recording", "recording"],
    ["Zoom recording link", "recording"],
  ] as const)("%j names %s", (label, role) => {
    expect(roleOf(label)).toBe(role);
  });

  it.each(["Moderator for next time", "Moderator/notetaker for next time", "Agenda", "Leadership", "Leaderboard"])("%j names no role", (label) => {
    expect(roleOf(label)).toBeNull();
  });

  it("a bare 'Notes' or 'Minutes' heads the notes, not the notetaker", () => {
    expect(roleOf("Notes")).toBe("notetakers");
    expect(bareRoleOf("Notes")).toBeNull();
    expect(bareRoleOf("**Minutes:**")).toBeNull();
    expect(bareRoleOf("Notetaker")).toBe("notetakers");
    expect(bareRoleOf("Participants")).toBe("attendees");
  });

  it("splitLabel reads 'Label: value', list markers, a remark before the colon, and bare labels", () => {
    expect(splitLabel("Present: @a, @b")).toEqual({ label: "Present", value: "@a, @b" });
    expect(splitLabel("- Lead: @x")).toEqual({ label: "Lead", value: "@x" });
    expect(splitLabel("Notetaker (rotating): @y")).toEqual({ label: "Notetaker", value: "@y" });
    expect(splitLabel("Participants")).toEqual({ label: "Participants", value: "" });
    expect(splitLabel("Some sentence, with a comma: yes")).toBeNull();
  });
});

describe("roles as bold labels", () => {
  const m = only(parseFixture("2019-04-08--widget-team-weekly.md"));

  it("reads `**Meeting Lead:** @x`", () => {
    expect(m.leads).toEqual(["ada-l"]);
  });

  it("reads `**Attendees:**` over an indented list", () => {
    expect(m.attendees).toEqual(["ada-l", "bob_b", "carol.c", "dev-d"]);
  });

  it("reads `**Recording:** [text](url)` as a link", () => {
    expect(m.recordings).toEqual([{ href: "https://example.com/rec/widget-0408", text: "Recording of the call" }]);
  });

  it("leaves unnamed roles empty", () => {
    expect(m.notetakers).toEqual([]);
  });
});

describe("roles as list items", () => {
  const m = only(parseFixture("2018-03-05-gadget-sync.md"));

  it("reads `- **Lead:** @x` and `- **Notetaker:** @y`", () => {
    expect(m.leads).toEqual(["dana"]);
    expect(m.notetakers).toEqual(["eli"]);
  });

  it("reads `- **Attendees:**` with a nested list, and a name beside a handle", () => {
    expect(m.attendees).toEqual(["dana", "eli", "fgreen"]);
    expect(parseFixture("2018-03-05-gadget-sync.md").people).toContainEqual({ id: "fgreen", handle: "fgreen", name: "Fay Green" });
  });

  it("does not take a later '## Notes' section for notetakers", () => {
    expect(m.notetakers).not.toContain("we-talked-about-the-release");
  });
});

describe("roles as headings", () => {
  const r = parseFixture("2017-01-02--gizmo-sync.md");
  const m = only(r);

  it("reads `#### Lead: Name (@h)` with the name", () => {
    expect(m.leads).toEqual(["mwong"]);
    expect(r.people).toContainEqual({ id: "mwong", handle: "mwong", name: "Mia Wong" });
  });

  it("reads `#### Notetaker: @x`", () => {
    expect(m.notetakers).toEqual(["nils"]);
  });

  it("reads `#### Participants` over a list", () => {
    expect(m.attendees).toEqual(["oren", "pia", "mwong"]);
  });

  it("reads `## Participants` over paragraphs", () => {
    const p = only(parseText("# Widget Sync\n\n## Participants\n\n@ada, @bob\nFay Green\n\n## Agenda\n\n- x\n"));
    expect(p.attendees).toEqual(["ada", "bob", "fay-green"]);
  });

  it("takes the title from a level-2 heading that stands first", () => {
    expect(m.title).toBe("Gizmo Sync");
  });
});

describe("roles as plain lines", () => {
  it("reads `Present: @a, @b` in a note with only a date for a name", () => {
    expect(only(parseFixture("2019-04-01.md")).attendees).toEqual(["gus", "hana"]);
  });

  it("reads `Moderator: Name` as a person without a handle", () => {
    const r = parseFixture("team-call-notes.md");
    expect(only(r).leads).toEqual(["ivo-ruiz"]);
    expect(r.people).toEqual([{ id: "ivo-ruiz", name: "Ivo Ruiz" }]);
  });

  it("reads a bold label without colon, several handles on a line, and drops TBD and duplicates", () => {
    const m = only(parseFixture("2020-06-15--tooling-call.md"));
    // "**Moderator** Kim Park"
    expect(m.leads).toEqual(["kim-park"]);
    // "Present: @quinn, @rosa @sam, @quinn"
    expect(m.attendees).toEqual(["quinn", "rosa", "sam"]);
    // "Notetaker: TBD", and the "## Notes" section below is no notetaker either.
    expect(m.notetakers).toEqual([]);
  });

  it("does not read plain labels once the notes proper have begun", () => {
    const m = only(parseText("# Widget Sync\n\n## Discussion\n\nPresent: @ada, @bob\n"));
    expect(m.attendees).toEqual([]);
  });

  it("reads `Notes: @x` (with a value) as the notetaker", () => {
    expect(only(parseText("# Widget Sync\n\nNotes: @eli\n\n## Notes\n\n- item\n")).notetakers).toEqual(["eli"]);
  });

  it("does not take a bold `**Notes**` over a list for notetakers", () => {
    const m = only(parseText("# Widget Sync\n\n**Notes**\n- Shipping went well\n- Ada Byron\n"));
    expect(m.notetakers).toEqual([]);
  });
});

describe("attendee lists", () => {
  const r = parseFixture("2017-10-6--all-hands.md");
  const m = only(r);

  it("read `**Attendees**` without a colon, names with handles and names alone", () => {
    expect(m.attendees).toEqual(["kim", "lee", "ohaddad", "forrest-plain"]);
    expect(r.people).toContainEqual({ id: "ohaddad", handle: "ohaddad", name: "Omar Haddad" });
    expect(r.people).toContainEqual({ id: "forrest-plain", name: "Forrest Plain" });
  });

  it("drop placeholders (`_attendee names..._`, HTML comments) and duplicates", () => {
    expect(m.attendees).toHaveLength(new Set(m.attendees).size);
    expect(r.people.map((p) => p.id).join(" ")).not.toMatch(/attendee|add-your/);
  });

  it("ignore a placeholder-only role line", () => {
    const p = only(parseText("# Widget Sync\n\nAttendees: _attendee names..._\nLead: TBD\n"));
    expect(p.attendees).toEqual([]);
    expect(p.leads).toEqual([]);
  });

  it("read the moderator and notetaker of the same paragraph", () => {
    expect(m.leads).toEqual(["kim"]);
    expect(m.notetakers).toEqual(["lee"]);
  });
});

describe("'Moderator for next time' in an agenda", () => {
  it("is not this meeting's lead or notetaker", () => {
    const m = only(parseFixture("2016-08-08--gizmo-all-hands.md"));
    expect(m.leads).toEqual([]);
    expect(m.notetakers).toEqual([]);
    expect(m.attendees).toEqual(["abe", "bea"]);
  });

  it("does not displace the lead named at the top", () => {
    expect(only(parseFixture("2017-10-6--all-hands.md")).leads).toEqual(["kim"]);
  });
});

describe("recordings", () => {
  it("read a bare URL after `Recording:`", () => {
    expect(only(parseFixture("2017-10-6--all-hands.md")).recordings).toEqual([
      { href: "https://example.com/rec/all-hands-1006", text: "https://example.com/rec/all-hands-1006" },
    ]);
  });

  it("read a list of links under a bold label", () => {
    const m = only(parseText("# Widget Sync\n\n**Recordings:**\n- [Part 1](https://example.com/1)\n- [Part 2](https://example.com/2)\n"));
    expect(m.recordings).toEqual([
      { href: "https://example.com/1", text: "Part 1" },
      { href: "https://example.com/2", text: "Part 2" },
    ]);
  });

  it("ignore a recording label with no link", () => {
    expect(only(parseText("# Widget Sync\n\nRecording: none yet\n")).recordings).toEqual([]);
  });
});

it("the roles rule can be disabled by name", () => {
  const m = only(parseFixture("2019-04-08--widget-team-weekly.md", { disable: ["roles"] }));
  expect(m.leads).toEqual([]);
  expect(m.attendees).toEqual([]);
  expect(m.recordings).toEqual([]);
});
