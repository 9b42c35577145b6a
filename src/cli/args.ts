// Command-line arguments and help texts.
import { parseArgs } from "node:util";
import { CACHE_DIR } from "../paths.ts";

export const COMMANDS = {
  build: {
    usage: "minutebook build [NOTES_DIR] [--out DIR] [--url SITE_URL]",
    summary: "Build the archive site from a folder of notes.",
    details: `Reads every note under NOTES_DIR (default: notes/) and writes the site to
--out (default: _site/), replacing what a previous build wrote there.
Exits with status 1 when a note could not be published, and says which and why.

Options:
  --out DIR        where to write the site (default: _site)
  --url SITE_URL   the absolute URL the site will be published at, for feeds
                   and canonical links (default: "url" in minutebook.yml)
  --quiet          print only problems and the summary
  --cache DIR      where to keep parsed notes for the next build (default:
                   .cache/minutebook in minutebook's folder)
  --no-cache       parse every note, and keep nothing for the next build
  -h, --help       show this help`,
  },
  serve: {
    usage: "minutebook serve [NOTES_DIR] [--port N] [--out DIR]",
    summary: "Build, then serve the site and rebuild it whenever a note changes.",
    details: `Builds like "build", serves the site on http://localhost:PORT/ and rebuilds
on every change to the notes, reloading open pages.

Options:
  --port N         the port to serve on (default: 8080)
  --out DIR        where to write the site (default: _site)
  --url SITE_URL   as for build
  --cache DIR, --no-cache   as for build
  -h, --help       show this help`,
  },
  check: {
    usage: "minutebook check [NOTES_DIR] [--json]",
    summary: "Report what could not be understood in the notes, without building.",
    details: `Reads every note and prints its problems, one per line as FILE:LINE: message.
Exits with status 1 when a note could not be published.

Options:
  --json           print the report as JSON
  --cache DIR, --no-cache   as for build
  -h, --help       show this help`,
  },
} as const;

export type Command = keyof typeof COMMANDS;

export const MAIN_HELP = `minutebook: turns a folder of meeting notes into a searchable archive site.

Usage:
${Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`).join("\n")}

Run "minutebook COMMAND --help" for a command's options.
The notes folder may hold a minutebook.yml with the site's title, URL and people (see README.md).`;

export interface Args {
  command: Command | null;
  notesDir: string;
  out: string;
  url: string | undefined;
  port: number;
  json: boolean;
  quiet: boolean;
  /** The parse cache's folder, or null for none (--no-cache). */
  cache: string | null;
  /** The cache's folder was given (--cache), not the default. */
  cacheGiven: boolean;
  help: boolean;
  version: boolean;
}

export function parse(argv: string[]): Args {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      url: { type: "string" },
      port: { type: "string", short: "p" },
      json: { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
      cache: { type: "string" },
      "no-cache": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  const [command, notesDir, ...extra] = positionals;
  if (values.cache !== undefined && values["no-cache"]) throw new Error("--cache and --no-cache contradict each other: give one");
  if (command !== undefined && !(command in COMMANDS)) {
    throw new Error(`unknown command "${command}": use build, serve or check (see minutebook --help)`);
  }
  if (extra.length) throw new Error(`unexpected argument "${extra[0]}": give one notes folder at most`);
  const port = Number(values.port ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port takes a number from 1 to 65535, not "${values.port}"`);
  return {
    command: (command as Command | undefined) ?? null,
    notesDir: notesDir ?? "notes",
    out: values.out ?? "_site",
    url: values.url,
    port,
    json: values.json ?? false,
    quiet: values.quiet ?? false,
    cache: values["no-cache"] ? null : (values.cache ?? CACHE_DIR),
    cacheGiven: values.cache !== undefined,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
