// YAML front matter: a maintainer's hand corrections, which override what
// extraction finds. Broken or ill-typed front matter is reported, never fatal;
// a key left blank says nothing, and a key we do not read belongs to another
// tool unless it is a near miss of one we do.
import yaml from "js-yaml";
import type { Problem } from "./model.ts";
import { dateInText } from "./dates.ts";
import { editDistance } from "./text.ts";

export interface FrontMatter {
  title?: string;
  date?: string;
  series?: string;
  seriesName?: string;
  leads?: string[];
  notetakers?: string[];
  attendees?: string[];
  recording?: string[];
  initiatives?: string[];
}

export interface SplitFrontMatter {
  data: FrontMatter;
  /** Keys the note set, for the model's `overrides`. */
  keys: string[];
  body: string;
  /** Lines taken by the front matter, to add to body line numbers. */
  lineOffset: number;
  problems: Problem[];
}

const ROLE_KEYS: Record<string, keyof FrontMatter> = {
  lead: "leads", leads: "leads", moderator: "leads", moderators: "leads", chair: "leads", facilitator: "leads",
  notetaker: "notetakers", notetakers: "notetakers", scribe: "notetakers", author: "notetakers",
  attendees: "attendees", participants: "attendees", present: "attendees",
  recording: "recording", recordings: "recording",
  initiatives: "initiatives",
};

/** Every key read, in the order a suggestion prefers on a tie. */
const KNOWN_KEYS = ["title", "date", "series", "series_name", "seriesname", ...Object.keys(ROLE_KEYS)];

export function splitFrontMatter(text: string, source: string): SplitFrontMatter {
  const none = { data: {}, keys: [], body: text, lineOffset: 0, problems: [] };
  if (!text.startsWith("---\n")) return none;
  const end = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text.slice(3));
  if (!end) return none;
  const yamlText = text.slice(4, 3 + end.index + 1);
  const after = 3 + end.index + end[0].length;
  const lineOffset = text.slice(0, after).split("\n").length - 1;
  const problems: Problem[] = [];
  const report = (line: number, message: string): void => {
    problems.push({ source, line, severity: "warning", message });
  };
  let raw: unknown;
  try {
    raw = yaml.load(yamlText, { schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string; message: string };
    report(
      (err.mark?.line ?? 0) + 2,
      `front matter is not valid YAML (${err.reason ?? err.message.split("\n")[0]}); it was ignored: fix it or remove it`,
    );
    return { data: {}, keys: [], body: text.slice(after), lineOffset, problems };
  }
  if (raw == null) return { data: {}, keys: [], body: text.slice(after), lineOffset, problems };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    report(2, "front matter must be a map of keys (title, date, series, leads, attendees, ...); it was ignored");
    return { data: {}, keys: [], body: text.slice(after), lineOffset, problems };
  }
  const data: FrontMatter = {};
  const keys: string[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    // "attendees:" left empty, as a template leaves it, says nothing: it overrides nothing.
    if (isBlank(value)) continue;
    const line = keyLine(yamlText, key);
    const k = key.toLowerCase();
    if (k === "title" || k === "series" || k === "series_name" || k === "seriesname") {
      if (typeof value !== "string" && typeof value !== "number") {
        report(line, `front matter "${key}" should be text; it was ignored`);
        continue;
      }
      const field = k === "title" ? "title" : k === "series" ? "series" : "seriesName";
      data[field] = String(value).trim();
      keys.push(field);
    } else if (k === "date") {
      const found = typeof value === "string" ? dateInText(value) : null;
      if (!found) {
        report(line, `front matter "date" should be a date like 2019-04-08, not ${JSON.stringify(value)}; it was ignored`);
        continue;
      }
      data.date = found.date;
      keys.push("date");
    } else if (k in ROLE_KEYS) {
      const list = toList(value);
      if (!list) {
        report(line, `front matter "${key}" should be a name, a list of names or a comma-separated line; it was ignored`);
        continue;
      }
      const field = ROLE_KEYS[k]!;
      (data as Record<string, string[]>)[field] = list;
      keys.push(field);
    } else {
      // Other tools' keys (layout, tags, permalink) are no concern of ours; a near miss of ours is a typo.
      const meant = closestKey(k);
      if (meant) report(line, `unknown front matter key '${key}': did you mean '${meant}'?`);
    }
  }
  return { data, keys, body: text.slice(after), lineOffset, problems };
}

function isBlank(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.every(isBlank);
}

/**
 * The known key an unknown one is a typo of: one or two edits away, only one
 * for short keys, where two edits turn "name" or "time" into "date" or "title".
 */
function closestKey(key: string): string | null {
  const max = key.length <= 4 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const known of KNOWN_KEYS) {
    const d = editDistance(key, known, max);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function toList(value: unknown): string[] | null {
  if (typeof value === "string") return value.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    return value.map((v) => String(v).trim()).filter(Boolean);
  }
  return null;
}

function keyLine(yamlText: string, key: string): number {
  const idx = yamlText.split("\n").findIndex((l) => l.startsWith(`${key}:`));
  return idx === -1 ? 1 : idx + 2;
}
