// Per-person update blocks inside a section: `@name:` followed by bullets,
// `- @name: text` list items, `@a / @b` lines over a topic, or a whole section
// headed by a handle (`##### @name`). Items keep their Done / Blocked / Next kind.
// A template's block left unfilled (`@name`, or empty "Done:" / "Next:") is none.
import type { Token } from "markdown-it";
import type { Update, UpdateKind } from "../model.ts";
import { HANDLE, clean, firstLine, handleId, inlineText } from "../text.ts";
import { isPlaceholderHandle } from "../people.ts";
import { renderTokens } from "../render.ts";
import { itemKindOf, splitLabel } from "./labels.ts";
import type { ExtractState, SectionDraft } from "./state.ts";
import { closeOf, isListOpen, itemText } from "./tokens.ts";

// The handle is taken whole: "@lucia-m will" is not "@lucia" and a " - " separator.
const LEAD = new RegExp(`^\\s*\\**@(${HANDLE})(?![A-Za-z0-9_]|[-.][A-Za-z0-9_])\\**\\s*(?:\\([^)]*\\))?\\s*\\**\\s*(?::|-|–|—|$)`);
const ONLY_HANDLES = new RegExp(`^\\s*(?:@${HANDLE}\\s*(?:[/,&+]|and)?\\s*)+$`);
const HANDLES = new RegExp(`@(${HANDLE})`, "g");

interface Block {
  people: string[];
  from: number;
  to: number;
  line: number;
  /** Text on the label line after the label, an item in its own right. */
  rest: string;
  /** Index of the inline token whose first line is the `@name:` label, or -1 (a `##### @name` section). */
  label: number;
}

export function updates(state: ExtractState): void {
  for (const section of state.sections) {
    const whole = new RegExp(`^@(${HANDLE})$`).exec(section.heading);
    if (whole) {
      add(state, section, { people: [whole[1]!], from: section.open + 3, to: section.end, line: section.line, rest: "", label: -1 });
      continue;
    }
    for (const block of blocks(state, section)) add(state, section, block);
  }
}

function blocks(state: ExtractState, section: SectionDraft): Block[] {
  const { tokens } = state;
  const found: Block[] = [];
  let open: Block | null = null;
  const close = (at: number): void => {
    if (open) {
      open.to = at;
      found.push(open);
      open = null;
    }
  };
  for (let i = section.open + 3; i < section.end; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || t.nesting === -1) continue;
    if (t.type === "paragraph_open") {
      const text = inlineText(tokens[i + 1]);
      const first = firstLine(text);
      const people = labelPeople(first);
      if (people) {
        close(i);
        const rest = clean(first.replace(LEAD, "")) + "\n" + text.split("\n").slice(1).join("\n");
        open = { people, from: i, to: section.end, line: state.line(t), rest: ONLY_HANDLES.test(first) ? "" : clean(rest), label: i + 1 };
      }
    } else if (isListOpen(t)) {
      const end = closeOf(tokens, i);
      const items = itemsWithPeople(tokens, i, end);
      if (items.length) {
        close(i);
        for (const it of items) found.push({ ...it, line: state.line(tokens[it.from]!) });
      }
      i = end;
    }
  }
  close(section.end);
  return found;
}

/** `@name:` / `@name -` / `@a / @b` at the start of a line: who the block is by. */
function labelPeople(line: string): string[] | null {
  if (ONLY_HANDLES.test(line)) return [...line.matchAll(HANDLES)].map((m) => m[1]!);
  const m = LEAD.exec(line);
  return m ? [m[1]!] : null;
}

/** List items that open with `@name:`; each is a block of its own. */
function itemsWithPeople(tokens: Token[], listOpen: number, end: number): Omit<Block, "line">[] {
  const level = tokens[listOpen]!.level + 1;
  const out: Omit<Block, "line">[] = [];
  for (let i = listOpen + 1; i < end; i++) {
    const t = tokens[i]!;
    if (t.type !== "list_item_open" || t.level !== level) continue;
    const first = firstLine(itemText(tokens, i));
    const people = labelPeople(first);
    if (!people) continue;
    out.push({ people, from: i, to: closeOf(tokens, i) + 1, rest: ONLY_HANDLES.test(first) ? "" : clean(first.replace(LEAD, "")), label: i + 2 });
  }
  return out;
}

