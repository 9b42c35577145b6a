// A build keeps two threads busy (the main thread renders, the worker parses
// and indexes), and V8 runs its own background work (compiling hot
// functions, parallel garbage collection) on a pool of four more threads
// whatever the machine. On a machine with few CPUs those compete with the
// build's two for the same cores: on two CPUs a cold build of the real
// archive took a fifth longer with four pool threads than with one. The
// pool's size is fixed when Node starts, so `build` starts Node again with a
// pool that leaves the build's two threads their cores.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";

/** Node's pool when not told otherwise (node --v8-pool-size: "default 4"). */
const NODE_DEFAULT_POOL = 4;
/** The build's own busy threads: main and worker. */
const BUILD_THREADS = 2;

/** The pool a build is better off with here, or null to keep Node's. */
export function buildPoolSize(argv, env = process.env, execArgv = process.execArgv, cpus = availableParallelism()) {
  if (argv.find((a) => !a.startsWith("-")) !== "build" || argv.some((a) => a === "--help" || a === "-h" || a === "--version")) return null;
  // Set by whoever runs it (or by the relaunch itself): theirs holds.
  const nodeArgs = [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (nodeArgs.some((a) => a.startsWith("--v8-pool-size"))) return null;
  // A debugger attached to this process would not follow the build into another.
  if (nodeArgs.some((a) => a.startsWith("--inspect"))) return null;
  if (env.MINUTEBOOK_V8_POOL === "node") return null;
  const size = Math.max(1, cpus - BUILD_THREADS);
  return size < NODE_DEFAULT_POOL ? size : null;
}

/**
 * Runs this command again in a Node with a smaller pool, and resolves to its
 * exit code; null when this process should run it itself. Signals sent to
 * this process are passed on; a child killed by one kills this process the same way.
 */
export function relaunch(script, argv) {
  const size = buildPoolSize(argv);
  if (size === null) return null;
  let child;
  try {
    child = spawn(process.execPath, [...process.execArgv, `--v8-pool-size=${size}`, script, ...argv], { stdio: "inherit" });
  } catch {
    return null;
  }
  if (process.env.MINUTEBOOK_DEBUG) console.error(`minutebook: relaunched with --v8-pool-size=${size}`);
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  const pass = (signal) => child.kill(signal);
  for (const s of signals) process.on(s, pass);
  const done = () => {
    for (const s of signals) process.off(s, pass);
  };
  return new Promise((resolve) => {
    child.on("error", () => {
      done();
      resolve(null); // could not start: this process runs it
    });
    child.on("exit", (code, signal) => {
      done();
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}
