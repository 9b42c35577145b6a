// The CLI's build writes each page as soon as its template has rendered it,
// and hands Eleventy an empty string. Eleventy renders every page of a run
// before it runs any transform or writes any file, and keeps each page's
// content (its templateContent) until the run ends: pages written by a
// transform would all be held at once, long enough for the collector to copy
// each of them twice. Written at once, a page is garbage while still young.
import { mkdirSync, writeFileSync } from "node:fs";
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

export class PageWriter {
  /** Files written since the last `take()`. */
  #written: string[] = [];
  // Folders made this run: a page's folder also holds its feeds, and a
  // recursive mkdir of a folder that exists costs two system calls.
  #made = new Set<string>();

  write(page: PageInfo, content: string): void {
    const path = page.outputPath;
    if (!path) return;
    const dir = dirname(path);
    if (!this.#made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#made.add(dir);
    }
    writeFileSync(path, linksRelative(page) ? relativizeHtml(content, page.url) : content);
    this.#written.push(path);
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
