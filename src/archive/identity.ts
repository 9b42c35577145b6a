// Who is who across the archive. Notes name people loosely: the same person
// as @Handle and @handle (the core already lower-cases), as "Jane Doe" in one
// note and "Jane Doe (@jdoe)" in another, with a one-letter typo now and
// then; and `@org` may be an organisation, or `@name` a template's
// placeholder. This module decides, from the whole archive, which ids are one
// person, which are not people at all, and reports what it merged (info) and
// what looked alike but was left apart (warning), one line each. Pure.
import type { Meeting, PersonRef, Problem } from "../core/model.ts";
import { isPlaceholderHandle } from "../core/people.ts";
import { editDistance, slugify } from "../core/text.ts";

// The core's, since front matter keys are compared too; still exported here for handles and headings.
export { editDistance };

export interface IdentityOptions {
  /** Handles (lower case) the config calls organisations. */
  organisations: Set<string>;
  /** Person ids the config names: never merged into someone else as a typo. */
  declaredPeople: Set<string>;
}

export type MergeReason = "typo" | "name" | "spelled";

export interface Merge {
  from: string;
  to: string;
  reason: MergeReason;
  fromUses: number;
  toUses: number;
}

export interface Identity {
  /** The person an id stands for, or null when it is not a person (an organisation, a placeholder). */
  resolve(id: string): string | null;
  /** Ids that are organisations: their mentions link to the organisation, not to a person page. */
  organisations: Set<string>;
  merges: Merge[];
  problems: Problem[];
}

/** A handle seen at most this often may be a typo of a frequent one. */
const RARE_MAX = 2;
/** ... of one seen at least this often ... */
const FREQUENT_MIN = 10;
/** ... and this many times more often. */
const FREQUENT_RATIO = 10;
/** Shorter handles are too alike by chance ("ab", "ac") to call one a typo of another. */
const TYPO_MIN_LENGTH = 4;
/** An owner of issue references seen this often, and this many times more often than as a person, is an organisation. */
const ORG_MIN_REFS = 10;
const ORG_RATIO = 10;

interface Use {
  uses: number;
  /** Led, took notes, attended, gave an update or asked: only a person does that. */
  acted: boolean;
  handle: boolean;
  names: Set<string>;
  /** Keys of the lists the id appears in (a meeting's roles, a section's updates): two ids in one list are two people. */
  lists: Set<string>;
  first: { source: string; line: number } | null;
}

