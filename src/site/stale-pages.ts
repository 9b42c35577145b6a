// `serve` rebuilds into the folder it serves, so a page whose note was deleted
// or renamed would linger there: remove what the last build wrote and this
// one did not. (`build` starts from an empty folder and needs none of this.)
import { readdirSync, rmdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";

export function staleRemover(): (outDir: string, written: string[]) => void {
  let previous = new Set<string>();
  return (outDir, written) => {
    const current = new Set(written);
    for (const path of previous) {
      if (current.has(path) || !path.startsWith(outDir)) continue;
      rmSync(path, { force: true });
      removeEmptyParents(dirname(path), outDir);
    }
    previous = current;
  };
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
