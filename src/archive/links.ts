// The core leaves links it cannot know the target of as placeholders
// (`mb:person:id`, `mb:note:path#anchor`, `mb:file:path`, `mb:outside:../path`);
// here, with the whole archive known, they become the URLs of pages and copied
// files, and links out of the notes folder lead into its source repository.
import type { Problem } from "../core/model.ts";
import type { ArchiveMeeting, Person, SiteConfig } from "./model.ts";
import { slugify } from "../core/text.ts";
import { urls } from "./urls.ts";

export interface LinkTargets {
  people: Map<string, Person>;
  /** The person an id stands for, or null when it is none (an organisation, a placeholder). */
  identity: (id: string) => string | null;
  /** Handles of organisations: a mention links to the organisation on the issue host. */
  organisations?: Set<string>;
  /** Note path -> its meetings (several when one file holds several): URL and section ids. */
  notes: Map<string, NoteTarget[]>;
  assets: Set<string>;
  site: SiteConfig;
}

export interface NoteTarget {
  url: string;
  ids: Set<string>;
}

const PLACEHOLDER = /(href|src)="mb:(person|note|file):([^"#]*)(#[^"]*)?"/g;
// A relative link that climbs out of the notes folder (the core has warned of it).
const OUTSIDE_HREF = / href="mb:outside:([^"]*)"/g;
const OUTSIDE_IMAGE = /<img src="mb:outside:([^"]*)"([^>]*)>/g;
// A mention of no one ("@name" in a template, "@all"): shown as written, not linked.
const MENTION = /<a href="mb:person:([^"#]*)"([^>]*)>([^<]*)<\/a>/g;

export function resolveLinks(meetings: ArchiveMeeting[], targets: LinkTargets, problems: Problem[]): void {
  // One problem per missing target, however many notes link to it, so the report stays short.
  const missing = new Map<string, { problem: Problem; others: Set<string> }>();
  const nobodies = new Map<string, boolean>();
  const nobody = (id: string): boolean => {
    let no = nobodies.get(id);
    if (no === undefined) {
      const path = decodePath(id);
      nobodies.set(id, (no = targets.identity(path) === null && !targets.organisations?.has(path)));
    }
    return no;
  };
  // Most mentions are of people: a fragment is rewritten only when one is not.
  const unlink = (html: string): string => {
    if (!html.includes('"mb:person:')) return html;
    let any = false;
    for (const match of html.matchAll(MENTION)) if ((any = nobody(match[1]!))) break;
    return any ? html.replace(MENTION, (all, id: string, attrs: string, text: string) => (nobody(id) ? `<span${attrs}>${text}</span>` : all)) : html;
  };
  for (const m of meetings) {
    const resolve = (raw: string): string => {
      const html = outside(unlink(raw), targets.site.sourceUrl);
      return html.includes('="mb:') ? html.replace(PLACEHOLDER, (_all, attr: string, kind: string, path: string, hash = "") => {
        const url = target(kind, decodePath(path), hash, targets);
        if (url !== null) return `${attr}="${url}"`;
        const seen = missing.get(path);
        if (!seen) {
          missing.set(path, {
            problem: {
              source: m.source,
              line: m.line,
              severity: "warning",
              message: `a link points to ${decodePath(path)}, which is not in the notes folder: fix the link or add the file`,
            },
            others: new Set(),
          });
        } else if (seen.problem.source !== m.source) seen.others.add(m.source);
        const fallback = targets.site.sourceUrl ? `${targets.site.sourceUrl}/${path}${hash}` : `#`;
        return `${attr}="${fallback}"`;
      }) : html;
    };
    m.intro = resolve(m.intro);
    for (const s of m.sections) {
      s.html = resolve(s.html);
      s.headingHtml = resolve(s.headingHtml);
      for (const u of s.updates) u.html = resolve(u.html);
    }
  }
  for (const { problem, others } of missing.values()) {
    if (others.size) problem.message += ` (${others.size} other note${others.size === 1 ? "" : "s"} link to it too)`;
    problems.push(problem);
  }
}

/**
 * Links out of the notes folder: on the repository's web pages, where the notes
 * were written, `../README.md` opens the repository's file, so with a `source`
 * they lead there; without one they point nowhere, and only their text is shown
 * (an image, its alt text).
 */
function outside(html: string, sourceUrl: string | null): string {
  if (!html.includes('="mb:outside:')) return html;
  return html
    .replace(OUTSIDE_IMAGE, (_all, path: string, rest: string) => {
      const url = outsideUrl(path, sourceUrl);
      return url !== null ? `<img src="${url}"${rest}>` : (/\salt="([^"]*)"/.exec(rest)?.[1] ?? "");
    })
    .replace(OUTSIDE_HREF, (_all, path: string) => {
      const url = outsideUrl(path, sourceUrl);
      return url !== null ? ` href="${url}"` : "";
    });
}

/** The source repository's URL of a path relative to the notes folder, or null when it would leave the repository. */
function outsideUrl(path: string, sourceUrl: string | null): string | null {
  if (!sourceUrl) return null;
  // In ".../tree/main/notes" the repository's root is ".../tree/main"; where a URL does not say, nothing above the notes is known.
  const root = /^(.*?\/(?:tree|blob)\/[^/]+)(?:\/|$)/.exec(sourceUrl)?.[1];
  if (!root) return null;
  let url: string;
  try {
    url = new URL(path.replace(/&amp;/g, "&"), `${sourceUrl}/`).href;
  } catch {
    return null;
  }
  return url.startsWith(`${root}/`) ? url.replace(/&/g, "&amp;").replace(/"/g, "&quot;") : null;
}

function target(kind: string, path: string, hash: string, t: LinkTargets): string | null {
  if (kind === "person") {
    if (t.organisations?.has(path)) return `${t.site.issueBase}/${encodeURIComponent(path)}`;
    const id = t.identity(path);
    const person = id === null ? undefined : t.people.get(id);
    return person ? person.url : null;
  }
  if (kind === "note") {
    const meetings = t.notes.get(path);
    if (meetings?.length) return noteUrl(meetings, hash);
  }
  return t.assets.has(path) ? urls.file(path) + hash : null;
}

/**
 * A link to a note, or to a heading of one: the meeting that has the heading,
 * matched as written or as its anchor would be made ("#Cycles" -> "cycles").
 * A heading no meeting has leaves the link on the note's page, not on a dead anchor.
 */
function noteUrl(meetings: NoteTarget[], hash: string): string {
  if (!hash || hash === "#") return meetings[0]!.url;
  const want = decodePath(hash.slice(1));
  for (const id of [want, slugify(want)]) {
    const m = meetings.find((x) => x.ids.has(id));
    if (m) return `${m.url}#${id}`;
  }
  return meetings[0]!.url;
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
