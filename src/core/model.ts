// The typed model that every output (pages, feeds, search, JSON) is built from.
// Plain data only: it must survive JSON.stringify unchanged.

export type Severity = "error" | "warning" | "info";

/** Something in a note that could not be understood, or a note that could not be published. */
export interface Problem {
  /** Path of the note, relative to the notes folder, with forward slashes. */
  source: string;
  /** 1-based line in the note; 0 when the problem concerns the whole file. */
  line: number;
  severity: Severity;
  message: string;
}

/** A person as one note names them; the archive merges these into people. */
export interface PersonRef {
  /** Lower-case handle when a handle is known, else a slug of the name. */
  id: string;
  handle?: string;
  name?: string;
}

export interface Link {
  href: string;
  text: string;
}

/** `ipfs/go-ipfs#5783`, or a GitHub issue / pull request URL. */
export interface IssueRef {
  /** "owner/repo", or "" when the note wrote a bare `#123`. */
  repo: string;
  number: number;
  url: string;
}

/** One person's block of updates inside a section (`@name:` and its items). */
export interface Update {
  person: string;
  line: number;
  /** Rendered HTML of the block, without the `@name:` label. */
  html: string;
  /** Items grouped by their kind when the note says so (Done / Blocked / Next), else under "update". */
  items: { kind: UpdateKind; text: string }[];
}

export type UpdateKind = "done" | "blocked" | "next" | "update";

/** `Q(@name): ...` */
export interface Question {
  person: string;
  text: string;
  line: number;
  section: string | null;
}

/** `- [ ] @name do the thing`, `ACTION: ...` */
export interface Action {
  text: string;
  owners: string[];
  done: boolean;
  line: number;
  section: string | null;
}

export interface Mention {
  person: string;
  line: number;
  section: string | null;
}

export interface Section {
  /** Anchor id, unique within its meeting page. */
  id: string;
  /** Heading as plain text. */
  heading: string;
  level: number;
  line: number;
  /** id of the enclosing section, or null at the top. */
  parent: string | null;
  /** Rendered HTML of the heading's inner content (inline markup kept). */
  headingHtml: string;
  /** Rendered HTML of the section's own content, up to the next section's heading (a role label's heading is no section: it is kept in here). */
  html: string;
  /** The `Summary:` line, as plain text. */
  summary?: string;
  /** Issue and pull request links the section holds. */
  issues: IssueRef[];
  updates: Update[];
  /** Set by the archive: the initiative this section reports on. */
  initiative?: string | null;
}

export interface Series {
  slug: string;
  name: string;
}

export interface Meeting {
  /** Stable id: "YYYY-MM-DD--series-slug", suffixed "-2", "-3" when a day has several. */
  id: string;
  /** Path of the note, relative to the notes folder, with forward slashes. */
  source: string;
  /** First line of this meeting in its note (several meetings may share a file). */
  line: number;
  /** Calendar date "YYYY-MM-DD"; never shifted by a time zone. */
  date: string;
  series: Series;
  title: string;
  leads: string[];
  notetakers: string[];
  attendees: string[];
  recordings: Link[];
  /** Rendered HTML of what precedes the first section (the note's preamble). */
  intro: string;
  sections: Section[];
  questions: Question[];
  mentions: Mention[];
  actions: Action[];
  issues: IssueRef[];
  /** Front matter keys the note set by hand (they override extraction). */
  overrides: string[];
  /** Headings the front matter declares initiatives (`initiatives: [Bitswap]`), even when the series has them once. */
  initiatives?: string[];
}

/** What one note yields: one meeting or several, the people it names, and its problems. */
export interface NoteResult {
  meetings: Meeting[];
  people: PersonRef[];
  problems: Problem[];
}
