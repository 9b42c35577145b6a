// /assets/people-filter.js, compiled from src/browser/people-filter.ts by
// esbuild (tsx's own) at build time: one small, deterministic script.
import { join } from "node:path";
import { ROOT } from "../../paths.ts";
import { PEOPLE_FILTER_URL } from "../pages/people.ts";
import { bundle } from "../bundle-cache.ts";
import { firstPart, inFirstPart } from "./paged.ts";

const ENTRY = join(ROOT, "src/browser/people-filter.ts");

export const data = { permalink: firstPart(PEOPLE_FILTER_URL), eleventyExcludeFromCollections: true };

// Bundled again only when one of its source files changed (../bundle-cache.ts).
export const render = inFirstPart(() =>
  bundle({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT, // paths in the output's comments are relative to it, whatever folder the build runs in
    bundle: true,
    format: "iife",
    target: "es2019",
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
  }),
);
