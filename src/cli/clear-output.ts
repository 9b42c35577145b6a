// A build replaces what the previous one wrote. Deleting tens of thousands of
// files takes seconds, mostly spent waiting on the file system, and the
// build need not wait for it: the old folder is renamed aside at once (the
// new site is written to a folder of its own) and deleted while the build
// runs. A folder left aside by a build that was stopped is deleted by the
// next one.
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

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
  const left = doomed.map((path) => rm(path, { recursive: true, force: true }).then(() => null, () => path));
  return Promise.all(left).then((paths) => paths.filter((path) => path !== null));
}

export function leftMessage(paths: string[]): string | null {
  return paths.length ? `minutebook: could not delete the previous build's files in ${paths.join(", ")}: delete them by hand` : null;
}
