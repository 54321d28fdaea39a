// The environment of every process the benchmark starts (both language servers, the CLI, the memory children): its
// own, less the variables the VS Code extension keeps from its language server (client/src/server-environment.ts),
// so that every contender starts as the extension starts its server, in one environment. What those variables cost
// when they are set is measured as well: Node's own start with and without them, and the targets that include a
// process start (open, CLI) again in the environment as inherited, as a shell on this machine starts them.
import { spawnSync } from "node:child_process";
import { environmentOfServer, NOT_FOR_THE_SERVER } from "../client/src/server-environment";
import { median } from "./stats";

export type ProcessEnvironment = Record<string, string | undefined>;

/** The benchmark's environment for the processes it starts. */
export const BENCH_ENVIRONMENT: ProcessEnvironment = environmentOfServer(process.env);

/** The environment as this process inherited it. */
export const INHERITED_ENVIRONMENT: ProcessEnvironment = { ...process.env };

/** The variables left out of BENCH_ENVIRONMENT that are set here (none: both environments are the same). */
export function leftOutVariables(): string[] {
  return NOT_FOR_THE_SERVER.filter((name) => process.env[name] !== undefined);
}

/** Median wall time of `node -e 0` in `environment` (Node's own start and exit). */
export function nodeStartMs(environment: ProcessEnvironment, repeats = 9): number {
  const times: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, ["-e", "0"], { env: environment, stdio: "ignore" });
    times.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`node -e 0 exited with ${run.status}`);
  }
  return median(times);
}
