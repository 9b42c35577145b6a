// Action items: task-list items (`- [ ] @name do X`, `- [x] ...`), `ACTION:`
// lines, and the items of an "Action Items" section.
import { HANDLE, clean, handleId, inlineText } from "../text.ts";
import type { ExtractState } from "./state.ts";

const TASK = /^\s*\[([ xX])\]\s+(.+)$/s;
const ACTION = /^\s*\**(?:ACTION(?: ITEM)?|AI|TODO)\**\s*(?:\(([^)]*)\))?\s*\**[:：-]\s*(.+)$/s;
// What ACTION needs somewhere in a paragraph before its lines are worth splitting.
const ACTION_WORD = /ACTION|AI|TODO/;
const ACTION_SECTION = /^(?:action items?|actions?|next steps|todos?|to-?dos|follow[- ]ups?)$/i;
// As in running text: not inside an e-mail address, and not an npm scope ("@org/pkg").
const HANDLES = new RegExp(`(?<![\\w@/])@(${HANDLE})(?![\\w/-]|\\.[A-Za-z0-9])`, "g");

export function actions(state: ExtractState): void {
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== "inline" || tokens[i - 1]?.type !== "paragraph_open") continue;
    const text = inlineText(t);
    const line = state.line(t);
    const draft = state.sectionDraftAt(line);
    const section = draft?.id ?? null;
    const inItem = tokens[i - 2]?.type === "list_item_open";
    const task = inItem ? TASK.exec(text) : null;
    const inActionSection = inItem && section !== null && ACTION_SECTION.test(draft?.heading ?? "");
    const push = (raw: string, named: string, done: boolean, at: number): void => {
      const body = clean(raw);
      const owners = [...new Set([...`${named} ${body}`.matchAll(HANDLES)].map((m) => m[1]!))].map((h) =>
        state.person({ id: handleId(h), handle: h }),
      );
      state.actions.push({ text: body, owners: [...new Set(owners)], done, line: at, section });
    };
    if (task) {
      push(task[2]!, "", task[1] !== " ", line);
      continue;
    }
    // Each `ACTION:` line is an action of its own, running on over the lines
    // below it up to the next one (a paragraph may hold several).
    if (!ACTION_WORD.test(text)) {
      if (inActionSection) push(text, "", false, line);
      continue;
    }
    const lines = text.split("\n");
    const starts = lines.flatMap((l, n) => (ACTION.test(l) ? [n] : []));
    starts.forEach((n, k) => {
      const action = ACTION.exec(lines.slice(n, starts[k + 1]).join("\n"))!;
      push(action[2]!, action[1] ?? "", false, line + n);
    });
    if (starts.length === 0 && inActionSection) push(text, "", false, line);
  }
}
