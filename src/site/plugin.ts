// The Eleventy adapter: loads the archive once per build, paginates pages
// over it, copies assets, and makes every internal URL relative.
import { copyFileSync, cpSync, mkdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Archive } from "../archive/model.ts";
import { ROOT, TEMPLATES_DIR } from "../paths.ts";
import { TEMPLATES } from "./templates/index.ts";
import { patchArchive } from "../archive/patch.ts";
import { BuildHelper, type ParallelLoad } from "../threads/build-helper.ts";
import { searchSource } from "../search/documents.ts";
import { relativizeHtml } from "./relative-urls.ts";
import { linksRelative, PageWriter } from "./page-writer.ts";
import { writeSiteMeta } from "./sitemap.ts";
import { staleRemover } from "./stale-pages.ts";
import { setArchive } from "./state.ts";
import { feedRefs } from "./feeds/template.ts";
import { forgetFeedContents } from "./feeds/render.ts";
import { changedNotes, writeMeetingPages, type PreviewPage } from "./preview.ts";
import { PART_OUTPUTS, splitPages } from "./parts.ts";
import { breather, inTurn, renderInSlices } from "./slices.ts";

export interface MinutebookOptions {
  notesDir: string;
  url?: string | undefined;
  /** Called with the archive once it is loaded (the CLI reports progress and problems). */
  onArchive?: (archive: Archive) => void;
  onNote?: (done: number, total: number) => void;
  /** The build's worker thread (the CLI starts it first thing); the plugin starts one when not given. */
  helper?: BuildHelper;
  /** The first load, already under way in the helper; later rebuilds (serve) read only changed notes. */
  load?: ParallelLoad;
  /**
   * A build in parts (parts.ts): this run writes part `part.index`; runs
   * after the first are given the archive the first read.
   */
  part?: { index: number; archive?: Archive };
  /** The number of parts the pages make, once the archive is read (the CLI then runs the others). */
  onParts?: (count: number) => void;
  /** The search index under way; when a caller takes it, it waits for it itself (after the last part). */
  onSearch?: (search: Promise<unknown>) => void;
  /** The files this run wrote (after each part): the CLI's summary counts them. */
  onWritten?: (outputPaths: string[]) => void;
  /**
   * The CLI's build: Eleventy renders as a dry run and each template writes
   * its page as soon as it is rendered (page-writer.ts).
   */
  writesOutputs?: boolean;
  /** serve: takes the function that writes the meeting pages of saved notes ahead of the rebuild (preview.ts). */
  onPreviewReady?: (preview: (changed: string[]) => void) => void;
  /** serve: the meeting pages of saved notes were written ahead of the rebuild. */
  onPreview?: (pages: PreviewPage[]) => void;
}

const PREVIEW_HEAD_START_MS = 200;

/** Output files of the parts written so far (one build's parts run one after the other in this process). */
const sitemapPages: string[] = [];

export { TEMPLATES_DIR };
const ASSETS_DIR = join(ROOT, "src/site/assets");

// Eleventy's config API is untyped JavaScript; this is the part we use.
export interface EleventyConfig {
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options: T): void;
  addGlobalData(name: string, value: unknown): void;
  directories: { output: string };
  addWatchTarget(path: string): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addTransform(name: string, fn: (this: { page: { url: string | false; outputPath: string | false } }, content: string) => string | Promise<string>): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  on(event: string, fn: (arg: { directories: { output: string }; results: { outputPath: string | false }[] }) => void | Promise<void>): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
  setWatchThrottleWaitTime(ms: number): void;
  setQuietMode?(quiet: boolean): void;
  /** Eleventy's timings of config callbacks (not a documented API: used only if present). */
  benchmarks?: { config?: { setIsVerbose(verbose: boolean): void } };
}

