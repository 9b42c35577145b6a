// Walking markdown-it's flat token stream: matching closes, list items, lines.
import type { Token } from "markdown-it";
import { inlineText } from "../text.ts";

/** Index of the token closing the one opened at `open` (same level, nesting -1). */
export function closeOf(tokens: Token[], open: number): number {
  const level = tokens[open]!.level;
  for (let i = open + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level === level && t.nesting === -1) return i;
  }
  return tokens.length - 1;
}

/** The text of a list item's own first paragraph (not its nested lists). */
export function itemText(tokens: Token[], itemOpen: number): string {
  const next = tokens[itemOpen + 1];
  if (next?.type === "paragraph_open") return inlineText(tokens[itemOpen + 2]);
  return "";
}

/** The items directly inside the list opened at `listOpen`, as [open index, text] pairs. */
export function listItems(tokens: Token[], listOpen: number): { open: number; text: string }[] {
  const end = closeOf(tokens, listOpen);
  const level = tokens[listOpen]!.level + 1;
  const items: { open: number; text: string }[] = [];
  for (let i = listOpen + 1; i < end; i++) {
    const t = tokens[i]!;
    if (t.type === "list_item_open" && t.level === level) items.push({ open: i, text: itemText(tokens, i) });
  }
  return items;
}

export function isListOpen(t: Token | undefined): boolean {
  return t?.type === "bullet_list_open" || t?.type === "ordered_list_open";
}

/** The inline token of the heading opened at `open`. */
export function headingInline(tokens: Token[], open: number): Token | undefined {
  return tokens[open + 1];
}

export function headingLevel(t: Token): number {
  return Number(t.tag.slice(1)) || 1;
}
