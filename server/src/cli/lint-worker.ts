// The worker-thread side of parallel linting (bundled as dist/server/lint-worker.js): given the whole batch and the
// shared counter (workerData), takes the next file until none is left, posts each result as soon as it is done,
// then `finished`, and ends. One evidence lookup serves every file the worker lints.
import { parentPort, workerData } from "node:worker_threads";
import { EvidenceLookup } from "./evidence-lookup";
import { lintFile } from "./lint-file";
import type { LintMessage, WorkerInput } from "./worker-pool";

function post(message: LintMessage): void {
  parentPort?.postMessage(message);
}

if (parentPort && workerData) {
  const { job } = workerData as WorkerInput;
  const next = new Int32Array(job.next);
  const evidence = new EvidenceLookup();
  for (let index = Atomics.add(next, 0, 1); index < job.targets.length; index = Atomics.add(next, 0, 1)) {
    post({ kind: "result", index, result: lintFile(job.targets[index], job.settings, evidence) });
  }
  post({ kind: "finished" });
}
