// Bytes to text, without losing a note: invalid UTF-8 is decoded as
// Windows-1252 (what such files almost always are) and reported.
import type { Problem } from "./model.ts";
import { CP1252_HIGH } from "./mojibake.ts";

export interface Decoded {
  text: string;
  problems: Problem[];
  /** False when the file cannot be a note at all (binary data, empty). */
  publishable: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decode(bytes: Uint8Array, source: string): Decoded {
  const problems: Problem[] = [];
  const fail = (message: string): Decoded => ({
    text: "",
    problems: [{ source, line: 0, severity: "error", message }],
    publishable: false,
  });
  if (bytes.length === 0) return fail("the file is empty: write the meeting's notes in it, or delete it");
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      `the file holds binary data (a NUL byte on line ${lineOfByte(bytes, nul)}), not markdown text: ` +
        "rename it if it is not a note",
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeCp1252(bytes);
    problems.push({
      source,
      line: lineOfByte(bytes, firstInvalidUtf8(bytes)),
      severity: "warning",
      message: "the file is not valid UTF-8; it was read as Windows-1252: save it as UTF-8",
    });
  }
  const checked = decodeText(text, source);
  return { ...checked, problems: [...problems, ...checked.problems] };
}

/**
 * Text already decoded (parseNote also takes strings, e.g. from readFileSync(path, "utf8")):
 * the same BOM, line-ending and blank-file handling as bytes get, so both inputs give one result.
 */
export function decodeText(input: string, source: string): Decoded {
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") {
    const message = input === "" ? "the file is empty: write the meeting's notes in it, or delete it" : "the file holds only white space: write the meeting's notes in it, or delete it";
    return { text: "", problems: [{ source, line: 0, severity: "error", message }], publishable: false };
  }
  return { text, problems: [], publishable: true };
}

/**
 * Windows-1252 by table, not by `new TextDecoder("windows-1252")`: Node (20 among others)
 * decodes that label as Latin-1, turning 0x80..0x9F (curly quotes, dashes, "€") into C1
 * controls (nodejs/node#56542).
 */
export function decodeCp1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return out;
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Index of the first byte that breaks UTF-8 (0 if none is found). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}
