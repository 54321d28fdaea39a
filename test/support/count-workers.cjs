// TEST ONLY: preloaded (NODE_OPTIONS=--require) into a CLI under test to count its worker threads (it starts none:
// hostile-cli-jobs). Replaces worker_threads.Worker in the main thread with a subclass that counts the workers
// started and the most alive at once, and writes {"started": N, "mostAlive": M} to the file named by
// ISV_DOSSIER_WORKER_LOG when the process exits.
"use strict";

const fs = require("node:fs");
const workerThreads = require("node:worker_threads");

if (workerThreads.isMainThread && process.env.ISV_DOSSIER_WORKER_LOG) {
  const log = process.env.ISV_DOSSIER_WORKER_LOG;
  let started = 0;
  let alive = 0;
  let mostAlive = 0;
  const Original = workerThreads.Worker;
  class CountedWorker extends Original {
    constructor(...args) {
      super(...args);
      started++;
      mostAlive = Math.max(mostAlive, ++alive);
      this.once("exit", () => alive--);
    }
  }
  workerThreads.Worker = CountedWorker;
  process.on("exit", () => fs.writeFileSync(log, JSON.stringify({ started, mostAlive })));
}
