// V8 as lint workers run: a smaller budget of inlined bytecode per optimizing compile, and `gc` exposed so that a
// worker collects its young generation between two dossiers (lint-worker.ts).
//
// A worker is a new V8 isolate that lints a few hundred dossiers at most, and its optimizing compiles are a large
// part of its time: about 0.5 s per worker over 100 typical dossiers on 2 cores, half of it for functions that run
// once per dossier (the rules, the schema's validators), most of it for what V8 inlines into the function it
// compiles. With the budget at 150 instead of V8's 920 (--max-inlined-bytecode-size-cumulative), both the first
// dossiers and the later ones were linted faster: 200 typical dossiers 2067 → 2001 ms, 100 of them 1358 → 1313 ms
// (interleaved runs, 2 workers on 2 cores).
//
// A typical dossier allocates about 13 MB while it is parsed and checked, nearly all of it garbage once it is done.
// Left to itself, V8 collects the young generation when it is full, in the middle of a dossier, copying everything
// of that dossier still in use (a scavenge of 2–3 ms, about once per dossier). Collected between two dossiers, when
// almost nothing is alive, a scavenge takes under 1 ms and the next dossier mostly fits before the next one: 200
// typical dossiers 1937 → 1867 ms (interleaved runs, 2 workers on 2 cores).
//
// The flags are set at run time (v8.setFlagsFromString) before the workers start (a context gets `gc` when it is
// made under --expose-gc) and set back once they are done. They are the same for every run with workers, whatever
// the number of cores: V8 takes the workers' code cache (lint-worker-start.ts) only under the flags it was written
// with, and the build writes it in such a run. Each is left alone when the process was started with flags about it.
import * as v8 from "node:v8";
import { v8FlagGiven } from "../node/v8-flags";

/** The inlining budget while lint workers run, and V8's own (Node 20's V8: checked by a test against `node --v8-options`). */
export const WORKER_INLINING_BUDGET = 150;
export const V8_INLINING_BUDGET = 920;

interface WorkerFlag {
  /** Flags about the same thing, on the command line or in NODE_OPTIONS: then it is left alone. */
  given: RegExp;
  set: string;
  reset: string;
}

const WORKER_FLAGS: readonly WorkerFlag[] = [
  {
    given: /(^|\s)--(no-)?(max-inlined-bytecode-size-cumulative|turbo-inlining)(?=[\s=]|$)/,
    set: `--max-inlined-bytecode-size-cumulative=${WORKER_INLINING_BUDGET}`,
    reset: `--max-inlined-bytecode-size-cumulative=${V8_INLINING_BUDGET}`,
  },
  { given: /(^|\s)--(no-)?expose-gc(?=[\s=]|$)/, set: "--expose-gc", reset: "--no-expose-gc" },
];

/** The flags as lint workers run with them (for whoever must load their code cache as they do). */
export const WORKER_V8_FLAGS: readonly string[] = WORKER_FLAGS.map((flag) => flag.set);

/** Which of the workers' flags this process was started with flags about (on the command line or in NODE_OPTIONS). */
export function workerFlagsGiven(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): string[] {
  return WORKER_FLAGS.filter((flag) => v8FlagGiven(flag.given, execArgv, nodeOptions)).map((flag) => flag.set);
}

/** Sets the workers' flags (but those given); returns the function that sets V8 back (once). Call before the workers start. */
export function workerV8(setFlags: (flags: string) => void = v8.setFlagsFromString, given: readonly string[] = workerFlagsGiven()): () => void {
  const switched = WORKER_FLAGS.filter((flag) => !given.includes(flag.set));
  for (const flag of switched) setFlags(flag.set);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    for (const flag of switched) setFlags(flag.reset);
  };
}

/** A young-generation collection, where the thread has `gc` (a lint worker, see above); else nothing. */
export function collectYoungGeneration(): void {
  const gc = (globalThis as { gc?: (options: { type: "minor" }) => void }).gc;
  if (typeof gc === "function") gc({ type: "minor" });
}
