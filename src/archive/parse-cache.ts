// Parsed notes kept on disk from one build to the next. A note's parse
// depends on its bytes, its path, the parse settings and minutebook's own
// code, and on nothing else: a rebuild reads the JSON of every note it has
// seen before, which is 25 times cheaper than parsing it again.
//
// The cache is a folder per code version and settings. In it, packs of
// records (`<hash>\t<NoteResult JSON>\n`, appended by whichever thread parsed
// the note) and one index per notes folder: where each of its notes' records
// is. Anything amiss (a missing pack, a short or foreign record, a broken
// index) is a miss, never an error: the note is parsed again.
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ParseSettings } from "./load.ts";

/** Where a cache is and which code's parses it holds. */
export interface CacheOptions {
  dir: string;
  /** Of the parser's code: a cache written by other code is never read. */
  version: string;
}

/** Where one note's record is. */
export interface CacheSpot {
  hash: string;
  pack: string;
  at: number;
  length: number;
}

/** Records waiting to be written at most; a pack is written in few, large writes. */
const FLUSH_BYTES = 1 << 20;
/** An index spread over more packs than this is gathered into one. */
const MAX_PACKS = 8;
/** Packs and folders no index uses are removed once this old: a build running beside this one may still be writing them. */
const STALE_MS = 10 * 60_000;
const PACK = /\.pack$/;
/** The cache's own folders: only these are ever removed from it (a cache may be given any folder). */
const FOLDER = /^notes-[0-9a-f]{16}$/;
/** In each folder: the parser version it is for. */
const VERSION_FILE = "version";
/** In each folder: touched when it was last pruned. */
const PRUNED_FILE = "pruned";

/** Packs this process opened: two caches of one thread, in one millisecond, never share a name. */
let opened = 0;

const digest = (text: string): string => createHash("sha1").update(text).digest("hex").slice(0, 16);

/** The packages the parser imports (src/core): their code is the parser's too (a test keeps the list whole). */
export const PARSER_PACKAGES = ["js-yaml", "luxon", "markdown-it", "markdown-it-anchor", "sanitize-html"];

/**
 * The parser's version: minutebook's own code and the installed version of
 * every package the parser runs, its dependencies' included. minutebook's
 * bundle leaves packages out, so an `npm update` changes what a parse gives
 * without changing the bundle.
 */
export function parserVersion(codeVersion: string, root: string): string {
  const versions = new Set<string>();
  const visit = (from: string, name: string): void => {
    for (let dir = from; ; dir = dirname(dir)) {
      const manifest = join(dir, "node_modules", name, "package.json");
      if (existsSync(manifest)) {
        let pkg: { version?: string; dependencies?: Record<string, string> };
        try {
          pkg = JSON.parse(readFileSync(manifest, "utf8")) as typeof pkg;
        } catch {
          pkg = {};
        }
        const id = `${name}@${pkg.version ?? "?"} ${manifest}`;
        if (versions.has(id)) return;
        versions.add(id);
        for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dirname(manifest), dep);
        return;
      }
      if (dirname(dir) === dir) return void versions.add(`${name}@missing`);
    }
  };
  for (const name of PARSER_PACKAGES) visit(root, name);
  // Node's own Unicode tables decide what the parser's \p{…} classes match.
  return digest([codeVersion, process.version, ...[...versions].sort()].join("\n"));
}

/** This code's folder for these settings, inside the cache. */
export function cacheFolder(options: CacheOptions, settings: ParseSettings): string {
  return join(options.dir, `notes-${digest(`${options.version}\0${settings.issueBase}\0${settings.sourcePrefixes.join("\0")}`)}`);
}

/** A notes folder's files in a cache folder are named by its path. */
const notesKey = (notesDir: string): string => digest(resolve(notesDir));
const indexFile = (folder: string, notesDir: string): string => join(folder, `index-${notesKey(notesDir)}.json`);

/**
 * Where the search index's memo of a notes folder's sections is kept
 * (src/search/body-memo.ts): beside its index, for the same code, and
 * pruned with it.
 */
export function bodyMemoFile(options: CacheOptions, settings: ParseSettings, notesDir: string): string {
  return join(cacheFolder(options, settings), `bodies-${notesKey(notesDir)}.json`);
}

