// Bytes to text, without losing a note: invalid UTF-8 is decoded as
// Windows-1252 (what such files almost always are) and reported.
import type { Problem } from "./model.ts";

export interface Decoded {
  text: string;
  problems: Problem[];
  /** False when the file cannot be a note at all (binary data, empty). */
  publishable: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const cp1252 = new TextDecoder("windows-1252");

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
    text = cp1252.decode(bytes);
    problems.push({
      source,
      line: lineOfByte(bytes, firstInvalidUtf8(bytes)),
      severity: "warning",
      message: "the file is not valid UTF-8; it was read as Windows-1252: save it as UTF-8",
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return fail("the file holds only white space: write the meeting's notes in it, or delete it");
  return { text, problems, publishable: true };
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
