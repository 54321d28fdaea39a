// V8's background work on the threads it serves while lint workers keep every core busy
// (server/src/cli/busy-cores.ts): switched only then, set back once, and each switch left alone when the process
// was started with flags about it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { busyCoreFlagsGiven, foregroundWorkWhileBusy } from "../../server/src/cli/busy-cores";

function recorder(): { set: (flags: string) => void; calls: string[] } {
  const calls: string[] = [];
  return { set: (flags) => calls.push(flags), calls };
}

const NONE_GIVEN = { scavenge: false, recompilation: false };

test("while the workers use every core: serial scavenges and compiles on the workers' threads, then as before", () => {
  for (const [workers, cores] of [[2, 2], [3, 2], [8, 8]]) {
    const flags = recorder();
    const restore = foregroundWorkWhileBusy(workers, cores, flags.set, NONE_GIVEN);
    assert.deepEqual(flags.calls, ["--no-parallel-scavenge", "--no-concurrent-recompilation"], `${workers} workers on ${cores} cores`);
    restore();
    restore();
    assert.deepEqual(flags.calls.slice(2), ["--parallel-scavenge", "--concurrent-recompilation"], "set back once");
  }
});

test("with a core to spare V8 is left alone; a switch the process was given flags about is left alone", () => {
  for (const [workers, cores] of [[1, 2], [2, 4]]) {
    const flags = recorder();
    foregroundWorkWhileBusy(workers, cores, flags.set, NONE_GIVEN)();
    assert.deepEqual(flags.calls, [], `${workers} workers on ${cores} cores`);
  }
  const onlyRecompilation = recorder();
  foregroundWorkWhileBusy(2, 2, onlyRecompilation.set, { scavenge: true, recompilation: false })();
  assert.deepEqual(onlyRecompilation.calls, ["--no-concurrent-recompilation", "--concurrent-recompilation"]);
  const onlyScavenge = recorder();
  foregroundWorkWhileBusy(2, 2, onlyScavenge.set, { scavenge: false, recompilation: true })();
  assert.deepEqual(onlyScavenge.calls, ["--no-parallel-scavenge", "--parallel-scavenge"]);
  const neither = recorder();
  foregroundWorkWhileBusy(2, 2, neither.set, { scavenge: true, recompilation: true })();
  assert.deepEqual(neither.calls, []);
});

test("flags about either are recognised on the command line and in NODE_OPTIONS", () => {
  assert.deepEqual(busyCoreFlagsGiven([], undefined), NONE_GIVEN);
  assert.deepEqual(busyCoreFlagsGiven(["--max-old-space-size=4096", "--enable-source-maps"], "--max-semi-space-size=32 --no-opt"), NONE_GIVEN);
  assert.deepEqual(busyCoreFlagsGiven(["--parallel-scavenge"], undefined), { scavenge: true, recompilation: false });
  assert.deepEqual(busyCoreFlagsGiven([], "--no-parallel-scavenge"), { scavenge: true, recompilation: false });
  assert.deepEqual(busyCoreFlagsGiven([], "--single-threaded-gc"), { scavenge: true, recompilation: false });
  assert.deepEqual(busyCoreFlagsGiven(["--no-concurrent-recompilation"], ""), { scavenge: false, recompilation: true });
  assert.deepEqual(busyCoreFlagsGiven([], "--inspect --single-threaded"), { scavenge: true, recompilation: true });
  assert.deepEqual(busyCoreFlagsGiven(["--predictable"], undefined), { scavenge: true, recompilation: true });
  assert.deepEqual(busyCoreFlagsGiven(["--parallel_scavenge"], "--no_concurrent_recompilation"), { scavenge: true, recompilation: true });
  assert.deepEqual(busyCoreFlagsGiven(["--predictable-gc-schedule", "--parallel-scavenge-task-trace"], undefined), NONE_GIVEN);
});
