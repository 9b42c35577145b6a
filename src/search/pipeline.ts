// The one text pipeline of search, shared by the index builder (Node) and
// the browser (the worker that queries, the page that highlights): what a
// reader types goes through exactly the functions the notes went through,
// so punctuation never makes a query miss what the index holds.
//
//   tokenize        text -> words, with their positions. "@stebalien" ->
//                   "stebalien", "#5783" -> "5783", "Q(@lidel):" -> "q@lidel"
//                   (a question marker), "go-ipfs#5783", "base32/cidv1",
//                   "0.4.19" stay whole.
//   minutebook-split   a word -> itself and the words inside it:
//                   "ipfs/go-ipfs#5783" -> also "go-ipfs#5783", "ipfs",
//                   "go-ipfs", "5783", "go"; "v0.4.19" -> "0.4.19", "0.4";
//                   "q@lidel" -> "lidel". So "go-ipfs", "0.4" and "lidel"
//                   find what holds them.
//   minutebook-stop    English stop words out (lunr's list).
//   minutebook-stem    Porter stemming (lunr's stemmer) of plain words only;
//                   handles with digits, versions and compounds stay as typed.
import lunr from "lunr";

export interface Position {
  /** Offset of the word in the text (UTF-16 code units). */
  start: number;
  length: number;
}

/** Metadata the tokenizer and the split function put on every token. */
interface TokenMeta {
  position: [number, number];
  /** 0 for a word as written, 1 for a word inside it, 2 inside that, … */
  depth: number;
  /** Index of the written word in the text's word list. */
  word: number;
  /** The word was written "@name". */
  handle?: boolean;
  /** Where the name of a question marker "Q(@name)" is written. */
  name?: [number, number];
}

