// Mentions and issue references, found while parsing (rules/references.ts),
// placed in their sections; links that climb out of the notes folder, as
// problems; and each section's `Summary:` line.
import type { Token } from "markdown-it";
import { clean, handleId, inlineText } from "../text.ts";
import type { IssueRef } from "../model.ts";
import type { ExtractState } from "./state.ts";

export function mentions(state: ExtractState): void {
  for (const m of state.env.refs.mentions) {
    const person = state.person({ id: handleId(m.handle), handle: m.handle });
    state.mentions.push({ person, line: m.line, section: state.sectionAt(m.line) });
  }
  const seen = new Set<string>();
  const inSection = new Map<string, Set<string>>();
  for (const ref of state.env.refs.issues) {
    const issue: IssueRef = { repo: ref.repo, number: ref.number, url: ref.url };
    const section = state.sectionDraftAt(ref.line);
    if (section) {
      const urls = inSection.get(section.id) ?? new Set(section.issues.map((i) => i.url));
      inSection.set(section.id, urls);
      if (!urls.has(ref.url)) {
        urls.add(ref.url);
        section.issues.push(issue);
      }
    }
    if (!seen.has(ref.url)) {
      seen.add(ref.url);
      state.issues.push(issue);
    }
  }
}

/** A relative link out of the notes folder points at nothing the site holds: the note should give a full URL. */
export function outsideLinks(state: ExtractState): void {
  const seen = new Set<string>();
  for (const { href, line } of state.env.refs.outside) {
    const key = `${line} ${href}`;
    if (seen.has(key)) continue;
    seen.add(key);
    state.problem(line, "warning", `a link points to ${href}, outside the notes folder, so the site does not have it: link to it by its full URL`);
  }
}

/** Link texts that only say "read more here": "Epic Issue", "tracking issue", "#123". */
const REFERENCE_TEXT = /^(?:#\d+|(?:(?:the|an?|epic|meta|tracking|main|issues?|pr|pull|request|milestone|project|board|link)\b[\s:()-]*)+)$/i;

/**
 * "Summary: We are improving X. [Epic Issue](…/issues/5723)": the link at the
 * end is where to read more (kept in the section's issues), not part of the
 * sentence, when its text says so or the sentence ended before it.
 */
function withoutTrailingReference(inline: Token): Token {
  const children = inline.children ?? [];
  let end = children.length;
  while (end > 0 && children[end - 1]!.type === "text" && /^[\s.:;,)]*$/.test(children[end - 1]!.content)) end--;
  if (end === 0 || children[end - 1]!.type !== "link_close") return inline;
  let open = end - 1;
  while (open >= 0 && children[open]!.type !== "link_open") open--;
  if (open <= 0) return inline;
  const linkText = inlineText({ children: children.slice(open + 1, end - 1) } as Token);
  const before = inlineText({ children: children.slice(0, open) } as Token).trimEnd();
  if (!REFERENCE_TEXT.test(linkText.trim()) && !/[.:;!?)]$/.test(before)) return inline;
  return { children: children.slice(0, open) } as Token;
}

export function summaries(state: ExtractState): void {
  const { tokens } = state;
  for (const section of state.sections) {
    for (let i = section.open + 3; i < section.end; i++) {
      if (tokens[i]!.type !== "inline") continue;
      const m = /^\s*summary\s*[:：-]\s*(.+)$/is.exec(inlineText(withoutTrailingReference(tokens[i]!)));
      if (m) {
        section.summary = clean(m[1]!).replace(/\s*[:：]$/, "");
        break;
      }
    }
  }
}