/** An index: the notes folder it is of, and where its notes' records are. */
function readIndex(file: string): { dir: string | null; spots: Map<string, CacheSpot> } {
  const spots = new Map<string, CacheSpot>();
  let dir: string | null = null;
  try {
    const index = JSON.parse(readFileSync(file, "utf8")) as { dir?: unknown; notes?: Record<string, unknown> };
    if (typeof index.dir === "string") dir = index.dir;
    for (const [source, spot] of Object.entries(index.notes ?? {})) {
      if (!Array.isArray(spot) || spot.length !== 4) continue;
      const [hash, pack, at, length] = spot as unknown[];
      if (typeof hash === "string" && typeof pack === "string" && PACK.test(pack) && !pack.includes("/") && Number.isInteger(at) && Number.isInteger(length)) {
        spots.set(source, { hash, pack, at: at as number, length: length as number });
      }
    }
  } catch {
    // No index yet, or one that cannot be read: every note is a miss.
  }
  return { dir, spots };
}

/** The pack a thread appends to: `size` bytes written, `bytes` more waiting. */
interface Pack {
  name: string;
  fd: number;
  size: number;
  waiting: string[];
  bytes: number;
}

/** One thread's view of the cache during a load: it reads the records of unchanged notes and appends those it parses. */
export class ParseCache {
  readonly #folder: string;
  readonly #index: Map<string, CacheSpot>;
  readonly #tag: string;
  readonly #version: string;
  readonly #fds = new Map<string, number>();
  #pack: Pack | null = null;
  #writable = true;
  /** Where this thread's notes are now, hits and new records alike: the next index. */
  readonly spots = new Map<string, CacheSpot>();

  /** `tag` makes this thread's pack name its own. */
  constructor(options: CacheOptions, notesDir: string, settings: ParseSettings, tag: string) {
    this.#folder = cacheFolder(options, settings);
    this.#index = readIndex(indexFile(this.#folder, notesDir)).spots;
    this.#tag = tag;
    this.#version = options.version;
  }

  /** The NoteResult JSON of a note with these bytes, when it was parsed before. */
  get(source: string, hash: string): string | null {
    const spot = this.#index.get(source);
    if (!spot || spot.hash !== hash) return null;
    const text = this.#read(spot);
    if (text !== null) this.spots.set(source, spot);
    return text;
  }

