// A plugin that makes markdown-it's links cheaper to find and to normalize,
// with the same output: a note is mostly paragraphs with an @mention or a
// dotted word in them, and links that are plain http(s) URLs.
import type MarkdownIt from "markdown-it";

// Every schema linkify-it knows ("http:", "https:" and "ftp:" followed by
// "//", "//" itself, "mailto:") shows so.
const SCHEMA_HINT = /\/\/|mailto:/i;

/**
 * A plain http(s) URL of the ASCII characters markdown-it keeps in a URL, with
 * a lowercase host: what normalizeLink (a full parse, punycode and
 * percent-encoding) gives back unchanged.
 */
const PLAIN_URL = /^https?:\/\/[a-z0-9.-]+(?::[0-9]+)?(?:[/?#](?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*)?$/;

/** For use with fuzzy links and e-mails off (`md.linkify.set({ fuzzyLink: false, fuzzyEmail: false })`). */
export function fastLinks(md: MarkdownIt): void {
  // linkify-it's own pretest also passes text with an "@" or a dotted word,
  // for the fuzzy kinds: without them a link starts at a schema.
  md.linkify.pretest = (text: string) => SCHEMA_HINT.test(text);
  const normalizeLink = md.normalizeLink;
  md.normalizeLink = (url) => (PLAIN_URL.test(url) ? url : normalizeLink(url));
  // A linkified URL's text: unchanged too when it has no escape to decode and no punycode label to spell out.
  const normalizeLinkText = md.normalizeLinkText;
  md.normalizeLinkText = (url) => (PLAIN_URL.test(url) && !url.includes("%") && !url.includes("xn--") ? url : normalizeLinkText(url));
}
