// A strict, namespace-aware XML reader for the feed tests (saxes: XML 1.0
// and Namespaces in XML, so an undeclared prefix such as `content:` is an
// error), and the checks every built site's feeds must pass.
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import Parser from "rss-parser";
import { fileOfUrl } from "../helpers/build.ts";
import { decodeEntities } from "../helpers/links.ts";

export const ATOM_NS = "http://www.w3.org/2005/Atom";
export const CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
export const DC_NS = "http://purl.org/dc/elements/1.1/";
export const ATOM_SCHEMA = join(import.meta.dirname, "../../../shared/schemas/atom.rnc");

export interface XmlElement {
  /** Local name. */
  name: string;
  /** Namespace URI, "" for none. */
  uri: string;
  /** Attributes by qualified name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface XmlDocument {
  root: XmlElement | null;
  /** Processing instructions before the root, e.g. xml-stylesheet. */
  pis: { target: string; body: string }[];
  errors: string[];
}

/** Parses a document; every well-formedness or namespace error is collected, none thrown. */
export function parseXml(text: string): XmlDocument {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const doc: XmlDocument = { root: null, pis: [], errors: [] };
  const stack: XmlElement[] = [];
  parser.on("error", (e) => doc.errors.push(e.message));
  parser.on("processinginstruction", (pi) => {
    if (!doc.root) doc.pis.push({ target: pi.target, body: pi.body });
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attrs[name] = typeof a === "string" ? a : a.value;
    const el: XmlElement = { name: tag.local ?? tag.name, uri: tag.uri ?? "", attrs, children: [], text: "" };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else doc.root = el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("cdata", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("closetag", () => void stack.pop());
  try {
    parser.write(text).close();
  } catch (e) {
    doc.errors.push((e as Error).message);
  }
  return doc;
}

export function child(el: XmlElement, name: string, uri: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name && c.uri === uri);
}

export function children(el: XmlElement, name: string, uri: string): XmlElement[] {
  return el.children.filter((c) => c.name === name && c.uri === uri);
}

/** What a test compares of one entry, the same for Atom and RSS. */
export interface ParsedEntry {
  id: string;
  title: string;
  link: string;
  date: string;
  content: string;
}

export interface ParsedFeed {
  format: "atom" | "rss";
  title: string;
  self: string;
  page: string;
  updated: string;
  entries: ParsedEntry[];
  stylesheet: string | null;
  errors: string[];
}

const text = (el: XmlElement | undefined): string => el?.text.trim() ?? "";

/** Reads an Atom or RSS feed strictly; structural problems go to `errors`. */
export function readFeed(xmlText: string): ParsedFeed {
  const doc = parseXml(xmlText);
  const errors = [...doc.errors];
  const pi = doc.pis.find((p) => p.target === "xml-stylesheet");
  const stylesheet = pi ? (/href="([^"]*)"/.exec(pi.body)?.[1] ?? null) : null;
  const root = doc.root;
  const empty: ParsedFeed = { format: "atom", title: "", self: "", page: "", updated: "", entries: [], stylesheet, errors };
  if (!root) return { ...empty, errors: [...errors, "no root element"] };
  if (root.name === "feed" && root.uri === ATOM_NS) {
    const link = (el: XmlElement, rel: string, type?: string): string =>
      children(el, "link", ATOM_NS).find((l) => (l.attrs.rel ?? "alternate") === rel && (!type || l.attrs.type === type))?.attrs.href ?? "";
    return {
      format: "atom",
      title: text(child(root, "title", ATOM_NS)),
      self: link(root, "self"),
      page: link(root, "alternate", "text/html"),
      updated: text(child(root, "updated", ATOM_NS)),
      entries: children(root, "entry", ATOM_NS).map((e) => ({
        id: text(child(e, "id", ATOM_NS)),
        title: text(child(e, "title", ATOM_NS)),
        link: link(e, "alternate"),
        date: text(child(e, "updated", ATOM_NS)),
        content: child(e, "content", ATOM_NS)?.text ?? "",
      })),
      stylesheet,
      errors,
    };
  }
  if (root.name === "rss" && root.uri === "" && root.attrs.version === "2.0") {
    const channel = child(root, "channel", "");
    if (!channel) return { ...empty, format: "rss", errors: [...errors, "no <channel>"] };
    const items = children(channel, "item", "");
    for (const item of items) {
      if (!child(item, "encoded", CONTENT_NS)) errors.push(`item ${text(child(item, "guid", ""))}: no content:encoded in ${CONTENT_NS}`);
    }
    return {
      format: "rss",
      title: text(child(channel, "title", "")),
      self: children(channel, "link", ATOM_NS).find((l) => l.attrs.rel === "self")?.attrs.href ?? "",
      page: text(child(channel, "link", "")),
      updated: text(child(channel, "lastBuildDate", "")),
      entries: items.map((i) => ({
        id: text(child(i, "guid", "")),
        title: text(child(i, "title", "")),
        link: text(child(i, "link", "")),
        date: text(child(i, "pubDate", "")),
        content: child(i, "encoded", CONTENT_NS)?.text ?? "",
      })),
      stylesheet,
      errors,
    };
  }
  return { ...empty, errors: [...errors, `unknown root element {${root.uri}}${root.name}`] };
}

/** Runs jing on Atom feeds with the RFC 4287 schema, in batches; its complaints, one per line. */
export async function jing(files: readonly string[], batch = 400): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < files.length; i += batch) {
    const { code, out } = await run("jing", ["-c", ATOM_SCHEMA, ...files.slice(i, i + batch)]);
    // Debian's wrapper warns about optional jars it does not need.
    const lines = out.split("\n").filter((l) => l.trim() && !l.startsWith("[warning]"));
    if (code !== 0 || lines.length > 0) problems.push(...(lines.length ? lines : [`jing exited with ${code}`]));
  }
  return problems;
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.on("error", fail);
    child.on("close", (code) => done({ code, out }));
  });
}

