// The optional config file in the notes folder (minutebook.yml): site facts,
// people's display names and aliases, organisations, and initiative aliases,
// exclusions and declarations.
import yaml from "js-yaml";
import type { Problem } from "../core/model.ts";
import type { SiteConfig } from "./model.ts";
import { HANDLE, handleId, slugify } from "../core/text.ts";

export const CONFIG_FILE = "minutebook.yml";

export interface Config {
  site: SiteConfig;
  /** Display names by person id. */
  names: Map<string, string>;
  /** Alias (old handle, plain name) -> person id. */
  aliases: Map<string, string>;
  /** URLs under which the notes folder is also published, to recognise links to notes. */
  sourcePrefixes: string[];
  /** Person ids the config names (under `people:`): never merged away as typos. */
  declaredPeople: Set<string>;
  /** Handles (lower case) that are organisations, not people. */
  organisations: Set<string>;
  initiatives: InitiativeConfig;
}

export interface InitiativeConfig {
  /** Heading as written -> the initiative it reports on (its name). */
  aliases: Map<string, string>;
  /** Headings that are never initiatives. */
  exclude: string[];
  /** Headings that are initiatives even when a series has them once. */
  declare: string[];
}

export interface ConfigOverrides {
  url?: string | undefined;
}

export function defaultConfig(): Config {
  return {
    site: { title: "Meeting notes", description: "An archive of the team's meeting notes.", url: null, sourceUrl: null, issueBase: "https://github.com", lang: "en" },
    names: new Map(),
    aliases: new Map(),
    sourcePrefixes: [],
    declaredPeople: new Set(),
    organisations: new Set(),
    initiatives: { aliases: new Map(), exclude: [], declare: [] },
  };
}

export function parseConfig(text: string | null, overrides: ConfigOverrides = {}): { config: Config; problems: Problem[] } {
  const config = defaultConfig();
  const problems: Problem[] = [];
  const warn = (message: string, line = 0): void => {
    problems.push({ source: CONFIG_FILE, line, severity: "warning", message });
  };
  let raw: Record<string, unknown> = {};
  if (text !== null) {
    try {
      const loaded = yaml.load(text, { schema: yaml.CORE_SCHEMA });
      if (loaded && typeof loaded === "object" && !Array.isArray(loaded)) raw = loaded as Record<string, unknown>;
      else if (loaded != null) warn("the config file should be a map of settings (title, url, source, people); it was ignored");
    } catch (e) {
      const err = e as { mark?: { line?: number }; reason?: string; message: string };
      warn(`the config file is not valid YAML (${err.reason ?? err.message}); it was ignored`, (err.mark?.line ?? 0) + 1);
    }
  }
  const str = (key: string): string | null => {
    const v = raw[key];
    if (v == null) return null;
    if (typeof v !== "string") {
      warn(`"${key}" should be text; it was ignored`);
      return null;
    }
    return v.trim() || null;
  };
  const site = config.site;
  site.title = str("title") ?? site.title;
  site.description = str("description") ?? site.description;
  site.lang = str("lang") ?? site.lang;
  site.issueBase = (str("issues") ?? site.issueBase).replace(/\/+$/, "");
  const url = overrides.url ?? str("url");
  if (url) {
    if (/^https?:\/\/[^/]+/i.test(url)) site.url = url.endsWith("/") ? url : `${url}/`;
    else warn(`"url" should be an absolute http(s) URL, not ${JSON.stringify(url)}; it was ignored`);
  }
  const source = str("source");
  if (source) {
    site.sourceUrl = source.replace(/\/+$/, "");
    config.sourcePrefixes = [...new Set([site.sourceUrl, site.sourceUrl.replace("/tree/", "/blob/")])].map((p) => `${p}/`);
  }
  const people = raw.people;
  if (people != null && (typeof people !== "object" || Array.isArray(people))) warn('"people" should be a map of handles');
  else if (people) {
    for (const [key, value] of Object.entries(people as Record<string, unknown>)) {
      const id = personId(key);
      if (typeof value === "string") {
        config.aliases.set(id, personId(value));
        config.declaredPeople.add(personId(value));
      } else if (value && typeof value === "object") {
        const v = value as { name?: unknown; aliases?: unknown };
        config.declaredPeople.add(id);
        if (typeof v.name === "string") config.names.set(id, v.name);
        if (Array.isArray(v.aliases)) for (const a of v.aliases) config.aliases.set(personId(String(a)), id);
      } else warn(`people.${key} should be a new handle or { name, aliases }`);
    }
  }
  const texts = (value: unknown, key: string): string[] => {
    if (value == null) return [];
    if (typeof value === "string" || typeof value === "number") return [String(value).trim()].filter(Boolean);
    if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
      return value.map((v) => String(v).trim()).filter(Boolean);
    }
    warn(`"${key}" should be a list of names; it was ignored`);
    return [];
  };
  for (const org of texts(raw.organisations ?? raw.organizations, "organisations")) config.organisations.add(handleId(org));
  const initiatives = raw.initiatives;
  if (initiatives != null && (typeof initiatives !== "object" || Array.isArray(initiatives))) {
    warn('"initiatives" should be a map with aliases, exclude and declare');
  } else if (initiatives) {
    const i = initiatives as Record<string, unknown>;
    for (const key of Object.keys(i)) {
      if (!["aliases", "exclude", "declare"].includes(key)) warn(`initiatives.${key} is not a setting (aliases, exclude, declare); it was ignored`);
    }
    const aliases = i.aliases;
    if (aliases != null && (typeof aliases !== "object" || Array.isArray(aliases))) warn('"initiatives.aliases" should be a map of heading: initiative');
    else if (aliases) {
      for (const [heading, target] of Object.entries(aliases as Record<string, unknown>)) {
        if (typeof target === "string" && target.trim()) config.initiatives.aliases.set(heading.trim(), target.trim());
        else warn(`initiatives.aliases.${heading} should be the name of an initiative`);
      }
    }
    config.initiatives.exclude = texts(i.exclude, "initiatives.exclude");
    config.initiatives.declare = texts(i.declare, "initiatives.declare");
  }
  return { config, problems };
}

const HANDLE_ONLY = new RegExp(`^@?${HANDLE}$`);

/**
 * A handle or a plain name from the config, as the core identifies people: a handle
 * lower-cased ("@MiraK" -> "mirak"), a name slugged ("Mira Kovalenko" -> "mira-kovalenko"),
 * so that an alias for a name written without a handle matches it.
 */
function personId(text: string): string {
  const t = text.trim();
  return HANDLE_ONLY.test(t) ? handleId(t) : slugify(t);
}
