// The extraction rules, in order: each a plain function over one meeting's
// ExtractState, named for what it recognises. Later rules rely on earlier
// ones (sections before updates), as in markdown-it's parser chains.
import { actions } from "./extract/actions.ts";
import { date, series } from "./extract/date.ts";
import { questions } from "./extract/questions.ts";
import { mentions, outsideLinks, summaries } from "./extract/references.ts";
import { roles } from "./extract/roles.ts";
import { sections } from "./extract/sections.ts";
import type { Rule } from "./extract/state.ts";
import { title } from "./extract/title.ts";
import { updates } from "./extract/updates.ts";

export const RULES: [string, Rule][] = [
  ["title", title],
  ["date", date],
  ["series", series],
  ["roles", roles],
  ["sections", sections],
  ["summaries", summaries],
  ["updates", updates],
  ["questions", questions],
  ["actions", actions],
  ["mentions", mentions],
  ["outside-links", outsideLinks],
];
