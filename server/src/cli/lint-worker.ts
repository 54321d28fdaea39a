// The worker-thread side of parallel linting (bundled as dist/server/lint-worker.js): receives a chunk of files,
// lints them with the same code as the main thread and posts the plain-data results back, in input order.
import { parentPort } from "node:worker_threads";
import type { DossierTarget } from "./discover";
import { lintFile, LintedFile, LintSettings } from "./lint-file";

export interface LintRequest {
  /** Index of the first target in the whole batch. */
  firstIndex: number;
  targets: DossierTarget[];
  settings: LintSettings;
}

export interface LintResponse {
  firstIndex: number;
  results: LintedFile[];
}

parentPort?.on("message", (request: LintRequest) => {
  const response: LintResponse = { firstIndex: request.firstIndex, results: request.targets.map((target) => lintFile(target, request.settings)) };
  parentPort?.postMessage(response);
});
