// The files of the search index, under /search/ of the site. Written by
// build-index.ts, read by engine.ts (in the browser's worker, and in Node).
//
//   meta.json      what every search needs: fields and weights, document
//                  count, field lengths (for lunr's BM25), the facets of
//                  every document (meeting, series, year, people,
//                  initiative), meeting titles, dates and URLs, and where
//                  each term shard starts. Fetched once, on the first search.
//   t/N.json       term shard N: a run of the sorted terms with their
//                  postings, fetched when a query needs one of its terms.
//   d/N.json       the sections of a run of consecutive meetings (docs
//                  file N): anchor, heading and text, fetched to show
//                  those meetings in the results (snippets). A few
//                  meetings a file, not one: a file costs a build far more
//                  than its bytes (about 0.6 ms to create one on the
//                  machine of the README's benchmark), and a large archive
//                  has tens of thousands of meetings.
//
// Integers are written with codec.ts. Every list is in a fixed order, so the
// same archive always gives the same bytes.

export const FORMAT = 2;

export interface MetaFile {
  format: typeof FORMAT;
  /** Hash of the other files: appended as ?v= so a new build is never mixed with an old cache. */
  v: string;
  /** Field names, in index order, and their boosts. */
  fields: string[];
  boosts: number[];
  /** Number of documents (sections). */
  docs: number;
  /** The first term of each shard but the first, joined by spaces (terms hold no spaces). */
  shards: string;
  /** How many terms each shard holds (integers). */
  shardTerms: string;
  series: [slug: string, name: string][];
  people: [id: string, name: string][];
  initiatives: [id: string, name: string, series: number][];
  meetings: {
    url: string[];
    title: string[];
    /** "YYYY-MM-DD" dates, joined by spaces. */
    date: string;
    /** Series index of each meeting (integers). */
    series: string;
    /** Number of documents of each meeting (integers); documents are in meeting order. */
    docs: string;
    /** Attendees, leads and notetakers of each meeting (sorted lists of person indexes). */
    people: string;
  };
  /** Per field, the length (number of terms) of every document (integers). */
  lengths: string[];
  /** Initiative index + 1 of every document, 0 for none (integers). */
  initiative: string;
  /** Speakers and askers of every document (sorted lists of person indexes). */
  docPeople: string;
  /** How many meetings each docs file holds, in order (integers). */
  docFiles: string;
}

/**
 * A term shard: `t` the terms, joined by spaces; `p` their postings, one
 * after another: a bit mask of the fields holding the term, then for each
 * of those fields the number of documents and, per document, the gap from
 * the previous document times two plus one when the term occurs more than
 * once (followed then by the count minus two).
 */
export interface ShardFile {
  t: string;
  p: string;
}

/** A meeting's documents, in order: [anchor, heading, text]. */
export type MeetingDocs = [anchor: string, heading: string, text: string][];

/** A docs file: the documents of its run of meetings, meeting by meeting. */
export type DocsFile = MeetingDocs[];

export const metaPath = "meta.json";
export const shardPath = (n: number): string => `t/${n}.json`;
export const docsPath = (file: number): string => `d/${file}.json`;

/** lunr's BM25 parameters (its defaults), used by the builder and the engine alike. */
export const K1 = 1.2;
export const B = 0.75;
