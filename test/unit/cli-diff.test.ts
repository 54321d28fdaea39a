// `isv-dossier diff OLD NEW` run as a process (the bundled CLI): every format on a pair made from a sample (a date
// broken, a person removed), the exit codes (1 when a clause went from satisfied to violated, 0 otherwise, 2 for
// usage errors) and --output, which never replaces either dossier. Asserts clause ids, statuses and paths.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { assertBuilt, ROOT, runCli } from "../support/cli-harness";

const SAMPLE = path.join(ROOT, "samples", "hangzhou-chengyan");
const AS_OF = "2026-03-18";

let scratch = "";
let good = "";
let broken = "";
let fewer = "";

interface DiffJson {
  regressions: string[];
  clauses: Array<{
    clauseId: string;
    before: { status: string } | null;
    after: { status: string } | null;
    regression: boolean;
    findings: {
      fixed: Array<{ ruleId: string; path: string; line: number }>;
      new: Array<{ ruleId: string; path: string; line: number; column: number }>;
    };
    fields: Array<{ kind: string; path: string }>;
  }>;
}

before(() => {
  assertBuilt();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "isv-diff-"));
  fs.cpSync(SAMPLE, path.join(scratch, "sample"), { recursive: true });
  const text = fs.readFileSync(path.join(SAMPLE, "hangzhou-chengyan.dossier.yaml"), "utf8");
  good = path.join(scratch, "sample", "hangzhou-chengyan.dossier.yaml");
  broken = path.join(scratch, "sample", "broken.dossier.yaml");
  fewer = path.join(scratch, "sample", "fewer.dossier.yaml");
  assert.ok(text.includes("service_since: 2024-11-05"));
  fs.writeFileSync(broken, text.replace("service_since: 2024-11-05", "service_since: 2026-01-05"));
  const start = text.indexOf("  - id: lu-zihang");
  const end = text.indexOf("  # 2025 年入职");
  assert.ok(start > 0 && end > start);
  fs.writeFileSync(fewer, text.slice(0, start) + text.slice(end));
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

function diff(args: string[]) {
  return runCli(["diff", ...args, "--as-of", AS_OF], { cwd: scratch });
}

describe("isv-dossier diff", { concurrency: 4 }, () => {
  test("json: the clause that regressed, its status before and after, the new finding at its place; exit 1", async () => {
    const run = await diff([good, broken, "--format", "json", "--lang", "en"]);
    assert.equal(run.code, 1, run.stderr);
    const data = JSON.parse(run.stdout) as DiffJson;
    assert.deepEqual(data.regressions, ["4.1.3", "4.1.3.a"]);
    const entry = data.clauses.find((candidate) => candidate.clauseId === "4.1.3.a");
    assert.ok(entry);
    assert.equal(entry.before?.status, "satisfied");
    assert.equal(entry.after?.status, "violated");
    assert.deepEqual(
      entry.findings.new.map((finding) => [finding.ruleId, finding.path]),
      [["performance.service-duration", "performance.service_since"]],
    );
    const line =
      fs
        .readFileSync(broken, "utf8")
        .split("\n")
        .findIndex((text) => text.includes("service_since:")) + 1;
    assert.equal(entry.findings.new[0].line, line);
    assert.deepEqual(
      entry.fields.map((change) => [change.kind, change.path]),
      [["changed", "performance.service_since"]],
    );
  });

  test("json the other way round: the finding fixed, no regression; exit 0", async () => {
    const run = await diff([broken, good, "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const data = JSON.parse(run.stdout) as DiffJson;
    assert.deepEqual(data.regressions, []);
    const entry = data.clauses.find((candidate) => candidate.clauseId === "4.1.3.a");
    assert.equal(entry?.after?.status, "satisfied");
    assert.deepEqual(
      entry?.findings.fixed.map((finding) => finding.ruleId),
      ["performance.service-duration"],
    );
  });

  test("a person removed: exit 0, the person's path under 4.1.2 in json", async () => {
    const run = await diff([good, fewer, "-f", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const data = JSON.parse(run.stdout) as DiffJson;
    const entry = data.clauses.find((candidate) => candidate.clauseId === "4.1.2");
    assert.deepEqual(
      entry?.fields.map((change) => [change.kind, change.path]),
      [["removed", "personnel[id=lu-zihang]"]],
    );
  });

  for (const lang of ["zh-CN", "en"]) {
    test(`stylish (${lang}): the regressed clause's label and the changed path; exit 1`, async () => {
      const run = await diff([good, broken, "--lang", lang]);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /^!! 4\.1\.3 a\) /m);
      assert.match(run.stdout, /performance\.service_since/);
      assert.doesNotMatch(run.stdout, /\u001b\[/, "no colour when stdout is not a terminal");
    });
  }

  test("md: one heading per changed clause, the regressed one marked", async () => {
    const run = await diff([good, broken, "--format", "md", "--lang", "zh-CN"]);
    assert.equal(run.code, 1, run.stderr);
    const headings = run.stdout.split("\n").filter((line) => line.startsWith("## "));
    assert.ok(
      headings.some((line) => line.startsWith("## ❗ 4.1.3 a) ")),
      headings.join("\n"),
    );
    assert.ok(!headings.some((line) => line.includes("4.1.2")), "an unchanged clause has no heading");
  });

  test("html: a standalone page, one section per changed clause with its statuses as data", async () => {
    const run = await diff([good, broken, "--format", "html"]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^<!DOCTYPE html>/);
    assert.match(
      run.stdout,
      /<section class="clause regression" data-clause="4\.1\.3\.a" data-before="satisfied" data-after="violated">/,
    );
    assert.doesNotMatch(run.stdout, /<script|<link|src=/);
  });

  test("html escapes what a dossier holds", async () => {
    const hostile = path.join(scratch, "sample", "hostile.dossier.yaml");
    fs.writeFileSync(
      hostile,
      fs.readFileSync(good, "utf8").replace("name: 杭州澄砚信息技术有限公司", 'name: "<script>alert(1)</script>\\x1B"'),
    );
    const run = await diff([good, hostile, "--format", "html"]);
    assert.doesNotMatch(run.stdout, /<script>/);
    assert.match(run.stdout, /&lt;script&gt;/);
    assert.doesNotMatch(run.stdout, /\u001b/);
  });

  test("--output writes the report; --output onto either dossier is refused (exit 2) and leaves it whole", async () => {
    const report = path.join(scratch, "diff.md");
    const written = await diff([good, broken, "--format", "md", "--output", report]);
    assert.equal(written.code, 1, written.stderr);
    assert.match(fs.readFileSync(report, "utf8"), /^# /);
    const before = fs.readFileSync(good, "utf8");
    for (const target of [good, broken]) {
      const refused = await diff([good, broken, "--output", target]);
      assert.equal(refused.code, 2);
      assert.notEqual(refused.stderr, "");
    }
    assert.equal(fs.readFileSync(good, "utf8"), before);
  });

  test("usage errors exit 2: one dossier, a bad format, a missing file", async () => {
    assert.equal((await diff([good])).code, 2);
    assert.equal((await diff([good, broken, "--format", "sarif"])).code, 2);
    assert.equal((await diff([good, path.join(scratch, "missing.dossier.yaml")])).code, 2);
  });

  test("--help in both languages names the command", async () => {
    for (const lang of ["zh-CN", "en"]) {
      const run = await runCli(["diff", "--help", "--lang", lang]);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /isv-dossier diff /);
    }
  });
});
