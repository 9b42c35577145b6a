// `serve`: a saved note's meeting pages are written at once, before Eleventy's
// rebuild of the whole site (every page, feed and the search index, seconds
// on a large archive) has begun: from the last archive with the note's
// meetings joined again when the edit changed only their text (patch.ts),
// else from the archive read anew, which the rebuild then reuses. The
// rebuild writes the same bytes again, with everything else the note
// changed: person, initiative and series pages, feeds, search.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { NOTE } from "../archive/read.ts";
import type { Archive } from "../archive/model.ts";
import { renderMeeting } from "./pages/meeting.ts";
import { relativizeHtml } from "./relative-urls.ts";

/** The changed paths that are notes of the folder, as paths under it. */
export function changedNotes(notesDir: string, changed: string[]): string[] {
  const root = resolve(notesDir);
  return changed
    .map((p) => resolve(p))
    .filter((p) => p.startsWith(root + sep) && NOTE.test(p))
    .map((p) => relative(root, p).split(sep).join("/"));
}

export interface PreviewPage {
  url: string;
  /** The note's path on disk. */
  inputPath: string;
  outputPath: string;
  content: string;
}

/** Writes the meeting pages of these notes (paths under notesDir), rendered as the meeting template renders them. */
export function writeMeetingPages(archive: Archive, notesDir: string, sources: string[], outDir: string): PreviewPage[] {
  const wanted = new Set(sources);
  const pages: PreviewPage[] = [];
  for (const m of archive.meetings) {
    if (!wanted.has(m.source)) continue;
    const content = relativizeHtml(renderMeeting(archive, m), m.url);
    const outputPath = join(outDir, ...m.url.split("/").filter(Boolean), "index.html");
    mkdirSync(dirname(outputPath), { recursive: true });
    writeFileSync(outputPath, content);
    pages.push({ url: m.url, inputPath: join(notesDir, ...m.source.split("/")), outputPath, content });
  }
  return pages;
}
