// A small link checker for a built site: every internal href/src of every
// page must name a file of the site, and a #fragment an id in that file.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { listFiles } from "./build.ts";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };

/** Decodes the few entities an attribute value or a heading may hold. */
export function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_all, e: string) => ENTITIES[e] ?? "");
}

/** The site URL of an output file: "2025/01/06/x/index.html" -> "/2025/01/06/x/". */
export function urlOfFile(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}

/** Resolves a link of the page at `pageUrl` ("/a/b/") the way a browser does. */
export function resolveLink(pageUrl: string, href: string): URL {
  return new URL(href, new URL(pageUrl, "http://site.invalid"));
}

export interface LinkReport {
  /** Internal links looked at. */
  checked: number;
  /** "page: attr="value" -> path: reason", one per bad link. */
  broken: string[];
}

export interface LinkCheckOptions {
  /** Pages whose links may start with "/" (served at any depth, like 404.html). */
  rootRelativePages?: string[];
}

export function checkLinks(out: string, options: LinkCheckOptions = {}): LinkReport {
  const rootRelative = new Set(options.rootRelativePages ?? ["404.html"]);
  const ids = new Map<string, Set<string> | null>();
  // The ids of a file of the site, or null when there is no such file.
  const idsOf = (file: string): Set<string> | null => {
    let found = ids.get(file);
    if (found === undefined) {
      found = statSync(file, { throwIfNoEntry: false })?.isFile() ? new Set<string>() : null;
      if (found && file.endsWith(".html")) {
        for (const m of readFileSync(file, "utf8").matchAll(/\s(?:id|name)="([^"]*)"/g)) found.add(decodeEntities(m[1]!));
      }
      ids.set(file, found);
    }
    return found;
  };
  const report: LinkReport = { checked: 0, broken: [] };
  for (const file of listFiles(out).filter((f) => f.endsWith(".html"))) {
    const pageUrl = urlOfFile(file);
    for (const [, attr, raw] of readFileSync(join(out, file), "utf8").matchAll(/\s(href|src|action|poster)="([^"]*)"/g)) {
      const value = decodeEntities(raw!);
      // Other sites (https:, mailto:, //host) are not ours to check.
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(value)) continue;
      report.checked++;
      const where = `${file}: ${attr}="${value}"`;
      // One folder must work at any base path, so links are relative.
      if (value.startsWith("/") && !rootRelative.has(file)) report.broken.push(`${where} is root-relative`);
      const url = resolveLink(pageUrl, value);
      let path: string;
      let id: string;
      try {
        path = decodeURIComponent(url.pathname);
        id = decodeURIComponent(url.hash.slice(1));
      } catch {
        report.broken.push(`${where}: malformed`);
        continue;
      }
      const target = idsOf(join(out, ...path.split("/").filter(Boolean), ...(path.endsWith("/") ? ["index.html"] : [])));
      if (!target) report.broken.push(`${where} -> ${path}: no such file`);
      else if (id && !target.has(id)) report.broken.push(`${where} -> ${path}: no id "${id}"`);
    }
  }
  return report;
}
