// Lint workers optimise with a smaller inlining budget (server/src/cli/worker-inlining.ts): set before they start,
// set back once to V8's own default (read here from `node --v8-options`), left alone when the process was given
// flags about inlining. That the workers' code cache is taken under it: cli-worker-start.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { inliningFlagsGiven, V8_INLINING_BUDGET, WORKER_INLINING_BUDGET, WORKER_INLINING_FLAG, workerInlining } from "../../server/src/cli/worker-inlining";

test("the budget is set for the workers and set back once", () => {
  const calls: string[] = [];
  const restore = workerInlining((flags) => calls.push(flags), false);
  assert.deepEqual(calls, [WORKER_INLINING_FLAG]);
  restore();
  restore();
  assert.deepEqual(calls, [WORKER_INLINING_FLAG, `--max-inlined-bytecode-size-cumulative=${V8_INLINING_BUDGET}`]);
  assert.equal(WORKER_INLINING_FLAG, `--max-inlined-bytecode-size-cumulative=${WORKER_INLINING_BUDGET}`);
});

test("given flags about inlining, V8 is left alone", () => {
  const calls: string[] = [];
  workerInlining((flags) => calls.push(flags), true)();
  assert.deepEqual(calls, []);
});

test("the budget set back is V8's own default in this Node", () => {
  const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
  const declared = /--max-inlined-bytecode-size-cumulative \(.*\)\n\s+type: int\s+default: --max-inlined-bytecode-size-cumulative=(\d+)/.exec(options);
  assert.ok(declared, "node --v8-options lists the inlining budget with its default");
  assert.equal(Number(declared[1]), V8_INLINING_BUDGET);
  assert.ok(WORKER_INLINING_BUDGET < V8_INLINING_BUDGET);
});

test("flags about inlining are recognised on the command line and in NODE_OPTIONS", () => {
  assert.equal(inliningFlagsGiven([], undefined), false);
  assert.equal(inliningFlagsGiven(["--max-old-space-size=4096"], "--max-inlined-bytecode-size=100 --no-opt"), false);
  assert.equal(inliningFlagsGiven(["--max-inlined-bytecode-size-cumulative=300"], undefined), true);
  assert.equal(inliningFlagsGiven([], "--no-turbo-inlining"), true);
  assert.equal(inliningFlagsGiven([], "--turbo-inlining"), true);
  assert.equal(inliningFlagsGiven([], "--max_inlined_bytecode_size_cumulative 300"), true);
  assert.equal(inliningFlagsGiven(["--turbo-inlining-extra"], undefined), false);
});
