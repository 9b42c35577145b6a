// Builds the search index files (see format.ts) from the search documents.
// Build time only: the browser never sees a lunr.Builder, only the compact
// files, and turns them back into a lunr index (engine.ts).
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import lunr from "lunr";
import { Writer } from "./codec.ts";
import { BOOSTS, FIELDS, type SearchData } from "./documents.ts";
import { docsPath, FORMAT, metaPath, shardPath, type DocsFile, type MetaFile, type ShardFile } from "./format.ts";
import { fieldTerms, searchPipeline, tokenize } from "./pipeline.ts";
// "<" as \u003c: no file of the index reads as markup, whatever a note holds.
import { safeJson } from "../site/safe-json.ts";

export interface BuildOptions {
  /** Raw size a term shard grows to before the next begins (a single term's postings may exceed it). */
  shardBytes?: number;
}

export const DEFAULT_SHARD_BYTES = 12_000;

export interface SearchFiles {
  /** Path under /search/ -> content. */
  files: Map<string, string>;
  version: string;
  terms: number;
  shards: number;
}

/**
 * term -> per field: doc, tf, doc, tf, ... in document order. Flat lists of
 * numbers: a pair as an array of its own took three times the memory, and a
 * large archive's postings run to tens of millions of pairs.
 */
type Postings = Map<string, number[][]>;

export function buildSearchFiles(data: SearchData, options: BuildOptions = {}): SearchFiles {
  const shardBytes = options.shardBytes ?? DEFAULT_SHARD_BYTES;
  const lengths: number[][] = FIELDS.map(() => []);
  const postings: Postings = new Map();
  data.docs.forEach((doc, d) => {
    FIELDS.forEach((field, f) => {
      const terms = fieldTerms(doc.fields[field]);
      lengths[f]!.push(terms.length);
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        let p = postings.get(t);
        if (!p) postings.set(t, (p = FIELDS.map(() => [])));
        p[f]!.push(d, n);
      }
    });
  });

  // Code-unit order, the order lunr.TokenSet.fromArray needs.
  const terms = [...postings.keys()].sort();
  const shards: { terms: string[]; postings: string[] }[] = [];
  let size = Infinity;
  for (const term of terms) {
    const w = new Writer();
    const perField = postings.get(term)!;
    let mask = 0;
    perField.forEach((list, f) => {
      if (list.length) mask |= 1 << f;
    });
    w.int(mask);
    for (const list of perField) {
      if (!list.length) continue;
      w.int(list.length / 2);
      let prev = -1;
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const tf = list[i + 1]!;
        w.int((doc - prev - 1) * 2 + (tf > 1 ? 1 : 0));
        if (tf > 1) w.int(tf - 2);
        prev = doc;
      }
    }
    const encoded = w.toString();
    if (size >= shardBytes) {
      shards.push({ terms: [], postings: [] });
      size = 0;
    }
    const shard = shards[shards.length - 1]!;
    shard.terms.push(term);
    shard.postings.push(encoded);
    size += term.length + 1 + encoded.length;
  }

  const files = new Map<string, string>();
  shards.forEach((s, i) => {
    const file: ShardFile = { t: s.terms.join(" "), p: s.postings.join("") };
    files.set(shardPath(i), safeJson(file));
  });
  data.meetings.forEach((m, i) => {
    const docs: DocsFile = data.docs.slice(m.first, m.first + m.count).map((d) => [d.anchor, d.heading, d.fields.b]);
    files.set(docsPath(i), safeJson(docs));
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
  const meta: MetaFile = {
    format: FORMAT,
    v: "",
    fields: [...FIELDS],
    boosts: FIELDS.map((f) => BOOSTS[f]),
    docs: data.docs.length,
    shards: shards.slice(1).map((s) => s.terms[0]!).join(" "),
    shardTerms: ints(shards.map((s) => s.terms.length)),
    series: data.series.map((s) => [s.slug, s.name]),
    people: data.people.map((p) => [p.id, p.name]),
    initiatives: data.initiatives.map((i) => [i.id, i.name, i.series]),
    meetings: {
      url: data.meetings.map((m) => m.url),
      title: data.meetings.map((m) => m.title),
      date: data.meetings.map((m) => m.date).join(" "),
      series: ints(data.meetings.map((m) => m.series)),
      docs: ints(data.meetings.map((m) => m.count)),
      people: lists(data.meetings.map((m) => m.people)),
    },
    lengths: lengths.map(ints),
    initiative: ints(data.docs.map((d) => d.initiative + 1)),
    docPeople: lists(data.docs.map((d) => d.people)),
  };
  const hash = createHash("sha256");
  for (const path of [...files.keys()].sort()) hash.update(path).update("\0").update(files.get(path)!).update("\0");
  hash.update(safeJson(meta));
  meta.v = hash.digest("hex").slice(0, 12);
  files.set(metaPath, safeJson(meta));
  return { files, version: meta.v, terms: terms.length, shards: shards.length };
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