function add(state: ExtractState, section: SectionDraft, block: Block): void {
  const people = block.people.filter((handle) => !isPlaceholderHandle(handleId(handle)));
  if (people.length === 0) return;
  const items = itemsOf(state.tokens, block);
  if (items.length === 0 && unfilled(state.tokens, block)) return;
  const html = wrapItem(state.tokens, block.from, renderTokens(state.tokens, block.from, block.to, state.env));
  for (const handle of people) {
    const person = state.person({ id: handleId(handle), handle });
    const update: Update = { person, line: block.line, html, items };
    section.updates.push(update);
  }
}

/** The block's list items as plain text, each with its kind (from its own label or an enclosing one). */
function itemsOf(tokens: Token[], block: Block): Update["items"] {
  const items: Update["items"] = [];
  const kindAt: (UpdateKind | undefined)[] = [];
  let current: UpdateKind = "update";
  if (block.rest) pushItem(items, block.rest, current);
  for (let i = block.from; i < block.to; i++) {
    const t = tokens[i]!;
    if (t.type === "paragraph_open" && t.level === tokens[block.from]!.level) {
      const label = splitLabel(firstLine(inlineText(tokens[i + 1])));
      const kind = label && itemKindOf(label.label);
      if (kind) {
        current = kind;
        if (label.value) pushItem(items, label.value, kind);
      }
      continue;
    }
    if (t.type !== "list_item_open") continue;
    const text = firstLine(itemText(tokens, i));
    if (i === block.from && labelPeople(text)) continue;
    const inherited = kindAt.slice(0, t.level).reverse().find((k) => k) ?? current;
    const label = splitLabel(text);
    const kind = label ? itemKindOf(label.label) : null;
    kindAt.length = t.level + 1;
    if (kind) {
      kindAt[t.level] = kind;
      if (label?.value) pushItem(items, label.value, kind);
    } else {
      kindAt[t.level] = undefined;
      pushItem(items, text, inherited);
    }
  }
  return items;
}

/**
 * Nothing but item labels with nothing after them ("Done:", "Next:") under the
 * `@name` label: a template left unfilled. A bare `@name` alone is kept: over a
 * topic it says who reports on it.
 */
function unfilled(tokens: Token[], block: Block): boolean {
  let labels = 0;
  for (let i = block.from; i < block.to; i++) {
    const t = tokens[i]!;
    if (t.type === "code_block" || t.type === "fence" || t.type === "html_block") return false;
    if (t.type !== "inline") continue;
    if (t.children?.some((c) => c.type === "image" || c.type === "html_inline")) return false;
    const lines = inlineText(t).split("\n");
    if (i === block.label) lines.shift();
    for (const line of lines) {
      if (!clean(line)) continue;
      if (!isEmptyItemLabel(line)) return false;
      labels++;
    }
  }
  return labels > 0;
}

function isEmptyItemLabel(line: string): boolean {
  const label = splitLabel(line);
  return label !== null && label.value === "" && itemKindOf(label.label) !== null;
}

function pushItem(items: Update["items"], text: string, kind: UpdateKind): void {
  const t = clean(text);
  if (t) items.push({ kind, text: t });
}

/** A block that is one list item is shown in its list, so the HTML stands on its own. */
function wrapItem(tokens: Token[], from: number, html: string): string {
  const item = tokens[from];
  if (item?.type !== "list_item_open") return html;
  for (let j = from - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.level === item.level - 1 && t.nesting === 1) {
      const start = t.attrGet("start");
      return `<${t.tag}${start ? ` start="${start}"` : ""}>\n${html}</${t.tag}>\n`;
    }
  }
  return `<ul>\n${html}</ul>\n`;
}
