// The entry of a lint worker thread (bundled as dist/server/lint-worker-start.js): loads the worker bundle
// (lint-worker.js beside it) with its V8 code cache (node/code-cache.ts), the bytecode of every function a lint run
// compiled, so that each new worker does not parse and compile them again. The cache is an optimisation only:
// missing, corrupt or made for another bundle or V8, the bundle is compiled from its source as usual. With
// source-mapped stack traces asked for (--enable-source-maps) the bundle is required as a module instead (Node maps
// only modules' frames). Given `writeCodeCache` (the build's run, ISV_DOSSIER_WRITE_CODE_CACHE=1, see
// worker-pool.ts), the worker writes the cache once it has linted its files.
import * as path from "node:path";
import { workerData } from "node:worker_threads";
import { loadBundle } from "../node/code-cache";
import type { WorkerInput } from "./worker-pool";

const bundleFile = path.join(__dirname, "lint-worker.js");
if (process.sourceMapsEnabled) {
  require(bundleFile);
} else {
  const bundle = loadBundle(bundleFile);
  bundle.run();
  if ((workerData as WorkerInput | undefined)?.writeCodeCache === true) bundle.writeCache();
}
