import { describe, it, expect } from "vitest";
import { parsePeople, plainName } from "../../src/core/people.ts";
import { handleId, slugify } from "../../src/core/text.ts";

const ids = (value: string): string[] => parsePeople(value).map((p) => p.id);

describe("parsePeople", () => {
  it("reads handles separated by commas, semicolons, slashes, 'and', '&' or spaces", () => {
    expect(ids("@ada, @bob")).toEqual(["ada", "bob"]);
    expect(ids("@ada; @bob")).toEqual(["ada", "bob"]);
    expect(ids("@ada / @bob and @cy")).toEqual(["ada", "bob", "cy"]);
    expect(ids("@ada & @bob")).toEqual(["ada", "bob"]);
    expect(ids("@ada @bob")).toEqual(["ada", "bob"]);
    expect(ids("@ada - @bob")).toEqual(["ada", "bob"]);
    expect(ids("@ada\n@bob")).toEqual(["ada", "bob"]);
  });

  it("does not take a version number after @ for a handle", () => {
    expect(ids("@ada, @0.4.19")).not.toContain("0.4.19");
  });

  it("keeps the handle as written and lower-cases the id", () => {
    expect(parsePeople("@Bob_B")).toEqual([{ id: "bob_b", handle: "Bob_B" }]);
    expect(parsePeople("@carol.c")).toEqual([{ id: "carol.c", handle: "carol.c" }]);
  });

  it("reads 'Name (@handle)' as one person with a name", () => {
    expect(parsePeople("Fay Green (@fgreen)")).toEqual([{ id: "fgreen", handle: "fgreen", name: "Fay Green" }]);
    expect(parsePeople("Fay Green [@fgreen]")).toEqual([{ id: "fgreen", handle: "fgreen", name: "Fay Green" }]);
  });

  it("does not take a remark after the handle for a name", () => {
    expect(parsePeople("@xan (notes)")).toEqual([{ id: "xan", handle: "xan" }]);
  });

  it("reads plain names as people identified by a slug", () => {
    expect(parsePeople("Ivo Ruiz")).toEqual([{ id: "ivo-ruiz", name: "Ivo Ruiz" }]);
    expect(parsePeople("Lucía Moreno")).toEqual([{ id: "lucia-moreno", name: "Lucía Moreno" }]);
    expect(parsePeople("Ann; Ben & @cid")).toEqual([
      { id: "ann", name: "Ann" },
      { id: "ben", name: "Ben" },
      { id: "cid", handle: "cid" },
    ]);
  });

  it("drops duplicates, whatever their case, keeping the first", () => {
    expect(parsePeople("@Quinn, @rosa, @quinn")).toEqual([
      { id: "quinn", handle: "Quinn" },
      { id: "rosa", handle: "rosa" },
    ]);
    expect(ids("Omar Haddad (@ohaddad), @ohaddad")).toEqual(["ohaddad"]);
    expect(parsePeople("Omar Haddad (@ohaddad), @ohaddad")[0]!.name).toBe("Omar Haddad");
  });

  it.each([
    "_attendee names..._",
    "attendee names…",
    "add your name here",
    "TBD",
    "tba",
    "N/A",
    "none",
    "everyone",
    "___",
    "???",
    "...",
    "1234",
    "[link](https://example.com)",
    "a sentence that is much too long to be anybody's name at all",
    "one two three four five",
    "",
  ])("drops the placeholder or non-name %j", (value) => {
    expect(parsePeople(value)).toEqual([]);
  });

  it("keeps the real people beside a placeholder", () => {
    expect(ids("@ada, TBD, _attendee names..._")).toEqual(["ada"]);
  });

  it("does not take an e-mail address for a handle", () => {
    expect(ids("ada@example.com")).toEqual([]);
  });
});

describe("plainName", () => {
  it("trims list markers, emphasis and trailing punctuation", () => {
    expect(plainName("- **Kim Park**:")).toBe("Kim Park");
    expect(plainName("_Forrest Plain_.")).toBe("Forrest Plain");
  });

  it("drops a parenthesised remark", () => {
    expect(plainName("Jay Carpenter (Phoenix, AZ)")).toBe("Jay Carpenter");
  });

  it("is null for placeholders and markup", () => {
    expect(plainName("TBD")).toBeNull();
    expect(plainName("<!-- add your handle -->")).toBeNull();
    expect(plainName("key=value")).toBeNull();
  });
});

describe("ids", () => {
  it("make @Stebalien and @stebalien one person", () => {
    expect(handleId("@Stebalien")).toBe(handleId("stebalien"));
  });

  it("slugs are ASCII, hyphenated and trimmed", () => {
    expect(slugify("  Lucía  Moreno! ")).toBe("lucia-moreno");
    expect(slugify("Widget's Team — Weekly")).toBe("widgets-team-weekly");
    expect(slugify("日本")).toBe("");
  });
});
