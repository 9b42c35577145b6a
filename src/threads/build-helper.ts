// The main thread's side of the build worker (build-worker.ts). A build
// starts it first thing, so the worker is parsing notes while the main
// thread is still loading Eleventy; the main thread then parses what is
// left and joins the two halves by note. Whatever the worker fails to do
// (it could not start, or died) the main thread does itself: a slower
// build, never a lost note.
//
// This module imports the parser and the search index builder only when it
// needs them, so a build can start its worker before loading anything else.
import { MessageChannel, type TransferListItem, type Worker } from "node:worker_threads";
import type { LoadOptions, ParsedNote } from "../archive/load.ts";
import type { CacheOptions } from "../archive/parse-cache.ts";
import type { Archive } from "../archive/model.ts";
import type { SearchSource } from "../search/documents.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";
import { Pacer } from "./pacer.ts";
import { spawnWorker } from "./spawn.ts";
import { WorkerShare } from "./share.ts";

export interface SearchSummary {
  terms: number;
  shards: number;
  version: string;
}

type Waiter = { resolve: (m: FromWorker) => void; reject: (e: Error) => void };

export class BuildHelper {
  #worker: Worker | null;
  #waiting = new Map<number, Waiter>();
  #next = 1;
  /** Search indexes whose runs are still being sent (pacer.ts). */
  #pacers = new Set<Pacer>();
  /** What this thread did itself because the worker failed, and why (for tests and debugging: the build goes on the same). */
  readonly fallbacks: string[] = [];

