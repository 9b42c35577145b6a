// Leads, notetakers, attendees and recordings, however a note labels them:
// `**Meeting Lead:** @x`, `- **Attendees:**` with a nested list, `## Participants`
// over a list, `Present: @a, @b`, `Moderator: Name (@handle)`.
import type { Token } from "markdown-it";
import type { Link } from "../model.ts";
import { parsePeople } from "../people.ts";
import { clean, firstLine, inlineText } from "../text.ts";
import { type Role, bareRoleOf, roleOf, roleOfHeading, splitLabel } from "./labels.ts";
import type { ExtractState } from "./state.ts";
import { closeOf, isListOpen, listItems } from "./tokens.ts";

export function roles(state: ExtractState): void {
  const { tokens } = state;
  const found = new Set<Role>();
  // Plain "Label: value" lines count only before the notes proper begin, where
  // "Moderator for next time: ..." in an agenda cannot be mistaken for this meeting's.
  let headerZone = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open" && t.level === 0 && i !== state.titleIndex) {
      const text = inlineText(tokens[i + 1]);
      const labelled = splitLabel(text);
      // A bare "## Notes" heads the notes, not a list of notetakers (roleOfHeading).
      const role = roleOfHeading(text);
      if (role) {
        if (found.has(role)) continue;
        if (labelled?.value) assign(state, role, labelled.value, inlineLinks(tokens[i + 1]!), found);
        else takeBlock(state, role, i + 3, found);
        continue;
      }
      // "## Notes" opens the notes, yet "Author: @x" often stands right under it.
      if (roleOf(text) !== "notetakers") headerZone = false;
      continue;
    }
    if (t.type !== "inline" || tokens[i - 1]?.type !== "paragraph_open") continue;
    const bold = t.children?.find((c) => c.type !== "text" || c.content.trim())?.type === "strong_open";
    if (!bold && !headerZone) continue;
    const lines = labelledLines(t);
    lines.forEach((line, n) => {
      const label = splitLabel(line);
      const role = label && (label.value ? roleOf(label.label) : bareRoleOf(label.label));
      if (!label || !role || found.has(role)) return;
      if (label.value) {
        assign(state, role, label.value, lineLinks(t, n), found);
      } else if (n === lines.length - 1) {
        const after = tokens[i + 2];
        if (isListOpen(after)) takeList(state, role, i + 2, found);
        else if (after?.type === "code_block") assign(state, role, after.content, [], found);
        else if (after?.type === "paragraph_open" && role !== "recording") {
          const text = inlineText(tokens[i + 3]);
          if (/@/.test(text)) assign(state, role, text, [], found);
        }
      }
    });
  }
}

/** After a role heading: its list, or the paragraphs up to the next heading. */
function takeBlock(state: ExtractState, role: Role, from: number, found: Set<Role>): void {
  const { tokens } = state;
  const first = tokens[from];
  if (isListOpen(first)) return takeList(state, role, from, found);
  const parts: string[] = [];
  const links: Link[] = [];
  for (let i = from; i < tokens.length && tokens[i]!.type !== "heading_open"; i++) {
    const t = tokens[i]!;
    if (t.type === "inline") {
      parts.push(inlineText(t));
      links.push(...inlineLinks(t));
    }
  }
  if (parts.length) assign(state, role, parts.join("\n"), links, found);
}

function takeList(state: ExtractState, role: Role, listOpen: number, found: Set<Role>): void {
  const { tokens } = state;
  const items = listItems(tokens, listOpen);
  const links = role === "recording" ? collectLinks(tokens.slice(listOpen, closeOf(tokens, listOpen))) : [];
  assign(state, role, items.map((it) => firstLine(it.text)).join("\n"), links, found);
}

function assign(state: ExtractState, role: Role, value: string, links: Link[], found: Set<Role>): void {
  if (role === "recording") {
    const recs = links.length ? links : bareUrls(value);
    if (recs.length) {
      state.recordings.push(...recs);
      found.add(role);
    }
    return;
  }
  const people = parsePeople(value);
  if (people.length === 0) return;
  found.add(role);
  for (const p of people) state[role].push({ ...p });
  for (const p of people) state.person(p);
}

/** The paragraph's lines, with a bold label at a line's start closed by ":" ("**Moderator** Matt"). */
function labelledLines(inline: Token): string[] {
  const lines = [""];
  let boldAtStart = false;
  for (const c of inline.children ?? []) {
    const cur = lines.length - 1;
    if (c.type === "softbreak" || c.type === "hardbreak") lines.push("");
    else if (c.type === "strong_open") boldAtStart = lines[cur]!.trim() === "";
    else if (c.type === "strong_close") {
      if (boldAtStart && !/[:：]\s*$/.test(lines[cur]!)) lines[cur] += ":";
      boldAtStart = false;
    } else if (c.type === "text" || c.type === "code_inline") lines[cur] += c.content;
  }
  return lines;
}

function lineLinks(inline: Token, lineNo: number): Link[] {
  let n = 0;
  const onLine: Token[] = [];
  for (const c of inline.children ?? []) {
    if (c.type === "softbreak" || c.type === "hardbreak") n++;
    else if (n === lineNo) onLine.push(c);
  }
  return collectLinks(onLine);
}

function inlineLinks(inline: Token): Link[] {
  return collectLinks(inline.children ?? []);
}

function collectLinks(tokens: Token[]): Link[] {
  const links: Link[] = [];
  const flat = tokens.flatMap((t) => (t.type === "inline" ? (t.children ?? []) : [t]));
  for (let i = 0; i < flat.length; i++) {
    const t = flat[i]!;
    if (t.type !== "link_open") continue;
    const href = t.attrGet("href") ?? "";
    if (!/^https?:/i.test(href)) continue;
    let text = "";
    for (let j = i + 1; j < flat.length && flat[j]!.type !== "link_close"; j++) text += flat[j]!.content;
    links.push({ href, text: clean(text) || href });
  }
  return links;
}

function bareUrls(text: string): Link[] {
  return [...text.matchAll(/https?:\/\/[^\s)>\]]+/g)].map((m) => ({ href: m[0], text: m[0] }));
}
