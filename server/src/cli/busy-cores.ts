// While lint workers keep every core busy, V8's background work is done on the thread it serves. Two kinds of it
// run on V8's helper threads, which can only run by taking a core from a worker: parallel scavenges
// (young-generation collections, whose allocating thread then waits for its helpers) and optimizing compiles of
// hot functions. On 2 cores with 2 workers, in interleaved runs of 100 to 200 dossiers of 200 to 2,000 lines, the
// two together took 3–8 % off the wall time (200 typical dossiers: 2030 → 1960 ms; 100 of 2,000 lines: 2115 →
// 1960 ms). With a core to spare, both stay as V8 has them.
//
// The switches are V8's flags, set at run time (v8.setFlagsFromString) before the workers start: --parallel-scavenge,
// read at each scavenge, and --concurrent-recompilation, read when a thread's isolate is made (so it holds for the
// workers, not for the main thread). Both are set back once the workers are done. Each is left alone when the
// process was started with flags about it (--single-threaded, --single-threaded-gc, --predictable…).
import * as v8 from "node:v8";
import { v8FlagGiven } from "../node/v8-flags";

// a whole flag: `--single-threaded` is about both, `--single-threaded-gc` about scavenges only
const SINGLE_THREADED = "single-threaded|predictable";
const SCAVENGE_FLAGS = new RegExp(`(^|\\s)--(no-)?(parallel-scavenge|single-threaded-gc|${SINGLE_THREADED})(?=[\\s=]|$)`);
const RECOMPILATION_FLAGS = new RegExp(`(^|\\s)--(no-)?(concurrent-recompilation|${SINGLE_THREADED})(?=[\\s=]|$)`);

/** Which of the two the process was started with flags about (on the command line or in NODE_OPTIONS). */
export function busyCoreFlagsGiven(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): { scavenge: boolean; recompilation: boolean } {
  return { scavenge: v8FlagGiven(SCAVENGE_FLAGS, execArgv, nodeOptions), recompilation: v8FlagGiven(RECOMPILATION_FLAGS, execArgv, nodeOptions) };
}

/**
 * V8's background work on the threads it serves while `workers` threads lint on `cores` cores, when they leave no
 * core to spare. Call before the workers start; returns the function that sets V8 back as it was (once).
 */
export function foregroundWorkWhileBusy(
  workers: number,
  cores: number,
  setFlags: (flags: string) => void = v8.setFlagsFromString,
  flagsGiven: { scavenge: boolean; recompilation: boolean } = busyCoreFlagsGiven(),
): () => void {
  if (workers < cores) return () => undefined;
  const switched = [
    ...(flagsGiven.scavenge ? [] : ["parallel-scavenge"]),
    ...(flagsGiven.recompilation ? [] : ["concurrent-recompilation"]),
  ];
  for (const flag of switched) setFlags(`--no-${flag}`);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    for (const flag of switched) setFlags(`--${flag}`);
  };
}
