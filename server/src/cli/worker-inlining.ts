// Lint workers optimise with a smaller budget of inlined bytecode per compile. A worker is a new V8 isolate that
// lints a few hundred dossiers at most, and its optimizing compiles are a large part of its time: about 0.5 s per
// worker over 100 typical dossiers on 2 cores, half of it for functions that run once per dossier (the rules, the
// schema's validators), most of it for what V8 inlines into the function it compiles. With the budget at 150 instead
// of V8's 920 (--max-inlined-bytecode-size-cumulative), both the first dossiers and the later ones were linted
// faster: 200 typical dossiers 2067 → 2001 ms, 100 of them 1358 → 1313 ms (interleaved runs, 2 workers on 2 cores).
//
// The flag is set at run time (v8.setFlagsFromString) before the workers start and set back once they are done. It
// is the same for every run with workers, whatever the number of cores: V8 takes the workers' code cache
// (lint-worker-start.ts) only under the flags it was written with, and the build writes it in such a run. Left alone
// when the process was started with flags about inlining.
import * as v8 from "node:v8";

/** The budget while lint workers run, and V8's own (Node 20's V8: checked by a test against `node --v8-options`). */
export const WORKER_INLINING_BUDGET = 150;
export const V8_INLINING_BUDGET = 920;

/** The flag as lint workers run with it (for whoever must load their code cache as they do). */
export const WORKER_INLINING_FLAG = `--max-inlined-bytecode-size-cumulative=${WORKER_INLINING_BUDGET}`;

const INLINING_FLAGS = /(^|\s)--(no-)?(max-inlined-bytecode-size-cumulative|turbo-inlining)(?=[\s=]|$)/;

/** Whether this process was started with flags about inlining (on the command line or in NODE_OPTIONS). */
export function inliningFlagsGiven(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): boolean {
  // V8 reads `_` in a flag's name as `-`
  return INLINING_FLAGS.test(execArgv.join(" ").replace(/_/g, "-")) || INLINING_FLAGS.test((nodeOptions ?? "").replace(/_/g, "-"));
}

/** Sets the workers' budget; returns the function that sets V8's back (once). Call before the workers start. */
export function workerInlining(setFlags: (flags: string) => void = v8.setFlagsFromString, given: boolean = inliningFlagsGiven()): () => void {
  if (given) return () => undefined;
  setFlags(WORKER_INLINING_FLAG);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    setFlags(`--max-inlined-bytecode-size-cumulative=${V8_INLINING_BUDGET}`);
  };
}
