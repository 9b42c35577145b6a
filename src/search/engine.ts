// The search engine the browser runs in its worker (and Node runs in tests
// and benchmarks). It reads meta.json, fetches the term shards a query
// needs, and decodes them into postings carrying the weights lunr.Builder
// gives (BM25, field boosts, three decimals). Queries are built with lunr's
// query API and scored as lunr.Index.query scores them, on typed arrays:
// tests hold the results equal to a plain lunr index of the same documents,
// and lunrIndex() turns the loaded shards back into a real lunr.Index.
// Then: filters and their counts, results grouped by meeting, snippets with
// the matched words marked.
import lunr from "lunr";
import { Reader } from "./codec.ts";
import { B, docsPath, FORMAT, K1, metaPath, shardPath, type DocsFile, type MeetingDocs, type MetaFile, type ShardFile } from "./format.ts";
import { analyze, searchPipeline } from "./pipeline.ts";
import { parseQuery, type QueryWord } from "./query.ts";

/** Reads a file of the index, by its path under /search/ (e.g. "t/3.json"). */
export type Loader = (path: string) => Promise<string>;

export const FACETS = ["series", "year", "person", "initiative"] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Partial<Record<Facet, string>>;

/** Text cut into pieces: even indexes plain, odd indexes matched words. */
export type Marked = string[];

export interface ResultSection {
  anchor: string;
  heading: Marked;
  snippet: Marked;
  /** Root-relative link to the section, carrying the words to highlight there (?hl=). */
  url: string;
}

