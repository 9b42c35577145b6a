import { describe, it, expect } from "vitest";
import { decode, decodeCp1252, decodeText } from "../../src/core/decode.ts";
import { parseNote } from "../../src/core/parse-note.ts";
import { fixtureBytes, fixtureText, only } from "./helpers.ts";

const SOURCE = "2020-01-06--widget-team-weekly.md";
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...utf8(p)] : p)));

describe("decode", () => {
  it("reads UTF-8 as is", () => {
    expect(decode(utf8("# Café 💫\n"), SOURCE)).toEqual({ text: "# Café 💫\n", problems: [], publishable: true });
  });

  it("drops a byte order mark", () => {
    expect(decode(bytes([0xef, 0xbb, 0xbf], "# Hi\n"), SOURCE).text).toBe("# Hi\n");
  });

  it("turns CRLF and lone CR line ends into LF", () => {
    expect(decode(utf8("a\r\nb\rc\n"), SOURCE).text).toBe("a\nb\nc\n");
  });

  it("refuses an empty file with an error", () => {
    const d = decode(new Uint8Array(), SOURCE);
    expect(d.publishable).toBe(false);
    expect(d.problems).toEqual([{ source: SOURCE, line: 0, severity: "error", message: expect.stringMatching(/empty/) }]);
  });

  it("refuses white space only, whatever the line ends", () => {
    const d = decode(utf8(" \r\n\t\n  "), SOURCE);
    expect(d.publishable).toBe(false);
    expect(d.problems[0]).toMatchObject({ line: 0, severity: "error", message: expect.stringMatching(/white space/) });
  });

  it("refuses binary data, naming the line of the first NUL byte", () => {
    const d = decode(bytes("# Title\nsecond\nthird ", [0x00, 0x01, 0x02]), SOURCE);
    expect(d.publishable).toBe(false);
    expect(d.problems).toEqual([
      { source: SOURCE, line: 0, severity: "error", message: expect.stringMatching(/binary data \(a NUL byte on line 3\)/) },
    ]);
  });

  it("reads invalid UTF-8 as Windows-1252, with a warning on the first bad line", () => {
    // A file saved by an old editor: curly quotes 0x93/0x94, an en dash 0x96, é 0xE9, € 0x80.
    const d = decode(bytes("# Caf", [0xe9], "\n\nok\n", [0x93], "quoted", [0x94], " ", [0x96], " 5", [0x80], "\n"), SOURCE);
    expect(d.publishable).toBe(true);
    expect(d.text).toBe("# Café\n\nok\n“quoted” – 5€\n");
    expect(d.problems).toEqual([
      { source: SOURCE, line: 1, severity: "warning", message: expect.stringMatching(/not valid UTF-8.*Windows-1252/) },
    ]);
  });

  it("names the line of the first invalid byte, not the first non-ASCII one", () => {
    const d = decode(bytes("# Zürich\n\nfine\n", [0x93], "bad\n"), SOURCE);
    expect(d.problems[0]!.line).toBe(4);
  });

  it("treats a truncated multi-byte sequence as invalid", () => {
    const d = decode(bytes("ok\n", [0xe2, 0x80]), SOURCE);
    expect(d.problems[0]).toMatchObject({ line: 2, severity: "warning" });
    expect(d.text).toBe("ok\nâ€");
  });
});

describe("decodeCp1252", () => {
  it("maps 0x80..0x9F to their Windows-1252 characters, the rest as Latin-1", () => {
    expect(decodeCp1252(Uint8Array.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99]))).toBe("€…‘’“”–—™");
    expect(decodeCp1252(Uint8Array.from([0x41, 0xa0, 0xe9, 0xff]))).toBe("A\u00a0éÿ");
    // The five bytes Windows-1252 leaves undefined stay C1 controls, as the WHATWG table says.
    expect(decodeCp1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe("\u0081\u008d\u008f\u0090\u009d");
  });
});

describe("decodeText (parseNote given a string)", () => {
  it("drops a BOM and normalises line ends as bytes do", () => {
    expect(decodeText("\uFEFF# Hi\r\nthere\r", SOURCE)).toEqual({ text: "# Hi\nthere\n", problems: [], publishable: true });
  });

  it("refuses empty and white-space-only text", () => {
    expect(decodeText("", SOURCE).problems[0]!.message).toMatch(/empty/);
    expect(decodeText(" \n\t", SOURCE).problems[0]!.message).toMatch(/white space/);
    expect(decodeText(" \n\t", SOURCE).publishable).toBe(false);
  });
});

describe("bad input through parseNote", () => {
  it.each([
    ["an empty file", new Uint8Array()],
    ["an empty string", ""],
    ["white space only", utf8("\n \n\t\n")],
    ["a white-space string", "  \r\n  "],
    ["binary data", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])],
  ])("publishes nothing for %s, with one error", (_what, input) => {
    const r = parseNote(input, { source: SOURCE });
    expect(r.meetings).toEqual([]);
    expect(r.people).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ source: SOURCE, line: 0, severity: "error" });
  });

  it("publishes a Windows-1252 note, warning once", () => {
    const r = parseNote(bytes("# Caf", [0xe9], " ", [0x93], "Sync", [0x94], "\n\n## Notes\n\n- fine\n"), { source: SOURCE });
    const m = only(r);
    expect(m.title).toBe("Café “Sync”");
    expect(r.problems.map((p) => p.severity)).toEqual(["warning"]);
  });

  it("gives the same meeting for a note saved with a BOM and CRLF line ends, lines unchanged", () => {
    const name = "2019-04-08--widget-team-weekly.md";
    const plain = parseNote(fixtureBytes(name), { source: name });
    const windows = parseNote(bytes([0xef, 0xbb, 0xbf], fixtureText(name).replace(/\n/g, "\r\n")), { source: name });
    const asString = parseNote("\uFEFF" + fixtureText(name).replace(/\n/g, "\r\n"), { source: name });
    expect(windows).toEqual(plain);
    expect(asString).toEqual(plain);
    expect(only(windows).title).toBe("Widget Team Weekly Sync 2019-04-08");
  });

  it("reads front matter after a BOM", () => {
    const m = only(parseNote(bytes([0xef, 0xbb, 0xbf], "---\r\ntitle: Hello\r\n---\r\n# Other\r\n"), { source: SOURCE }));
    expect(m.title).toBe("Hello");
    expect(m.line).toBe(4);
  });
});
