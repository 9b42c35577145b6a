// Callbacks the CLI registers before it starts Eleventy (progress, the
// problem report), read by .eleventy.ts; empty when Eleventy runs alone.
import type { MinutebookOptions } from "./plugin.ts";

type Hooks = Pick<MinutebookOptions, "onArchive" | "onNote" | "helper" | "load" | "onPreview" | "onPreviewReady" | "part" | "onParts" | "onSearch" | "onWritten" | "writesOutputs">;

let hooks: Hooks = {};

export function setBuildHooks(h: Hooks): void {
  hooks = h;
}

export function buildHooks(): Hooks {
  return hooks;
}
