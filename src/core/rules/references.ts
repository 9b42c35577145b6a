// A markdown-it core rule: turns @mentions and `owner/repo#123` into links,
// points links to other notes and to files beside them at placeholders the
// archive resolves (`mb:person:…`, `mb:note:…`, `mb:file:…`, and `mb:outside:…`
// for a relative link that climbs out of the notes folder), and records every
// mention, issue reference and such climbing link with its line.
import type { StateCore, Token } from "markdown-it";
import type { IssueRef } from "../model.ts";
import { HANDLE, handleId } from "../text.ts";

export interface References {
  mentions: { handle: string; line: number }[];
  issues: (IssueRef & { line: number })[];
  /** Relative links whose target is outside the notes folder, as written. */
  outside: { href: string; line: number }[];
}

export interface ReferenceEnv {
  /** Note path relative to the notes folder, for resolving relative links. */
  source: string;
  /** Line of the parsed text's first line in the file, minus one. */
  lineOffset: number;
  issueBase: string;
  /** Absolute URLs under which the notes folder is also published (its repository). */
  sourcePrefixes: string[];
  refs: References;
}

// Handles are not preceded by a word character (e-mail addresses) and not followed by "/" (npm scopes).
const MENTION = new RegExp(`(^|[^\\w@/\`])@(${HANDLE})(?![\\w/-]|\\.[A-Za-z0-9])`, "g");
const ISSUE = /(^|[^\w/.#-])([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)#(\d+)\b/g;
const HOST_LIKE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]|$)/i;
const FILE_EXT = /\.(?:md|markdown|png|jpe?g|gif|svg|webp|pdf|txt|html?|json|csv|ya?ml|zip|gz|mp4|webm|mov|mp3|key|pptx?|docx?|xlsx?|odt|ods|odp)$/i;
const ISSUE_URL = /^https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(?:issues|pull)\/(\d+)(?:[/?#].*)?$/;

export function references(state: StateCore): void {
  const env = state.env as ReferenceEnv;
  if (!env.refs) return;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let line = (block.map?.[0] ?? 0) + env.lineOffset + 1;
    let linkDepth = 0;
    const out: Token[] = [];
    for (const child of block.children) {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      if (child.type === "link_open") {
        linkDepth++;
        rewriteHref(child, "href", env, line);
      } else if (child.type === "link_close") linkDepth--;
      else if (child.type === "image") rewriteHref(child, "src", env, line);
      if (child.type !== "text" || linkDepth > 0 || !/[@#]/.test(child.content)) {
        out.push(child);
        continue;
      }
      splitText(child, state, env, line, out);
    }
    block.children = out;
  }
}

function splitText(token: Token, state: StateCore, env: ReferenceEnv, line: number, out: Token[]): void {
  const text = token.content;
  const found: { start: number; end: number; href: string; label: string; cls: string }[] = [];
  for (const m of text.matchAll(MENTION)) {
    const start = m.index + m[1]!.length;
    const handle = m[2]!;
    found.push({ start, end: start + handle.length + 1, href: `mb:person:${handleId(handle)}`, label: `@${handle}`, cls: "mention" });
    env.refs.mentions.push({ handle, line });
  }
  for (const m of text.matchAll(ISSUE)) {
    const start = m.index + m[1]!.length;
    const repo = `${m[2]}/${m[3]}`;
    const number = Number(m[4]);
    const url = `${env.issueBase}/${repo}/issues/${number}`;
    if (found.some((f) => start < f.end && f.start < start + m[0].length - m[1]!.length)) continue;
    found.push({ start, end: m.index + m[0].length, href: url, label: `${repo}#${number}`, cls: "issue" });
    env.refs.issues.push({ repo, number, url, line });
  }
  if (found.length === 0) {
    out.push(token);
    return;
  }
  found.sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const f of found) {
    if (f.start < pos) continue;
    if (f.start > pos) out.push(textToken(state, text.slice(pos, f.start), token.level));
    const open = new state.Token("link_open", "a", 1);
    open.attrs = [["href", f.href], ["class", f.cls]];
    open.level = token.level;
    out.push(open, textToken(state, f.label, token.level + 1));
    const close = new state.Token("link_close", "a", -1);
    close.level = token.level;
    out.push(close);
    pos = f.end;
  }
  if (pos < text.length) out.push(textToken(state, text.slice(pos), token.level));
}

function textToken(state: StateCore, content: string, level: number): Token {
  const t = new state.Token("text", "", 0);
  t.content = content;
  t.level = level;
  return t;
}

function rewriteHref(token: Token, attr: "href" | "src", env: ReferenceEnv, line: number): void {
  const href = token.attrGet(attr);
  if (!href) return;
  const issue = ISSUE_URL.exec(href);
  if (issue) {
    env.refs.issues.push({ repo: `${issue[1]}/${issue[2]}`, number: Number(issue[3]), url: href, line });
    return;
  }
  // `[site](example.org/page)`: a host written without its scheme, not a file beside the note.
  if (HOST_LIKE.test(href) && !FILE_EXT.test(href.split(/[/?#]/)[0]!)) {
    token.attrSet(attr, `https://${href}`);
    return;
  }
  // "#heading" in a note: resolved by the archive against the meeting's own sections.
  if (attr === "href" && href.length > 1 && href.startsWith("#")) {
    token.attrSet(attr, `mb:note:${encodeURI(env.source)}${href}`);
    return;
  }
  const local = localPath(href, env);
  if (local === null) return;
  if (typeof local !== "string") {
    // The site holds the notes folder alone: left as written, the link would point into the site's own folders.
    env.refs.outside.push({ href, line });
    token.attrSet(attr, `mb:outside:${encodeURI(local.outside)}`);
    return;
  }
  const [path, hash = ""] = local.split("#", 2) as [string, string?];
  const kind = attr === "href" && /\.(md|markdown)$/i.test(path) ? "note" : "file";
  token.attrSet(attr, `mb:${kind}:${encodeURI(path)}${hash ? `#${hash}` : ""}`);
}

/** A path that climbs out of the notes folder, relative to the folder ("../README.md"). */
interface Outside {
  outside: string;
}

/** The notes-folder path a link points at, the path outside the folder it climbs to, or null for links elsewhere. */
function localPath(href: string, env: ReferenceEnv): string | Outside | null {
  for (const prefix of env.sourcePrefixes) {
    if (href.startsWith(prefix)) return normalise(href.slice(prefix.length).replace(/^\/+/, ""));
  }
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#|^\//i.test(href)) return null;
  const dir = env.source.includes("/") ? env.source.slice(0, env.source.lastIndexOf("/") + 1) : "";
  return normalise(dir + href);
}

function normalise(path: string): string | Outside | null {
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    decoded = path;
  }
  const [p, hash] = decoded.split("#", 2) as [string, string?];
  const parts: string[] = [];
  let above = 0;
  for (const seg of p.split("?")[0]!.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) above++;
      else parts.pop();
    } else parts.push(seg);
  }
  const tail = hash ? `#${hash}` : "";
  if (above > 0) return { outside: "../".repeat(above) + parts.join("/") + tail };
  if (parts.length === 0) return null;
  return parts.join("/") + tail;
}
