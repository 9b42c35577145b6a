// `serve` rebuilds into the folder it serves, so a page whose note was deleted
// or renamed would linger there: remove what the last build wrote and this
// one did not. (`build` starts from an empty folder and needs none of this.)
import { readdirSync, rmdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";

export interface StaleRemover {
  /** After a build: removes what was written before (by a build or ahead of one) and not by this build. */
  (outDir: string, written: string[]): void;
  /** Files written between builds (serve's preview of a saved note, src/site/preview.ts). */
  wrote(paths: string[]): void;
}

export function staleRemover(): StaleRemover {
  let previous = new Set<string>();
  const remove = (outDir: string, written: string[]): void => {
    const current = new Set(written);
    for (const path of previous) {
      if (current.has(path) || !path.startsWith(outDir)) continue;
      rmSync(path, { force: true });
      removeEmptyParents(dirname(path), outDir);
    }
    previous = current;
  };
  return Object.assign(remove, { wrote: (paths: string[]) => paths.forEach((p) => previous.add(p)) });
}

function removeEmptyParents(dir: string, stop: string): void {
  while (dir.startsWith(stop) && dir !== stop) {
    try {
      if (readdirSync(dir).length) return;
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}
