// Role values to people: "@a, @b", "Matt Zumwalt (@flyingzumwalt)", "Jeromy",
// "@a / @b and @c". Placeholders ("_attendee names..._", "TBD") are dropped.
import type { PersonRef } from "./model.ts";
import { HANDLE, clean, handleId, slugify } from "./text.ts";

const HANDLE_IN_TEXT = new RegExp(`(?<![\\w@])@(${HANDLE})`, "g");
const PLACEHOLDER =
  /^(?:(?:attendee|participant|your|add your|person|people)\b.*|names?|tbd|tba|n\/?a|none|nobody|no one|-+|\?+|…|\.+|etc\.?|others?|x+|todo|and more|everyone|all)$/i;
// An e-mail address ("ada@example.com") is not a name.
const NOT_A_NAME = /[:=<>{}[\]|#*_~]|https?\/\/|\w@\w/;
/** "9 more folks", "+3 others": a count of people, not a person. */
const COUNT_OF_PEOPLE = /^[\d+]|\b(?:more|folks|others|guests?|everyone|various)\b/i;

export function parsePeople(value: string): PersonRef[] {
  const people: PersonRef[] = [];
  const seen = new Set<string>();
  const add = (p: PersonRef): void => {
    if (!p.id || seen.has(p.id)) return;
    seen.add(p.id);
    people.push(p);
  };
  if (/\.\.\.|…/.test(value) && !HANDLE_IN_TEXT.test(value)) return people;
  HANDLE_IN_TEXT.lastIndex = 0;
  for (const part of value.split(/[,;\n]|\s+(?:and|&)\s+|\s+\/\s+|\s+-\s+(?=@)/)) {
    const handles = [...part.matchAll(HANDLE_IN_TEXT)].map((m) => m[1]!);
    if (handles.length === 1) {
      const name = nameAround(part, handles[0]!);
      add({ id: handleId(handles[0]!), handle: handles[0]!, ...(name ? { name } : {}) });
    } else if (handles.length > 1) {
      for (const h of handles) add({ id: handleId(h), handle: h });
    } else {
      const name = plainName(part);
      if (name) add({ id: slugify(name), name });
    }
  }
  return people;
}

/** "Matt Zumwalt (@flyingzumwalt)" -> "Matt Zumwalt"; "@x (notes)" -> undefined. */
function nameAround(part: string, handle: string): string | undefined {
  const before = clean(part.slice(0, part.indexOf(`@${handle}`)).replace(/[(\[<]+\s*$/, ""));
  return plainName(before) ?? undefined;
}

export function plainName(text: string): string | null {
  const name = clean(text.replace(/^[\s*_\-–—•:]+|[\s*_:.,]+$/g, "").replace(/\([^)]*\)/g, ""));
  if (!name || name.length > 40 || PLACEHOLDER.test(name) || NOT_A_NAME.test(name) || COUNT_OF_PEOPLE.test(name)) return null;
  const words = name.split(" ");
  if (words.length > 4 || !/\p{L}/u.test(name)) return null;
  return name;
}

/** Words a template puts where a handle goes, and mentions of everybody: never a person. */
const PLACEHOLDER_HANDLES = new Set([
  "name", "names", "yourname", "your-name", "your_name", "username", "user", "handle", "github", "github-handle", "githubhandle",
  "example", "examples", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "all", "here", "channel",
  "you", "me", "person", "people", "owner", "assignee", "who", "tbd", "tba", "todo", "xxx", "foo", "bar", "nobody", "none",
  "notetaker", "note-taker", "notetakers", "scribe", "moderator", "facilitator", "lead", "host", "chair", "attendee", "attendees",
]);

/** `@name`, `@example`, `@all`: a handle (lower case) that stands for nobody in particular. */
export function isPlaceholderHandle(id: string): boolean {
  return PLACEHOLDER_HANDLES.has(id);
}
