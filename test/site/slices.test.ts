import { afterEach, describe, expect, it } from "vitest";
import { breather, inTurn, renderInSlices } from "../../src/site/slices.ts";

/** A render that holds the thread for `ms`, as a large page does. */
function busy(ms: number, label: string, log: string[]): () => string {
  return () => {
    const until = performance.now() + ms;
    while (performance.now() < until);
    log.push(label);
    return label;
  };
}

afterEach(() => renderInSlices(false));

describe("renders in slices (serve)", () => {
  it("a build renders at once, on the calling thread's turn", () => {
    renderInSlices(false);
    const log: string[] = [];
    expect(inTurn(busy(0, "page", log))).toBe("page");
    expect(log).toEqual(["page"]);
    expect(breather()).toBeUndefined();
  });

  it("serve gives way to waiting I/O between renders, and keeps their order", async () => {
    renderInSlices(true);
    const log: string[] = [];
    const renders = Array.from({ length: 12 }, (_, i) =>
      inTurn(() => {
        // A request or a file event arriving while the rebuild renders its first page.
        if (i === 0) setImmediate(() => log.push("request"));
        return busy(5, `page ${i}`, log)();
      }),
    );
    const pages = await Promise.all(renders);
    expect(pages).toEqual(Array.from({ length: 12 }, (_, i) => `page ${i}`));
    const at = log.indexOf("request");
    // Served after a few pages (a slice), not after the whole rebuild.
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(6);
    expect(log.filter((x) => x !== "request")).toEqual(pages);
  });

  it("a breather in serve is a turn of the event loop", async () => {
    renderInSlices(true);
    const log: string[] = [];
    setImmediate(() => log.push("request"));
    await breather();
    expect(log).toEqual(["request"]);
  });
});
