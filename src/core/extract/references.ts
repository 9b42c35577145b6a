// Mentions and issue references, found while parsing (rules/references.ts),
// placed in their sections; links that climb out of the notes folder, as
// problems; and each section's `Summary:` line.
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

export function summaries(state: ExtractState): void {
  const { tokens } = state;
  for (const section of state.sections) {
    for (let i = section.open + 3; i < section.end; i++) {
      if (tokens[i]!.type !== "inline") continue;
      const m = /^\s*summary\s*[:：-]\s*(.+)$/is.exec(inlineText(tokens[i]));
      if (m) {
        section.summary = clean(m[1]!);
        break;
      }
    }
  }
}
