// The state one meeting's extraction rules share, as markdown-it's rules
// share StateCore: the tokens, what the rules found so far, and the problems.
import type { Token } from "markdown-it";
import type { Action, IssueRef, Link, Mention, PersonRef, Problem, Question, Section, Series, Severity } from "../model.ts";
import type { FrontMatter } from "../frontmatter.ts";
import type { ReferenceEnv } from "../rules/references.ts";

export interface NoteContext {
  source: string;
  /** Date and series part of the file name. */
  fileDate: string | null;
  fileEnd: string | null;
  fileRest: string;
  front: FrontMatter;
  frontKeys: string[];
  /** Set when the meeting is one of several in its file: its dated heading's date. */
  chunkDate: string | null;
  chunkDateLine: number;
}

/** A section while it is being built: its token range is needed until rendering. */
export interface SectionDraft extends Section {
  /** Index of the heading_open token, and the end (exclusive) of its own content. */
  open: number;
  end: number;
}

export class ExtractState {
  title = "";
  /** Index of the title's heading_open token, or -1. */
  titleIndex = -1;
  date: string | null = null;
  series: Series | null = null;
  leads: PersonRef[] = [];
  notetakers: PersonRef[] = [];
  attendees: PersonRef[] = [];
  recordings: Link[] = [];
  intro = "";
  sections: SectionDraft[] = [];
  questions: Question[] = [];
  mentions: Mention[] = [];
  actions: Action[] = [];
  issues: IssueRef[] = [];
  people = new Map<string, PersonRef>();
  problems: Problem[] = [];

  constructor(
    readonly tokens: Token[],
    readonly env: ReferenceEnv,
    readonly ctx: NoteContext,
  ) {}

  line(token: Token): number {
    return (token.map?.[0] ?? 0) + this.env.lineOffset + 1;
  }

  firstLine(): number {
    const t = this.tokens.find((x) => x.map);
    return t ? this.line(t) : this.env.lineOffset + 1;
  }

  problem(line: number, severity: Severity, message: string): void {
    this.problems.push({ source: this.ctx.source, line, severity, message });
  }

  /** Remembers a person; a name given anywhere is kept as their display name. */
  person(ref: PersonRef): string {
    const known = this.people.get(ref.id);
    if (!known) this.people.set(ref.id, { ...ref });
    else {
      if (!known.name && ref.name) known.name = ref.name;
      if (!known.handle && ref.handle) known.handle = ref.handle;
    }
    return ref.id;
  }

  /** The section a line belongs to (the last one starting at or before it). */
  sectionAt(line: number): string | null {
    return this.sectionDraftAt(line)?.id ?? null;
  }

  /** Sections are in line order: a binary search keeps huge notes linear. */
  sectionDraftAt(line: number): SectionDraft | null {
    let lo = 0;
    let hi = this.sections.length - 1;
    let found: SectionDraft | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sections[mid]!;
      if (s.line <= line) {
        found = s;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

export type Rule = (state: ExtractState) => void;
