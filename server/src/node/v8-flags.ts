// Whether this process was started with a V8 flag matching a pattern, on the command line or in NODE_OPTIONS: the
// run-time switches of V8's flags (busy-cores.ts, worker-v8.ts) leave alone what the process was asked for.

/** Whether `pattern` matches the command line's or NODE_OPTIONS' flags, with `_` in flag names read as `-` (as V8 reads them). */
export function v8FlagGiven(pattern: RegExp, execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): boolean {
  return pattern.test(execArgv.join(" ").replace(/_/g, "-")) || pattern.test((nodeOptions ?? "").replace(/_/g, "-"));
}
