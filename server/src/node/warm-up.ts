// V8's optimizing compiler (TurboFan) is kept off while a new server validates its first dossiers, about 2,000
// lines in all. Code that has just started runs once or twice, too early for its optimized version to pay: on the
// machine the benchmark runs on (2 cores, shared) the compiler's background threads took more CPU (about 90 ms) than
// the first validation of a 1,000-line dossier itself, and its diagnostics came about 30 ms later. A larger document
// is validated with the compiler on (at 10,000 lines its loops gain from it), and so is everything after the budget.
//
// The switch is V8's --turbofan flag, set at run time (v8.setFlagsFromString) around each such validation and set
// back when it ends, whatever happens. It is left alone when the process was started with flags about V8's
// compilers (--jitless, --no-opt…): those stay as they were asked for.
import * as v8 from "node:v8";

/** Text validated with the optimizing compiler off, in all (about 2,000 lines of a dossier). */
export const COLD_BUDGET_BYTES = 64 * 1024;

const COMPILER_FLAGS = /(^|\s)--(no-)?(jitless|opt|turbofan|max-opt|always-opt|always-turbofan|maglev|sparkplug|always-sparkplug)\b/;

/** Whether this process was started with flags about V8's compilers (on the command line or in NODE_OPTIONS). */
export function compilerFlagsGiven(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): boolean {
  return COMPILER_FLAGS.test(execArgv.join(" ")) || COMPILER_FLAGS.test(nodeOptions ?? "");
}

export class WarmUp {
  private remaining: number;

  constructor(
    budgetBytes: number = COLD_BUDGET_BYTES,
    private readonly setFlags: (flags: string) => void = v8.setFlagsFromString,
    private readonly enabled: boolean = !compilerFlagsGiven(),
  ) {
    this.remaining = budgetBytes;
  }

  /** Whether the budget is used up (or the switch is off): sizes no longer matter. */
  get spent(): boolean {
    return !this.enabled || this.remaining === 0;
  }

  /** Runs `work` (a validation of `bytes` of text), with the optimizing compiler off while the budget lasts. */
  run<T>(bytes: number, work: () => T): T {
    const cold = this.enabled && bytes <= this.remaining;
    this.remaining = Math.max(0, this.remaining - bytes);
    if (!cold) return work();
    this.setFlags("--no-turbofan");
    try {
      return work();
    } finally {
      this.setFlags("--turbofan");
    }
  }
}
