// Repairs UTF-8 text that was once decoded as Mac Roman or Windows-1252 and
// saved again ("üí´" for "💫"). A run of non-ASCII characters is replaced only
// when mapping it back to single bytes yields valid UTF-8, so real accented
// text ("café", "Zürich") is left alone.

// Mac Roman 0x80..0xFF.
const MAC_ROMAN =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø" +
  "¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";
// Windows-1252 0x80..0x9F (0xA0..0xFF are Latin-1); undefined slots map to C1 controls.
export const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function table(high: string, latin1Tail: boolean): Map<string, number> {
  const map = new Map<string, number>();
  [...high].forEach((ch, i) => map.set(ch, 0x80 + i));
  if (latin1Tail) for (let b = 0xa0; b <= 0xff; b++) map.set(String.fromCharCode(b), b);
  return map;
}

const TABLES = [table(MAC_ROMAN, false), table(CP1252_HIGH, true)];
const utf8 = new TextDecoder("utf-8", { fatal: true });
// Runs of characters any of the tables can produce; ASCII never takes part in a multi-byte sequence.
const RUN = /[^\x00-\x7F]{2,}/g;

export interface Repair {
  text: string;
  /** 1-based lines where a repair was made. */
  lines: number[];
}

export function repairMojibake(text: string): Repair {
  RUN.lastIndex = 0;
  if (!RUN.test(text)) return { text, lines: [] };
  const lines = new Set<number>();
  const fixed = text.replace(RUN, (run, offset: number) => {
    const repaired = repairRun(run);
    if (repaired !== run) lines.add(lineAt(text, offset));
    return repaired;
  });
  return { text: fixed, lines: [...lines].sort((a, b) => a - b) };
}

function repairRun(run: string): string {
  for (const map of TABLES) {
    const bytes: number[] = [];
    let ok = true;
    for (const ch of run) {
      const b = map.get(ch);
      if (b === undefined) {
        ok = false;
        break;
      }
      bytes.push(b);
    }
    if (!ok) continue;
    // The Apple logo stands for byte 0xF0 in Mac Roman: the lead byte of a 4-byte sequence (emoji).
    try {
      const decoded = utf8.decode(Uint8Array.from(bytes));
      if (decoded !== run && plausible(decoded)) return decoded;
    } catch {
      // Not a whole UTF-8 sequence: try the run in parts below.
    }
  }
  return repairParts(run);
}

/** A run may mix repaired sequences and real characters: repair the longest valid prefixes. */
function repairParts(run: string): string {
  const chars = [...run];
  if (chars.length <= 2) return run;
  let out = "";
  let i = 0;
  while (i < chars.length) {
    let done = false;
    for (let len = Math.min(4, chars.length - i); len >= 2; len--) {
      const part = chars.slice(i, i + len).join("");
      const fixed = decodeWith(part);
      if (fixed !== null) {
        out += fixed;
        i += len;
        done = true;
        break;
      }
    }
    if (!done) out += chars[i++];
  }
  return out;
}

function decodeWith(part: string): string | null {
  for (const map of TABLES) {
    const bytes: number[] = [];
    for (const ch of part) {
      const b = map.get(ch);
      if (b === undefined) break;
      bytes.push(b);
    }
    if (bytes.length !== [...part].length) continue;
    try {
      const decoded = utf8.decode(Uint8Array.from(bytes));
      if (decoded !== part && plausible(decoded)) return decoded;
    } catch {
      // not this table
    }
  }
  return null;
}

// Some runs decode under both tables: "Ã©" is "é" read as Windows-1252, but read
// back as Mac Roman it is the bytes CC A9, a lone combining mark (U+0329). Text
// never starts with a combining mark, nor holds controls, private-use or
// unassigned code points, so such a decoding is not the one meant.
const IMPLAUSIBLE = /^\p{M}|[\p{Cc}\p{Co}\p{Cn}]/u;

function plausible(decoded: string): boolean {
  return !IMPLAUSIBLE.test(decoded);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
