// The build's relaunch with a smaller V8 pool (bin/relaunch.js).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript of bin/, without types
import { buildPoolSize } from "../../bin/relaunch.js";

const size = buildPoolSize as (argv: string[], env: Record<string, string>, execArgv: string[], cpus: number) => number | null;

describe("the V8 pool of a build", () => {
  it("leaves the build's two threads their CPUs on a small machine, and keeps Node's pool on a large one", () => {
    expect(size(["build", "notes"], {}, [], 2)).toBe(1);
    expect(size(["build"], {}, [], 1)).toBe(1);
    expect(size(["build"], {}, [], 4)).toBe(2);
    expect(size(["build"], {}, [], 5)).toBe(3);
    expect(size(["build"], {}, [], 6)).toBeNull();
    expect(size(["build"], {}, [], 64)).toBeNull();
  });

  it("relaunches builds only, never a pool someone chose", () => {
    expect(size(["serve", "notes"], {}, [], 2)).toBeNull();
    expect(size(["check"], {}, [], 2)).toBeNull();
    expect(size(["build", "--help"], {}, [], 2)).toBeNull();
    expect(size(["--quiet", "build"], {}, [], 2)).toBe(1);
    expect(size(["build"], {}, ["--v8-pool-size=3"], 2)).toBeNull();
    expect(size(["build"], { NODE_OPTIONS: "--max-old-space-size=4096 --v8-pool-size=8" }, [], 2)).toBeNull();
    expect(size(["build"], { MINUTEBOOK_V8_POOL: "node" }, [], 2)).toBeNull();
    expect(size(["build"], {}, ["--inspect-brk"], 2)).toBeNull();
  });

  it("hands back the relaunched build's exit code and output", () => {
    // A notes folder that does not exist: exit code 2 and the message, through the relaunch.
    const bin = join(import.meta.dirname, "../../bin/minutebook.js");
    const r = spawnSync(process.execPath, [bin, "build", "/nonexistent/notes"], { encoding: "utf8", env: { ...process.env, MINUTEBOOK_DEBUG: "1" } });
    const pool = size(["build"], {}, [], availableParallelism());
    if (pool !== null) expect(r.stderr).toContain(`relaunched with --v8-pool-size=${pool}`);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the notes folder \/nonexistent\/notes does not exist/);
  });
});
