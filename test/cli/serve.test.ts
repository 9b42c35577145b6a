// `minutebook serve` on a copy of the sample notes: an edited note's page and
// the pages that depend on it are served updated; an added note gets a page;
// a deleted note's page goes away. Timing targets live in the benchmark.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, SAMPLE_NOTES } from "../helpers/build.ts";

const NOTE = "2025/Q1/2025-01-06--core-sync-weekly.md";
const PAGE = "/2025/01/06/core-sync-weekly/";

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function get(url: string): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: "" };
  }
}

/** Polls until the check passes (or fails the test after a generous timeout). */
async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe("minutebook serve", () => {
  let dir: string;
  let child: ChildProcess;
  let origin: string;
  let log = "";

  // Twice, in the whole suite run in parallel on a loaded 2-core machine, the
  // file watcher reported no change at all for a save (Eleventy logged no
  // "File changed"); not reproduced alone or under CPU load. A note the
  // watcher did not see after 10 s is saved again: what is tested is that
  // serve rebuilds a saved note's pages.
  const changes = (): number => (log.match(/File changed/g) ?? []).length;
  async function save(path: string, text: string, what: string, check: () => Promise<boolean>): Promise<void> {
    const seen = changes();
    writeFileSync(path, text);
    const savedAt = Date.now();
    let saves = 1;
    await until(what, async () => {
      if (await check()) return true;
      if (saves === 1 && changes() === seen && Date.now() - savedAt > 10_000) {
        saves++;
        writeFileSync(path, `${text}\n`);
      }
      return false;
    }).catch((e: Error) => {
      throw new Error(`${e.message} (saved ${saves} times); serve said:\n${log}`);
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "minutebook-serve-"));
    cpSync(SAMPLE_NOTES, join(dir, "notes"), { recursive: true });
    const port = await freePort();
    origin = `http://localhost:${port}`;
    child = spawn(process.execPath, [BIN, "serve", join(dir, "notes"), "--out", join(dir, "site"), "--port", String(port)], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (log += d));
    child.stderr!.on("data", (d) => (log += d));
    await until("the first build is served", async () => (await get(origin + PAGE)).status === 200, 60_000);
  }, 90_000);

  afterAll(() => {
    child?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes a text edit's page at once, with the bytes the rebuild then writes", async () => {
    const path = join(dir, "notes", NOTE);
    const file = join(dir, "site", ...PAGE.split("/").filter(Boolean), "index.html");
    const marker = `Text edit ${Date.now()}`;
    const rebuilds = (): number => (log.match(/Wrote \d+ files/g) ?? []).length;
    const before = rebuilds();
    let preview = "";
    await save(path, `${readFileSync(path, "utf8")}\nA plain paragraph: ${marker}.\n`, "the edited page is written", async () => {
      preview = readFileSync(file, "utf8");
      return preview.includes(marker);
    });
    await until("the rebuild is done", async () => rebuilds() > before);
    expect(readFileSync(file, "utf8")).toBe(preview);
  });

  it("serves an edited note's page and its person page updated", async () => {
    const path = join(dir, "notes", NOTE);
    const marker = `Serve marker ${Date.now()}`;
    const edited = readFileSync(path, "utf8") + `\n## ${marker}\n\n@zz-newcomer: joined to say hello\n`;
    await save(path, edited, "the edit is served", async () => (await get(origin + PAGE)).body.includes(marker));
    // The person page depends on the note too: a new speaker gets a page.
    await until("the new person's page is served", async () => (await get(`${origin}/people/zz-newcomer/`)).status === 200);
    expect(log).not.toMatch(/Error/);
  });

  it("gives an added note a page, and removes a deleted note's page", async () => {
    const added = join(dir, "notes", "2025", "Q3", "2025-09-01--core-sync-weekly.md");
    writeFileSync(added, "# Core Sync 2025-09-01\n\n**Meeting Lead:** @mirak\n\n## Notes\n\nA new note.\n");
    await until("the added note is served", async () => (await get(`${origin}/2025/09/01/core-sync-weekly/`)).status === 200);
    unlinkSync(added);
    await until("the deleted note's page is gone", async () => (await get(`${origin}/2025/09/01/core-sync-weekly/`)).status === 404);
    // The meeting before it no longer points at it.
    const before = await get(`${origin}/2025/08/04/core-sync-weekly/`);
    expect(before.body).not.toContain("2025/09/01");
  });
});