export function resolveIdentities(meetings: readonly Meeting[], refs: ReadonlyMap<string, readonly PersonRef[]>, options: IdentityOptions): Identity {
  const uses = new Map<string, Use>();
  const use = (id: string, at: { source: string; line: number }, acted: boolean, list?: string): void => {
    let u = uses.get(id);
    if (!u) {
      u = { uses: 0, acted: false, handle: false, names: new Set(), lists: new Set(), first: null };
      uses.set(id, u);
    }
    u.uses++;
    if (acted) u.acted = true;
    if (list) u.lists.add(list);
    if (!u.first) u.first = at;
  };
  const issueOwners = new Map<string, number>();
  const issueRepos = new Map<string, number>();
  const countName = (names: Map<string, number>, name: string): void => {
    const k = name.toLowerCase();
    if (k) names.set(k, (names.get(k) ?? 0) + 1);
  };
  for (const m of meetings) {
    const at = { source: m.source, line: m.line };
    const roles = `${m.id}@${m.source}:${m.line}`;
    for (const id of [...m.leads, ...m.notetakers, ...m.attendees]) use(id, at, true, roles);
    for (const s of m.sections) {
      for (const u of s.updates) use(u.person, { source: m.source, line: u.line }, true, `${roles}#${s.id}`);
    }
    for (const q of m.questions) use(q.person, { source: m.source, line: q.line }, true);
    for (const x of m.mentions) use(x.person, { source: m.source, line: x.line }, false);
    for (const a of m.actions) for (const o of a.owners) use(o, { source: m.source, line: a.line }, false);
    for (const i of m.issues) {
      const [owner, repo] = i.repo.split("/");
      if (owner) countName(issueOwners, owner);
      if (repo) countName(issueRepos, repo);
    }
  }
  for (const [id, list] of refs) {
    const u = uses.get(id);
    if (!u) continue;
    for (const r of list) {
      if (r.handle) u.handle = true;
      if (r.name) u.names.add(r.name);
    }
  }

  const problems: Problem[] = [];
  const report = (id: string, severity: Problem["severity"], message: string): void => {
    const at = uses.get(id)?.first ?? { source: "", line: 0 };
    problems.push({ source: at.source, line: at.line, severity, message });
  };
  const times = (n: number): string => `${n} use${n === 1 ? "" : "s"}`;

  // Not people: placeholders, and organisations (from the config, or an owner of many
  // issue references that never attends, leads, takes notes, reports or asks).
  const notPeople = new Set<string>();
  const organisations = new Set<string>();
  for (const [id, u] of uses) {
    if (options.organisations.has(id)) {
      organisations.add(id);
      continue;
    }
    if (options.declaredPeople.has(id)) continue;
    if (isPlaceholderHandle(id)) {
      notPeople.add(id);
      continue;
    }
    if (!u.handle || u.acted) continue;
    const often = (n: number): boolean => n >= ORG_MIN_REFS && n >= ORG_RATIO * u.uses;
    const asOwner = issueOwners.get(id) ?? 0;
    const asRepo = issueRepos.get(id) ?? 0;
    if (often(asOwner)) {
      organisations.add(id);
      report(id, "info", `@${id} is read as an organisation, not a person (the owner in ${asOwner} issue references, never attending or reporting); list it under people: in minutebook.yml if it is a person`);
    } else if (often(asRepo)) {
      // "@js-ipfs": a project, named by its repository; shown as written.
      notPeople.add(id);
      report(id, "info", `@${id} is read as a project, not a person (the repository in ${asRepo} issue references, never attending or reporting); list it under people: in minutebook.yml if it is a person`);
    }
  }

  const merged = new Map<string, string>();
  const merges: Merge[] = [];
  const people = [...uses.keys()].filter((id) => !notPeople.has(id) && !organisations.has(id)).sort();

  // "Jane Doe" without a handle is the one person the archive calls "Jane Doe (@jdoe)".
  const byName = new Map<string, Set<string>>();
  for (const id of people) {
    const u = uses.get(id)!;
    if (!u.handle) continue;
    for (const name of u.names) {
      const key = slugify(name);
      if (!key || key === id) continue;
      byName.set(key, (byName.get(key) ?? new Set()).add(id));
    }
  }
  // ... and "Hannah Howard" is @hannahhoward: the name written without spaces is a handle.
  const byBare = new Map<string, string[]>();
  for (const id of people) if (uses.get(id)!.handle) byBare.set(bare(id), [...(byBare.get(bare(id)) ?? []), id]);
  for (const id of people) {
    const u = uses.get(id)!;
    if (u.handle || options.declaredPeople.has(id)) continue;
    let owners = byName.get(id);
    let reason: MergeReason = "name";
    if (!owners) {
      const same = byBare.get(bare(id));
      if (same?.length === 1 && id.includes("-")) owners = new Set(same);
      reason = "spelled";
    }
    if (owners?.size !== 1) continue;
    const to = [...owners][0]!;
    merged.set(id, to);
    merges.push({ from: id, to, reason, fromUses: u.uses, toUses: uses.get(to)!.uses });
  }

  // One-letter typos of a frequent handle.
  const handles = people.filter((id) => uses.get(id)!.handle && !merged.has(id) && id.length >= TYPO_MIN_LENGTH);
  const reported = new Set<string>();
  const nearOf = alikeHandles(handles);
  for (const rare of handles) {
    const r = uses.get(rare)!;
    const near = nearOf.get(rare)!;
    if (near.length === 0) continue;
    const frequent = near.filter((f) => {
      const n = uses.get(f)!.uses;
      return n >= FREQUENT_MIN && n >= FREQUENT_RATIO * r.uses;
    });
    // "em-ly" and "emly" differ in punctuation alone, like case: clear however often the rarer is written.
    const punctuationOnly = frequent.length === 1 && bare(rare) === bare(frequent[0]!);
    if ((r.uses <= RARE_MAX || punctuationOnly) && frequent.length === 1 && !options.declaredPeople.has(rare)) {
      const to = frequent[0]!;
      const f = uses.get(to)!;
      const together = [...r.lists].some((l) => f.lists.has(l));
      if (!together) {
        merged.set(rare, to);
        merges.push({ from: rare, to, reason: "typo", fromUses: r.uses, toUses: f.uses });
        report(rare, "info", `@${rare} (${times(r.uses)}) is read as @${to} (${times(f.uses)}), ${punctuationOnly ? "the same handle but for punctuation" : "a one-letter typo"}; list @${rare} under people: in minutebook.yml if it is someone else`);
        continue;
      }
      reported.add(pairKey(rare, to));
      report(rare, "warning", `@${rare} (${times(r.uses)}) looks like a typo of @${to} (${times(f.uses)}) but both are listed in one meeting, so they were kept apart; map "${rare}: ${to}" under people: in minutebook.yml if they are one person`);
      continue;
    }
    // Alike, but not clearly a typo: report the pair once, from its rarer side, when one side is frequent.
    for (const other of near) {
      const o = uses.get(other)!;
      const key = pairKey(rare, other);
      if (reported.has(key) || o.uses < r.uses || (o.uses === r.uses && other < rare) || o.uses < FREQUENT_MIN) continue;
      reported.add(key);
      report(rare, "warning", `@${rare} (${times(r.uses)}) and @${other} (${times(o.uses)}) differ by one letter and were kept apart; map "${rare}: ${other}" under people: in minutebook.yml if they are one person`);
    }
  }

  for (const m of merges) {
    if (m.reason === "typo") continue;
    const name = [...uses.get(m.from)!.names][0] ?? m.from;
    report(m.from, "info", `"${name}" without a handle is read as @${m.to}, ${m.reason === "name" ? "who is named so elsewhere" : "the same letters"}; list "${name}" under people: in minutebook.yml if it is someone else`);
  }

  const resolve = (id: string): string | null => {
    if (notPeople.has(id) || organisations.has(id)) return null;
    let cur = id;
    for (let hops = 0; hops < 8; hops++) {
      const next = merged.get(cur);
      if (next === undefined) break;
      cur = next;
    }
    return cur;
  };
  return { resolve, organisations, merges, problems };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

const bare = (handle: string): string => handle.replace(/[-_.]/g, "");

/**
 * For each handle, the others `alike` it, in the order given. Comparing every
 * handle with every other grows with the square of the people an archive has
 * met; so each handle is filed under the strings it gives with one letter (or
 * none) deleted, as written and bare: two handles one edit or one swap apart
 * share such a string, and only handles that share one are compared.
 */
export function alikeHandles(handles: readonly string[]): Map<string, string[]> {
  const bares = handles.map(bare);
  const filed = new Map<string, number[]>();
  const file = (key: string, i: number): void => {
    const list = filed.get(key);
    if (!list) filed.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  const keysOf = (i: number): string[] => [...deletions(handles[i]!).map((d) => `a${d}`), ...deletions(bares[i]!).map((d) => `b${d}`)];
  handles.forEach((_, i) => {
    for (const key of keysOf(i)) file(key, i);
  });
  const near = new Map<string, string[]>();
  handles.forEach((h, i) => {
    const met = new Set<number>();
    for (const key of keysOf(i)) for (const j of filed.get(key)!) if (j !== i) met.add(j);
    const alikeOnes = [...met].sort((x, y) => x - y).filter((j) => alikeBare(h, handles[j]!, bares[i]!, bares[j]!));
    near.set(h, alikeOnes.map((j) => handles[j]!));
  });
  return near;
}

/** The word itself and the word with each one letter deleted. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Handles that are one typo apart: equal once "-", "_" and "." are dropped, or one edit (or a swap of neighbours) apart. */
export function alike(a: string, b: string): boolean {
  return alikeBare(a, b, bare(a), bare(b));
}

function alikeBare(a: string, b: string, bareA: string, bareB: string): boolean {
  return bareA === bareB || withinOneEdit(a, b) || withinOneEdit(bareA, bareB);
}

/**
 * editDistance(a, b) <= 1, without building its table: the typo search
 * compares every handle with every other, so this runs a million times on a
 * large archive.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1) return false;
  let i = 0;
  while (i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la) return true; // equal
  if (la !== lb) return restEqual(a, i + 1, b, i); // one letter more
  if (restEqual(a, i + 1, b, i + 1)) return true; // one letter other
  // neighbours swapped
  return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && restEqual(a, i + 2, b, i + 2);
}

/** Whether a from ia on equals b from ib on, b being as long or one shorter. */
function restEqual(a: string, ia: number, b: string, ib: number): boolean {
  while (ib < b.length) if (a.charCodeAt(ia++) !== b.charCodeAt(ib++)) return false;
  return ia === a.length;
}
