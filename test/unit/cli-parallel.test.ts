// Parallel linting is deterministic: a folder of 200 generated dossiers (variants of the valid samples) gives
// byte-identical output with worker threads (--jobs 3) and with --jobs 1 (sequential).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { AS_OF, assertBuilt, ROOT, runCli, validSampleFolders } from "../support/cli-harness";

const COUNT = 200;
let folder = "";

/** Small, deterministic variations: a missing date, renamed applicant, shorter lease, shifted lines, bad enum. */
function variant(text: string, index: number): string {
  let result = text;
  if (index % 4 === 1) result = result.replace(/^  date: .*\n/m, "");
  if (index % 4 === 2) result = result.replace(/^(  name: )(.*)$/m, `$1$2（分公司 ${index}）`);
  if (index % 4 === 3) result = result.replace(/lease_until: \d{4}/, "lease_until: 2026");
  if (index % 5 === 0) result = `# variant ${index}\n# generated for the parallel lint test\n${result}`;
  if (index % 7 === 0) result = result.replace(/tenure: (leased|owned)/, "tenure: borrowed");
  if (index % 11 === 0) result = result.replace(/^tools:\n/m, "tools: []\nretired_tools:\n");
  return result;
}

before(() => {
  assertBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-parallel-"));
  const samples = validSampleFolders();
  for (let index = 0; index < COUNT; index++) {
    const sample = samples[index % samples.length];
    const name = path.basename(sample);
    const target = path.join(folder, name);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(target);
      fs.cpSync(path.join(ROOT, sample, "evidence"), path.join(target, "evidence"), { recursive: true });
    }
    const text = fs.readFileSync(path.join(ROOT, sample, `${name}.dossier.yaml`), "utf8");
    fs.writeFileSync(path.join(target, `variant-${String(index).padStart(3, "0")}.dossier.yaml`), variant(text, index));
  }
});

after(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

test(`${COUNT} dossiers: parallel output is byte-identical to sequential`, async () => {
  const args = ["lint", ".", "--as-of", AS_OF, "--lang", "en"];
  // --jobs 3 rather than the default, so that workers are used even on a one-core machine
  const [sequentialJson, threeJobsJson] = await Promise.all([
    runCli([...args, "--format", "json", "--jobs", "1"], { cwd: folder }),
    runCli([...args, "--format", "json", "--jobs", "3"], { cwd: folder }),
  ]);
  for (const run of [sequentialJson, threeJobsJson]) {
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, "");
  }
  const report = JSON.parse(sequentialJson.stdout) as { files: Array<{ path: string; findings: unknown[] }>; summary: { errors: number; infos: number } };
  assert.equal(report.files.length, COUNT);
  assert.deepEqual(
    report.files.map((file) => file.path),
    [...report.files.map((file) => file.path)].sort(),
    "files in path order",
  );
  assert.ok(report.summary.errors > 0 && report.summary.infos > 0, "the variants produce findings of several kinds");
  assert.ok(threeJobsJson.stdout === sequentialJson.stdout, "--jobs 3 = sequential (JSON)");
});
