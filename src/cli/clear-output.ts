// A build replaces what the previous one wrote. Deleting tens of thousands of
// files takes seconds, mostly spent waiting on the file system, and the
// build need not wait for it: the old folder is renamed aside at once (the
// new site is written to a folder of its own) and deleted while the build
// runs, on a thread of its own: Node's asynchronous rm walks the tree in
// JavaScript, a promise per file, and on the build's thread that cost a 10x
// rebuild over its last site 1.5 s. A folder left aside by a build that was
// stopped is deleted by the next one.
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Worker } from "node:worker_threads";

// The remover: a script, not a module of ours, so that it runs the same from the sources and from the bundle.
const REMOVER = `
const { parentPort, workerData } = require("node:worker_threads");
const { rmSync } = require("node:fs");
parentPort.postMessage(workerData.filter((path) => {
  try { rmSync(path, { recursive: true, force: true }); return false; } catch { return true; }
}));
`;

const asidePrefix = (out: string): string => `.${basename(out)}.old-`;

/** Empties `out` now; settles, with the folders it could not delete, once the old files are gone. */
export function clearOutput(out: string): Promise<string[]> {
  const parent = dirname(out);
  const prefix = asidePrefix(out);
  const doomed = existsSync(parent) ? readdirSync(parent).filter((name) => name.startsWith(prefix)).map((name) => join(parent, name)) : [];
  if (existsSync(out)) {
    const aside = join(parent, `${prefix}${process.pid}-${doomed.length}`);
    try {
      renameSync(out, aside);
      doomed.push(aside);
    } catch {
      // A mount point, or a folder that cannot be renamed: deleted in place, and waited for.
      rmSync(out, { recursive: true, force: true });
    }
  }
  return doomed.length ? removeApart(doomed) : Promise.resolve([]);
}

/** Deletes the folders on another thread; settles with those it could not delete. */
function removeApart(paths: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(REMOVER, { eval: true, workerData: paths });
    } catch {
      return resolve(removeHere(paths));
    }
    let answered = false;
    worker.once("message", (left: string[]) => {
      answered = true;
      resolve(left);
    });
    // A thread that could not run (or died) leaves the deleting to this one.
    worker.once("error", () => undefined);
    worker.once("exit", () => {
      if (!answered) resolve(removeHere(paths));
    });
  });
}

function removeHere(paths: string[]): Promise<string[]> {
  const left = paths.map((path) => rm(path, { recursive: true, force: true }).then(() => null, () => path));
  return Promise.all(left).then((all) => all.filter((path) => path !== null));
}

export function leftMessage(paths: string[]): string | null {
  return paths.length ? `minutebook: could not delete the previous build's files in ${paths.join(", ")}: delete them by hand` : null;
}
