// Serial scavenges while lint workers keep every core busy (server/src/cli/scavenge.ts): switched on only then,
// switched back once, and never when the process was started with flags about it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scavengeFlagsGiven, serialScavengesWhileBusy } from "../../server/src/cli/scavenge";

function recorder(): { set: (flags: string) => void; calls: string[] } {
  const calls: string[] = [];
  return { set: (flags) => calls.push(flags), calls };
}

test("scavenges are serial while the workers use every core, and parallel again afterwards", () => {
  for (const [workers, cores] of [[2, 2], [3, 2], [8, 8]]) {
    const flags = recorder();
    const restore = serialScavengesWhileBusy(workers, cores, flags.set, false);
    assert.deepEqual(flags.calls, ["--no-parallel-scavenge"], `${workers} workers on ${cores} cores`);
    restore();
    restore();
    assert.deepEqual(flags.calls, ["--no-parallel-scavenge", "--parallel-scavenge"], "set back once");
  }
});

test("with a core to spare, or with the process's own flags, V8 is left alone", () => {
  for (const [workers, cores, given] of [[1, 2, false], [2, 4, false], [2, 2, true], [4, 2, true]] as const) {
    const flags = recorder();
    serialScavengesWhileBusy(workers, cores, flags.set, given)();
    assert.deepEqual(flags.calls, [], `${workers} workers on ${cores} cores, flags given: ${given}`);
  }
});

test("flags about scavenges are recognised on the command line and in NODE_OPTIONS", () => {
  assert.equal(scavengeFlagsGiven([], undefined), false);
  assert.equal(scavengeFlagsGiven(["--max-old-space-size=4096", "--enable-source-maps"], "--max-semi-space-size=32"), false);
  assert.equal(scavengeFlagsGiven(["--parallel-scavenge"], undefined), true);
  assert.equal(scavengeFlagsGiven(["--no-parallel-scavenge"], undefined), true);
  assert.equal(scavengeFlagsGiven([], "--single-threaded-gc"), true);
  assert.equal(scavengeFlagsGiven([], "--inspect --single-threaded"), true);
  assert.equal(scavengeFlagsGiven(["--predictable"], ""), true);
});
