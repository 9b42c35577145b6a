// The meeting's title: its first heading, when that heading names the meeting.
import { inlineText, clean } from "../text.ts";
import type { ExtractState } from "./state.ts";
import { STRUCTURAL, roleOf } from "./labels.ts";

export function title(state: ExtractState): void {
  const { tokens } = state;
  let firstContent = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || t.nesting === -1) continue;
    if (t.type === "heading_open") {
      const text = clean(inlineText(tokens[i + 1]));
      const isH1 = t.tag === "h1";
      const beforeContent = firstContent === -1;
      if ((isH1 || beforeContent) && text && !STRUCTURAL.test(text) && !roleOf(text)) {
        state.title = text;
        state.titleIndex = i;
        return;
      }
      if (!isH1 && beforeContent) break;
    } else if (t.type === "paragraph_open" && firstContent === -1 && state.titleIndex === -1) {
      // A note without headings often opens with a one-line title.
      const text = inlineText(tokens[i + 1]);
      if (!text.includes("\n") && text.length <= 80 && !/[:：]/.test(text)) state.title = clean(text);
      firstContent = i;
    } else if (t.type !== "html_block" && t.type !== "hr" && firstContent === -1) {
      firstContent = i;
    }
  }
}