export interface ResultMeeting {
  url: string;
  title: string;
  date: string;
  series: string;
  sections: ResultSection[];
  /** Matching sections of this meeting not shown. */
  more: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchResponse {
  query: string;
  filters: Filters;
  /** Words of the query that count (stop words left out). */
  words: string[];
  /** Matching sections and meetings, after filters. */
  sections: number;
  meetings: number;
  /** No section has every word: these results have some of them. */
  partial: boolean;
  /** Each filter's values (at most MAX_FACET_VALUES, the most frequent) with their counts. */
  facets: Record<Facet, FacetValue[]>;
  page: number;
  pages: number;
  results: ResultMeeting[];
}

export interface SearchOptions {
  page?: number;
  /** Meetings per page. */
  perPage?: number;
  /** Sections shown per meeting. */
  perMeeting?: number;
}

/** One word of the query, resolved against the index: any of `terms`, or a term starting with `prefix`. */
export interface Group {
  terms: string[];
  prefix: string | null;
}

const PREFIX_BOOST = 0.5;
const MAX_GROUPS = 30;
/** A word being typed stands for at most this many index terms. */
const MAX_EXPANSIONS = 40;
/** Terms carried to a section to highlight there (?hl=). */
const MAX_HIGHLIGHT = 40;
const SNIPPET = 220;
/** Values of a filter sent with results: the most frequent. */
export const MAX_FACET_VALUES = 50;

/** The last of the first `count` ascending starts that is at most `x` (0 when none is). */
function lastAtMost<T extends string | number>(starts: ArrayLike<T>, count: number, x: T): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function ints(s: string, count: number): Int32Array {
  const r = new Reader(s);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = r.int();
  return out;
}

function lists(s: string, count: number): number[][] {
  const r = new Reader(s);
  const out: number[][] = [];
  for (let i = 0; i < count; i++) out.push(r.sorted());
  return out;
}

const EMPTY_INTS = new Int32Array(0);

function binarySearch(list: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

interface Shard {
  base: number;
  terms: string[];
}

/** A term's postings: per field, the documents holding it (ascending) and their BM25 weights. */
interface Postings {
  /** The term's ordinal in the whole sorted term list (lunr's termIndex). */
  index: number;
  docs: Int32Array[];
  weights: Float64Array[];
}

/** The documents a query matches (in no order), their scores, and the bit masks of the groups each matched. */
export interface Scored {
  docs: Int32Array;
  scores: Float64Array;
  groups: Int32Array;
}

// Best first; ties keep their order (that of the documents' first match, as in lunr's results).
const byScore = (a: Match, b: Match): number => b.score - a.score;

/** A ranked match: a document, its score, and the bit mask of the query's groups it matched. */
export interface Match {
  doc: number;
  score: number;
  groups: number;
}

export class SearchEngine {
  readonly meta: MetaFile;
  private readonly load: Loader;
  private readonly fields: string[];
  private readonly boosts: number[];
  private readonly docCount: number;
  private readonly lengths: Int32Array[];
  private readonly avgLength: number[];
  private readonly docMeeting: Int32Array;
  private readonly docInitiative: Int32Array;
  private readonly docPeople: number[][];
  private readonly meetingFirst: Int32Array;
  private readonly meetingSeries: Int32Array;
  private readonly meetingPeople: number[][];
  private readonly dates: string[];
  /** The years of the meetings, ascending, and each meeting's index into them. */
  private readonly years: string[];
  private readonly meetingYear: Int32Array;
  private readonly shardStarts: string[];
  private readonly shardBase: number[];
  private readonly shards = new Map<number, Promise<Shard>>();
  private readonly loaded: (Shard | undefined)[] = [];
  private readonly postings = new Map<string, Postings>();
  private readonly docsCache = new Map<number, Promise<DocsFile>>();
  /** The first meeting of each docs file, and one past the last. */
  private readonly fileFirst: Int32Array;
  // Scratch space of a query, one slot per document.
  private readonly scratchScore: Float64Array;
  private readonly scratchGroups: Int32Array;
  /** Score of each document kept by the filters, -1 for the others (between queries: all -1). */
  private readonly keptScore: Float64Array;
  private initiativeSeries: Map<string, string> | null = null;
  /** Files fetched, by path (for the benchmark). */
  readonly fetched: string[] = [];

  static async open(load: Loader): Promise<SearchEngine> {
    const meta = JSON.parse(await load(metaPath)) as MetaFile;
    if (meta.format !== FORMAT) throw new Error(`search index format ${meta.format}, expected ${FORMAT}`);
    return new SearchEngine(meta, (path) => load(`${path}?v=${meta.v}`));
  }

  private constructor(meta: MetaFile, load: Loader) {
    this.meta = meta;
    this.load = (path) => {
      this.fetched.push(path);
      return load(path);
    };
    this.fields = meta.fields;
    this.boosts = meta.boosts;
    const n = (this.docCount = meta.docs);
    this.lengths = meta.lengths.map((s) => ints(s, n));
    // As lunr.Builder computes it: the sum of a field's lengths over the documents.
    this.avgLength = this.lengths.map((l) => {
      let sum = 0;
      for (const x of l) sum += x;
      return sum / n;
    });
    const meetings = meta.meetings.url.length;
    const counts = ints(meta.meetings.docs, meetings);
    this.meetingFirst = new Int32Array(meetings + 1);
    this.docMeeting = new Int32Array(n);
    for (let m = 0, d = 0; m < meetings; m++) {
      this.meetingFirst[m] = d;
      for (let k = 0; k < counts[m]!; k++) this.docMeeting[d++] = m;
      this.meetingFirst[m + 1] = d;
    }
    const perFile: number[] = [];
    for (const r = new Reader(meta.docFiles); !r.done; ) perFile.push(r.int());
    this.fileFirst = new Int32Array(perFile.length + 1);
    perFile.forEach((k, f) => (this.fileFirst[f + 1] = this.fileFirst[f]! + k));
    this.meetingSeries = ints(meta.meetings.series, meetings);
    this.meetingPeople = lists(meta.meetings.people, meetings);
    this.dates = meta.meetings.date.split(" ");
    this.years = [...new Set(this.dates.map((d) => d.slice(0, 4)))].sort();
    const yearIndex = new Map(this.years.map((y, i) => [y, i]));
    this.meetingYear = Int32Array.from(this.dates, (d) => yearIndex.get(d.slice(0, 4))!);
    this.docInitiative = ints(meta.initiative, n);
    this.docPeople = lists(meta.docPeople, n);
    this.shardStarts = ["", ...(meta.shards ? meta.shards.split(" ") : [])];
    const shardTerms = ints(meta.shardTerms, this.shardStarts.length);
    this.shardBase = [];
    let base = 0;
    for (const c of shardTerms) {
      this.shardBase.push(base);
      base += c;
    }
    this.scratchScore = new Float64Array(n);
    this.scratchGroups = new Int32Array(n);
    this.keptScore = new Float64Array(n).fill(-1);
  }

  // ---- shards ------------------------------------------------------------

  /** The shard whose range holds a term. */
  shardOf(term: string): number {
    return lastAtMost(this.shardStarts, this.shardStarts.length, term);
  }

  private shardsFor(word: { term: string | null; prefix: string | null }): number[] {
    const out: number[] = [];
    if (word.term !== null) out.push(this.shardOf(word.term));
    if (word.prefix !== null) {
      const last = this.shardOf(word.prefix + "\uffff");
      for (let i = this.shardOf(word.prefix); i <= last; i++) out.push(i);
    }
    return out;
  }

  async ensureShards(list: Iterable<number>): Promise<void> {
    await Promise.all([...new Set(list)].map((i) => this.shard(i)));
  }

  private shard(i: number): Promise<Shard> {
    let p = this.shards.get(i);
    if (!p) {
      p = this.load(shardPath(i)).then((text) => this.addShard(i, JSON.parse(text) as ShardFile));
      this.shards.set(i, p);
      p.catch(() => this.shards.delete(i));
    }
    return p;
  }

  /**
   * Decodes a shard: for each term, its documents per field and their
   * weights, computed exactly as lunr.Builder.createFieldVectors does
   * (BM25 with lunr's idf, k1 and b, the field boost, three decimals).
   */
  private addShard(i: number, file: ShardFile): Shard {
    const shard: Shard = { base: this.shardBase[i]!, terms: file.t ? file.t.split(" ") : [] };
    const r = new Reader(file.p);
    const nf = this.fields.length;
    shard.terms.forEach((term, k) => {
      const mask = r.int();
      const docs: Int32Array[] = [];
      const tfs: Int32Array[] = [];
      let withTerm = 0;
      for (let f = 0; f < nf; f++) {
        if (!(mask & (1 << f))) {
          docs.push(EMPTY_INTS);
          tfs.push(EMPTY_INTS);
          continue;
        }
        const count = r.int();
        const d = new Int32Array(count);
        const t = new Int32Array(count);
        let doc = -1;
        for (let j = 0; j < count; j++) {
          const x = r.int();
          doc += Math.floor(x / 2) + 1;
          d[j] = doc;
          t[j] = x % 2 ? r.int() + 2 : 1;
        }
        docs.push(d);
        tfs.push(t);
        withTerm += count;
      }
      // lunr.idf: documents holding the term, counted once per field.
      const x = (this.docCount - withTerm + 0.5) / (withTerm + 0.5);
      const idf = Math.log(1 + Math.abs(x));
      const weights = docs.map((d, f) => {
        const w = new Float64Array(d.length);
        const lengths = this.lengths[f]!;
        const avg = this.avgLength[f]!;
        const t = tfs[f]!;
        for (let j = 0; j < d.length; j++) {
          const tf = t[j]!;
          let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (lengths[d[j]!]! / avg)) + tf);
          score *= this.boosts[f]!;
          w[j] = Math.round(score * 1000) / 1000;
        }
        return w;
      });
      this.postings.set(term, { index: shard.base + k, docs, weights });
    });
    this.loaded[i] = shard;
    return shard;
  }

