// Lints many files across the cores with worker threads (dist/server/lint-worker.js). Every worker is given the
// whole batch and takes files one at a time from a shared counter (a SharedArrayBuffer), so a worker that starts
// late or meets slower files simply takes fewer; the main thread only collects. Results land in the slot of their
// input index, so the output order never depends on which worker linted a file. Falls back to the main thread when
// parallelism is 1, when the bundled worker script is absent, or (unless --jobs was given) for small batches.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { DossierTarget } from "./discover";
import type { LintedFile, LintSettings } from "./lint-file";

/** Below this many files, starting workers costs more than it saves (when --jobs is not given). */
const SMALL_BATCH = 24;

export interface PoolOptions {
  /** Explicit --jobs; undefined = one per core (and sequential for small batches). */
  jobs?: number;
  onFileDone?: (done: number, total: number) => void;
}

/** What a worker is given (its workerData): the whole batch and the shared counter. */
export interface LintJob {
  targets: DossierTarget[];
  settings: LintSettings;
  /** One Int32: the index of the next file to take, shared by every worker. */
  next: SharedArrayBuffer;
}

/** A worker's workerData. */
export interface WorkerInput {
  job: LintJob;
}

/** What a worker posts: each file's result as soon as it is done, then `finished`. */
export type LintMessage = { kind: "result"; index: number; result: LintedFile } | { kind: "finished" };

/** The bundled worker script, when there is one. */
function workerScript(): string | undefined {
  for (const folder of [__dirname, path.join(__dirname, "cli")]) {
    if (fs.existsSync(path.join(folder, "lint-worker.js"))) return path.join(folder, "lint-worker.js");
  }
  return undefined;
}

/**
 * At most this many workers per core, whatever --jobs says: linting is CPU-bound, so workers beyond the cores only
 * take turns, and each costs a thread, its own V8 heap (tens of MB) and a start-up; twice the cores leaves room
 * for one waiting on the disk while another computes. (`--jobs 10000` once started 10,000 threads.)
 */
export const WORKERS_PER_CORE = 2;

export function defaultParallelism(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

function lintSequentially(targets: DossierTarget[], settings: LintSettings, options: PoolOptions): LintedFile[] {
  // required here, not imported: with workers, the main thread never loads the language service
  const { EvidenceLookup } = require("./evidence-lookup") as typeof import("./evidence-lookup");
  const { lintFile } = require("./lint-file") as typeof import("./lint-file");
  const evidence = new EvidenceLookup();
  return targets.map((target, index) => {
    const result = lintFile(target, settings, evidence);
    options.onFileDone?.(index + 1, targets.length);
    return result;
  });
}

function lintWithWorkers(script: string, count: number, targets: DossierTarget[], settings: LintSettings, options: PoolOptions): Promise<LintedFile[]> {
  return new Promise((resolve, reject) => {
    const results = new Array<LintedFile>(targets.length);
    const job: LintJob = { targets, settings, next: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT) };
    const workers: Worker[] = [];
    let done = 0;
    let finished = 0;
    let settled = false;
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      if (error) {
        // no worker takes another file; each is stopped
        Atomics.store(new Int32Array(job.next), 0, targets.length);
        for (const worker of workers) void worker.terminate();
        reject(error);
      } else {
        resolve(results);
      }
    };
    const settleWhenDone = (): void => {
      if (finished === count) settle(done === targets.length ? undefined : new Error(`lint workers left ${targets.length - done} files`));
    };
    for (let index = 0; index < count; index++) {
      const input: WorkerInput = { job };
      const worker = new Worker(script, { workerData: input });
      let workerFinished = false;
      workers.push(worker);
      worker.on("message", (message: LintMessage) => {
        if (message.kind === "result") {
          results[message.index] = message.result;
          options.onFileDone?.(++done, targets.length);
          return;
        }
        workerFinished = true;
        finished++;
        settleWhenDone();
      });
      worker.on("error", (error) => settle(error));
      worker.on("exit", (code) => {
        if (!workerFinished || code !== 0) settle(new Error(`lint worker exited with code ${code}`));
      });
    }
  });
}

export async function lintAll(targets: DossierTarget[], settings: LintSettings, options: PoolOptions): Promise<LintedFile[]> {
  const wanted = options.jobs ?? (targets.length < SMALL_BATCH ? 1 : defaultParallelism());
  // never more workers than files, nor than WORKERS_PER_CORE per core
  const count = Math.min(wanted, targets.length, WORKERS_PER_CORE * defaultParallelism());
  const script = count > 1 ? workerScript() : undefined;
  if (!script) return lintSequentially(targets, settings, options);
  return lintWithWorkers(script, count, targets, settings, options);
}
