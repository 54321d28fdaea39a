// V8's background work on the threads it serves, and its inlining budget, while lint workers keep every core busy
// (server/src/cli/busy-cores.ts): switched only then, set back once (the budget to V8's own default, read from
// `node --v8-options`), and each switch left alone when the process was started with flags about it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { BUSY_INLINING_BUDGET, busyCoreFlagsGiven, foregroundWorkWhileBusy, V8_INLINING_BUDGET } from "../../server/src/cli/busy-cores";

function recorder(): { set: (flags: string) => void; calls: string[] } {
  const calls: string[] = [];
  return { set: (flags) => calls.push(flags), calls };
}

const NONE_GIVEN = { scavenge: false, recompilation: false, inlining: false };
const SMALL_BUDGET = `--max-inlined-bytecode-size-cumulative=${BUSY_INLINING_BUDGET}`;
const V8_BUDGET = `--max-inlined-bytecode-size-cumulative=${V8_INLINING_BUDGET}`;

test("while the workers use every core: serial scavenges and compiles on the workers' threads, then as before", () => {
  for (const [workers, cores] of [[2, 2], [3, 2], [8, 8]]) {
    const flags = recorder();
    const restore = foregroundWorkWhileBusy(workers, cores, flags.set, NONE_GIVEN);
    assert.deepEqual(flags.calls, ["--no-parallel-scavenge", "--no-concurrent-recompilation", SMALL_BUDGET], `${workers} workers on ${cores} cores`);
    restore();
    restore();
    assert.deepEqual(flags.calls.slice(3), ["--parallel-scavenge", "--concurrent-recompilation", V8_BUDGET], "set back once");
  }
});

test("with a core to spare V8 is left alone; a switch the process was given flags about is left alone", () => {
  for (const [workers, cores] of [[1, 2], [2, 4]]) {
    const flags = recorder();
    foregroundWorkWhileBusy(workers, cores, flags.set, NONE_GIVEN)();
    assert.deepEqual(flags.calls, [], `${workers} workers on ${cores} cores`);
  }
  const onlyRecompilation = recorder();
  foregroundWorkWhileBusy(2, 2, onlyRecompilation.set, { scavenge: true, recompilation: false, inlining: true })();
  assert.deepEqual(onlyRecompilation.calls, ["--no-concurrent-recompilation", "--concurrent-recompilation"]);
  const onlyScavenge = recorder();
  foregroundWorkWhileBusy(2, 2, onlyScavenge.set, { scavenge: false, recompilation: true, inlining: true })();
  assert.deepEqual(onlyScavenge.calls, ["--no-parallel-scavenge", "--parallel-scavenge"]);
  const onlyInlining = recorder();
  foregroundWorkWhileBusy(2, 2, onlyInlining.set, { scavenge: true, recompilation: true, inlining: false })();
  assert.deepEqual(onlyInlining.calls, [SMALL_BUDGET, V8_BUDGET]);
  const none = recorder();
  foregroundWorkWhileBusy(2, 2, none.set, { scavenge: true, recompilation: true, inlining: true })();
  assert.deepEqual(none.calls, []);
});

test("the budget set back is V8's own default in this Node", () => {
  const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
  const declared = /--max-inlined-bytecode-size-cumulative \(.*\)\n\s+type: int\s+default: --max-inlined-bytecode-size-cumulative=(\d+)/.exec(options);
  assert.ok(declared, "node --v8-options lists the inlining budget with its default");
  assert.equal(Number(declared[1]), V8_INLINING_BUDGET);
  assert.ok(BUSY_INLINING_BUDGET < V8_INLINING_BUDGET);
});

test("flags about each are recognised on the command line and in NODE_OPTIONS", () => {
  assert.deepEqual(busyCoreFlagsGiven([], undefined), NONE_GIVEN);
  assert.deepEqual(busyCoreFlagsGiven(["--max-old-space-size=4096", "--enable-source-maps"], "--max-semi-space-size=32 --no-opt"), NONE_GIVEN);
  assert.deepEqual(busyCoreFlagsGiven(["--parallel-scavenge"], undefined), { scavenge: true, recompilation: false, inlining: false });
  assert.deepEqual(busyCoreFlagsGiven([], "--no-parallel-scavenge"), { scavenge: true, recompilation: false, inlining: false });
  assert.deepEqual(busyCoreFlagsGiven([], "--single-threaded-gc"), { scavenge: true, recompilation: false, inlining: false });
  assert.deepEqual(busyCoreFlagsGiven(["--no-concurrent-recompilation"], ""), { scavenge: false, recompilation: true, inlining: false });
  assert.deepEqual(busyCoreFlagsGiven([], "--inspect --single-threaded"), { scavenge: true, recompilation: true, inlining: false });
  assert.deepEqual(busyCoreFlagsGiven(["--predictable"], undefined), { scavenge: true, recompilation: true, inlining: false });
  assert.deepEqual(busyCoreFlagsGiven(["--parallel_scavenge"], "--no_concurrent_recompilation"), { scavenge: true, recompilation: true, inlining: false });
  assert.deepEqual(busyCoreFlagsGiven(["--predictable-gc-schedule", "--parallel-scavenge-task-trace"], undefined), NONE_GIVEN);
  assert.deepEqual(busyCoreFlagsGiven(["--max-inlined-bytecode-size-cumulative=300"], undefined), { ...NONE_GIVEN, inlining: true });
  assert.deepEqual(busyCoreFlagsGiven([], "--no-turbo-inlining"), { ...NONE_GIVEN, inlining: true });
  assert.deepEqual(busyCoreFlagsGiven([], "--max_inlined_bytecode_size_cumulative 300"), { ...NONE_GIVEN, inlining: true });
  assert.deepEqual(busyCoreFlagsGiven(["--max-inlined-bytecode-size=100"], undefined), NONE_GIVEN);
});
