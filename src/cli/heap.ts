// The heap of a large build (one in parts, parts.ts). Once a part is written
// its pages are garbage, and the largest of them (a busy person's page, many
// megabytes) live in the old generation, where V8 lets garbage pile up to as
// much as the live size again, and more, before collecting: on 50 copies of
// the real archive, 2.5 to 2.9 GB of heap for under 1 GB live. So a large
// build lets it grow by 15% at most, and collects in full after the
// archive is joined (its parsed notes are garbage then) and between parts,
// when the last part left much behind. Measured: README.md, Benchmark.
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Garbage worth a collection: a collection of a large heap costs about half a second. */
const GARBAGE_WORTH_COLLECTING = 256 * 2 ** 20;
/** How far V8 may grow the old generation past its live size, in percent (V8's own factor is up to 300). */
// 20 left 50x builds at 1.88 to 2.03 GiB, 15 at 1.76 to 1.81 GiB, for about 8% more time at 50x (README, Benchmark).
const HEAP_GROWING_PERCENT = 15;

export class PartCollector {
  #gc: (() => void) | null = null;
  // Nothing is known to be live before the first collection.
  #live = 0;

  constructor() {
    try {
      setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
      // The flag exposes gc() to contexts made after it is set: this one, not the program's.
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      if (typeof gc === "function") this.#gc = gc as () => void;
    } catch {
      this.#gc = null; // no collection: a higher peak, the same site
    }
  }

  /** Collects when the heap grew by more than GARBAGE_WORTH_COLLECTING since the last collection; true when it did. */
  collect(): boolean {
    if (!this.#gc || getHeapStatistics().used_heap_size - this.#live < GARBAGE_WORTH_COLLECTING) return false;
    this.#gc();
    this.#live = getHeapStatistics().used_heap_size;
    return true;
  }
}
