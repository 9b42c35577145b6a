// Builds the search index files (see format.ts) from the search documents.
// Build time only: the browser never sees a lunr.Builder, only the compact
// files, and turns them back into a lunr index (engine.ts).
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import lunr from "lunr";
import { Writer } from "./codec.ts";
import { BOOSTS, dataSource, FIELDS, type Field, type SearchChunk, type SearchData, type SearchHeader, type SearchMeeting } from "./documents.ts";
import { PostingLists } from "./postings.ts";
import { docsPath, FORMAT, metaPath, shardPath, type DocsFile, type MeetingDocs, type MetaFile, type ShardFile } from "./format.ts";
import { countLines, countTerms, searchPipeline, tokenize } from "./pipeline.ts";
// "<" as \u003c: no file of the index reads as markup, whatever a note holds.
import { safeJson } from "../site/safe-json.ts";

export interface BuildOptions {
  /** Raw size a term shard grows to before the next begins (a single term's postings may exceed it). */
  shardBytes?: number;
  /** Raw size a docs file grows to before the next begins (a single meeting's documents may exceed it). */
  docsBytes?: number;
  /** Counts a field's terms into `tf` and returns its length: countTerms, or what stands in for it (body-memo.ts). */
  count?: (field: Field, text: string, tf: Map<string, number>) => number;
}

export const DEFAULT_SHARD_BYTES = 12_000;
/**
 * Two or three meetings of the real archive a file. Measured with
 * `npm run search:size` (1x, median first search of 42 queries, gzip):
 * a file a meeting, 615 files and 81 KB; 4,000 bytes, 335 files and 93 KB;
 * 6,000, 258 files and 99 KB; 8,000, 108 KB. At 10x, 6,150 files become 2,744.
 */
export const DEFAULT_DOCS_BYTES = 6_000;

export interface SearchFiles {
  /** Path under /search/ -> content. */
  files: Map<string, string>;
  version: string;
  terms: number;
  shards: number;
}

/** The whole index of a set of documents, held as one map of files (tests, measure.ts). */
export function buildSearchFiles(data: SearchData, options: BuildOptions = {}): SearchFiles {
  const builder = new IndexBuilder(options);
  const files = new Map<string, string>();
  const source = dataSource(data);
  for (const chunk of source.chunks()) for (const [path, content] of builder.add(chunk)) files.set(path, content);
  const rest = builder.finish(source.header);
  for (const [path, content] of rest.files) files.set(path, content);
  return { ...rest, files };
}

/**
 * The index, built a run of meetings at a time: each meeting's documents
 * file is made (and can be written, and forgotten) as its run is added; the
 * term shards and meta.json come at the end. A large archive's text is thus
 * never held whole, only its postings, compactly (PostingLists).
 */
export class IndexBuilder {
  readonly #shardBytes: number;
  readonly #docsBytes: number;
  readonly #count: (field: Field, text: string, tf: Map<string, number>) => number;
  readonly #postings = new PostingLists(FIELDS.length);
  readonly #lengths: number[][] = FIELDS.map(() => []);
  readonly #initiative: number[] = [];
  readonly #docPeople: number[][] = [];
  readonly #meetings: SearchMeeting[] = [];
  /** Path -> SHA-256 of its content, for the version. */
  readonly #digests = new Map<string, string>();
  /** Per field, the last text counted and its counts: a meeting's documents share their meeting field, and often their people. */
  readonly #last = FIELDS.map(() => ({ text: null as string | null, tf: new Map<string, number>(), length: 0 }));
  /** The docs file being filled: its meetings' documents, and its raw size so far. */
  #pending: MeetingDocs[] = [];
  #pendingBytes = 0;
  /** Meetings of each docs file written. */
  readonly #docFiles: number[] = [];

  constructor(options: BuildOptions = {}) {
    this.#shardBytes = options.shardBytes ?? DEFAULT_SHARD_BYTES;
    this.#docsBytes = options.docsBytes ?? DEFAULT_DOCS_BYTES;
    this.#count = options.count ?? countField;
  }

