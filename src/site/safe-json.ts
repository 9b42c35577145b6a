// JSON that stays inert wherever it lands: "<" is written as \u003c, so no
// "</script>" or "<!--" from a note can end or confuse a <script> block that
// inlines it. JSON.parse reads it back unchanged.
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/</g, "\\u003c");
}
