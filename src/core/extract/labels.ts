// The words notes use to label roles, sections and update items, in all the
// spellings the archives show.

export type Role = "leads" | "notetakers" | "attendees" | "recording";

const ROLE_LABELS: [Role, RegExp][] = [
  ["leads", /^(?:meeting\s+|call\s+|session\s+)?(?:lead(?:er)?s?|moderat(?:or|ed by)s?|chair(?:ed by|s)?|facilitat(?:or|ed by)s?|hosts?|hosted by|mc|led by|driver)$/i],
  ["notetakers", /^(?:note[\s-]?takers?|notes?\s+(?:taken\s+)?by|notes?|scribes?|authors?|minutes(?:\s+by)?|recorder)$/i],
  ["attendees", /^(?:attendees?|attendants?|attendance|in attendance|participants?|present|attending|people(?: present)?|who(?:'s| is)? here)$/i],
  ["recording", /^(?:(?:zoom |video |call |meeting )?recordings?(?: link| url)?|video|youtube)$/i],
];

/** The role a label names ("Meeting Lead", "Notetaker", "Participants", ...), or null. */
export function roleOf(label: string): Role | null {
  const l = label.replace(/[*_`:：]/g, "").replace(/\s+/g, " ").trim();
  for (const [role, re] of ROLE_LABELS) if (re.test(l)) return role;
  return null;
}

// A bare "Notes" / "Minutes" heading or bold label heads the notes themselves;
// only with a value ("Notes: @x") does it name the notetaker.
const CONTENT_LABEL = /^(?:notes?|minutes)$/i;

/** The role a label standing alone (a heading, a label with nothing after it) introduces, or null. */
export function bareRoleOf(label: string): Role | null {
  const role = roleOf(label);
  return role === "notetakers" && CONTENT_LABEL.test(label.replace(/[*_`:：]/g, "").replace(/\s+/g, " ").trim()) ? null : role;
}

/** The role a heading names: "Lead: @x" by its label, "Participants" alone by itself ("Notes" alone names none). */
export function roleOfHeading(text: string): Role | null {
  const labelled = splitLabel(text);
  if (labelled?.value) return roleOf(text) ?? roleOf(labelled.label);
  return bareRoleOf(text) ?? (labelled ? bareRoleOf(labelled.label) : null);
}

/** "Label: value" at the start of a line; the value may be empty. */
export function splitLabel(line: string): { label: string; value: string } | null {
  const m = /^\s*(?:[-*•]\s+)?([A-Za-z][A-Za-z' \-/]{0,30}?)\s*(?:\([^)]{0,30}\))?\s*[:：]\s*(.*)$/.exec(line);
  if (m) return { label: m[1]!, value: m[2]!.trim() };
  const bare = /^\s*([A-Za-z][A-Za-z' \-]{0,30}?)\s*$/.exec(line);
  return bare ? { label: bare[1]!, value: "" } : null;
}

/** Headings that organise a note rather than report on a topic. */
export const STRUCTURAL = /^(?:agenda|notes?|meeting notes|attendees?|participants?|present|questions?|q ?& ?a|action items?|actions?|next steps|todos?|to-?dos|week update|weekly update|updates?|other(?: notes| business| items)?|misc(?:ellaneous)?|announcements?|psa|summary|goals?|links?|resources|recording|minutes|regular|added|discussion|open discussion|round ?table|parking lot|topics?|status|blockers?|moderator|notetaker|lead)$/i;

export type UpdateLabel = "done" | "blocked" | "next";

const ITEM_KINDS: [UpdateLabel, RegExp][] = [
  ["done", /^(?:done|completed?|finished|shipped|last week|since last (?:time|week|sync)|accomplished|progress)$/i],
  ["blocked", /^(?:blocked(?: on| by)?|blockers?|blocking|stuck(?: on)?|needs? help(?: with)?)$/i],
  ["next", /^(?:next(?: up| week| steps?)?|this week|todo|to-?do|planned|plans?|upcoming|will do|focus)$/i],
];

export function itemKindOf(label: string): UpdateLabel | null {
  const l = label.replace(/[*_`:：]/g, "").trim();
  for (const [kind, re] of ITEM_KINDS) if (re.test(l)) return kind;
  return null;
}
