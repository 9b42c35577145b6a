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

function render(v: HtmlValue): string {
  if (v instanceof SafeHtml) return v.value;
  if (typeof v === "string") return escapeHtml(v);
  if (typeof v === "number") return String(v);
  if (v === null || v === undefined || v === false) return "";
  if (Array.isArray(v)) {
    let out = "";
    for (const item of v as readonly HtmlValue[]) out += render(item);
    return out;
  }
  // Outside the type (e.g. `true` from a loosely typed caller): still text.
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? "");
  }
  return new SafeHtml(out);
}

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
