// The search documents go to the worker a run at a time, as it takes them in.
// Queued all at once after the join, a large archive's runs (274 MB of UTF-8
// at 50x) were all held, outside either heap, until the worker got to them,
// at the moment the build holds most besides.

/** Runs are sent while fewer bytes than this wait for the worker (so at most this and one run wait). */
export const AHEAD_BYTES = 16 << 20;

export class Pacer {
  /** Bytes of each run sent, in order. */
  #sizes: number[] = [];
  /** Runs the worker has taken in, as far as `#waiting` knows. */
  #taken = 0;
  #waiting = 0;
  #done = false;

  constructor(
    private readonly runs: Iterator<Uint8Array>,
    /** One Int32: the number of runs the worker has taken in, counted by the worker. */
    private readonly read: Int32Array,
    private readonly send: (run: Uint8Array) => void,
    private readonly end: () => void,
    /** Making or sending a run threw: nothing more is sent (the caller builds the index another way). */
    private readonly failed: (error: unknown) => void,
    ahead = AHEAD_BYTES,
  ) {
    this.#ahead = Math.max(1, ahead);
  }

  readonly #ahead: number;

  /** Sends runs while fewer than `ahead` bytes wait; true once every run and the end are sent, or it failed. */
  pump(): boolean {
    if (this.#done) return true;
    try {
      for (const read = Atomics.load(this.read, 0); this.#taken < read; ) this.#waiting -= this.#sizes[this.#taken++]!;
      while (this.#waiting < this.#ahead) {
        const next = this.runs.next();
        if (next.done) {
          this.#done = true;
          this.end();
          return true;
        }
        this.#sizes.push(next.value.byteLength);
        this.#waiting += next.value.byteLength;
        this.send(next.value);
      }
      return false;
    } catch (e) {
      // Called between pages and from message handlers: an error here must not be the page's or the process's.
      this.#done = true;
      this.failed(e);
      return true;
    }
  }
}
