// `--jobs N` asks for N worker threads, but the CLI never starts more than there are files, nor more than
// WORKERS_PER_CORE per core (worker-pool.ts): `--jobs 10000` once started a worker per file. The workers the CLI
// starts are counted by a preload (test/support/count-workers.cjs).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { WORKERS_PER_CORE } from "../../server/src/cli/worker-pool";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";

const COUNTER = path.join(ROOT, "test", "support", "count-workers.cjs");
const SAMPLE = path.join(ROOT, "samples", "jinan-luoqiao", "jinan-luoqiao.dossier.yaml");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-jobs-"));

after(() => fs.rmSync(folder, { recursive: true, force: true }));

function cores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

async function workersFor(jobs: string, files: number): Promise<{ started: number; mostAlive: number }> {
  const batch = path.join(folder, `batch-${jobs}-${files}`);
  fs.mkdirSync(batch);
  for (let index = 0; index < files; index++) fs.copyFileSync(SAMPLE, path.join(batch, `d${String(index).padStart(3, "0")}.dossier.yaml`));
  const log = path.join(folder, `workers-${jobs}-${files}.json`);
  const run = await runCli(["lint", batch, "--jobs", jobs, "--format", "json", "--as-of", AS_OF], {
    timeoutMs: 120_000,
    env: { NODE_OPTIONS: `--require ${JSON.stringify(COUNTER)}`, ISV_DOSSIER_WORKER_LOG: log },
  });
  assert.equal(run.timedOut, false);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  assert.equal((JSON.parse(run.stdout) as { files: unknown[] }).files.length, files, "every file is linted");
  return JSON.parse(fs.readFileSync(log, "utf8")) as { started: number; mostAlive: number };
}

test("--jobs 10000 starts at most WORKERS_PER_CORE workers per core", async () => {
  assertBuilt();
  const limit = WORKERS_PER_CORE * cores();
  const files = limit + 8;
  const counted = await workersFor("10000", files);
  assert.ok(counted.started >= 2, `workers were used (${counted.started})`);
  assert.ok(counted.started <= limit, `${counted.started} workers started for ${files} files on ${cores()} cores`);
});

test("never more workers than files", async () => {
  const counted = await workersFor("64", 3);
  assert.ok(counted.started <= 3, `${counted.started} workers for 3 files`);
});