  private has(term: string): boolean {
    return this.postings.has(term);
  }

  /** The loaded terms starting with a prefix, in order. */
  private withPrefix(prefix: string): string[] {
    const out: string[] = [];
    const last = this.shardOf(prefix + "\uffff");
    for (let i = this.shardOf(prefix); i <= last; i++) {
      const terms = this.loaded[i]?.terms ?? [];
      let lo = 0;
      let hi = terms.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (terms[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let j = lo; j < terms.length && terms[j]!.startsWith(prefix); j++) out.push(terms[j]!);
    }
    return out;
  }

  /** Loads every term shard (tests; a reader's searches load only what they need). */
  async loadAll(): Promise<void> {
    await this.ensureShards(this.shardStarts.map((_, i) => i));
  }

  /**
   * The loaded shards as a lunr.Index: inverted index, field vectors and
   * token set as lunr.Builder makes them (term indexes in term order).
   */
  lunrIndex(): lunr.Index {
    const invertedIndex: Record<string, Record<string, unknown>> = Object.create(null) as Record<string, Record<string, unknown>>;
    const fieldVectors: Record<string, lunr.Vector> = Object.create(null) as Record<string, lunr.Vector>;
    const terms: string[] = [];
    for (const shard of this.loaded) if (shard) terms.push(...shard.terms);
    for (const term of terms) {
      const p = this.postings.get(term)!;
      const posting: Record<string, unknown> = { _index: p.index };
      this.fields.forEach((f, fi) => {
        const docs: Record<string, object> = Object.create(null) as Record<string, object>;
        const list = p.docs[fi]!;
        for (let j = 0; j < list.length; j++) {
          docs[list[j]!] = Object.create(null) as object;
          (fieldVectors[`${f}/${list[j]}`] ??= new lunr.Vector([])).insert(p.index, p.weights[fi]![j]!);
        }
        posting[f] = docs;
      });
      invertedIndex[term] = posting;
    }
    const attrs = {
      invertedIndex,
      fieldVectors,
      tokenSet: (lunr.TokenSet as unknown as { fromArray(a: string[]): lunr.TokenSet }).fromArray(terms),
      fields: this.fields,
      pipeline: searchPipeline(),
    };
    return new lunr.Index(attrs as unknown as lunr.Index.Attributes);
  }

  // ---- queries -----------------------------------------------------------

  /**
   * The words of a query resolved against the index, loading the shards
   * they need: a word the index holds (or prefixes) stays one group; a word
   * it does not hold falls back to the words inside it ("go-ipfs#9999" ->
   * "go-ipfs", "9999"); a word with neither gives an empty group, which no
   * section matches.
   */
  async resolve(words: QueryWord[]): Promise<Group[]> {
    await this.ensureShards(words.flatMap((w) => this.shardsFor(w)));
    const groups: Group[] = [];
    const fallback: QueryWord[] = [];
    for (const w of words) {
      const exact = w.term !== null && this.has(w.term);
      const prefixed = w.prefix !== null && this.withPrefix(w.prefix).length > 0;
      if (exact || prefixed) groups.push({ terms: exact ? [w.term!] : [], prefix: prefixed ? w.prefix : null });
      else if (w.parts.length) fallback.push(...w.parts);
      else if (w.term !== null) groups.push({ terms: [], prefix: null });
    }
    if (fallback.length) groups.push(...(await this.resolve(fallback)));
    return groups;
  }

  /**
   * The query of some groups, built with lunr's query API: a clause for
   * each word, and one (at half weight) for each of the most frequent
   * index terms the word being typed may grow into; every clause optional,
   * the groups' words being required by `search`.
   */
  queryFunction(groups: Group[]): (q: lunr.Query) => void {
    return (q) => {
      for (const g of groups) {
        for (const term of g.terms) q.term(term, { usePipeline: false, presence: lunr.Query.presence.OPTIONAL });
        for (const term of this.prefixTerms(g)) q.term(term, { usePipeline: false, boost: PREFIX_BOOST, presence: lunr.Query.presence.OPTIONAL });
      }
    };
  }

  /** The terms a group's prefix stands for: the MAX_EXPANSIONS held by the most documents, in term order. */
  private prefixTerms(g: Group): string[] {
    if (g.prefix === null) return [];
    const all = this.withPrefix(g.prefix);
    if (all.length <= MAX_EXPANSIONS) return all;
    const df = (t: string): number => this.postings.get(t)!.docs.reduce((n, d) => n + d.length, 0);
    const top = new Set(
      all
        .map((t) => [t, df(t)] as const)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, MAX_EXPANSIONS)
        .map(([t]) => t),
    );
    return all.filter((t) => top.has(t));
  }

