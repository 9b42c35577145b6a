#!/usr/bin/env node
// The minutebook command. It runs the bundle of the TypeScript sources
// (bin/bundle.js), or the sources themselves through tsx when
// MINUTEBOOK_FROM_SOURCE is set or the bundle cannot be made.
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { relaunch } from "./relaunch.js";

// `minutebook check | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// Eleventy registers a module resolver hook (its own thread) so that a watched
// config's imports are re-imported after a change. minutebook's config never
// changes under a running build or serve (notes do), and the hook slows every
// module load, so it is turned off, by Eleventy's own switch.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";

async function load() {
  if (!process.env.MINUTEBOOK_FROM_SOURCE) {
    try {
      const { ensureBundle } = await import("./bundle.js");
      return await import(pathToFileURL(join(await ensureBundle(), "cli.mjs")).href);
    } catch (e) {
      if (process.env.MINUTEBOOK_DEBUG) console.error(`minutebook: running from the sources (${e.message})`);
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("../src/cli/main.ts");
}

const argv = process.argv.slice(2);
const relaunched = await relaunch(fileURLToPath(import.meta.url), argv);
if (relaunched !== null) process.exitCode = relaunched;
else {
  const { main } = await load();
  process.exitCode = await main(argv);
}
