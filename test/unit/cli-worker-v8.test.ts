// V8 as lint workers run (server/src/cli/worker-v8.ts): a smaller inlining budget and `gc` exposed, set before the
// workers start, set back once (the budget to V8's own default, read here from `node --v8-options`), each left alone
// when the process was given flags about it; a worker's context made under them has `gc`, and collecting the young
// generation between files changes no result. That the workers' code cache is taken under them:
// cli-worker-start.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { collectYoungGeneration, V8_INLINING_BUDGET, WORKER_INLINING_BUDGET, WORKER_V8_FLAGS, workerFlagsGiven, workerV8 } from "../../server/src/cli/worker-v8";

const INLINING = `--max-inlined-bytecode-size-cumulative=${WORKER_INLINING_BUDGET}`;

test("the workers' flags are set, then set back once", () => {
  assert.deepEqual(WORKER_V8_FLAGS, [INLINING, "--expose-gc"]);
  const calls: string[] = [];
  const restore = workerV8((flags) => calls.push(flags), []);
  assert.deepEqual(calls, [INLINING, "--expose-gc"]);
  restore();
  restore();
  assert.deepEqual(calls.slice(2), [`--max-inlined-bytecode-size-cumulative=${V8_INLINING_BUDGET}`, "--no-expose-gc"]);
});

test("a flag the process was given flags about is left alone", () => {
  const calls: string[] = [];
  workerV8((flags) => calls.push(flags), [INLINING])();
  assert.deepEqual(calls, ["--expose-gc", "--no-expose-gc"]);
  const none: string[] = [];
  workerV8((flags) => none.push(flags), [...WORKER_V8_FLAGS])();
  assert.deepEqual(none, []);
});

test("the budget set back is V8's own default in this Node", () => {
  const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
  const declared = /--max-inlined-bytecode-size-cumulative \(.*\)\n\s+type: int\s+default: --max-inlined-bytecode-size-cumulative=(\d+)/.exec(options);
  assert.ok(declared, "node --v8-options lists the inlining budget with its default");
  assert.equal(Number(declared[1]), V8_INLINING_BUDGET);
  assert.ok(WORKER_INLINING_BUDGET < V8_INLINING_BUDGET);
});

test("flags about them are recognised on the command line and in NODE_OPTIONS", () => {
  assert.deepEqual(workerFlagsGiven([], undefined), []);
  assert.deepEqual(workerFlagsGiven(["--max-old-space-size=4096"], "--max-inlined-bytecode-size=100 --no-opt --expose-gc-as=collect"), []);
  assert.deepEqual(workerFlagsGiven(["--max-inlined-bytecode-size-cumulative=300"], undefined), [INLINING]);
  assert.deepEqual(workerFlagsGiven([], "--no-turbo-inlining"), [INLINING]);
  assert.deepEqual(workerFlagsGiven([], "--max_inlined_bytecode_size_cumulative 300 --expose_gc"), [INLINING, "--expose-gc"]);
  assert.deepEqual(workerFlagsGiven(["--expose-gc"], undefined), ["--expose-gc"]);
  assert.deepEqual(workerFlagsGiven(["--turbo-inlining-extra"], undefined), []);
});

test("a worker started under the flags has gc; one started after they are set back has not; collecting is harmless", async () => {
  const hasGc = (): Promise<boolean> =>
    new Promise((resolve, reject) => {
      const worker = new Worker("require('node:worker_threads').parentPort.postMessage(typeof gc === 'function')", { eval: true });
      worker.once("message", (value: boolean) => resolve(value));
      worker.once("error", reject);
    });
  const given = workerFlagsGiven();
  const restore = workerV8();
  try {
    assert.equal(await hasGc(), true, "under the workers' flags");
  } finally {
    restore();
  }
  if (!given.includes("--expose-gc")) assert.equal(await hasGc(), false, "after they are set back");
  // without gc (this thread, unless the tests run with --expose-gc) it does nothing; with it, it collects
  collectYoungGeneration();
  const script = path.join(__dirname, "..", "..", "server", "src", "cli", "worker-v8.js");
  const run = execFileSync(process.execPath, ["--expose-gc", "-e", `require(${JSON.stringify(script)}).collectYoungGeneration(); process.stdout.write("ok")`], { encoding: "utf8" });
  assert.equal(run, "ok");
});