  /** Every index term a group's clauses stand for (for highlighting). */
  expand(g: Group): string[] {
    const out = new Set(g.terms.filter((t) => this.has(t)));
    for (const t of this.prefixTerms(g)) out.add(t);
    return [...out];
  }

  /**
   * Runs the query of some groups on the loaded shards (which must hold
   * them: see resolve), scoring as lunr.Index.query does — per field, the
   * dot product of the query vector (clause boosts, summed per term) and
   * the document's field vector, over the query vector's magnitude, summed
   * over the fields — on typed arrays rather than lunr's objects, which at
   * this archive's size is the difference between milliseconds and
   * hundreds of them. Every matching document, in the order lunr first
   * meets them (which breaks ties of score).
   */
  score(groups: Group[]): Scored {
    const query = new lunr.Query(this.fields);
    const clauseGroup: number[] = [];
    groups.forEach((g, gi) => {
      const before = query.clauses.length;
      this.queryFunction([g])(query);
      for (let c = before; c < query.clauses.length; c++) clauseGroup.push(gi);
    });
    // The query vector: lunr upserts each expanded term of each clause once per field, boosts adding up.
    const vector = new Map<string, number>();
    const termGroups = new Map<string, number>();
    query.clauses.forEach((clause, c) => {
      // Clauses name index terms (no wildcards, no pipeline): a term the index lacks matches nothing.
      const terms = this.has(clause.term) ? [clause.term] : [];
      for (const t of terms) {
        vector.set(t, (vector.get(t) ?? 0) + (clause.boost ?? 1));
        termGroups.set(t, (termGroups.get(t) ?? 0) | (1 << clauseGroup[c]!));
      }
    });
    let sumOfSquares = 0;
    for (const v of vector.values()) sumOfSquares += v * v;
    const magnitude = Math.sqrt(sumOfSquares);
    const score = this.scratchScore;
    const groupsOf = this.scratchGroups;
    const touched: number[] = [];
    for (const [term, boost] of vector) {
      const p = this.postings.get(term)!;
      const bits = termGroups.get(term)!;
      for (let f = 0; f < p.docs.length; f++) {
        const docs = p.docs[f]!;
        const weights = p.weights[f]!;
        for (let j = 0; j < docs.length; j++) {
          const d = docs[j]!;
          if (groupsOf[d] === 0) touched.push(d);
          groupsOf[d]! |= bits;
          score[d]! += (boost * weights[j]!) / magnitude;
        }
      }
    }
    const n = touched.length;
    const out: Scored = { docs: new Int32Array(n), scores: new Float64Array(n), groups: new Int32Array(n) };
    for (let i = 0; i < n; i++) {
      const d = touched[i]!;
      out.docs[i] = d;
      out.scores[i] = score[d]! || 0;
      out.groups[i] = groupsOf[d]!;
      score[d] = 0;
      groupsOf[d] = 0;
    }
    return out;
  }

