// Initiatives: the topics a series returns to. A section heading that recurs
// across the meetings of one series (`#### Bitswap` week after week) is an
// initiative, as is one the config or a note's front matter declares.
// Structural headings (Agenda, Notes, Week Update, Current Initiatives, ...),
// template placeholders (`[Your Initiative Here]`), per-person blocks
// (`##### @name`) and dated headings are not. Headings that differ only in
// case, punctuation, spacing, a trailing qualifier ("IPNS (go / js)") or a
// small typo are one initiative; merges by typo or qualifier are reported
// (info), and headings that look alike but were kept apart too (warning).
// Pure: it sets `section.initiative` and returns the initiatives.
import type { Problem } from "../core/model.ts";
import { dateInText } from "../core/dates.ts";
import { slugify } from "../core/text.ts";
import type { InitiativeConfig } from "./config.ts";
import { editDistance, withinOneEdit } from "./identity.ts";
import type { ArchiveMeeting, Initiative } from "./model.ts";
import { urls } from "./urls.ts";

/** Words of headings that organise a meeting rather than name a topic. A heading made only of these is structural. */
const STRUCTURAL = new Set(
  `agenda notes note minutes attendees attendee participants participant present absent attendance roll call
  question questions q qa a help wanted action actions actionable item items ai ais todo todos to do next steps step follow followup followups up ups
  week weekly update updates other others business announcement announcements psa blockers blocker blocked needs need asks ask
  cross team teams wins win celebrations celebration current discussion discussions highlights highlight recording recordings video
  demos demo moderator checklist roundtable round table goals goal regular added new before after sync async review reviews
  since last time comments comment proposals proposal design high priority misc miscellaneous general open topics topic
  intro intros introduction introductions welcome summary status report reports links resources reminders reminder housekeeping
  logistics lead leads notetaker notetakers facilitator host chair scribe retro retrospective feedback shoutouts shout outs kudos thanks
  anything else any references decisions decision done doing progress this previous meeting call standup stand check ins
  for and or the of in to on from with by at our your my all hands since what who parking lot tldr tl dr`.split(/\s+/),
);

/** A heading naming a list of initiatives ("Current Initiatives", "High Priority Initiatives") is a container, not one. */
const CONTAINER = /\binitiatives\b/;
/** "Lead: @x", "Notetaker: Name": a role written as a heading. */
const ROLE_LABEL = /^\s*(?:meeting\s+)?(?:leads?|moderators?|chair|facilitators?|hosts?|notetakers?|note[- ]takers?|scribes?|authors?|attendees|participants|present)\s*[:：]/i;
/** A heading that is only a template's stand-in: "[Your Initiative Here]", "<Topic>", "Initiative name". */
const PLACEHOLDER_KEYS = /^(?:name|title|topic|heading|section|initiative|project|item|example|tbd|todo|x+|(?:initiative|project|topic|item|section) (?:name|title|here|\d+)|new initiative)$/;
/** More words than this is a sentence, not the name of a topic. */
const MAX_WORDS = 10;

export interface InitiativeResult {
  initiatives: Initiative[];
  problems: Problem[];
}

interface Occurrence {
  meeting: ArchiveMeeting;
  index: number;
  heading: string;
}

interface Group {
  key: string;
  occurrences: Occurrence[];
  /** Name given by a config alias. */
  alias: string | null;
  declared: boolean;
}

