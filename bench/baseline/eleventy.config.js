// The benchmark's baseline: a plain Eleventy 3 site of the same notes, one
// page per note through one layout, and one collection (listed on the home
// page). Run it with Eleventy's own command line:
//
//   node node_modules/@11ty/eleventy/cmd.cjs --config=bench/baseline/eleventy.config.js \
//     --input=NOTES_DIR --output=OUT_DIR --quiet
//
// What it takes to build a real archive at all, and nothing more:
// - notes are data, not templates: markdown is not run through Liquid or
//   Nunjucks first (notes hold `{{` and `{%`);
// - front matter that is not valid YAML, or whose `date`, `permalink`, `tags`,
//   `layout` would stop Eleventy, is parsed and then dropped (Eleventy would
//   otherwise abort the build), keeping only a string `title` and a valid `date`;
// - images and other files beside the notes are copied through.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const here = dirname(fileURLToPath(import.meta.url));
const ASSET = /\.(png|jpe?g|gif|svg|webp|avif|pdf)$/i;

function safeFrontMatter(text) {
  let data;
  try {
    data = yaml.load(text);
  } catch {
    return {};
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return {};
  const out = {};
  if (typeof data.title === "string") out.title = data.title;
  if (data.date instanceof Date && !Number.isNaN(data.date.getTime())) out.date = data.date;
  return out;
}

export default function (eleventyConfig) {
  eleventyConfig.setTemplateFormats(["md", "njk"]);
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: safeFrontMatter } });
  eleventyConfig.addGlobalData("layout", "note.njk");

  eleventyConfig.addTemplate("_includes/note.njk", readFileSync(join(here, "note.njk"), "utf8"));
  eleventyConfig.addTemplate("index.njk", readFileSync(join(here, "index.njk"), "utf8"), { layout: null, permalink: "/index.html" });
  eleventyConfig.addPassthroughCopy({ [join(here, "style.css")]: "style.css" });
  // Files beside the notes (images), to the same paths. (Eleventy's glob
  // passthrough refuses an input folder outside the working folder.)
  const input = eleventyConfig.directories.input;
  for (const entry of readdirSync(input, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !ASSET.test(entry.name)) continue;
    const from = join(entry.parentPath, entry.name);
    eleventyConfig.addPassthroughCopy({ [from]: relative(input, from) });
  }

  eleventyConfig.addCollection("notes", (api) =>
    api.getAll().filter((item) => /\.(md|markdown)$/i.test(item.inputPath)).sort((a, b) => a.date - b.date || a.inputPath.localeCompare(b.inputPath)),
  );
}

export const config = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
