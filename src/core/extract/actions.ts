// Action items: task-list items (`- [ ] @name do X`, `- [x] ...`), `ACTION:`
// lines, and the items of an "Action Items" section.
import { HANDLE, clean, handleId, inlineText } from "../text.ts";
import type { ExtractState } from "./state.ts";

const TASK = /^\s*\[([ xX])\]\s+(.+)$/s;
const ACTION = /^\s*\**(?:ACTION(?: ITEM)?|AI|TODO)\**\s*(?:\(([^)]*)\))?\s*\**[:：-]\s*(.+)$/s;
const ACTION_SECTION = /^(?:action items?|actions?|next steps|todos?|to-?dos|follow[- ]ups?)$/i;
const HANDLES = new RegExp(`@(${HANDLE})`, "g");

export function actions(state: ExtractState): void {
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "inline" || tokens[i - 1]?.type !== "paragraph_open") continue;
    const text = inlineText(t);
    const line = state.line(t);
    const section = state.sectionAt(line);
    const inItem = tokens[i - 2]?.type === "list_item_open";
    const task = inItem ? TASK.exec(text) : null;
    const action = task ? null : ACTION.exec(text);
    const inActionSection = inItem && section !== null && ACTION_SECTION.test(state.sections.find((s) => s.id === section)?.heading ?? "");
    if (!task && !action && !inActionSection) continue;
    const body = clean(task?.[2] ?? action?.[2] ?? text);
    const owners = [...new Set([...`${action?.[1] ?? ""} ${body}`.matchAll(HANDLES)].map((m) => m[1]!))].map((h) =>
      state.person({ id: handleId(h), handle: h }),
    );
    state.actions.push({ text: body, owners: [...new Set(owners)], done: task ? task[1] !== " " : false, line, section });
  }
}
