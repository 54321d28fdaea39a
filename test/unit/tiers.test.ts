// Every test file is in exactly one tier (test/tiers.mjs): fast unless named slow, and every slow name is a file.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { repositoryRoot } from "../support/repository";

interface Tiers {
  SLOW: string[];
  testNames(): string[];
  tier(name: string): string[];
}

test("every test file is fast or slow, none both, and every slow name is a test file", async () => {
  const tiers = (await import(pathToFileURL(path.join(repositoryRoot(), "test", "tiers.mjs")).href)) as Tiers;
  const names = tiers.testNames();
  assert.ok(names.includes("tiers") && names.includes("fixtures"), names.join(", "));
  const fast = tiers.tier("fast");
  const slow = tiers.tier("slow");
  assert.deepEqual([...fast, ...slow].sort(), names);
  assert.deepEqual(
    fast.filter((name) => slow.includes(name)),
    [],
  );
  assert.deepEqual(
    tiers.SLOW.filter((name) => !names.includes(name)),
    [],
  );
  assert.ok(fast.includes("fixtures") && slow.includes("fuzz-server"));
});
