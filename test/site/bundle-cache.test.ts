// The browser scripts' bundles: kept on disk between processes (beside the
// compiled code), reused while every file that went into them is unchanged,
// bundled again when one changed or the kept copy cannot be read.
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundle, forgetBundles } from "../../src/site/bundle-cache.ts";

const root = mkdtempSync(join(tmpdir(), "mb-bundles-"));
/** A source written a minute ago (or, with a positive age, that much in the future): the bundle's start is what its time is compared with. */
function write(name: string, text: string, ageMs = -60_000): void {
  writeFileSync(join(root, name), text);
  const at = new Date(Date.now() + ageMs);
  utimesSync(join(root, name), at, at);
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("browser bundles", () => {
  it("are kept on disk, reused while their inputs are unchanged, and made again when one changes", async () => {
    const kept = join(root, "kept");
    write("entry.ts", 'import { word } from "./dep.ts";\nconsole.log(word);\n');
    write("dep.ts", 'export const word: string = "first";\n');
    const options = { absWorkingDir: root, entryPoints: ["entry.ts"], bundle: true, format: "iife" as const, logLevel: "silent" as const };

    expect(await bundle(options, kept)).toContain('"first"');
    const [file] = readdirSync(kept);
    expect(file).toMatch(/\.json$/);

    // A new process (nothing in memory) takes the kept bundle as it is: marked here so that it shows.
    forgetBundles();
    const entry = JSON.parse(readFileSync(join(kept, file!), "utf8"));
    writeFileSync(join(kept, file!), JSON.stringify({ ...entry, text: "/* kept */" }));
    expect(await bundle(options, kept)).toBe("/* kept */");

    // An input changed: bundled again, and kept again.
    forgetBundles();
    write("dep.ts", 'export const word: string = "second";\n');
    expect(await bundle(options, kept)).toContain('"second"');
    expect(JSON.parse(readFileSync(join(kept, file!), "utf8")).text).toContain('"second"');

    // An input newer than the bundle's start may have changed while esbuild read it: that bundle is not kept.
    forgetBundles();
    write("dep.ts", 'export const word: string = "third";\n', 60_000);
    expect(await bundle(options, kept)).toContain('"third"');
    expect(JSON.parse(readFileSync(join(kept, file!), "utf8")).text).toContain('"second"');
    write("dep.ts", 'export const word: string = "second";\n');

    // Compiled code removed under a running process: its folder is not made again for a bundle.
    forgetBundles();
    expect(await bundle(options, join(root, "pruned", "browser"))).toContain('"second"');
    expect(existsSync(join(root, "pruned"))).toBe(false);

    // A kept copy that cannot be read is a miss, not an error.
    forgetBundles();
    writeFileSync(join(kept, file!), "{ not json");
    expect(await bundle(options, kept)).toContain('"second"');
  });
});
