// The search documents go to the worker a run at a time, as it takes them in.
// Queued all at once after the join, a large archive's runs (274 MB of UTF-8
// at 50x) were all held, outside either heap, until the worker got to them,
// at the moment the build holds most besides.

/** Bytes sent and not yet taken in by the worker, at most (a run larger than this is still sent, alone). */
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
    private readonly ahead = AHEAD_BYTES,
  ) {}

  /** Sends runs while fewer than `ahead` bytes wait; true once every run and the end are sent. */
  pump(): boolean {
    if (this.#done) return true;
    for (const read = Atomics.load(this.read, 0); this.#taken < read; ) this.#waiting -= this.#sizes[this.#taken++]!;
    while (this.#waiting < this.ahead) {
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
  }
}
