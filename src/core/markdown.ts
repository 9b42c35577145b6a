// The one MarkdownIt instance: every note is parsed and rendered by it, once.
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import { fastLinks } from "./rules/fast-links.ts";
import { references } from "./rules/references.ts";
import { slugify } from "./text.ts";

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.use(fastLinks);
  // Ids only: the page templates draw the permalink, so section HTML stays reusable.
  md.use(anchor, { slugify: (s: string) => slugify(s) || "section", tabIndex: false });
  md.core.ruler.after("linkify", "references", references);
  return md;
}

export const md = createMarkdown();