/** Lower case, accents and emoji gone, punctuation as single spaces. */
export function normalizeHeading(heading: string): string {
  return heading
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A heading without its trailing qualifiers ("IPNS (go-ipfs / js-ipfs)" -> "IPNS"), markers ("!!!", "\") and priority tag ("P2:"). */
export function baseHeading(heading: string): string {
  let h = heading.replace(/[\p{Extended_Pictographic}\u200d\ufe0f]/gu, "").trim();
  h = h.replace(/^p\d\s*[:：-]\s*/i, "");
  for (;;) {
    const next = h.replace(/\s*(?:\([^()]*\)|\[[^\][]*\])\s*$/, "").replace(/[\s:\\!?*.,;–—-]+$/, "").trim();
    if (next === h || !normalizeHeading(next)) break;
    h = next;
  }
  return h;
}

/** The key headings of one initiative share. */
export function headingKey(heading: string): string {
  return normalizeHeading(baseHeading(heading));
}

export type NotInitiative = "structural" | "placeholder" | "person" | "date" | "sentence" | "empty";

// The same headings come back in every meeting: classify each once.
const classified = new Map<string, NotInitiative | null>();

/** Why a heading can never be an initiative, or null when it may be one. */
export function notInitiative(heading: string): NotInitiative | null {
  let why = classified.get(heading);
  if (why === undefined) {
    why = classify(heading);
    if (classified.size > 50_000) classified.clear();
    classified.set(heading, why);
  }
  return why;
}

function classify(heading: string): NotInitiative | null {
  const raw = heading.replace(/[\p{Extended_Pictographic}\u200d\ufe0f]/gu, "").trim();
  const full = normalizeHeading(raw);
  if (!full) return "empty";
  if (/^[[<{].*[\]>}]$/s.test(raw) || /\byour\b.*\bhere\b/.test(full) || PLACEHOLDER_KEYS.test(headingKey(raw))) return "placeholder";
  if (ROLE_LABEL.test(raw)) return "structural";
  // Only @handles (and "/", "&", ","): one person's (or a pair's) block of updates.
  if (/@/.test(raw) && !raw.replace(/@[\w.-]+/g, "").replace(/[\s/&,+:()-]|and/gi, "")) return "person";
  if (dateInText(raw)) return "date";
  const key = headingKey(raw) || full;
  if (CONTAINER.test(full)) return "structural";
  const words = key.split(" ");
  if (words.every((w) => STRUCTURAL.has(w) || /^\d+$/.test(w) || nearStructural(w))) return "structural";
  if (raw.split(/\s+/).length > MAX_WORDS) return "sentence";
  return null;
}

// "Annoucements": a typo of a structural word is structural too.
const STRUCTURAL_LONG = [...STRUCTURAL].filter((w) => w.length >= 7);
function nearStructural(word: string): boolean {
  return word.length >= 7 && STRUCTURAL_LONG.some((w) => Math.abs(w.length - word.length) <= 1 && editDistance(word, w, 1) <= 1);
}

/** What the comparisons of keys look at, made once per key: each key of a series is compared with every other. */
interface KeyShape {
  key: string;
  spaceless: string;
  digits: string;
  /** Numbers made alike: "release v1 5" and "release v1 6" give one. */
  numbered: string;
  /** Its words that are not structural. */
  words: Set<string>;
}

function shapeOf(key: string): KeyShape {
  return {
    key,
    spaceless: key.replace(/ /g, ""),
    digits: key.replace(/\D/g, ""),
    numbered: key.replace(/\d+/g, "#"),
    words: new Set(key.split(" ").filter((w) => !STRUCTURAL.has(w))),
  };
}

/** Keys alike enough to be one heading typed twice: one edit (or swap) apart, not in a digit, and long enough. */
export function typoOf(a: string, b: string): boolean {
  return typoOfShapes(shapeOf(a), shapeOf(b));
}

function typoOfShapes(a: KeyShape, b: KeyShape): boolean {
  if (Math.min(a.key.length, b.key.length) < 6) return false;
  if (a.spaceless === b.spaceless) return true;
  if (!withinOneEdit(a.key, b.key)) return false;
  // "v1 5" and "v1 6" are versions, not typos.
  return a.digits === b.digits;
}

/** Alike but not merged: two edits apart, or the same words but one. */
function nearMiss(a: KeyShape, b: KeyShape): boolean {
  // "Release v1.5" and "Release v1.6": numbered on purpose.
  if (a.numbered === b.numbered) return false;
  if (Math.min(a.key.length, b.key.length) >= 8 && editDistance(a.key, b.key, 2) <= 2) return true;
  const [small, big] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  if (small.size < 2 || big.size - small.size !== 1) return false;
  return [...small].every((w) => big.has(w));
}

export function detectInitiatives(meetings: readonly ArchiveMeeting[], config: InitiativeConfig): InitiativeResult {
  const problems: Problem[] = [];
  const aliases = new Map<string, string>();
  for (const [from, to] of config.aliases) aliases.set(headingKey(from), to);
  const excluded = new Set(config.exclude.map(headingKey));
  const declared = new Set(config.declare.map(headingKey));

  const bySeries = new Map<string, ArchiveMeeting[]>();
  for (const m of meetings) {
    for (const s of m.sections) s.initiative = null;
    bySeries.set(m.series.slug, [...(bySeries.get(m.series.slug) ?? []), m]);
  }

  const initiatives: Initiative[] = [];
  for (const [series, list] of [...bySeries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const groups = new Map<string, Group>();
    for (const m of list) {
      const front = new Set((m.initiatives ?? []).map(headingKey));
      m.sections.forEach((s, index) => {
        const own = headingKey(s.heading);
        const aliasName = aliases.get(own) ?? null;
        const key = aliasName !== null ? headingKey(aliasName) : own;
        if (!key || excluded.has(own) || excluded.has(key)) return;
        const isDeclared = declared.has(own) || declared.has(key) || front.has(own) || front.has(key) || aliasName !== null;
        const why = notInitiative(s.heading);
        if (why === "placeholder" || why === "empty" || why === "person" || (why !== null && !isDeclared)) return;
        let g = groups.get(key);
        if (!g) {
          g = { key, occurrences: [], alias: aliasName, declared: false };
          groups.set(key, g);
        }
        if (isDeclared) g.declared = true;
        g.occurrences.push({ meeting: m, index, heading: s.heading });
      });
    }

    // Typos: a rarer spelling joins the more frequent one it is one letter away from.
    const meetingsOf = (g: Group): number => new Set(g.occurrences.map((o) => o.meeting.id)).size;
    const shapes = new Map([...groups.keys()].map((key) => [key, shapeOf(key)]));
    const shape = (g: Group): KeyShape => shapes.get(g.key)!;
    const counts = new Map([...groups.values()].map((g) => [g, meetingsOf(g)]));
    const ordered = [...groups.values()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a.key < b.key ? -1 : 1));
    for (let i = ordered.length - 1; i >= 0; i--) {
      const rare = ordered[i]!;
      if (rare.alias !== null) continue;
      const target = ordered.find((g, k) => k < i && groups.has(g.key) && typoOfShapes(shape(rare), shape(g)));
      if (!target) continue;
      const first = rare.occurrences[0]!;
      problems.push({
        source: first.meeting.source,
        line: first.meeting.sections[first.index]!.line,
        severity: "info",
        message: `the heading "${first.heading}" (${plural(meetingsOf(rare), "meeting")}) is read as "${nameOf(target.occurrences.map((o) => o.heading))}" (${plural(meetingsOf(target), "meeting")}) in ${series}, a typo; add it under initiatives: aliases in minutebook.yml if it is another topic`,
      });
      target.occurrences.push(...rare.occurrences);
      target.declared ||= rare.declared;
      groups.delete(rare.key);
    }

    const kept = [...groups.values()].filter((g) => g.declared || meetingsOf(g) >= 2);
    const slugs = new Set<string>();
    for (const g of kept.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      g.occurrences.sort((a, b) => (a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : a.meeting.id < b.meeting.id ? -1 : a.meeting.id > b.meeting.id ? 1 : a.index - b.index));
      const name = g.alias ?? nameOf(g.occurrences.map((o) => o.heading));
      const variants = [...new Set(g.occurrences.map((o) => o.heading.trim()))];
      const qualified = new Set(g.occurrences.map((o) => normalizeHeading(o.heading)));
      const keys = new Set(g.occurrences.map((o) => headingKey(o.heading)));
      if (g.alias === null && keys.size === 1 && qualified.size > 1) {
        const first = g.occurrences[0]!;
        problems.push({
          source: first.meeting.source,
          line: first.meeting.sections[first.index]!.line,
          severity: "info",
          message: `the headings ${variants.slice(0, 4).map((v) => `"${v}"`).join(", ")}${variants.length > 4 ? ` and ${variants.length - 4} more` : ""} are one initiative of ${series}, "${name}"`,
        });
      }
      let slug = slugify(name) || "initiative";
      for (let n = 2; slugs.has(slug); n++) slug = `${slugify(name) || "initiative"}-${n}`;
      slugs.add(slug);
      const id = `${series}/${slug}`;
      for (const o of g.occurrences) o.meeting.sections[o.index]!.initiative = id;
      const ids = [...new Set(g.occurrences.map((o) => o.meeting.id))];
      initiatives.push({
        id,
        slug,
        series,
        name,
        url: urls.initiative(series, slug),
        meetings: ids,
        sections: g.occurrences.map((o) => ({ meeting: o.meeting.id, section: o.meeting.sections[o.index]!.id })),
        headings: variants,
        declared: g.declared,
      });
    }

    // Alike but apart: worth a look, once per pair, when at least one is an initiative.
    const keys = [...groups.values()];
    const isKept = new Set(kept.map((g) => g.key));
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = keys[i]!;
        const b = keys[j]!;
        if (!isKept.has(a.key) && !isKept.has(b.key)) continue;
        if (!nearMiss(shape(a), shape(b))) continue;
        const [x, y] = meetingsOf(a) >= meetingsOf(b) ? [a, b] : [b, a];
        const first = y.occurrences[0]!;
        problems.push({
          source: first.meeting.source,
          line: first.meeting.sections[first.index]!.line,
          severity: "warning",
          message: `the headings "${first.heading}" (${plural(meetingsOf(y), "meeting")}) and "${x.occurrences[0]!.heading}" (${plural(meetingsOf(x), "meeting")}) of ${series} look alike but were kept apart; add "${baseHeading(first.heading)}: ${nameOf(x.occurrences.map((o) => o.heading))}" under initiatives: aliases in minutebook.yml if they are one`,
        });
      }
    }
  }
  initiatives.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { initiatives, problems };
}

/**
 * The name of an initiative: its most frequent spelling, ties to the latest;
 * without its qualifier when spellings differ in it ("IPNS", not "IPNS (go-ipfs)").
 */
export function nameOf(headings: readonly string[]): string {
  const clean = (h: string): string =>
    h
      .replace(/[\p{Extended_Pictographic}\u200d\ufe0f]/gu, "")
      .replace(/^\s*p\d\s*[:：-]\s*/i, "")
      .replace(/[\s\\:!?*]+$/, "")
      .replace(/\s+/g, " ")
      .trim();
  const full = headings.map(clean);
  const sameQualifier = new Set(full.map((h) => normalizeHeading(h))).size === new Set(full.map((h) => headingKey(h))).size;
  const forms = sameQualifier ? full : full.map((h) => baseHeading(h));
  const counts = new Map<string, number>();
  forms.forEach((f) => counts.set(f, (counts.get(f) ?? 0) + 1));
  let best = forms[forms.length - 1]!;
  for (const f of [...forms].reverse()) if (counts.get(f)! > counts.get(best)!) best = f;
  return best || headings[0] || "Initiative";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
