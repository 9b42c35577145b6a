// The CLI's build writes each page as soon as its template has rendered it,
// and hands Eleventy an empty string. Eleventy renders every page of a run
// before it runs any transform or writes any file, and keeps each page's
// content (its templateContent) until the run ends: pages written by a
// transform would all be held at once, long enough for the collector to copy
// each of them twice. Written at once, a page is garbage while still young.
import { closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Template } from "./templates/index.ts";
import { relativizeHtml } from "./relative-urls.ts";
import { NOT_FOUND_URL } from "./pages/notfound.ts";

export interface PageInfo {
  url: string | false;
  outputPath: string | false;
}

/** Pages whose root-relative links are made relative to them; the 404 page is served at any depth, so its links stay root-relative. */
export function linksRelative(page: PageInfo): page is { url: string; outputPath: string } {
  return !!page.url && String(page.outputPath).endsWith(".html") && page.url !== NOT_FOUND_URL;
}

const WRITE_BATCH = 1 << 20;

export class PageWriter {
  /** Files written since the last `take()`. */
  #written: string[] = [];
  // Folders made this run: a page's folder also holds its feeds, and a
  // recursive mkdir of a folder that exists costs two system calls.
  #made = new Set<string>();

  /** `between` runs after each file: this thread does nothing else until the run ends (the build's search pacing, build-helper.ts). */
  constructor(private readonly between: () => void = () => {}) {}

  write(page: PageInfo, content: string): void {
    const path = page.outputPath;
    if (!path) return;
    this.#folderOf(path);
    writeFileSync(path, linksRelative(page) ? relativizeHtml(content, page.url) : content);
    this.#written.push(path);
    this.between();
  }

  /** A file that is not a page (no links to make relative), written a piece at a time. */
  writePieces(page: PageInfo, pieces: Iterable<string>): void {
    const path = page.outputPath;
    if (!path) return;
    this.#folderOf(path);
    const fd = openSync(path, "w");
    try {
      // A megabyte at a time: few system calls, and never the whole file held.
      let batch: string[] = [];
      let length = 0;
      for (const piece of pieces) {
        batch.push(piece);
        length += piece.length;
        if (length < WRITE_BATCH) continue;
        writeFileSync(fd, batch.join(""));
        batch = [];
        length = 0;
      }
      writeFileSync(fd, batch.join(""));
    } finally {
      closeSync(fd);
    }
    this.#written.push(path);
    this.between();
  }

  #folderOf(path: string): void {
    const dir = dirname(path);
    if (!this.#made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#made.add(dir);
    }
  }

  /** The files written so far, handed over once; folders are made again next run (serve may remove one meanwhile). */
  take(): string[] {
    this.#made.clear();
    return this.#written.splice(0);
  }

  #emptied(page: PageInfo, content: string): "" {
    this.write(page, content);
    return "";
  }

  /** The template, rendering into this writer: Eleventy gets "" for each page. */
  writing(template: Template): Template {
    const render = template.render as (d: { page: PageInfo }) => string | Promise<string>;
    const pieces = template.pieces as ((d: { page: PageInfo }) => Iterable<string>) | undefined;
    if (pieces) {
      return {
        data: template.data,
        render: (d: never) => {
          const data = d as { page: PageInfo };
          this.writePieces(data.page, pieces(data));
          return "";
        },
      };
    }
    return {
      data: template.data,
      render: (d: never) => {
        const { page } = d as { page: PageInfo };
        const content = render(d);
        if (typeof content !== "string") return content.then((text) => this.#emptied(page, text));
        return this.#emptied(page, content);
      },
    };
  }
}
