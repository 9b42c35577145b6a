// `Q(@name): ...` questions, wherever they stand: paragraphs or list items.
import { HANDLE, clean, handleId, inlineText } from "../text.ts";
import type { ExtractState } from "./state.ts";

const QUESTION = new RegExp(`(?:^|\\s|\\*)Q\\s*\\(\\s*@?(${HANDLE})\\s*\\)\\s*\\**\\s*[:：-]?\\s*(.*)$`);

export function questions(state: ExtractState): void {
  const { tokens } = state;
  for (const t of tokens) {
    if (t.type !== "inline") continue;
    const text = inlineText(t);
    // Most paragraphs hold no question: no "Q", no need to split them.
    if (!text.includes("Q")) continue;
    const lines = text.split("\n");
    lines.forEach((line, n) => {
      const m = QUESTION.exec(line);
      if (!m) return;
      // A question runs on over the lines below it, up to the next question (not past it).
      const next = lines.findIndex((l, k) => k > n && QUESTION.test(l));
      const text = clean([m[2]!, ...lines.slice(n + 1, next === -1 ? undefined : next)].join(" "));
      const at = state.line(t) + n;
      const person = state.person({ id: handleId(m[1]!), handle: m[1]! });
      state.questions.push({ person, text, line: at, section: state.sectionAt(at) });
    });
  }
}
