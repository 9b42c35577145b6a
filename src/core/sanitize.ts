// Raw HTML in notes is reduced to a safe allow-list: notes come from many
// hands and the archive is published for anyone to read.
import { createRequire } from "node:module";
import type sanitizeHtml from "sanitize-html";

// Loaded on the first raw HTML, not with the parser: a rebuild's main thread
// reads every note from the parse cache and never needs it (it and postcss
// are 150 modules).
let loaded: typeof sanitizeHtml | null = null;
const sanitizer = (): typeof sanitizeHtml => (loaded ??= createRequire(import.meta.url)("sanitize-html") as typeof sanitizeHtml);

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
  ],
  allowedAttributes: {
    a: ["href", "title", "class", "id"],
    img: ["src", "alt", "title", "width", "height"],
    input: ["type", "checked", "disabled"],
    "*": ["id", "align", "colspan", "rowspan", "start", "lang", "dir"],
  },
  allowedSchemes: ["http", "https", "mailto", "mb"],
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  transformTags: {
    // Only checkboxes survive, and they can't be ticked from the page.
    input: (tagName, attribs) =>
      attribs.type === "checkbox"
        ? { tagName, attribs: { type: "checkbox", disabled: "", ...(attribs.checked !== undefined ? { checked: "" } : {}) } }
        : { tagName: "span", attribs: {} },
  },
  allowedClasses: { a: ["mention", "issue"] },
};

export function sanitize(html: string): string {
  return sanitizer()(html, OPTIONS);
}
