// Browser tests: Debian's chromium driven by playwright-core, and a tiny
// static file server for a built site, on 127.0.0.1 only.
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Whether this run is in CI, where a missing browser is a failure, not a skip. */
export const IN_CI = !!process.env.CI && !["0", "false"].includes(process.env.CI.toLowerCase());

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

export const NO_CHROMIUM = `${CHROMIUM} not found: the browser tests need Debian's chromium package (apt-get install chromium)`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
  ".woff2": "font/woff2",
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

export interface StaticServer {
  /** "http://127.0.0.1:PORT", no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a folder as a static host would: index.html for folders (and a
 * redirect from "/dir" to "/dir/"), content types by extension, and the
 * folder's 404.html (else a plain text page) with status 404.
 */
export async function serveDirectory(root: string, options: { prefix?: string } = {}): Promise<StaticServer> {
  const base = resolve(root);
  // A site mounted under a path ("/team/notes/", "/ipfs/<cid>/"): only URLs under it exist.
  const prefix = options.prefix ?? "/";
  const notFound = async (res: ServerResponse, head: boolean): Promise<void> => {
    const page = await readFile(join(base, "404.html")).catch(() => null);
    res.writeHead(404, { "content-type": page ? TYPES[".html"]! : TYPES[".txt"]! });
    res.end(head ? undefined : (page ?? "404 Not Found\n"));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === "HEAD";
    if (req.method !== "GET" && !head) {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname + "/" === prefix) {
      res.writeHead(301, { location: prefix + url.search }).end();
      return;
    }
    if (!url.pathname.startsWith(prefix)) return notFound(res, head);
    let path: string;
    try {
      path = decodeURIComponent("/" + url.pathname.slice(prefix.length));
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = resolve(base, "." + path);
    if (path.includes("\0") || (file !== base && !file.startsWith(base + sep))) return notFound(res, head);
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { location: url.pathname + "/" + url.search }).end();
        return;
      }
      file = join(file, "index.html");
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return notFound(res, head);
    const body = await readFile(file);
    res.writeHead(200, { "content-type": contentType(file), "content-length": body.length, "cache-control": "no-store" });
    res.end(head ? undefined : body);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": TYPES[".txt"]! });
      res.end(String(e));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface PageWatch {
  /** Console messages of type "error", and uncaught page errors. */
  errors: string[];
  /** Requests to anything but 127.0.0.1 (they are also aborted). */
  external: string[];
  /** Responses with status 400 or more, and requests that failed. */
  failed: string[];
}

const LOCAL_SCHEMES = new Set(["data:", "blob:", "about:"]);

function isLocal(url: string): boolean {
  const u = new URL(url);
  if (LOCAL_SCHEMES.has(u.protocol)) return true;
  return (u.protocol === "http:" || u.protocol === "https:" || u.protocol === "ws:") && u.hostname === "127.0.0.1";
}

/**
 * Records what a page does wrong: console errors, page errors, requests that
 * leave 127.0.0.1 (aborted, so a test never reaches the network), and
 * failed or 4xx/5xx loads.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { errors: [], external: [], failed: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") watch.errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (err) => watch.errors.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    if (!isLocal(req.url())) watch.external.push(`${req.method()} ${req.url()}`);
  });
  page.on("requestfailed", (req) => {
    if (isLocal(req.url())) watch.failed.push(`${req.url()}: ${req.failure()?.errorText ?? "failed"}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) watch.failed.push(`${res.url()}: HTTP ${res.status()}`);
  });
  await page.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : route.abort("blockedbyclient")));
  return watch;
}
