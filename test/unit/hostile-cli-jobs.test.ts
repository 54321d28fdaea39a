// `--jobs N` no longer has an effect: the CLI lints one file after another on the main thread. It is accepted (so
// that existing CI scripts keep working) with one notice line on stderr, in either language, and `--jobs 10000`
// starts no thread at all (it once started a worker per file). Threads are counted by a preload
// (test/support/count-workers.cjs).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";

const COUNTER = path.join(ROOT, "test", "support", "count-workers.cjs");
const SAMPLE = path.join(ROOT, "samples", "jinan-luoqiao", "jinan-luoqiao.dossier.yaml");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-jobs-"));
const FILES = 12;

after(() => fs.rmSync(folder, { recursive: true, force: true }));

const batch = path.join(folder, "batch");
fs.mkdirSync(batch);
for (let index = 0; index < FILES; index++)
  fs.copyFileSync(SAMPLE, path.join(batch, `d${String(index).padStart(3, "0")}.dossier.yaml`));

async function lintCounted(
  extra: string[],
  lang: string,
  name: string,
): Promise<{ stdout: string; stderr: string; code: number | null; started: number }> {
  const log = path.join(folder, `workers-${name}.json`);
  const run = await runCli(["lint", batch, ...extra, "--format", "json", "--as-of", AS_OF, "--lang", lang], {
    timeoutMs: 120_000,
    env: { NODE_OPTIONS: `--require ${JSON.stringify(COUNTER)}`, ISV_DOSSIER_WORKER_LOG: log },
  });
  assert.equal(run.timedOut, false);
  const { started } = JSON.parse(fs.readFileSync(log, "utf8")) as { started: number };
  return { stdout: run.stdout, stderr: run.stderr, code: run.code, started };
}

test("--jobs 10000 starts no worker thread and lints every file as without it, with one notice line", async () => {
  assertBuilt();
  const plain = await lintCounted([], "en", "plain");
  assert.equal(plain.started, 0, "no worker thread without --jobs");
  assert.equal(plain.stderr, "", "no notice without --jobs");
  for (const lang of ["en", "zh-CN"]) {
    const plainInLang = lang === "en" ? plain : await lintCounted([], lang, `plain-${lang}`);
    const jobs = await lintCounted(["--jobs", "10000"], lang, `jobs-${lang}`);
    assert.equal(jobs.started, 0, `${lang}: no worker thread with --jobs 10000`);
    assert.equal(jobs.code, plainInLang.code, `${lang}: the same exit code`);
    assert.equal(
      (JSON.parse(jobs.stdout) as { files: unknown[] }).files.length,
      FILES,
      `${lang}: every file is linted`,
    );
    assert.ok(jobs.stdout === plainInLang.stdout, `${lang}: the same report as without --jobs`);
    const lines = jobs.stderr.split("\n").filter(Boolean);
    assert.equal(lines.length, 1, `${lang}: one notice line: ${jobs.stderr}`);
    assert.match(lines[0], /--jobs/);
  }
});

test("-j 1 is accepted the same way", async () => {
  const short = await lintCounted(["-j", "1"], "en", "short");
  assert.equal(short.started, 0);
  assert.equal((JSON.parse(short.stdout) as { files: unknown[] }).files.length, FILES);
  assert.equal(short.stderr.split("\n").filter(Boolean).length, 1);
});
