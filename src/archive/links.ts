// The core leaves links it cannot know the target of as placeholders
// (`mb:person:id`, `mb:note:path#anchor`, `mb:file:path`); here, with the whole
// archive known, they become the URLs of pages and copied files.
import type { Problem } from "../core/model.ts";
import type { ArchiveMeeting, Person, SiteConfig } from "./model.ts";
import { urls } from "./urls.ts";

export interface LinkTargets {
  people: Map<string, Person>;
  identity: (id: string) => string;
  /** Note path -> URL of its (first) meeting. */
  notes: Map<string, string>;
  assets: Set<string>;
  site: SiteConfig;
}

const PLACEHOLDER = /(href|src)="mb:(person|note|file):([^"#]*)(#[^"]*)?"/g;

export function resolveLinks(meetings: ArchiveMeeting[], targets: LinkTargets, problems: Problem[]): void {
  for (const m of meetings) {
    const reported = new Set<string>();
    const resolve = (html: string): string =>
      html.includes('="mb:') ? html.replace(PLACEHOLDER, (_all, attr: string, kind: string, path: string, hash = "") => {
        const url = target(kind, decodePath(path), hash, targets);
        if (url !== null) return `${attr}="${url}"`;
        const key = `${kind}:${path}`;
        if (!reported.has(key)) {
          reported.add(key);
          problems.push({
            source: m.source,
            line: m.line,
            severity: "warning",
            message: `a link points to ${decodePath(path)}, which is not in the notes folder: fix the link or add the file`,
          });
        }
        const fallback = targets.site.sourceUrl ? `${targets.site.sourceUrl}/${path}${hash}` : `#`;
        return `${attr}="${fallback}"`;
      }) : html;
    m.intro = resolve(m.intro);
    for (const s of m.sections) {
      s.html = resolve(s.html);
      s.headingHtml = resolve(s.headingHtml);
      for (const u of s.updates) u.html = resolve(u.html);
    }
  }
}

function target(kind: string, path: string, hash: string, t: LinkTargets): string | null {
  if (kind === "person") {
    const person = t.people.get(t.identity(path));
    return person ? person.url : null;
  }
  if (kind === "note") {
    const url = t.notes.get(path);
    if (url) return url + hash;
  }
  return t.assets.has(path) ? urls.file(path) + hash : null;
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
