// HTML strings with escaping by default: every interpolated value is text
// unless it is already SafeHtml (from raw() or a nested html`` template).

/** A string known to be HTML. Only raw() and html`` make one. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue =
  | string
  | number
  | SafeHtml
  | null
  | undefined
  | false
  | readonly HtmlValue[];

const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const entity = (ch: string): string => ENTITIES[ch] ?? ch;

/**
 * Escapes text for element content. Quotes are escaped too, so the result is
 * also safe inside a quoted attribute: html`` cannot tell where a value lands.
 */
export function escapeHtml(s: string): string {
  // Most text has nothing to escape; skip the replace (and its allocation).
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, entity) : s;
}

/** Escapes text for a quoted attribute value. */
export function escapeAttr(s: string): string {
  return escapeHtml(s);
}

/** Marks trusted HTML (the core's sanitised output) so html`` keeps it as is. */
export function raw(s: string): SafeHtml {
  return new SafeHtml(s);
}

function render(v: HtmlValue, text: (s: string) => string = escapeHtml): string {
  if (v instanceof SafeHtml) return v.value;
  if (typeof v === "string") return text(v);
  if (typeof v === "number") return String(v);
  if (v === null || v === undefined || v === false) return "";
  if (Array.isArray(v)) {
    let out = "";
    for (const item of v as readonly HtmlValue[]) out += render(item, text);
    return out;
  }
  // Outside the type (e.g. `true` from a loosely typed caller): still text.
  return text(String(v));
}

function template(text: (s: string) => string) {
  return (strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml => {
    let out = strings[0] ?? "";
    for (let i = 0; i < values.length; i++) {
      out += render(values[i], text) + (strings[i + 1] ?? "");
    }
    return new SafeHtml(out);
  };
}

export const html = template(escapeHtml);

// Characters XML 1.0 forbids even as references. Notes are hand-written and
// sometimes mis-decoded: these are dropped, and a lone surrogate becomes U+FFFD.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const NOT_XML_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// Node 20 has these (ES2024); the project's lib is ES2022.
type WellFormed = string & { isWellFormed(): boolean; toWellFormed(): string };

/** Text as XML 1.0 may hold it: forbidden characters dropped, lone surrogates replaced. */
export function xmlClean(s: string): string {
  const w = s as WellFormed;
  const whole = w.isWellFormed() ? s : w.toWellFormed();
  return NOT_XML.test(whole) ? whole.replace(NOT_XML_ALL, "") : whole;
}

/** Escapes text for XML content or a quoted attribute, as escapeHtml, after xmlClean. */
export function escapeXml(s: string): string {
  return escapeHtml(xmlClean(s));
}

/**
 * As html``, for XML documents: every text value is also cleaned (xmlClean).
 * SafeHtml values are taken as they are, so what goes in raw() must be
 * cleaned by whoever made it.
 */
export const xml = template(escapeXml);

/** Joins values (each escaped unless safe) with a separator, e.g. ", ". */
export function join(values: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const sep = render(separator);
  let out = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += sep;
    out += render(values[i]);
  }
  return new SafeHtml(out);
}

const SAFE_SCHEME = /^(?:https?|mailto):/i;
const ANY_SCHEME = /^[^/?#]*:/;

/**
 * An href from a note (a recording link) may say `javascript:`; only web and
 * mail links, and scheme-less (relative) ones, are let through. Control
 * characters and spaces are stripped first, as browsers ignore them in schemes.
 */
export function safeHref(href: string): string {
  // eslint-disable-next-line no-control-regex
  const trimmed = href.replace(/[\u0000-\u0020\u007f]+/g, "");
  if (SAFE_SCHEME.test(trimmed) || !ANY_SCHEME.test(trimmed)) return href.trim();
  return "#";
}
