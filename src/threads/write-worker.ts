// The thread that writes a build's outputs (output-writer.ts). Each page
// arrives as it leaves Eleventy's transforms; here its links are made
// relative and it is written (write-output.ts), while the main thread
// renders the next one.
import { parentPort } from "node:worker_threads";
import type { ToWriter } from "./protocol.ts";
import { writeOutput } from "./write-output.ts";

/** Written text is acknowledged every so often, not file by file: the main thread holds back past a limit. */
const ACK_EVERY = 4 * 1024 * 1024;

let unacked = 0;
let failures: string[] = [];

function ack(): void {
  if (unacked) parentPort!.postMessage({ type: "written", size: unacked });
  unacked = 0;
}

parentPort!.on("message", (m: ToWriter) => {
  if (m.type === "write") {
    try {
      writeOutput(m.path, m.content, m.pageUrl);
    } catch (e) {
      failures.push(`${m.path}: ${(e as Error).message}`);
    }
    unacked += m.content.length;
    if (unacked >= ACK_EVERY) ack();
  } else {
    ack();
    parentPort!.postMessage({ type: "flushed", id: m.id, failures });
    failures = [];
  }
});
