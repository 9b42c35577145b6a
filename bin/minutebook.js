#!/usr/bin/env node
// The minutebook command. The sources are TypeScript, loaded through tsx.
import { register } from "tsx/esm/api";

register();
// `minutebook check | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