// A word: letters and digits, joined by - _ . / # @ + and apostrophes when
// these stand between letters or digits. An "@" or "#" in front is dropped.
// A question marker "Q(@name)" is one token of its own.
const TOKEN =
  /\b[Qq] ?\( ?@?([\p{L}\p{N}][\p{L}\p{N}_.-]*[\p{L}\p{N}]|[\p{L}\p{N}]) ?\)|[@#]?[\p{L}\p{N}\p{M}]+(?:[-_./#@+'\u2019]+[\p{L}\p{N}\p{M}]+)*/gu;
const POSSESSIVE = /['\u2019]s$/;
const APOSTROPHES = /['\u2019]/g;

/** A word as written: its token string, where it is, and (for "Q(@name)") where the name is. */
interface Word {
  str: string;
  start: number;
  length: number;
  name?: [number, number];
}

/** The words of a text, in order: the tokenizer without lunr's objects. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = wordOf(m[0], m[1], m.index);
    if (word) out.push(word);
  }
  return out;
}

/** A match of TOKEN (and its question marker's name) as the word it writes at `start`; null when nothing of it is left. */
function wordOf(token: string, name: string | undefined, start: number): Word | null {
  if (name !== undefined) {
    const nameAt = start + token.indexOf(name, token.indexOf("(") + 1);
    return { str: `q@${clean(name)}`, start, length: token.length, name: [nameAt, name.length] };
  }
  let word = token;
  if (word[0] === "@" || word[0] === "#") {
    word = word.slice(1);
    start++;
  }
  if (POSSESSIVE.test(word)) word = word.slice(0, -2);
  // "v0.4.19" is the version 0.4.19.
  if (/^[vV]\d+(?:\.\d+)+$/.test(word)) {
    word = word.slice(1);
    start++;
  }
  const str = clean(word);
  return str ? { str, start, length: word.length } : null;
}

/** Splits text into lunr tokens (a lunr tokenizer: `builder.tokenizer = tokenize`). */
export function tokenize(value?: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => tokenize(v));
  return words(String(value)).map((w, i) => {
    const meta: TokenMeta = { position: [w.start, w.length], depth: 0, word: i };
    if (w.name) meta.name = w.name;
    return new lunr.Token(w.str, meta);
  });
}

function clean(word: string): string {
  return word.toLowerCase().replace(APOSTROPHES, "");
}

const VERSION = /^v?\d+(?:\.\d+)+$/;

/**
 * The words directly inside a word, with their offsets in it: the parts
 * between its strongest separators ("/", then "#" and "@", then "-", "_",
 * "+", then "."), the tails of a path ("a/b/c" -> "b/c"), the shorter
 * versions of a version ("0.4.19" -> "0.4"), the name of a question marker.
 */
export function splitWord(word: string): { text: string; offset: number }[] {
  if (/^q@[^@]+$/.test(word)) return [{ text: word.slice(2), offset: 2 }];
  if (VERSION.test(word)) {
    if (word[0] === "v") return [{ text: word.slice(1), offset: 1 }];
    const parts = word.split(".");
    return parts.length > 2 ? [{ text: parts.slice(0, -1).join("."), offset: 0 }] : [];
  }
  for (const sep of [/\/+/g, /[#@]+/g, /[-_+]+/g, /\.+/g]) {
    const pieces: { text: string; offset: number }[] = [];
    let at = 0;
    sep.lastIndex = 0;
    for (let m = sep.exec(word); m; m = sep.exec(word)) {
      pieces.push({ text: word.slice(at, m.index), offset: at });
      at = m.index + m[0].length;
    }
    if (pieces.length === 0) continue;
    pieces.push({ text: word.slice(at), offset: at });
    const out = pieces.filter((p) => p.text !== "");
    // "ipfs/go-ipfs#5783" is also written "go-ipfs#5783".
    if (sep.source === "\\/+") {
      for (let i = 1; i < pieces.length - 1; i++) {
        const piece = pieces[i]!;
        out.push({ text: word.slice(piece.offset), offset: piece.offset });
      }
    }
    return out;
  }
  return [];
}

/** A word inside a word: its text, offset from the word's start, and depth (1 directly inside). */
interface Part {
  text: string;
  offset: number;
  depth: number;
}

const partsCache = new Map<string, Part[]>();

/** Every word inside a word, depth first, each once (the first time it is met). */
function partsOf(word: string): Part[] {
  let out = partsCache.get(word);
  if (out) return out;
  out = [];
  const seen = new Set<string>([word]);
  const walk = (w: string, offset: number, depth: number): void => {
    for (const part of splitWord(w)) {
      if (seen.has(part.text)) continue;
      seen.add(part.text);
      out!.push({ text: part.text, offset: offset + part.offset, depth });
      walk(part.text, offset + part.offset, depth + 1);
    }
  };
  walk(word, 0, 1);
  if (partsCache.size > 100_000) partsCache.clear();
  partsCache.set(word, out);
  return out;
}

/** Where a part is written: the name of "Q(@name)" is not where "q@name" would put it. */
function partStart(w: { start: number; name?: [number, number] | undefined }, part: Part): number {
  return part.depth === 1 && w.name ? w.name[0] : w.name && part.depth > 1 ? w.name[0] + part.offset - 2 : w.start + part.offset;
}

/** The pipeline function that adds the words inside a word. */
export function splitToken(token: lunr.Token): lunr.Token[] {
  // A token lunr made itself (lunr.Index.search, Pipeline.runString) has no position.
  const meta = (token as unknown as { metadata: Partial<TokenMeta> }).metadata;
  const w = { start: meta.position?.[0] ?? 0, name: meta.name };
  return [
    token,
    ...partsOf(token.toString()).map((part) => {
      const partMeta: TokenMeta = { position: [partStart(w, part), part.text.length], depth: part.depth, word: meta.word ?? 0 };
      return new lunr.Token(part.text, partMeta);
    }),
  ];
}

const PLAIN = /^[a-z]+$/;

const termCache = new Map<string, string | null>();

/** A term as the index holds it: null for a stop word, else stemmed when it is a plain English word. */
export function normalizeTerm(term: string): string | null {
  let out = termCache.get(term);
  if (out !== undefined) return out;
  out = isStopWord(term) ? null : PLAIN.test(term) ? stem(term) : term;
  if (termCache.size > 200_000) termCache.clear();
  termCache.set(term, out);
  return out;
}

function isStopWord(term: string): boolean {
  return (lunr.stopWordFilter(new lunr.Token(term, {})) as lunr.Token | undefined) === undefined;
}

function stem(term: string): string {
  return (lunr.stemmer(new lunr.Token(term, {})) as lunr.Token).toString();
}

function stopToken(token: lunr.Token): lunr.Token | undefined {
  return isStopWord(token.toString()) ? undefined : token;
}

function stemToken(token: lunr.Token): lunr.Token {
  return PLAIN.test(token.toString()) ? token.update((s) => stem(s)) : token;
}

export const PIPELINE_LABELS = ["minutebook-split", "minutebook-stop", "minutebook-stem"] as const;

const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> }).registeredFunctions;
if (!registered["minutebook-split"]) {
  lunr.Pipeline.registerFunction(splitToken as unknown as lunr.PipelineFunction, "minutebook-split");
  lunr.Pipeline.registerFunction(stopToken as unknown as lunr.PipelineFunction, "minutebook-stop");
  lunr.Pipeline.registerFunction(stemToken as unknown as lunr.PipelineFunction, "minutebook-stem");
}

/** A new pipeline of the three functions, in order (for an index, and for its search). */
export function searchPipeline(): lunr.Pipeline {
  return lunr.Pipeline.load([...PIPELINE_LABELS]);
}

/** Every term of a text, as the index holds them, with where each was written. */
export interface Term extends Position {
  term: string;
  depth: number;
  word: number;
}

/**
 * What the pipeline makes of a text — the same terms, in the same order, as
 * searchPipeline().run(tokenize(text)) — without lunr's token objects, and
 * with the stems of words already seen remembered: the index builder, the
 * snippets and the highlighting all read text through this.
 */
export function analyze(text: string): Term[] {
  const out: Term[] = [];
  words(text).forEach((w, i) => {
    const own = normalizeTerm(w.str);
    if (own !== null) out.push({ term: own, start: w.start, length: w.length, depth: 0, word: i });
    for (const part of partsOf(w.str)) {
      const term = normalizeTerm(part.text);
      if (term !== null) out.push({ term, start: partStart(w, part), length: part.text.length, depth: part.depth, word: i });
    }
  });
  return out;
}

/** The terms of a field, in order: what the index counts (its length is the field's length). */
export function fieldTerms(text: string): string[] {
  return analyze(text).map((t) => t.term);
}

// A written token always makes the same terms, wherever it stands: the index
// builder reads each distinct token once (a real archive's text is a few
// million tokens, of some tens of thousands of kinds).
const tokenTermsCache = new Map<string, readonly string[]>();

function tokenTerms(token: string, name: string | undefined): readonly string[] {
  let out = tokenTermsCache.get(token);
  if (out) return out;
  const list: string[] = [];
  const w = wordOf(token, name, 0);
  if (w) {
    const own = normalizeTerm(w.str);
    if (own !== null) list.push(own);
    for (const part of partsOf(w.str)) {
      const term = normalizeTerm(part.text);
      if (term !== null) list.push(term);
    }
  }
  if (tokenTermsCache.size > 200_000) tokenTermsCache.clear();
  tokenTermsCache.set(token, list);
  return list;
}

// A line of a short field ("@handle Name", a meeting's title) recurs across
// the archive: its terms are remembered whole. No token spans a line break,
// so a text's terms are its lines' terms, in order.
const lineTermsCache = new Map<string, string[]>();

function lineTerms(line: string): string[] {
  let out = lineTermsCache.get(line);
  if (out) return out;
  out = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) out.push(...tokenTerms(m[0], m[1]));
  if (lineTermsCache.size > 100_000) lineTermsCache.clear();
  lineTermsCache.set(line, out);
  return out;
}

/** Adds each of the terms to its count in `tf`, and returns how many there were. */
function tally(terms: readonly string[], tf: Map<string, number>): number {
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  return terms.length;
}

/** countTerms for the short fields, a line at a time: the same counts and length. */
export function countLines(text: string, tf: Map<string, number>): number {
  tf.clear();
  let length = 0;
  for (let at = 0; at <= text.length; ) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    length += tally(lineTerms(text.slice(at, end)), tf);
    at = end + 1;
  }
  return length;
}

/**
 * fieldTerms(text) counted, for the index builder: each term's count goes
 * into `tf` (cleared first, in the order the terms are first met), and the
 * field's length is returned. No term list or position is made.
 */
export function countTerms(text: string, tf: Map<string, number>): number {
  tf.clear();
  let length = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) length += tally(tokenTerms(m[0], m[1]), tf);
  return length;
}
