// The worker-thread side of parallel linting (bundled as dist/server/lint-worker.js): receives one file at a
// time, lints it with the same code as the main thread and posts the plain-data result back.
import { parentPort } from "node:worker_threads";
import type { DossierTarget } from "./discover";
import { lintFile, LintSettings } from "./lint-file";

export interface LintRequest {
  index: number;
  target: DossierTarget;
  settings: LintSettings;
}

parentPort?.on("message", (request: LintRequest) => {
  parentPort?.postMessage({ index: request.index, result: lintFile(request.target, request.settings) });
});
