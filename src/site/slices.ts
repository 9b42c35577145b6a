// serve: pages render one at a time, and go through their transforms and
// are written one at a time, with a break to the event loop every few
// milliseconds. A rebuild renders for seconds on a large archive, and the
// dev server, the watcher and the preview of the next saved note
// (preview.ts) all share this thread: without the breaks, a note saved
// during a rebuild would wait for all of it. A build renders without them.
let enabled = false;
let chain: Promise<void> = Promise.resolve();
let sliceStart = 0;
const SLICE_MS = 12;

export function renderInSlices(on: boolean): void {
  enabled = on;
}

/** serve: a break to the event loop between two long steps of a rebuild; nothing in a build. */
export function breather(): Promise<void> | void {
  if (enabled) return new Promise<void>((resolve) => setImmediate(resolve));
}

/** Runs a render in its turn (serve), or at once (build). */
export function inTurn<T>(render: () => T | Promise<T>): T | Promise<T> {
  if (!enabled) return render();
  const turn = chain.then(async () => {
    // setImmediate from a callback of its own phase runs in the next loop
    // iteration: the poll for I/O (requests, file events) comes in between.
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    return render();
  });
  chain = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}