  /** Every matching document, best first: what lunr.Index.query returns, as matches. */
  rank(groups: Group[]): Match[] {
    const s = this.score(groups);
    const out: Match[] = [];
    for (let i = 0; i < s.docs.length; i++) out.push({ doc: s.docs[i]!, score: s.scores[i]!, groups: s.groups[i]! });
    return out.sort(byScore);
  }

  /** For some documents, the terms of a list each holds (any field). */
  private termsIn(docs: number[], terms: string[]): Map<number, Set<string>> {
    const out = new Map<number, Set<string>>(docs.map((d) => [d, new Set<string>()]));
    for (const t of terms) {
      const p = this.postings.get(t);
      if (!p) continue;
      for (const list of p.docs) {
        if (list.length <= docs.length * 8) {
          for (const d of list) out.get(d)?.add(t);
        } else {
          for (const d of docs) if (binarySearch(list, d)) out.get(d)!.add(t);
        }
      }
    }
    return out;
  }

  async search(query: string, filters: Filters = {}, options: SearchOptions = {}): Promise<SearchResponse> {
    const perPage = options.perPage ?? 10;
    const perMeeting = options.perMeeting ?? 3;
    const words = parseQuery(query);
    // Each group is a bit of a 32-bit mask.
    const groups = (await this.resolve(words)).slice(0, MAX_GROUPS);
    const all = this.score(groups);
    const full = (1 << groups.length) - 1;
    let strict = 0;
    for (let i = 0; i < all.docs.length; i++) if (all.groups[i] === full) strict++;
    const partial = strict === 0 && groups.length > 1 && all.docs.length > 0;

    // Filters, and the counts of each filter's values given the other filters.
    const meta = this.meta;
    const want = {
      series: filters.series !== undefined ? meta.series.findIndex((s) => s[0] === filters.series) : -2,
      year: filters.year !== undefined ? this.years.indexOf(filters.year) : -2,
      person: filters.person !== undefined ? meta.people.findIndex((p) => p[0] === filters.person) : -2,
      initiative: filters.initiative !== undefined ? meta.initiatives.findIndex((x) => x[0] === filters.initiative) : -2,
    };
    const seriesCount = new Int32Array(meta.series.length);
    const yearCount = new Int32Array(this.years.length);
    const personCount = new Int32Array(meta.people.length);
    const initiativeCount = new Int32Array(meta.initiatives.length);
    const meetings = this.meetingSeries.length;
    const best = new Float64Array(meetings).fill(-1);
    const bestAt = new Int32Array(meetings);
    let sections = 0;
    const keptScore = this.keptScore;
    const keptAt = this.scratchGroups;
    const keptDocs: number[] = [];
    const meetingDocs = new Int32Array(meetings);
    const counted: number[] = [];
    const { docMeeting, meetingSeries, meetingYear, docInitiative, meetingPeople: peopleOfMeeting, docPeople } = this;
    const { docs: allDocs, groups: allGroups, scores: allScores } = all;
    for (let i = 0; i < allDocs.length; i++) {
      if (!partial && allGroups[i] !== full) continue;
      const doc = allDocs[i]!;
      const m = docMeeting[doc]!;
      const series = meetingSeries[m]!;
      const year = meetingYear[m]!;
      const initiative = docInitiative[doc]! - 1;
      const meetingPeople = peopleOfMeeting[m]!;
      const ownPeople = docPeople[doc]!;
      const okSeries = want.series === -2 || want.series === series;
      const okYear = want.year === -2 || want.year === year;
      const okPerson = want.person === -2 || meetingPeople.includes(want.person) || ownPeople.includes(want.person);
      const okInitiative = want.initiative === -2 || want.initiative === initiative;
      if (okYear && okPerson && okInitiative) seriesCount[series]!++;
      if (okSeries && okPerson && okInitiative) yearCount[year]!++;
      if (okSeries && okYear && okInitiative) {
        // The meeting's people are counted per meeting below: they are every one of its sections' people.
        if (meetingDocs[m] === 0) counted.push(m);
        meetingDocs[m] = meetingDocs[m]! + 1;
        for (const p of ownPeople) if (!meetingPeople.includes(p)) personCount[p]!++;
      }
      if (okSeries && okYear && okPerson && initiative >= 0) initiativeCount[initiative]!++;
      if (okSeries && okYear && okPerson && okInitiative) {
        keptScore[doc] = allScores[i]!;
        keptAt[doc] = i;
        keptDocs.push(doc);
        sections++;
        const score = allScores[i]!;
        if (score > best[m]!) {
          best[m] = score;
          bestAt[m] = i;
        }
      }
    }

    for (const m of counted) for (const p of this.meetingPeople[m]!) personCount[p] = personCount[p]! + meetingDocs[m]!;

    // Grouped by meeting, meetings in the order of their best section (as a ranked list of sections would first show them):
    // only the meetings up to the page shown are put in order.
    const before = (x: number, y: number): boolean => best[x]! > best[y]! || (best[x] === best[y] && bestAt[x]! < bestAt[y]!);
    let matchedMeetings = 0;
    for (let m = 0; m < meetings; m++) if (best[m]! >= 0) matchedMeetings++;
    const pages = Math.max(1, Math.ceil(matchedMeetings / perPage));
    const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
    const need = (page + 1) * perPage;
    const top: number[] = [];
    for (let m = 0; m < meetings; m++) {
      if (best[m]! < 0) continue;
      if (top.length === need && !before(m, top[need - 1]!)) continue;
      let at = top.length === need ? need - 1 : top.length;
      while (at > 0 && before(m, top[at - 1]!)) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = m;
      if (top.length > need) top.length = need;
    }
    const shown = top.slice(page * perPage);
    const byMeeting = new Map<number, Match[]>();
    for (const m of shown) {
      const list: Match[] = [];
      for (let d = this.meetingFirst[m]!; d < this.meetingFirst[m + 1]!; d++) {
        const sc = keptScore[d]!;
        if (sc >= 0) list.push({ doc: d, score: sc, groups: full });
      }
      byMeeting.set(m, list.sort((a, b) => b.score - a.score || keptAt[a.doc]! - keptAt[b.doc]!));
    }
    for (const d of keptDocs) {
      keptScore[d] = -1;
      keptAt[d] = 0;
    }
    const files = await Promise.all(shown.map((m) => this.docs(m)));
    const queryTerms = [...new Set(groups.flatMap((g) => this.expand(g)))];
    const matched = this.termsIn(
      shown.flatMap((m) => byMeeting.get(m)!.slice(0, perMeeting).map((x) => x.doc)),
      queryTerms,
    );
    const resultsOut: ResultMeeting[] = shown.map((m, i) => {
      const file = files[i]!;
      const list = byMeeting.get(m)!;
      return {
        url: meta.meetings.url[m]!,
        title: meta.meetings.title[m]!,
        date: this.dates[m]!,
        series: meta.series[this.meetingSeries[m]!]?.[1] ?? "",
        sections: list.slice(0, perMeeting).map(({ doc }) => {
          const [anchor, heading, text] = file[doc - this.meetingFirst[m]!]!;
          const terms = matched.get(doc)!;
          const hl = [...terms].sort().slice(0, MAX_HIGHLIGHT).join(" ");
          return {
            anchor,
            heading: mark(heading, terms),
            snippet: snippet(text, terms),
            url: `${meta.meetings.url[m]}?hl=${encodeURIComponent(hl)}${anchor ? `#${anchor}` : ""}`,
          };
        }),
        more: Math.max(0, list.length - perMeeting),
      };
    });

    const values = (counts: Int32Array, value: (i: number) => [string, string]): FacetValue[] => {
      const out: FacetValue[] = [];
      for (let i = 0; i < counts.length; i++) {
        if (counts[i]! > 0) {
          const [v, label] = value(i);
          out.push({ value: v, label, count: counts[i]! });
        }
      }
      return out;
    };
    return {
      query,
      filters,
      words: words.map((w) => w.text),
      sections,
      meetings: matchedMeetings,
      partial,
      facets: this.facetValues({
        series: values(seriesCount, (i) => meta.series[i]!),
        year: values(yearCount, (i) => [this.years[i]!, this.years[i]!]),
        person: values(personCount, (i) => meta.people[i]!),
        initiative: values(initiativeCount, (i) => [meta.initiatives[i]![0], meta.initiatives[i]![1]]),
      }, filters),
      page,
      pages,
      results: resultsOut,
    };
  }

