// The whole archive: every note's meetings, joined up (people merged, series
// ordered, previous/next), with the URL of every page. Pages, feeds, search
// and data/meetings.json are all rendered from this one object.
import type { Meeting, Problem, Series } from "../core/model.ts";

export interface SiteConfig {
  title: string;
  description: string;
  /** Absolute URL the site is published at, ending in "/"; null when unknown. */
  url: string | null;
  /** Web URL of the notes' source repository folder (for "view source"), or null. */
  sourceUrl: string | null;
  /** Base for issue links: "https://github.com" + "/owner/repo/issues/N". */
  issueBase: string;
  /** Language of the notes, for <html lang>. */
  lang: string;
}

export interface Person {
  id: string;
  /** Display name: a name a note gave, else the handle. */
  name: string;
  handle: string | null;
  url: string;
  /** Meeting ids, oldest first. */
  attended: string[];
  led: string[];
  noted: string[];
}

export interface SeriesInfo extends Series {
  url: string;
  /** Meeting ids, oldest first. */
  meetings: string[];
  first: string;
  last: string;
}

export interface ArchiveMeeting extends Meeting {
  url: string;
  /** Previous and next meeting of the same series, by id. */
  prev: string | null;
  next: string | null;
}

/** A topic a series returns to: a recurring (or declared) section heading. */
export interface Initiative {
  /** "<series slug>/<slug>": initiatives belong to one series. */
  id: string;
  slug: string;
  /** Slug of its series. */
  series: string;
  name: string;
  url: string;
  /** Meetings it came up in, by id, oldest first. */
  meetings: string[];
  /** Every section reporting on it, oldest first (a meeting may have two). */
  sections: { meeting: string; section: string }[];
  /** The headings it was written as. */
  headings: string[];
  /** Declared by the config or front matter rather than found recurring. */
  declared: boolean;
}

export interface YearInfo {
  year: string;
  url: string;
  /** Meeting ids, oldest first, grouped by "YYYY-MM". */
  months: { month: string; meetings: string[] }[];
  count: number;
}

export interface Archive {
  site: SiteConfig;
  /** Oldest first (date, then series slug, then id). */
  meetings: ArchiveMeeting[];
  series: SeriesInfo[];
  people: Person[];
  /** By id (series, then slug). */
  initiatives: Initiative[];
  years: YearInfo[];
  problems: Problem[];
  /** Notes read (files), including those that could not be published. */
  notes: number;
  /** Files beside the notes (images, attachments) to copy: paths relative to the notes folder. */
  assets: string[];
  /** Lookup tables, keyed by id (not serialised). */
  byId: {
    meeting: Map<string, ArchiveMeeting>;
    person: Map<string, Person>;
    series: Map<string, SeriesInfo>;
    initiative: Map<string, Initiative>;
  };
}
