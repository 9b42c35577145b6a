import { describe, expect, it } from "vitest";
import { clean, firstLine } from "../../src/core/text.ts";

// What clean() must give: white space collapsed to one space, and trimmed.
const reference = (s: string): string => s.replace(/\s+/g, " ").trim();

describe("clean", () => {
  it("collapses and trims every kind of white space", () => {
    const samples = [
      "",
      " ",
      "plain words",
      "two  spaces",
      " leading",
      "trailing ",
      "tab\there",
      "line\nbreak",
      "crlf\r\nbreak",
      "no\u00a0break space",
      "em\u2003space",
      "\ufeffbom first",
      "ideographic\u3000space",
      "  many   runs \t\n of  space  ",
      "a\u2028b\u2029c",
    ];
    for (const s of samples) expect(clean(s), JSON.stringify(s)).toBe(reference(s));
  });
});

describe("firstLine", () => {
  it("is the text up to its first line break", () => {
    expect(firstLine("one\ntwo\nthree")).toBe("one");
    expect(firstLine("only")).toBe("only");
    expect(firstLine("\nafter")).toBe("");
  });
});
