// What a reader types -> the words of a query, each with the term the index
// would hold for it (through the same pipeline as the notes), the prefix it
// may still be growing into (the last word, while typing), and the words
// inside it to fall back to. No lunr query syntax is ever parsed: `foo:`,
// `+`, `~`, `*` are punctuation like any other.
import { normalizeTerm, splitWord, tokenize } from "./pipeline.ts";

export interface QueryWord {
  /** The word as the tokenizer read it (lower case, no "@"). */
  text: string;
  /** The index term it must match, or null for a stop word. */
  term: string | null;
  /** When the reader may still be typing it: any index term starting with this matches too. */
  prefix: string | null;
  /** The words inside it, used when the index holds neither the word nor a term it prefixes. */
  parts: QueryWord[];
}

/** Prefixes shorter than this would expand to too many terms to be useful. */
export const MIN_PREFIX = 2;
/** Words of a query beyond this many are left out. */
export const MAX_WORDS = 16;

function word(text: string, partial: boolean): QueryWord {
  const term = normalizeTerm(text);
  return {
    text,
    term,
    prefix: partial && term !== null && text.length >= MIN_PREFIX ? text : null,
    parts: splitWord(text).map((p) => word(p.text, false)),
  };
}

/**
 * The words of a query. The last word counts as still being typed (it also
 * matches as a prefix) unless the query ends with a space.
 */
export function parseQuery(q: string): QueryWord[] {
  const tokens = tokenize(q.slice(0, 500));
  const open = !/\s$/.test(q);
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  tokens.forEach((t, i) => {
    const text = t.toString();
    const w = word(text, open && i === tokens.length - 1);
    const key = `${w.term} ${w.prefix}`;
    if ((w.term === null && w.parts.length === 0) || seen.has(key) || words.length >= MAX_WORDS) return;
    seen.add(key);
    words.push(w);
  });
  return words;
}
