// minutebook build | serve | check.
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Archive } from "../archive/model.ts";
import { parserVersion, type CacheOptions } from "../archive/parse-cache.ts";
import { BUNDLED, CODE_VERSION, ROOT, TEMPLATES_DIR } from "../paths.ts";
import { setBuildHooks } from "../site/hooks.ts";
import { BuildHelper } from "../threads/build-helper.ts";
import type { PreviewPage } from "../site/preview.ts";
import { COMMANDS, MAIN_HELP, parse, type Args } from "./args.ts";
import { clearOutput, leftMessage } from "./clear-output.ts";
import { PartCollector } from "./heap.ts";
import { countBySeverity, formatProblem, problemSummary, seconds } from "./report.ts";

// From the bundle, Eleventy loads the bundle's own config (bin/bundle.js).
const CONFIG = BUNDLED ? fileURLToPath(new URL("./eleventy.config.mjs", import.meta.url)) : join(ROOT, ".eleventy.ts");
// Eleventy, the parser and the site are imported only once the build worker
// is reading notes (src/threads/build-helper.ts): it starts while they load.
const loadEleventy = async () => (await import("@11ty/eleventy")).default;

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (e) {
    console.error(`minutebook: ${(e as Error).message}`);
    return 2;
  }
  if (args.version) {
    console.log("minutebook 0.1.0");
    return 0;
  }
  if (!args.command || args.help) {
    console.log(args.command ? `Usage: ${COMMANDS[args.command].usage}\n\n${COMMANDS[args.command].summary}\n\n${COMMANDS[args.command].details}` : MAIN_HELP);
    return 0;
  }
  const notesDir = resolve(args.notesDir);
  if (!existsSync(notesDir) || !statSync(notesDir).isDirectory()) {
    console.error(`minutebook: the notes folder ${args.notesDir} does not exist: give the folder of your notes, e.g. "minutebook ${args.command} path/to/notes"`);
    return 2;
  }
  if (args.cache && overlaps(real(resolve(args.cache)), real(notesDir))) {
    // The default cache is in minutebook's own folder, which may be inside the notes' repository (node_modules): then there is none.
    if (!args.cacheGiven) args = { ...args, cache: null };
    else {
      console.error(`minutebook: the cache folder ${args.cache} and the notes folder overlap; minutebook never writes into the notes: choose another --cache, or --no-cache`);
      return 2;
    }
  }
  try {
    if (args.command === "check") return await check(notesDir, args);
    const out = resolve(args.out);
    const unsafe = outputProblem(notesDir, out);
    if (unsafe) {
      console.error(`minutebook: ${unsafe}`);
      return 2;
    }
    return args.command === "build" ? await build(notesDir, out, args) : await serve(notesDir, out, args);
  } catch (e) {
    console.error(`minutebook: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

/** The parse cache, when asked for and when the code has a version to keep it under (it runs from the bundle). */
function cacheOf(args: Args): CacheOptions | null {
  return args.cache && CODE_VERSION ? { dir: resolve(args.cache), version: parserVersion(CODE_VERSION, ROOT) } : null;
}

async function check(notesDir: string, args: Args): Promise<number> {
  const helper = BuildHelper.start();
  const archive = await helper.parse(notesDir, { url: args.url, cache: cacheOf(args) }).archive();
  await helper.close();
  if (args.json) console.log(JSON.stringify({ notes: archive.notes, meetings: archive.meetings.length, problems: archive.problems }, null, 1));
  else {
    for (const p of archive.problems) console.log(formatProblem(p));
    console.log(`${archive.notes} notes, ${archive.meetings.length} meetings: ${problemSummary(archive.problems)}`);
  }
  return countBySeverity(archive.problems).error ? 1 : 0;
}

const inside = (a: string, b: string): boolean => a === b || a.startsWith(b + sep);
const overlaps = (a: string, b: string): boolean => inside(a, b) || inside(b, a);

/** A path with its symbolic links resolved, as far as it exists. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(real(parent), basename(path));
  }
}

/** The output folder is wiped before a build: refuse anything that could hold the notes or other work. */
function outputProblem(notesDir: string, out: string): string | null {
  if (overlaps(out, notesDir)) {
    return `the output folder ${relative(process.cwd(), out) || "."} and the notes folder overlap; minutebook never writes into the notes: choose another --out`;
  }
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length && !entries.includes("index.html") && !entries.includes("404.html")) {
      return `the output folder ${relative(process.cwd(), out)} is not empty and holds no earlier site; choose another --out, or empty it`;
    }
  }
  return null;
}

function progress(quiet: boolean) {
  const tty = process.stderr.isTTY && !quiet;
  let archive: Archive | null = null;
  return {
    hooks: {
      onNote: (done: number, total: number): void => {
        if (tty && (done % 25 === 0 || done === total)) process.stderr.write(`\rReading notes ${done}/${total}`);
      },
      onArchive: (a: Archive): void => {
        archive = a;
        if (tty) process.stderr.write(`\rRead ${a.notes} notes: ${a.meetings.length} meetings. Rendering pages…\n`);
      },
    },
    archive: (): Archive | null => archive,
  };
}

async function build(notesDir: string, out: string, args: Args): Promise<number> {
  const started = Date.now();
  const helper = BuildHelper.start();
  const load = helper.parse(notesDir, { url: args.url, cache: cacheOf(args) });
  const p = progress(args.quiet);
  let parts = 1;
  // Made once the part count is known (onParts); "as": TypeScript does not see it set in the hook.
  let collector = null as PartCollector | null;
  let search: Promise<unknown> = Promise.resolve();
  const written: string[] = [];
  const hooks = {
    ...p.hooks,
    helper,
    load,
    onParts: (n: number): void => {
      parts = n;
      // A build in parts is a large one: its heap is kept close to what it holds (heap.ts).
      if (n > 1) (collector ??= new PartCollector()).collect();
    },
    onSearch: (s: Promise<unknown>) => (search = s),
    onWritten: (files: string[]) => written.push(...files),
    writesOutputs: true,
  };
  process.env.MINUTEBOOK_NOTES = notesDir;
  process.env.MINUTEBOOK_URL = args.url ?? "";
  const cleared = clearOutput(out);
  const Eleventy = await loadEleventy();
  const run = async (): Promise<void> => {
    const elev = new Eleventy(TEMPLATES_DIR, out, { configPath: CONFIG, quietMode: true });
    // Our summary replaces Eleventy's; its errors still reach us, thrown by write().
    elev.disableLogger();
    // The plugin writes the outputs (writesOutputs).
    elev.setDryRun(true);
    await elev.write();
  };
  try {
    setBuildHooks(hooks);
    await run();
    // A large archive's pages are written in parts, one Eleventy run each (src/site/parts.ts).
    const archive = p.archive();
    for (let index = 1; index < parts && archive; index++) {
      collector?.collect();
      if (process.stderr.isTTY && !args.quiet) process.stderr.write(`\rRendering pages, part ${index + 1} of ${parts}…`);
      setBuildHooks({ ...hooks, part: { index, archive } });
      await run();
    }
    if (parts > 1 && process.stderr.isTTY && !args.quiet) process.stderr.write("\n");
    await search;
  } finally {
    await helper.close();
    const left = leftMessage(await cleared);
    if (left) console.error(left);
  }
  const archive = p.archive();
  if (!archive) throw new Error("the build finished without reading the notes");
  const pages = written.filter((file) => file.endsWith(".html")).length;
  const feeds = written.filter((file) => file.endsWith(".xml")).length;
  const counts = countBySeverity(archive.problems);
  for (const problem of archive.problems) if (problem.severity === "error") console.error(formatProblem(problem));
  console.log(
    `Built ${relative(process.cwd(), out) || "."}: ${archive.notes} notes, ${archive.meetings.length} meetings, ` +
      `${pages} pages, ${feeds} feeds in ${seconds(Date.now() - started)}. Problems: ${problemSummary(archive.problems)}.`,
  );
  // Feeds need absolute links, so a site without its URL gets none (src/site/feeds/).
  if (!archive.site.url) console.log("No feeds: set url in minutebook.yml or pass --url.");
  if (counts.error) {
    console.error(`${counts.error} note${counts.error === 1 ? "" : "s"} could not be published (listed above): fix them and build again.`);
  } else if (counts.warning) {
    console.log(`Run "minutebook check ${relative(process.cwd(), notesDir) || "."}" to list the warnings.`);
  }
  return counts.error ? 1 : 0;
}

async function serve(notesDir: string, out: string, args: Args): Promise<number> {
  const helper = BuildHelper.start();
  const load = helper.parse(notesDir, { url: args.url, remember: true, cache: cacheOf(args) });
  const p = progress(args.quiet);
  let elev: InstanceType<Awaited<ReturnType<typeof loadEleventy>>> | null = null;
  // The saved note's own page is written before the rebuild: show it now (the
  // page morphs in place); the rebuild reloads everything again when done.
  const onPreview = (pages: PreviewPage[]): void => {
    const files = [...new Set(pages.map((page) => page.inputPath))];
    void elev?.eleventyServe.reload({ files, build: { templates: pages.map(({ url, inputPath, content }) => ({ url, inputPath, content })) } });
  };
  let preview: ((changed: string[]) => void) | null = null;
  setBuildHooks({ ...p.hooks, helper, load, onPreview, onPreviewReady: (fn) => (preview = fn) });
  process.env.MINUTEBOOK_NOTES = notesDir;
  process.env.MINUTEBOOK_URL = args.url ?? "";
  void clearOutput(out).then((paths) => {
    const left = leftMessage(paths);
    if (left) console.error(left);
  });
  const Eleventy = await loadEleventy();
  elev = new Eleventy(TEMPLATES_DIR, out, { configPath: CONFIG, quietMode: true, runMode: "serve" });
  await elev.init();
  await elev.watch();
  // Eleventy rebuilds when a file changes or appears, not when one is deleted:
  // a deleted note is a change to the archive, so report it as one.
  elev.watcher?.on("unlink", (path: string) => {
    if (resolve(path).startsWith(notesDir + sep)) elev.watcher?.emit("change", path);
  });
  // The saved note's meeting page first (src/site/preview.ts), before Eleventy
  // hears of the change and schedules its rebuild.
  for (const event of ["change", "add"]) elev.watcher?.prependListener(event, (path: string) => preview?.([path]));
  await elev.serve(args.port);
  console.log(`Serving ${relative(process.cwd(), notesDir) || "."} at http://localhost:${args.port}/ (Ctrl+C to stop)`);
  await new Promise<never>(() => {});
  return 0;
}

