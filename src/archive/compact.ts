// A parsed note's strings, copied so that the archive keeps each at its own
// size. The parser's strings are slices and joins of the note's text, and V8
// stores a string with one character above U+00FF (an emoji, a curly quote)
// at two bytes a character, with every slice of it and every string joined
// from those slices: one such character anywhere doubles what a note's HTML
// costs for the whole build. A slice also keeps its whole note alive. Copied
// one by one, the strings without such characters take one byte each, and
// none holds on to another. (Notes from the worker come as JSON, whose parser
// makes its strings this way already.)

// Shorter strings are copied whole by V8 when sliced, and cost little either way.
const MIN_LENGTH = 13;
const WIDE = /[^\x00-\xff]/;

function compactString(s: string): string {
  if (s.length < MIN_LENGTH) return s;
  return WIDE.test(s) ? Buffer.from(s, "utf16le").toString("utf16le") : Buffer.from(s, "latin1").toString("latin1");
}

/** The same plain data (the model: objects, arrays, strings), its strings replaced in place by compact copies. */
export function compactStrings<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === "string") return compactString(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) record[key] = walk(record[key]);
  return value;
}
