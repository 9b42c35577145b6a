#!/usr/bin/env node
// The minutebook command. It runs the bundle of the TypeScript sources
// (bin/bundle.js), or the sources themselves through tsx when
// MINUTEBOOK_FROM_SOURCE is set or the bundle cannot be made.
import { pathToFileURL } from "node:url";
import { join } from "node:path";

// `minutebook check | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

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

const { main } = await load();
process.exitCode = await main(process.argv.slice(2));