  constructor(worker: Worker | null) {
    this.#worker = worker;
    if (!worker) return;
    worker.unref(); // an idle helper never keeps the process alive
    worker.on("message", (m: FromWorker) => {
      if (m.type === "search-read") return this.pace();
      const w = this.#waiting.get(m.id);
      if (!w) return;
      this.#settle(m.id);
      if (m.type === "failed") w.reject(new Error(m.message));
      else w.resolve(m);
    });
    const fail = (e: Error): void => {
      this.#worker = null;
      this.#pacers.clear();
      for (const [id, w] of this.#waiting) {
        this.#settle(id);
        w.reject(e);
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the build worker exited (${code})`)));
  }

  /** A helper with a worker thread, or without one where threads cannot start. */
  static start(): BuildHelper {
    try {
      return new BuildHelper(spawnWorker("build-worker", {}));
    } catch {
      return new BuildHelper(null);
    }
  }

  #settle(id: number): void {
    this.#waiting.delete(id);
    if (this.#waiting.size === 0) this.#worker?.unref();
  }

  #ask(msg: ToWorker, transfer: TransferListItem[] = []): Promise<FromWorker> {
    const worker = this.#worker;
    if (!worker) return Promise.reject(new Error("no build worker"));
    return new Promise((resolve, reject) => {
      this.#waiting.set(msg.id, { resolve, reject });
      worker.ref(); // the main thread may be waiting for nothing else
      worker.postMessage(msg, transfer);
    });
  }

  /**
   * Starts reading a folder's notes in the worker; `load.archive()` later
   * reads the rest on the calling thread and returns the archive.
   */
  parse(dir: string, options: ParallelLoadOptions = {}): ParallelLoad {
    const counter = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    const cache = options.cache ?? null;
    const answered = this.#ask({ type: "parse", id: this.#next++, dir, url: options.url ?? null, cache, counter, port: port2 }, [port2]);
    answered.catch(() => {}); // a failed worker: the main thread reads what it did not send
    return new ParallelLoad(dir, options, new Int32Array(counter), new WorkerShare(port1, answered));
  }

  /**
   * Builds the search index and writes it (and the search scripts) into a
   * site folder. The documents are made here, a run of meetings at a time,
   * each run sent as it is made: neither thread ever holds them all. The
   * worker reads their bodies as text; with `remember` (serve), it keeps
   * them for the next index of the same archive.
   */
  async search(source: SearchSource, outDir: string, options: { remember?: boolean; ahead?: number } = {}): Promise<SearchSummary> {
    const worker = this.#worker;
    if (worker) {
      const id = this.#next++;
      const read = new Int32Array(new SharedArrayBuffer(4));
      const answered = this.#ask({ type: "search-begin", id, outDir, remember: options.remember ?? false, read: read.buffer as SharedArrayBuffer });
      // The bodies go as HTML when the source can give them so: reading them as text is the worker's work then.
      const html = source.htmlChunks !== undefined;
      const runs = (function* () {
        for (const chunk of source.htmlChunks?.() ?? source.chunks()) yield new TextEncoder().encode(JSON.stringify(chunk));
      })();
      const pacer = new Pacer(
        runs,
        read,
        (json) => worker.postMessage({ type: "search-chunk", id, json, html } satisfies ToWorker, [json.buffer as ArrayBuffer]),
        () => worker.postMessage({ type: "search-end", id, header: source.header } satisfies ToWorker),
        (e) => {
          const waiter = this.#waiting.get(id);
          this.#settle(id);
          waiter?.reject(e instanceof Error ? e : new Error(String(e)));
        },
        options.ahead,
      );
      if (!pacer.pump()) this.#pacers.add(pacer);
      try {
        const m = await answered;
        if (m.type === "searched") return { terms: m.terms, shards: m.shards, version: m.version };
      } catch (e) {
        this.#pacers.delete(pacer);
        this.fallbacks.push(`search: ${(e as Error).message}`); // this thread builds it
      }
    }
    const { writeSearchData } = await import("../search/site-files.ts");
    const files = await writeSearchData(source, outDir);
    return { terms: files.terms, shards: files.shards, version: files.version };
  }

  /**
   * Sends the search runs the worker is ready for. The worker's messages call
   * it when this thread is idle; a thread busy rendering calls it between
   * pages (page-writer.ts), as it never turns to its messages meanwhile.
   */
  pace(): void {
    for (const pacer of this.#pacers) if (pacer.pump()) this.#pacers.delete(pacer);
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }
}

export interface ParallelLoadOptions extends Pick<LoadOptions, "url"> {
  /**
   * Keep the parsed notes for later loads of the folder (serve, which then
   * parses only what changed). A build reads each note once and keeps only
   * the archive: holding both would double what it holds in memory. The
   * archive is then also kept rejoinable (patch.ts).
   */
  remember?: boolean;
  /** Parsed notes on disk from earlier builds, read and added to (src/archive/parse-cache.ts). */
  cache?: CacheOptions | null;
}

export class ParallelLoad {
  constructor(
    private readonly dir: string,
    private readonly options: ParallelLoadOptions,
    private readonly counter: Int32Array,
    private readonly theirs: WorkerShare,
  ) {}

  async archive(onNote?: (done: number, total: number) => void): Promise<Archive> {
    const { archiveOf, isParsed, parseSettings, planLoad, readCached } = await import("../archive/read.ts");
    const { ParseCache, saveCacheIndex } = await import("../archive/parse-cache.ts");
    // Both threads list the folder and take notes by index from one counter.
    const plan = planLoad(this.dir, { url: this.options.url });
    const sources = plan.folder.notes;
    const settings = parseSettings(plan.config);
    const notes: (ParsedNote | undefined)[] = new Array(sources.length);
    const cache = this.options.cache;
    const store = cache ? new ParseCache(cache, this.dir, settings, "m") : null;
    // The parser is loaded for the first note the cache does not hold: with every note there, never.
    const read = async (source: string): Promise<ParsedNote> => {
      const note = readCached(this.dir, source, store);
      return isParsed(note) ? note : (await import("../archive/load.ts")).parseRead(note, settings, store);
    };
    for (;;) {
      const i = Atomics.add(this.counter, 0, 1);
      if (i >= sources.length) break;
      notes[i] = await read(sources[i]!);
      this.theirs.drain();
      onNote?.(Math.min(Atomics.load(this.counter, 0), sources.length), sources.length);
    }
    const theirs = await this.theirs.rest();
    // The folder changed between the two listings: its list counts, not the worker's.
    const same = theirs.sources !== null && theirs.sources.length === sources.length && theirs.sources.every((s, i) => s === sources[i]);
    if (same) for (const [i, note] of theirs.notes) notes[i] ??= note;
    // The load is kept by its caller for the whole build; the notes are the archive's now.
    theirs.notes.clear();
    // Notes the worker took but did not return (it died, or listed another folder) are read here.
    const all: ParsedNote[] = [];
    for (const [i, n] of notes.entries()) all.push(n && n.source === sources[i] ? n : await read(sources[i]!));
    if (store && cache) {
      store.close();
      saveCacheIndex(cache, this.dir, settings, sources, new Map([...theirs.spots, ...store.spots]));
    }
    onNote?.(sources.length, sources.length);
    if (this.options.remember) (await import("../archive/load.ts")).rememberParsed(all, settings);
    return archiveOf(plan, all, { rejoinable: !!this.options.remember });
  }
}
