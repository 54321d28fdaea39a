// Lints many files across the cores with worker_threads. Results land in the slot of their input index, so the
// output order never depends on which worker finished first. Falls back to the main thread when parallelism is
// 1, when the bundled worker script is absent, or (unless --jobs was given) for small batches.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { DossierTarget } from "./discover";
import { lintFile, LintedFile, LintSettings } from "./lint-file";
import type { LintRequest, LintResponse } from "./lint-worker";

/** Below this many files, starting workers costs more than it saves (when --jobs is not given). */
const SMALL_BATCH = 24;

export interface PoolOptions {
  /** Explicit --jobs; undefined = one per core (and sequential for small batches). */
  jobs?: number;
  onFileDone?: (done: number, total: number) => void;
}

function workerScript(): string | undefined {
  const candidates = [path.join(__dirname, "lint-worker.js"), path.join(__dirname, "cli", "lint-worker.js")];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

export function defaultParallelism(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

function lintSequentially(targets: DossierTarget[], settings: LintSettings, options: PoolOptions): LintedFile[] {
  return targets.map((target, index) => {
    const result = lintFile(target, settings);
    options.onFileDone?.(index + 1, targets.length);
    return result;
  });
}

/** Files per message: small enough to balance the load, large enough that messaging costs little. */
function chunkSize(files: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.floor(files / (workers * 4))));
}

function lintWithWorkers(script: string, count: number, targets: DossierTarget[], settings: LintSettings, options: PoolOptions): Promise<LintedFile[]> {
  return new Promise((resolve, reject) => {
    const results: LintedFile[] = new Array<LintedFile>(targets.length);
    const workers: Worker[] = [];
    const size = chunkSize(targets.length, count);
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker): void => {
      if (next >= targets.length) return;
      const request: LintRequest = { firstIndex: next, targets: targets.slice(next, next + size), settings };
      next += request.targets.length;
      worker.postMessage(request);
    };
    for (let index = 0; index < count; index++) {
      const worker = new Worker(script);
      workers.push(worker);
      worker.on("message", (response: LintResponse) => {
        response.results.forEach((result, offset) => (results[response.firstIndex + offset] = result));
        done += response.results.length;
        options.onFileDone?.(done, targets.length);
        if (done === targets.length) finish();
        else feed(worker);
      });
      worker.on("error", (error) => finish(error));
      worker.on("exit", (code) => {
        if (!settled) finish(new Error(`lint worker exited with code ${code}`));
      });
      // two chunks in flight per worker, so a worker never waits for the main thread between chunks
      feed(worker);
      feed(worker);
    }
  });
}

export async function lintAll(targets: DossierTarget[], settings: LintSettings, options: PoolOptions): Promise<LintedFile[]> {
  const wanted = options.jobs ?? (targets.length < SMALL_BATCH ? 1 : defaultParallelism());
  const count = Math.min(wanted, targets.length);
  const script = workerScript();
  if (count <= 1 || !script) return lintSequentially(targets, settings, options);
  return lintWithWorkers(script, count, targets, settings, options);
}
