import { defineConfig } from "vitest/config";

// Lighthouse scores performance from a trace of the page loading, so a
// machine busy with other test files makes slow pages of fast ones: its test
// runs alone, once every other file has finished (groupOrder 1).
const LIGHTHOUSE = "test/browser/lighthouse.test.ts";

const shared = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: "minutebook", include: ["test/**/*.test.ts"], exclude: [LIGHTHOUSE], sequence: { groupOrder: 0 } } },
      { test: { ...shared, name: "lighthouse", include: [LIGHTHOUSE], sequence: { groupOrder: 1 } } },
    ],
  },
});
