// The build's outputs, written by the write worker (src/threads/output-writer.ts,
// write-worker.ts) or, without one, on the main thread: the same files either way.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { relativizeHtml } from "../../src/site/relative-urls.ts";
import { OutputWriter } from "../../src/threads/output-writer.ts";
import { spawnWorker } from "../../src/threads/spawn.ts";

const PAGE = '<a href="/people/ada/">Ada</a> <img src="/files/a.png"> <a href="https://e.org/">e</a> <a href="/2019/04/08/sync/#bitswap">s</a>';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "minutebook-writer-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ["a worker thread", () => OutputWriter.start()],
  ["no worker (this thread)", () => new OutputWriter(null)],
])("the output writer, with %s", (_name, start) => {
  it("writes each output, its links relative to its page unless it has none, making folders as needed", async () => {
    const writer = start();
    try {
      expect(writer.write(join(dir, "2019/04/08/sync/index.html"), PAGE, "/2019/04/08/sync/")).toBeNull();
      writer.write(join(dir, "people/ada/index.html"), PAGE, "/people/ada/");
      writer.write(join(dir, "people/ada/feed.atom.xml"), `<feed>${PAGE}é</feed>`, null);
      writer.write(join(dir, "404.html"), PAGE, null);
      await writer.flush();
      expect(readFileSync(join(dir, "2019/04/08/sync/index.html"), "utf8")).toBe(relativizeHtml(PAGE, "/2019/04/08/sync/"));
      expect(readFileSync(join(dir, "2019/04/08/sync/index.html"), "utf8")).toContain('href="../../../../people/ada/"');
      expect(readFileSync(join(dir, "people/ada/index.html"), "utf8")).toBe(relativizeHtml(PAGE, "/people/ada/"));
      expect(readFileSync(join(dir, "people/ada/feed.atom.xml"), "utf8")).toBe(`<feed>${PAGE}é</feed>`);
      expect(readFileSync(join(dir, "404.html"), "utf8")).toBe(PAGE);
    } finally {
      await writer.close();
    }
  });

  it("names the files it could not write when flushed, and writes the others", async () => {
    const writer = start();
    try {
      writeFileSync(join(dir, "people"), "a file where a folder should be");
      writer.write(join(dir, "people/ada/index.html"), PAGE, "/people/ada/");
      writer.write(join(dir, "index.html"), PAGE, "/");
      await expect(writer.flush()).rejects.toThrow(/Could not write 1 file of the site:\n {2}.*people[/\\]ada[/\\]index\.html: /);
      expect(readFileSync(join(dir, "index.html"), "utf8")).toBe(relativizeHtml(PAGE, "/"));
      // Reported once: the next flush has nothing to report.
      await writer.flush();
    } finally {
      await writer.close();
    }
  });
});

describe("the output writer's worker", () => {
  it("holds the renderer back while too much waits to be written, and lets it go once written", async () => {
    // The worker acknowledges every 4 MiB written: hold back past 6 MiB in flight.
    const writer = new OutputWriter(spawnWorker("write-worker", {}), 6 * 1024 * 1024);
    try {
      const big = "x".repeat(4 * 1024 * 1024);
      expect(writer.write(join(dir, "a.txt"), big, null)).toBeNull();
      const held = writer.write(join(dir, "b.txt"), big, null);
      expect(held).toBeInstanceOf(Promise);
      await held;
      await writer.flush();
      expect(readFileSync(join(dir, "b.txt"), "utf8").length).toBe(big.length);
    } finally {
      await writer.close();
    }
  });

  it("says the site may be incomplete when its thread stops before it is done", async () => {
    const worker = spawnWorker("write-worker", {});
    const writer = new OutputWriter(worker);
    await worker.terminate();
    writer.write(join(dir, "index.html"), PAGE, "/");
    await expect(writer.flush()).rejects.toThrow(/The thread writing the site stopped \(it exited with code \d+\), so some pages may be missing: build again\./);
    expect(existsSync(join(dir, "index.html"))).toBe(false);
    await writer.close();
  });
});
