// The archive of the current build. Eleventy's data cascade copies and merges
// what it is given, so templates paginate over small lists of ids and fetch
// the (large, cross-linked) archive from here.
import type { Archive } from "../archive/model.ts";

let current: Archive | null = null;

export function setArchive(archive: Archive): void {
  current = archive;
}

export function archive(): Archive {
  if (!current) throw new Error("minutebook: the archive was not loaded before rendering");
  return current;
}
