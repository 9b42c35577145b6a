// /assets/people-filter.js, compiled from src/browser/people-filter.ts by
// esbuild (tsx's own) at build time: one small, deterministic script.
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";
import { PEOPLE_FILTER_URL } from "../pages/people.ts";

const ENTRY = fileURLToPath(new URL("../../browser/people-filter.ts", import.meta.url));
// Paths in the output's comments are relative to this, whatever folder the build runs in.
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
let compiled: string | null = null;

export const data = { permalink: PEOPLE_FILTER_URL, eleventyExcludeFromCollections: true };

export function render(): string {
  compiled ??= buildSync({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: "iife",
    target: "es2019",
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
  }).outputFiles[0]!.text;
  return compiled;
}