  /** Adds a run of meetings (the next in order) and returns the docs files it filled. */
  add(chunk: SearchChunk): Map<string, string> {
    const out = new Map<string, string>();
    let d = this.#initiative.length;
    for (const doc of chunk.docs) {
      FIELDS.forEach((field, f) => {
        const text = doc.fields[field];
        const last = this.#last[f]!;
        if (text !== last.text) {
          last.length = this.#count(field, text, last.tf);
          last.text = text;
        }
        this.#lengths[f]!.push(last.length);
        for (const [t, n] of last.tf) this.#postings.add(t, f, d, n);
      });
      this.#initiative.push(doc.initiative);
      this.#docPeople.push(doc.people);
      d++;
    }
    for (const m of chunk.meetings) {
      const at = m.first - (d - chunk.docs.length);
      const docs: MeetingDocs = chunk.docs.slice(at, at + m.count).map((doc) => [doc.anchor, doc.heading, doc.fields.b]);
      this.#pending.push(docs);
      for (const [anchor, heading, text] of docs) this.#pendingBytes += anchor.length + heading.length + text.length + 12;
      if (this.#pendingBytes >= this.#docsBytes) this.#flushDocs(out);
      // Only what meta.json lists of a meeting is kept.
      this.#meetings.push({ ...m });
    }
    return out;
  }

  /** The docs file being filled, written into `out`. */
  #flushDocs(out: Map<string, string>): void {
    if (this.#pending.length === 0) return;
    const file: DocsFile = this.#pending;
    const path = docsPath(this.#docFiles.length);
    const content = safeJson(file);
    out.set(path, content);
    this.#digests.set(path, digest(content));
    this.#docFiles.push(file.length);
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  /** The last docs file, the term shards and meta.json, once every meeting was added. */
  finish(header: SearchHeader): SearchFiles {
    const files = new Map<string, string>();
    this.#flushDocs(files);
    const terms = this.#postings.terms().sort(); // code-unit order, the order lunr.TokenSet.fromArray needs
    const shards: { terms: string[]; postings: string[] }[] = [];
    let size = Infinity;
    for (const term of terms) {
      const encoded = this.#postings.encode(term);
      if (size >= this.#shardBytes) {
        shards.push({ terms: [], postings: [] });
        size = 0;
      }
      const shard = shards[shards.length - 1]!;
      shard.terms.push(term);
      shard.postings.push(encoded);
      size += term.length + 1 + encoded.length;
    }
    shards.forEach((s, i) => {
      const file: ShardFile = { t: s.terms.join(" "), p: s.postings.join("") };
      const content = safeJson(file);
      files.set(shardPath(i), content);
      this.#digests.set(shardPath(i), digest(content));
    });

    const ints = (list: readonly number[]): string => {
      const w = new Writer();
      for (const n of list) w.int(n);
      return w.toString();
    };
    const lists = (list: readonly (readonly number[])[]): string => {
      const w = new Writer();
      for (const l of list) w.sorted(l);
      return w.toString();
    };
    const meetings = this.#meetings;
    const meta: MetaFile = {
      format: FORMAT,
      v: "",
      fields: [...FIELDS],
      boosts: FIELDS.map((f) => BOOSTS[f]),
      docs: this.#initiative.length,
      shards: shards.slice(1).map((s) => s.terms[0]!).join(" "),
      shardTerms: ints(shards.map((s) => s.terms.length)),
      series: header.series.map((s) => [s.slug, s.name]),
      people: header.people.map((p) => [p.id, p.name]),
      initiatives: header.initiatives.map((i) => [i.id, i.name, i.series]),
      meetings: {
        url: meetings.map((m) => m.url),
        title: meetings.map((m) => m.title),
        date: meetings.map((m) => m.date).join(" "),
        series: ints(meetings.map((m) => m.series)),
        docs: ints(meetings.map((m) => m.count)),
        people: lists(meetings.map((m) => m.people)),
      },
      lengths: this.#lengths.map(ints),
      initiative: ints(this.#initiative.map((i) => i + 1)),
      docPeople: lists(this.#docPeople),
      docFiles: ints(this.#docFiles),
    };
    // The files' digests in path order, then meta.json itself.
    const hash = createHash("sha256");
    for (const path of [...this.#digests.keys()].sort()) hash.update(path).update("\0").update(this.#digests.get(path)!).update("\0");
    hash.update(safeJson(meta));
    meta.v = hash.digest("hex").slice(0, 12);
    files.set(metaPath, safeJson(meta));
    return { files, version: meta.v, terms: terms.length, shards: shards.length };
  }
}

/** A field's counts: the body's whole, the short fields' a line at a time (their lines recur). */
export function countField(field: Field, text: string, tf: Map<string, number>): number {
  return field === "b" ? countTerms(text, tf) : countLines(text, tf);
}

function digest(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * The same documents as a plain lunr index (lunr.Builder, our tokenizer and
 * pipeline, the same fields and boosts, refs "0", "1", …): what the compact
 * files must behave exactly like, and what lunr's own JSON would weigh.
 */
export function buildLunrIndex(data: SearchData): lunr.Index {
  const builder = new lunr.Builder();
  builder.pipeline = searchPipeline();
  builder.searchPipeline = searchPipeline();
  builder.tokenizer = tokenize as unknown as typeof builder.tokenizer;
  builder.ref("ref");
  for (const f of FIELDS) builder.field(f, { boost: BOOSTS[f] });
  data.docs.forEach((d, i) => builder.add({ ref: String(i), ...d.fields }));
  return builder.build();
}

export interface SizeReport {
  files: number;
  raw: number;
  gzip: number;
}

export function gzipSize(s: string | Uint8Array): number {
  return gzipSync(typeof s === "string" ? Buffer.from(s) : s, { level: 9 }).length;
}

export function sizeOf(contents: Iterable<string>): SizeReport {
  const r: SizeReport = { files: 0, raw: 0, gzip: 0 };
  for (const c of contents) {
    r.files++;
    r.raw += Buffer.byteLength(c);
    r.gzip += gzipSize(c);
  }
  return r;
}