export function hasJing(): Promise<boolean> {
  return run("jing", []).then(
    () => true,
    () => false,
  );
}

/** rss-parser, a feed-reader library: what a reader would see. */
export async function readWithFeedReader(xmlText: string): Promise<{ title: string; items: { title: string; link: string; id: string; content: string; isoDate: string }[] }> {
  const parser = new Parser();
  const feed = await parser.parseString(xmlText);
  return {
    title: feed.title ?? "",
    items: feed.items.map((i) => {
      const item = i as typeof i & { id?: string; "content:encoded"?: string };
      return {
        title: i.title ?? "",
        link: i.link ?? "",
        id: i.guid ?? item.id ?? "",
        content: item["content:encoded"] ?? i.content ?? "",
        isoDate: i.isoDate ?? "",
      };
    }),
  };
}

/** The ids of an HTML file of the site (cached), or null when there is no such file. */
export function idsOf(cache: Map<string, Set<string> | null>, file: string): Set<string> | null {
  let found = cache.get(file);
  if (found === undefined) {
    found = statSync(file, { throwIfNoEntry: false })?.isFile() ? new Set<string>() : null;
    if (found && file.endsWith(".html")) {
      for (const m of readFileSync(file, "utf8").matchAll(/\s(?:id|name)="([^"]*)"/g)) found.add(decodeEntities(m[1]!));
    }
    cache.set(file, found);
  }
  return found;
}

/**
 * Where an absolute link under the site URL lands in the built site: null when
 * it names a file (and, with `anchors`, an id in it), else why not.
 */
export function checkSiteLink(out: string, siteUrl: string, href: string, cache: Map<string, Set<string> | null>, anchors = true): string | null {
  if (!href.startsWith(siteUrl)) return `${href} is not under the site URL ${siteUrl}`;
  const url = new URL(href);
  const base = new URL(siteUrl);
  const path = "/" + url.pathname.slice(base.pathname.length);
  let file: string;
  let id: string;
  try {
    file = fileOfUrl(out, path);
    id = decodeURIComponent(url.hash.slice(1));
  } catch {
    return `${href}: malformed`;
  }
  const ids = idsOf(cache, file);
  if (!ids) return `${href}: no file ${path}`;
  if (anchors && id && !ids.has(id)) return `${href}: no id "${id}" in ${path}`;
  return null;
}