  #read(spot: CacheSpot): string | null {
    try {
      let fd = this.#fds.get(spot.pack);
      if (fd === undefined) {
        fd = openSync(join(this.#folder, spot.pack), "r");
        this.#fds.set(spot.pack, fd);
      }
      const bytes = Buffer.allocUnsafe(spot.length);
      if (readSync(fd, bytes, 0, spot.length, spot.at) !== spot.length) return null;
      const head = spot.hash.length + 1;
      if (bytes.toString("latin1", 0, head) !== `${spot.hash}\t`) return null;
      return bytes.toString("utf8", head, spot.length);
    } catch {
      return null;
    }
  }

  /** Keeps a note's NoteResult JSON for the next load. */
  put(source: string, hash: string, json: string): void {
    if (!this.#writable || !hash) return;
    try {
      const pack = (this.#pack ??= this.#openPack());
      const record = `${hash}\t${json}`;
      const length = Buffer.byteLength(record);
      this.spots.set(source, { hash, pack: pack.name, at: pack.size + pack.bytes, length });
      pack.waiting.push(record, "\n");
      pack.bytes += length + 1;
      if (pack.bytes >= FLUSH_BYTES) this.#flush();
    } catch {
      this.#stopWriting();
    }
  }

  #openPack(): Pack {
    mkdirSync(this.#folder, { recursive: true });
    writeFileSync(join(this.#folder, VERSION_FILE), this.#version);
    const name = `${this.#tag}-${process.pid}-${Date.now().toString(36)}-${++opened}.pack`;
    return { name, fd: openSync(join(this.#folder, name), "wx"), size: 0, waiting: [], bytes: 0 };
  }

  #flush(): void {
    const pack = this.#pack;
    if (!pack || !pack.bytes) return;
    try {
      const text = pack.waiting.join("");
      if (writeSync(pack.fd, text) !== pack.bytes) throw new Error("short write");
      pack.size += pack.bytes;
      pack.waiting = [];
      pack.bytes = 0;
    } catch {
      this.#stopWriting();
    }
  }

  /** A cache that cannot be written (a full disk, a read-only folder) is only read: its new records are forgotten. */
  #stopWriting(): void {
    this.#writable = false;
    for (const [source, spot] of this.spots) if (spot.pack === this.#pack?.name) this.spots.delete(source);
  }

  /** Writes what waits and lets the files go; `spots` then says where every note of this thread is. */
  close(): void {
    this.#flush();
    for (const fd of this.#fds.values()) closeSync(fd);
    this.#fds.clear();
    if (this.#pack) closeSync(this.#pack.fd);
    this.#pack = null;
  }
}

/**
 * Writes the notes folder's index, for these notes only (a note deleted since
 * leaves it), then removes what no index uses any more.
 */
export function saveCacheIndex(options: CacheOptions, notesDir: string, settings: ParseSettings, sources: string[], spots: Map<string, CacheSpot>): void {
  const folder = cacheFolder(options, settings);
  try {
    const file = indexFile(folder, notesDir);
    const notes: Record<string, [string, string, number, number]> = {};
    for (const source of sources) {
      const spot = spots.get(source);
      if (spot) notes[source] = [spot.hash, spot.pack, spot.at, spot.length];
    }
    const before = readIndex(file).spots;
    const same = before.size === Object.keys(notes).length && [...before].every(([s, b]) => notes[s]?.join("\0") === [b.hash, b.pack, b.at, b.length].join("\0"));
    if (!same) {
      mkdirSync(folder, { recursive: true });
      const tmp = `${file}.${process.pid}-${++opened}.tmp`;
      writeFileSync(tmp, JSON.stringify({ dir: resolve(notesDir), notes: gathered(folder, notes) }));
      renameSync(tmp, file);
    }
    prune(options.dir, folder, options.version);
  } catch {
    // The next build parses again what this one could not index.
  }
}

function versionOf(folder: string): string | null {
  try {
    return readFileSync(join(folder, VERSION_FILE), "utf8");
  } catch {
    return null;
  }
}

/** The index's records, those outside its largest pack copied into one new pack when they are spread over too many. */
function gathered(folder: string, notes: Record<string, [string, string, number, number]>): Record<string, [string, string, number, number]> {
  const bytes = new Map<string, number>();
  for (const [, pack, , length] of Object.values(notes)) bytes.set(pack, (bytes.get(pack) ?? 0) + length);
  if (bytes.size <= MAX_PACKS) return notes;
  const largest = [...bytes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  const name = `gathered-${process.pid}-${Date.now().toString(36)}-${++opened}.pack`;
  const out = openSync(join(folder, name), "wx");
  const fds = new Map<string, number>();
  try {
    let size = 0;
    for (const spot of Object.values(notes)) {
      const [, pack, at, length] = spot;
      if (pack === largest) continue;
      let fd = fds.get(pack);
      if (fd === undefined) fds.set(pack, (fd = openSync(join(folder, pack), "r")));
      const record = Buffer.allocUnsafe(length + 1);
      if (readSync(fd, record, 0, length, at) !== length) throw new Error("short record");
      record[length] = 0x0a;
      if (writeSync(out, record) !== record.length) throw new Error("short write");
      spot[1] = name;
      spot[2] = size;
      size += length + 1;
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
    closeSync(out);
  }
  return notes;
}

/**
 * Removes, once they are stale: the indexes of notes folders that are gone,
 * the packs no index uses, and the cache's folders for other parser versions
 * (those of other settings, another notes repository's, are kept). Nothing
 * turns stale sooner than STALE_MS, so a folder is pruned at most that often:
 * pruning reads every index in it, and the cache of a folder of 30,000 notes
 * beside this one's would cost each build of a small archive 60 ms.
 */
function prune(root: string, folder: string, version: string): void {
  const now = Date.now();
  const stamp = join(folder, PRUNED_FILE);
  if (existsSync(stamp) && now - statSync(stamp).mtimeMs <= STALE_MS) return;
  const stale = (path: string): boolean => now - statSync(path).mtimeMs > STALE_MS;
  const used = new Set<string>();
  const entries = readdirSync(folder);
  for (const name of entries) {
    if (!name.startsWith("index-") || !name.endsWith(".json")) continue;
    const path = join(folder, name);
    const { dir, spots } = readIndex(path);
    if (!(dir && existsSync(dir)) && stale(path)) rmSync(path, { force: true });
    else for (const spot of spots.values()) used.add(spot.pack);
  }
  for (const name of entries) {
    const path = join(folder, name);
    // A notes folder's memo of its sections goes with its index.
    const orphan = name.startsWith("bodies-") && !existsSync(join(folder, name.replace(/^bodies-/, "index-")));
    if ((PACK.test(name) && !used.has(name)) || name.endsWith(".tmp") || orphan) if (stale(path)) rmSync(path, { force: true });
  }
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (!FOLDER.test(name) || path === folder || versionOf(path) === version || !stale(path)) continue;
    rmSync(path, { recursive: true, force: true });
  }
  writeFileSync(stamp, "");
}
