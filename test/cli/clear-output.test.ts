import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clearOutput, leftMessage } from "../../src/cli/clear-output.ts";

function site(dir: string, files: number): void {
  mkdirSync(join(dir, "a", "b"), { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(join(dir, "a", i % 2 ? "b" : "", `${i}.html`), "<p>old</p>");
}

describe("clearOutput", () => {
  it("empties the output folder at once and deletes the old files before it settles", async () => {
    const parent = mkdtempSync(join(tmpdir(), "minutebook-clear-"));
    const out = join(parent, "_site");
    site(out, 50);
    const cleared = clearOutput(out);
    expect(existsSync(out)).toBe(false);
    // The new build writes while the old one is deleted.
    mkdirSync(out);
    writeFileSync(join(out, "index.html"), "<p>new</p>");
    expect(await cleared).toEqual([]);
    expect(readdirSync(parent)).toEqual(["_site"]);
    expect(readdirSync(out)).toEqual(["index.html"]);
  });

  it("deletes what an interrupted build left aside, and only that", async () => {
    const parent = mkdtempSync(join(tmpdir(), "minutebook-clear-"));
    site(join(parent, "._site.old-123-0"), 3);
    site(join(parent, "._other.old-1-0"), 1);
    mkdirSync(join(parent, "notes"));
    expect(await clearOutput(join(parent, "_site"))).toEqual([]);
    expect(readdirSync(parent).sort()).toEqual(["._other.old-1-0", "notes"]);
  });

  it("names what it could not delete, and says what to do", () => {
    expect(leftMessage([])).toBeNull();
    expect(leftMessage(["/x/._site.old-1-0"])).toMatch(/\/x\/\._site\.old-1-0: delete them by hand/);
  });
});
