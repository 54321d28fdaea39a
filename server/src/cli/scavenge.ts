// While lint workers keep every core busy, V8 scavenges (young-generation collections) on the thread that
// allocated, not in parallel. A parallel scavenge hands its work to helper threads that can only run by taking a
// core from a worker, and then waits for them: on 2 cores with 2 workers (200 typical dossiers) the run took
// 45–70 ms (2–3.5 %) less with serial scavenges, in interleaved runs. With a core to spare, parallel scavenges pay
// and are left on.
//
// The switch is V8's --parallel-scavenge flag, read at each scavenge: set at run time (v8.setFlagsFromString) before
// the workers start and set back once they are done. It is left alone when the process was started with flags
// about it (--parallel-scavenge, --single-threaded-gc…).
import * as v8 from "node:v8";

const SCAVENGE_FLAGS = /(^|\s)--(no-)?(parallel-scavenge|single-threaded-gc|single-threaded|predictable)\b/;

/** Whether this process was started with flags about parallel scavenges (on the command line or in NODE_OPTIONS). */
export function scavengeFlagsGiven(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): boolean {
  return SCAVENGE_FLAGS.test(execArgv.join(" ")) || SCAVENGE_FLAGS.test(nodeOptions ?? "");
}

/**
 * Serial scavenges while `workers` threads lint on `cores` cores, when they leave no core to spare. Returns the
 * function that sets V8 back as it was (a no-op when nothing was changed).
 */
export function serialScavengesWhileBusy(
  workers: number,
  cores: number,
  setFlags: (flags: string) => void = v8.setFlagsFromString,
  flagsGiven: boolean = scavengeFlagsGiven(),
): () => void {
  if (flagsGiven || workers < cores) return () => undefined;
  setFlags("--no-parallel-scavenge");
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    setFlags("--parallel-scavenge");
  };
}
