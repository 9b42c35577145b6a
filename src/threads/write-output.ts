// One output of a build, written: its links made relative to its page
// (src/site/relative-urls.ts) unless pageUrl is null, its folder made when
// missing. The write worker's work, and the main thread's without one.
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { relativizeHtml } from "../site/relative-urls.ts";

export function writeOutput(path: string, content: string, pageUrl: string | null): void {
  const bytes = Buffer.from(pageUrl === null ? content : relativizeHtml(content, pageUrl), "utf8");
  const fd = open(path);
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
  } finally {
    closeSync(fd);
  }
}

// A page shares its folder with its feeds: the folder is made only when opening fails for want of it.
function open(path: string): number {
  try {
    return openSync(path, "w");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, "w");
  }
}