export function minutebook(eleventyConfig: EleventyConfig, options: MinutebookOptions): void {
  // Virtual templates: Eleventy never imports a TypeScript file itself, so the
  // templates are the same modules as the rest, from the sources or the bundle.
  const writer = options.writesOutputs ? new PageWriter(() => options.helper?.pace()) : null;
  for (const [path, template] of Object.entries(TEMPLATES)) eleventyConfig.addTemplate(path, writer ? writer.writing(template) : template);
  eleventyConfig.addWatchTarget(options.notesDir);
  eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: "assets" });

  const part = options.part?.index ?? 0;
  const given = options.part?.archive ?? null;
  const helper = given ? null : (options.helper ?? BuildHelper.start());
  let first: ParallelLoad | null = given ? null : (options.load ?? helper!.parse(options.notesDir, { url: options.url, remember: true }));
  let loaded: Archive | null = null;
  // serve: the archive read for the preview of a saved note, reused by the rebuild that follows.
  let ahead: Archive | null = null;
  // The search index is built by the helper while the pages render, and waited for at the end.
  let search: Promise<unknown> | null = null;
  let partCount = 1;
  const serving = !!options.onPreviewReady;
  // The parser's module (with markdown-it): a build whose notes are all in the parse cache never loads it.
  let loader: typeof import("../archive/load.ts") | null = null;
  const load = async (): Promise<typeof import("../archive/load.ts")> => (loader ??= await import("../archive/load.ts"));
  eleventyConfig.addGlobalData("minutebook", async () => {
    const onNote = options.onNote;
    // serve's preview reads saved notes at once, outside any await: its parser is loaded before the first build.
    if (serving) await load();
    if (given) loaded = given;
    else if (first) loaded = await first.archive(onNote);
    else if (ahead) loaded = ahead;
    // serve's rebuild: the archive joined in turns, so that a note saved meanwhile is previewed at once.
    else if (serving) loaded = await (await load()).loadArchiveInTurns(options.notesDir, { url: options.url, rejoinable: true }, breather);
    else loaded = (await load()).loadArchive(options.notesDir, { url: options.url, ...(onNote ? { onNote } : {}) });
    first = null;
    ahead = null;
    setArchive(loaded);
    if (helper) {
      options.onArchive?.(loaded);
      await breather();
      search = helper.search(searchSource(loaded), resolve(eleventyConfig.directories.output), { remember: serving });
      search.catch(() => {}); // awaited after the pages are written
      options.onSearch?.(search);
    }
    const refs = <T extends { url: string }>(list: T[], id: (x: T) => string) => list.map((x) => ({ id: id(x), url: x.url }));
    const parts = splitPages(
      {
        meetings: refs(loaded.meetings, (m) => m.id),
        series: refs(loaded.series, (s) => s.slug),
        years: refs(loaded.years, (y) => y.year),
        people: refs(loaded.people, (p) => p.id),
        initiatives: refs(loaded.initiatives, (i) => i.id),
        // Empty when the site has no URL: then no feed is written (src/site/feeds/).
        feeds: feedRefs(loaded),
      },
      options.onParts ? PART_OUTPUTS : Infinity,
    );
    options.onParts?.(parts.length);
    partCount = parts.length;
    return { ...parts[part]!, first: part === 0 };
  });

  // Editors write a note at once: a short wait for it to settle (Eleventy waits 150 ms).
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 25, pollInterval: 5 } });
  // Eleventy would watch the config's imports (our bundle, or our sources) by
  // paths relative to the working folder, and with any of those outside it
  // (always, for a notes repository elsewhere) it remaps every watched path
  // so that the notes folder's changes are lost. Notes are what change.
  eleventyConfig.setWatchJavaScriptDependencies(false);
  // The preview of a saved note is written at once; the rebuild waits a moment
  // so that the page can be fetched before the rebuild holds this thread.
  eleventyConfig.setWatchThrottleWaitTime(PREVIEW_HEAD_START_MS);
  // serve rebuilds into the folder it serves: pages of deleted notes go (stale-pages.ts).
  const removeStale = staleRemover();
  renderInSlices(!!options.onPreviewReady);
  // serve calls this as soon as the watcher reports a change, even while an
  // earlier rebuild is still running (Eleventy queues the next one after it).
  options.onPreviewReady?.((changed: string[]) => {
    const notes = changedNotes(options.notesDir, changed);
    if (!notes.length || first || !loader) return;
    const { loadArchive, rereadNotes } = loader;
    try {
      // The archive of the last load, with the notes' meetings joined again when
      // nothing else changed (patch.ts); else the whole archive read anew, for the rebuild too.
      const last = ahead ?? loaded;
      const patched = last && patchArchive(last, rereadNotes(options.notesDir, notes, { url: options.url }));
      ahead = patched ? null : loadArchive(options.notesDir, { url: options.url, rejoinable: true });
      const pages = writeMeetingPages(patched ?? ahead!, options.notesDir, notes, resolve(eleventyConfig.directories.output));
      removeStale.wrote(pages.map((p) => p.outputPath));
      options.onPreview?.(pages);
    } catch {
      ahead = null; // the rebuild reads the notes again and reports what went wrong
    }
  });

  // Eleventy writes the pages of serve (and of a plain `eleventy` run): their links are made relative here.
  if (!writer) {
    eleventyConfig.addTransform("relative-urls", function (content) {
      // In its turn: Eleventy runs a page's transforms and writes it at once,
      // so that is where serve's rebuild must give way too (slices.ts).
      return linksRelative(this.page) ? inTurn(() => relativizeHtml(content, this.page.url as string)) : content;
    });
  }

  // Eleventy warns of any transform over 8% of its run ("[11ty] Benchmark …"),
  // even when quiet: advice for a site's own transforms, and the relative
  // URLs are ours. The CLI reports its own time.
  if (writer || serving) eleventyConfig.benchmarks?.config?.setIsVerbose(false);

  // Images and other files beside the notes are copied under /files/.
  // (`directories.output` is the folder actually written; the deprecated
  // `dir.output` is the config default "_site", whatever --out says.)
  eleventyConfig.on("eleventy.after", ({ directories, results }) => {
    if (!loaded) return;
    const out = resolve(directories.output);
    const written = writer ? writer.take().map((path) => resolve(path)) : results.flatMap((r) => (r.outputPath ? [resolve(r.outputPath)] : []));
    if (part === 0) {
      // A dry run copies no passthrough files.
      if (writer) cpSync(ASSETS_DIR, join(out, "assets"), { recursive: true });
      const assetPaths = loaded.assets.map((asset) => join(out, "files", ...asset.split("/")));
      removeStale(out, [...written, ...assetPaths]);
      for (const asset of loaded.assets) {
        const to = join(directories.output, "files", ...asset.split("/"));
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(join(options.notesDir, ...asset.split("/")), to);
      }
    }
    // The sitemap lists every page Eleventy wrote: every part's, once the last is written.
    options.onWritten?.(written);
    if (part === 0) sitemapPages.length = 0;
    for (const path of written) sitemapPages.push(relative(out, path));
    if (part === partCount - 1) writeSiteMeta(out, loaded.site, sitemapPages);
    forgetFeedContents(loaded);
  });

  // The search index under /search/ and the search scripts under /assets/ (src/search/site-files.ts).
  eleventyConfig.on("eleventy.after", async () => {
    if (!options.onSearch) await search;
  });
}