  /**
   * Facet values in order — years newest first, the rest by count — at most
   * MAX_FACET_VALUES of each (and the one filtered on); initiatives that
   * share a name get their series.
   */
  private facetValues(values: Record<Facet, FacetValue[]>, filters: Filters): Record<Facet, FacetValue[]> {
    const capped = (f: Facet, list: FacetValue[]): FacetValue[] =>
      list.length <= MAX_FACET_VALUES ? list : list.filter((v, i) => i < MAX_FACET_VALUES || v.value === filters[f]);
    const byCount = (a: FacetValue, b: FacetValue): number => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    const names = new Map<string, number>();
    for (const x of values.initiative) names.set(x.label, (names.get(x.label) ?? 0) + 1);
    const seriesOf = (this.initiativeSeries ??= new Map(this.meta.initiatives.map(([id, , series]) => [id, this.meta.series[series]?.[1] ?? ""])));
    return {
      series: capped("series", values.series.sort(byCount)),
      year: capped("year", values.year.sort((a, b) => (a.value < b.value ? 1 : -1))),
      person: capped("person", values.person.sort(byCount)),
      initiative: capped(
        "initiative",
        values.initiative.sort(byCount).map((v) => ((names.get(v.label) ?? 0) > 1 && seriesOf.get(v.value) ? { ...v, label: `${v.label} (${seriesOf.get(v.value)})` } : v)),
      ),
    };
  }

