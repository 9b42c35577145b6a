// The postings of every term while the index is built: for each term and
// field, the documents holding it (in document order) and how often. A large
// archive has tens of millions of them, so they are kept as the integers the
// index file will hold (codec.ts), in blocks of one shared Int32Array,
// never as an array per term: those took five times the memory, and at 50x
// the real archive the builder's heap grew past a gigabyte.
//
// A term's list in one field, as the shard file writes it (format.ts):
// its length, then per document (doc - previous doc - 1) * 2 + (tf > 1),
// followed by tf - 2 when tf > 1.
import { Writer } from "./codec.ts";

/** Ints per block: BLOCK - 1 values, then the index of the next block (0: none). */
const BLOCK = 8;

export class PostingLists {
  readonly #fields: number;
  readonly #ids = new Map<string, number>();
  #pool = new Int32Array(BLOCK * 1024);
  /** Next free block; block 0 is never used, so 0 can mean "no next block". */
  #free = BLOCK;
  // Per list (term id * fields + field): its first block, where its next value goes, its length, its last document.
  #head = new Int32Array(1024);
  #tail = new Int32Array(1024);
  #count = new Int32Array(1024);
  #last = new Int32Array(1024);

  constructor(fields: number) {
    this.#fields = fields;
  }

  /** Document `doc` holds `term` `tf` times in field `field`; documents come in increasing order. */
  add(term: string, field: number, doc: number, tf: number): void {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(term, id);
      if ((id + 1) * this.#fields > this.#head.length) this.#growLists();
    }
    const list = id * this.#fields + field;
    const prev = this.#count[list] === 0 ? -1 : this.#last[list]!;
    this.#push(list, (doc - prev - 1) * 2 + (tf > 1 ? 1 : 0));
    if (tf > 1) this.#push(list, tf - 2);
    this.#count[list]!++;
    this.#last[list] = doc;
  }

  /** Every term added, in the order first met. */
  terms(): string[] {
    return [...this.#ids.keys()];
  }

  /** A term's postings in every field, encoded as its shard holds them: a mask of its fields, then each field's list. */
  encode(term: string): string {
    const id = this.#ids.get(term);
    const w = new Writer();
    if (id === undefined) return w.int(0).toString();
    let mask = 0;
    for (let f = 0; f < this.#fields; f++) if (this.#count[id * this.#fields + f]! > 0) mask |= 1 << f;
    w.int(mask);
    for (let f = 0; f < this.#fields; f++) {
      const list = id * this.#fields + f;
      if (this.#count[list] === 0) continue;
      w.int(this.#count[list]!);
      const end = this.#tail[list]!;
      for (let at = this.#head[list]!; at !== end; ) {
        w.int(this.#pool[at]!);
        at++;
        if (at % BLOCK === BLOCK - 1 && at !== end) at = this.#pool[at]!;
      }
    }
    return w.toString();
  }

  #push(list: number, value: number): void {
    let at = this.#tail[list]!;
    if (at === 0) at = this.#head[list] = this.#block();
    else if (at % BLOCK === BLOCK - 1) {
      // #block() may replace the pool: the link goes into the new one.
      const next = this.#block();
      this.#pool[at] = next;
      at = next;
    }
    this.#pool[at] = value;
    this.#tail[list] = at + 1;
  }

  #block(): number {
    if (this.#free + BLOCK > this.#pool.length) {
      const pool = new Int32Array(this.#pool.length * 2);
      pool.set(this.#pool);
      this.#pool = pool;
    }
    const at = this.#free;
    this.#free += BLOCK;
    return at;
  }

  #growLists(): void {
    const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.#head = grow(this.#head);
    this.#tail = grow(this.#tail);
    this.#count = grow(this.#count);
    this.#last = grow(this.#last);
  }
}
