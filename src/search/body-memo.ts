// Sections' bodies as the index reads them, their text and the counts of
// their terms, kept from one index to the next: in memory for serve's
// rebuilds, and in a file beside the parse cache for the next build. Reading
// an archive's text and counting its terms is most of what its index costs,
// and a rebuild's sections are nearly all as they were. A body is known by
// the SHA-1 of its HTML; its counts by its text (two bodies of one text count
// alike). Anything amiss with the file is a miss, never an error.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import lunr from "lunr";
import { htmlToText, type Field } from "./documents.ts";
import { countField } from "./build-index.ts";
import { countTerms } from "./pipeline.ts";

interface Body {
  text: string;
  /** Its number of terms, and each term with its count; null until counted. */
  length: number;
  terms: (string | number)[] | null;
}

/** What the file holds: its format, the stemmer's lunr, then [key, text, length, terms] per body. */
interface MemoFile {
  format: number;
  lunr: string;
  bodies: [string, string, number, (string | number)[]][];
}

const FORMAT = 1;
/** What is kept at most, roughly in bytes (text as UTF-16 code units, counts as array slots): past it, bodies are read again each time rather than held. */
const MAX_TEXT = 32 << 20;

let saved = 0;

export class BodyMemo {
  /** The bodies of the last index (or of the file), and those of this one so far. */
  #last: Map<string, Body> | null = null;
  #next = new Map<string, Body>();
  #byText = new Map<string, Body>();
  #size = 0;
  /** Whether this index met a body the memo did not hold, or counted one: if not, and it met them all, the file is as it would be written. */
  #changed = false;
  /** Whether #last is what the file holds. */
  #fromFile = false;

  /** `file`: where the memo is kept between processes, or null for memory only; `limit`: what it holds at most (as MAX_TEXT counts). */
  constructor(
    private readonly file: string | null,
    private readonly limit = MAX_TEXT,
  ) {}

  #previous(): Map<string, Body> {
    if (this.#last) return this.#last;
    this.#last = new Map();
    if (!this.file) return this.#last;
    try {
      const memo = JSON.parse(readFileSync(this.file, "utf8")) as MemoFile;
      // lunr's stemmer and stop words made the counts.
      if (memo.format !== FORMAT || memo.lunr !== lunr.version || !Array.isArray(memo.bodies)) return this.#last;
      for (const [key, text, length, terms] of memo.bodies) this.#last.set(key, { text, length, terms });
      this.#fromFile = true;
    } catch {
      // No memo yet, or one that cannot be read: every body is read again.
    }
    return this.#last;
  }

  /** A body's text (htmlToText), from the memo when its HTML was met before. */
  text(html: string): string {
    const key = createHash("sha1").update(html).digest("base64");
    let body = this.#next.get(key) ?? this.#previous().get(key);
    if (!body) {
      body = { text: htmlToText(html), length: 0, terms: null };
      this.#changed = true;
    }
    if (!this.#next.has(key)) {
      if (this.#size + body.text.length > this.limit) return body.text;
      this.#next.set(key, body);
      this.#size += body.text.length;
    }
    // Until its run of meetings is counted, which the index does next (counted()).
    this.#byText.set(body.text, body);
    return body.text;
  }

  /** countTerms(text, tf), from the memo when the text is a body met before. */
  count(text: string, tf: Map<string, number>): number {
    const body = this.#byText.get(text);
    const terms = body?.terms;
    if (terms) {
      tf.clear();
      for (let i = 0; i < terms.length; i += 2) tf.set(terms[i] as string, terms[i + 1] as number);
      return body.length;
    }
    const length = countTerms(text, tf);
    // A term and its count as two array slots, the term's string shared with every other body's.
    if (body && this.#size + tf.size * 8 <= this.limit) {
      this.#changed = true;
      body.length = length;
      body.terms = [...tf].flat();
      this.#size += tf.size * 8;
    }
    return length;
  }

  /** The run of meetings whose bodies were read is counted: their texts need not be looked up any more. */
  counted(): void {
    this.#byText.clear();
  }

  /** The index builder's count (build-index.ts countField), with the bodies from the memo. */
  readonly countField = (field: Field, text: string, tf: Map<string, number>): number => (field === "b" ? this.count(text, tf) : countField(field, text, tf));

  /** This index is done: its bodies are the memo now (written to the file), the others forgotten. */
  turn(): void {
    // Every body of the file met again, and nothing new: writing it again would write the same bodies.
    const same = this.#fromFile && !this.#changed && this.#next.size === this.#last?.size;
    this.#last = this.#next;
    this.#next = new Map();
    this.#byText = new Map();
    this.#size = 0;
    this.#changed = false;
    if (!this.file || same) return;
    this.#fromFile = true;
    const memo: MemoFile = { format: FORMAT, lunr: lunr.version, bodies: [] };
    for (const [key, body] of this.#last) if (body.terms) memo.bodies.push([key, body.text, body.length, body.terms]);
    const tmp = `${this.file}.${process.pid}-${++saved}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(tmp, JSON.stringify(memo));
      renameSync(tmp, this.file);
    } catch {
      rmSync(tmp, { force: true }); // the next build reads the bodies again
    }
  }
}
