// Eleventy config. The CLI (src/cli) runs Eleventy with this file; the notes
// folder and site URL reach it through the environment, so that plain
// `npx @11ty/eleventy --config=.eleventy.ts` (under tsx) works too.
import { resolve } from "node:path";
import { minutebook, TEMPLATES_DIR, type EleventyConfig } from "./src/site/plugin.ts";
import { buildHooks } from "./src/site/hooks.ts";

export default function (eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(minutebook, {
    notesDir: resolve(process.env.MINUTEBOOK_NOTES ?? "notes"),
    url: process.env.MINUTEBOOK_URL || undefined,
    ...buildHooks(),
  });
}

export const config = {
  dir: { input: TEMPLATES_DIR },
};