  /** A meeting's documents, from the docs file that holds it (fetched once for all its meetings). */
  private async docs(meeting: number): Promise<MeetingDocs> {
    const lo = lastAtMost(this.fileFirst, this.fileFirst.length - 1, meeting);
    let p = this.docsCache.get(lo);
    if (!p) {
      const file = lo;
      p = this.load(docsPath(file)).then((t) => JSON.parse(t) as DocsFile);
      this.docsCache.set(file, p);
      p.catch(() => this.docsCache.delete(file));
    }
    const docs = (await p)[meeting - this.fileFirst[lo]!];
    if (!docs) throw new Error(`search index: no documents of meeting ${meeting} in ${docsPath(lo)}`);
    return docs;
  }
}

/** Opens the index whose files `load` reads (paths under /search/). */
export function openIndex(load: Loader): Promise<SearchEngine> {
  return SearchEngine.open(load);
}

/** Ranges [start, end) of the words of a text whose terms are in the set, merged. */
export function matchRanges(text: string, terms: ReadonlySet<string>): [number, number][] {
  const ranges: [number, number][] = [];
  for (const t of analyze(text)) if (terms.has(t.term)) ranges.push([t.start, t.start + t.length]);
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const BREAK = " · ";

/** A text with the words of the set marked. */
export function mark(text: string, terms: ReadonlySet<string>, from = 0, to = text.length, ranges = matchRanges(text, terms)): Marked {
  const out: Marked = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    out.push(text.slice(at, Math.max(at, s)).replace(/\n/g, BREAK), text.slice(Math.max(at, s), Math.min(e, to)).replace(/\n/g, BREAK));
    at = Math.min(e, to);
  }
  out.push(text.slice(at, to).replace(/\n/g, BREAK));
  return out;
}

/** About SNIPPET characters of a text around the most matched words, marked. */
export function snippet(text: string, terms: ReadonlySet<string>, size = SNIPPET): Marked {
  if (text.length <= size) return mark(text, terms);
  const ranges = matchRanges(text, terms);
  let start = 0;
  let best = -1;
  for (const [s] of ranges) {
    const from = Math.max(0, s - 40);
    // Distinct words in the window first, then how many.
    const inside = ranges.filter(([a, b]) => a >= from && b <= from + size);
    const distinct = new Set(inside.map(([a, b]) => text.slice(a, b).toLowerCase())).size;
    const score = distinct * 1000 + inside.length;
    if (score > best) {
      best = score;
      start = from;
    }
  }
  // Whole words at both ends.
  if (start > 0) {
    const space = text.slice(start, start + 20).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  let end = Math.min(text.length, start + size);
  if (end < text.length) {
    const space = text.slice(end, end + 20).search(/\s/);
    end = space >= 0 ? end + space : end;
  }
  const out = mark(text, terms, start, end, ranges);
  if (start > 0) out[0] = "…" + out[0]!.trimStart();
  if (end < text.length) out[out.length - 1] = out[out.length - 1]!.trimEnd() + "…";
  return out;
}
