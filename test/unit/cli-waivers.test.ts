// Waivers through the CLI, in real processes (dist/server/cli.js): exit codes ignore waived findings and
// --no-waivers brings them back; JSON keeps them with `waived`; SARIF carries them as accepted suppressions; stylish
// lists them only with --show-waived; JUnit and GitHub do not fail on them; the checklist gives the clause the status
// `waived` with the justification in its 自评说明. And a run with every kind of waiver — inline, file form (the lint
// command's programmatic `waivers` option, which the configuration file fills), one expired, one unused, one without a
// justification — passes Microsoft's SARIF validator. Ids, ranges, statuses and exit codes only.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import type * as Sarif from "sarif";
import { runLint } from "../../server/src/cli/lint-command";
import { STATUS_LABELS } from "../../server/src/core/verdicts/clause-status";
import type { WaiverSource } from "../../server/src/core/check/waiver-entry";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";

const SAMPLE_FOLDER = path.join(ROOT, "samples", "needs-work");
const SAMPLE = fs.readFileSync(path.join(SAMPLE_FOLDER, "lease-expired.dossier.yaml"), "utf8");
const MULTITOOL = path.join(ROOT, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
const LEASE_LINE = "  lease_until: 2026-06-30";
const WAIVE_LEASE = "  # isv-dossier-waive 4.1.1 -- 续租合同在签，见附件 (approved: 张三, until: 2999-12-31)";

let folder = "";
/** 0-based line of the lease waiver's comment in waived.dossier.yaml. */
let waiverLine = -1;

/** The sample with lines inserted above the first line starting with each key. */
function withLines(insertions: Array<[before: string, line: string]>): string {
  const lines = SAMPLE.split("\n");
  for (const [beforeLine, line] of insertions) {
    const index = lines.findIndex((candidate) => candidate.startsWith(beforeLine));
    assert.ok(index >= 0, beforeLine);
    lines.splice(index, 0, line);
  }
  return lines.join("\n");
}

before(() => {
  assertBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-waivers-"));
  fs.cpSync(path.join(SAMPLE_FOLDER, "evidence"), path.join(folder, "evidence"), { recursive: true });
  const waived = withLines([[LEASE_LINE, WAIVE_LEASE]]);
  waiverLine = waived.split("\n").indexOf(WAIVE_LEASE);
  fs.writeFileSync(path.join(folder, "waived.dossier.yaml"), waived);
  fs.writeFileSync(
    path.join(folder, "mixed.dossier.yaml"),
    withLines([
      [LEASE_LINE, WAIVE_LEASE],
      ["tools:", "# isv-dossier-waive tools.source-evidence -- 过期 (approved: 李四, until: 2026-01-01)"],
      ["processes:", "# isv-dossier-waive 4.1.2 -- 无对应问题 (approved: 李四, until: 2999-12-31)"],
      ["personnel:", "# isv-dossier-waive 4.1.2 -- (approved: 李四, until: 2999-12-31)"],
    ]),
  );
});

after(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

interface JsonFinding {
  rule: string;
  severity: string;
  range: { start: { line: number } };
  waived?: { justification: string; approvedBy: string; expires: string; origin: { kind: string } };
}

async function lintJson(
  file: string,
  extra: string[] = [],
): Promise<{ code: number | null; findings: JsonFinding[]; summary: { errors: number; waived: number } }> {
  const run = await runCli(["lint", file, "--format", "json", "--as-of", AS_OF, "--lang", "en", ...extra], {
    cwd: folder,
  });
  const report = JSON.parse(run.stdout) as {
    files: Array<{ findings: JsonFinding[] }>;
    summary: { errors: number; waived: number };
  };
  return { code: run.code, findings: report.files[0].findings, summary: report.summary };
}

test("JSON keeps a waived finding with its waiver; the exit code ignores it; --no-waivers brings it back", async () => {
  const waived = await lintJson("waived.dossier.yaml");
  assert.equal(waived.code, 0);
  const lease = waived.findings.find((finding) => finding.rule === "premises.lease-term");
  assert.ok(lease?.waived);
  assert.equal(lease.severity, "error");
  assert.equal(lease.range.start.line, waiverLine + 1);
  assert.deepEqual(
    [lease.waived.justification, lease.waived.approvedBy, lease.waived.expires, lease.waived.origin.kind],
    ["续租合同在签，见附件", "张三", "2999-12-31", "inline"],
  );
  assert.deepEqual([waived.summary.errors, waived.summary.waived], [0, 1]);

  const audit = await lintJson("waived.dossier.yaml", ["--no-waivers"]);
  assert.equal(audit.code, 1);
  assert.deepEqual(
    audit.findings.filter((finding) => finding.waived),
    [],
  );
  assert.deepEqual([audit.summary.errors, audit.summary.waived], [1, 0]);
});

test("expired, unused and unjustified waivers are findings of their own", async () => {
  const mixed = await lintJson("mixed.dossier.yaml");
  assert.equal(mixed.code, 1);
  assert.deepEqual(
    mixed.findings
      .filter((finding) => finding.rule.startsWith("waiver."))
      .map((finding) => [finding.rule, finding.severity])
      .sort(),
    [
      ["waiver.expired", "warning"],
      ["waiver.invalid", "error"],
      ["waiver.unused", "warning"],
    ],
  );
  const tools = mixed.findings.filter((finding) => finding.rule === "tools.source-evidence");
  assert.ok(tools.length > 0);
  assert.deepEqual(
    tools.filter((finding) => finding.waived),
    [],
    "the expired waiver no longer applies",
  );
});

test("stylish lists waived findings only with --show-waived", async () => {
  const hidden = await runCli(["lint", "waived.dossier.yaml", "--as-of", AS_OF, "--lang", "en"], { cwd: folder });
  assert.equal(hidden.code, 0);
  assert.ok(!hidden.stdout.includes("premises.lease-term"));
  const shown = await runCli(["lint", "waived.dossier.yaml", "--as-of", AS_OF, "--lang", "zh-CN", "--show-waived"], {
    cwd: folder,
  });
  assert.equal(shown.code, 0);
  assert.match(shown.stdout, new RegExp(`^\\s+${waiverLine + 2}:\\d+ .*premises\\.lease-term$`, "m"));
});

test("SARIF: a waived finding is a result with an accepted inSource suppression at its comment", async () => {
  const run = await runCli(["lint", "waived.dossier.yaml", "--format", "sarif", "--as-of", AS_OF], { cwd: folder });
  assert.equal(run.code, 0);
  const log = JSON.parse(run.stdout) as Sarif.Log;
  const results = log.runs[0].results ?? [];
  const lease = results.find((result) => result.ruleId === "premises.lease-term");
  assert.ok(lease);
  assert.deepEqual(
    lease.suppressions?.map((suppression) => [
      suppression.kind,
      suppression.status,
      suppression.justification,
      suppression.location?.physicalLocation?.region?.startLine,
    ]),
    [["inSource", "accepted", "续租合同在签，见附件", waiverLine + 1]],
  );
  assert.deepEqual(
    results.filter((result) => result !== lease && result.suppressions),
    [],
  );
});

test("JUnit does not fail on a waived finding; GitHub does not annotate it", async () => {
  const junit = await runCli(["lint", "waived.dossier.yaml", "--format", "junit", "--as-of", AS_OF], { cwd: folder });
  assert.equal(junit.code, 0);
  assert.match(junit.stdout, /<testsuites name="isv-dossier" tests="\d+" failures="0"/);
  const github = await runCli(["lint", "waived.dossier.yaml", "--format", "github", "--as-of", AS_OF], {
    cwd: folder,
  });
  assert.equal(github.code, 0);
  assert.ok(!github.stdout.includes("premises.lease-term"));
});

test("the checklist: the clause is waived, the justification in its 自评说明 (every format)", async () => {
  const checklist = async (
    extra: string[] = [],
  ): Promise<Array<{ clauseId: string; status: string; selfAssessment: string }>> => {
    const run = await runCli(
      ["checklist", "waived.dossier.yaml", "--format", "json", "--as-of", AS_OF, "--lang", "zh-CN", ...extra],
      { cwd: folder },
    );
    assert.equal(run.code, 0, run.stderr);
    return (JSON.parse(run.stdout) as { rows: Array<{ clauseId: string; status: string; selfAssessment: string }> })
      .rows;
  };
  const row = (await checklist()).find((candidate) => candidate.clauseId === "4.1.1");
  assert.equal(row?.status, "waived");
  assert.ok(row?.selfAssessment.includes("续租合同在签，见附件"));
  const audit = (await checklist(["--no-waivers"])).find((candidate) => candidate.clauseId === "4.1.1");
  assert.equal(audit?.status, "violated");
  for (const format of ["md", "html", "csv"]) {
    const run = await runCli(
      ["checklist", "waived.dossier.yaml", "--format", format, "--as-of", AS_OF, "--lang", "zh-CN"],
      { cwd: folder },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes("续租合同在签，见附件"), format);
  }
});

test("the Word 自评估表: the 4.1.1 row's conclusion is 已豁免 and its 自评说明 gives the justification", async () => {
  const output = path.join(folder, "自评估表.docx");
  const run = await runCli(
    ["checklist", "waived.dossier.yaml", "--format", "docx", "--output", output, "--as-of", AS_OF, "--lang", "zh-CN"],
    { cwd: folder },
  );
  assert.equal(run.code, 0, run.stderr);
  // the table's cells, read from word/document.xml (jszip comes with the docx package)
  const zip = await JSZip.loadAsync(fs.readFileSync(output));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const rows = xml
    .split("<w:tr>")
    .map((row) => [...row.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("|"));
  const row = rows.find((candidate) => candidate.includes("|4.1.1|"));
  assert.ok(row, "a row for 4.1.1");
  assert.ok(row.includes(STATUS_LABELS.waived.zh));
  assert.ok(row.includes("续租合同在签，见附件"));
});

test("every kind of waiver, inline and file form, passes Microsoft's SARIF validator", async (context) => {
  const config = path.join(folder, "isv-dossier.config.yaml");
  const waivers: WaiverSource[] = [
    {
      entry: {
        rule: "tools.source-evidence",
        dossier: "mixed.dossier.yaml",
        path: "tools[1]",
        justification: "下载记录随现场评审提供",
        approvedBy: "王五",
        expires: "2999-12-31",
      },
      origin: { kind: "config", file: config, index: 0 },
    },
    {
      entry: {
        clause: "4.1.3",
        dossier: "mixed.dossier.yaml",
        justification: "过期",
        approvedBy: "王五",
        expires: "2026-01-01",
      },
      origin: { kind: "config", file: config, index: 1 },
    },
    {
      entry: { clause: "4.1.4", dossier: "mixed.dossier.yaml", approvedBy: "王五", expires: "2999-12-31" },
      origin: { kind: "config", file: config, index: 2 },
    },
  ];
  const output = path.join(folder, "waivers.sarif");
  const previous = process.cwd();
  process.chdir(folder);
  let code: number;
  try {
    code = await runLint({
      paths: ["mixed.dossier.yaml", "waived.dossier.yaml"],
      cwd: folder,
      format: "sarif",
      output,
      locale: "zh-cn",
      asOf: AS_OF,
      maxWarnings: -1,
      filters: { quiet: false },
      color: false,
      exitZero: false,
      toolVersion: "0.0.0-test",
      waivers,
    });
  } finally {
    process.chdir(previous);
  }
  assert.equal(code, 1);
  const log = JSON.parse(fs.readFileSync(output, "utf8")) as Sarif.Log;
  const results = log.runs[0].results ?? [];
  const kinds = results.flatMap((result) => (result.suppressions ?? []).map((suppression) => suppression.kind)).sort();
  assert.deepEqual(kinds, ["external", "inSource", "inSource"]);
  assert.deepEqual(
    results
      .filter((result) => result.ruleId?.startsWith("waiver."))
      .map((result) => result.ruleId)
      .sort(),
    ["waiver.expired", "waiver.expired", "waiver.invalid", "waiver.invalid", "waiver.unused"],
  );
  assert.ok(!fs.readFileSync(output, "utf8").includes(folder), "no absolute path in the log");

  if (!fs.existsSync(MULTITOOL))
    return context.skip("Sarif.Multitool is not installed (dev dependency @microsoft/sarif-multitool-linux)");
  try {
    fs.accessSync(MULTITOOL, fs.constants.X_OK);
  } catch {
    fs.chmodSync(MULTITOOL, 0o755);
  }
  const validation = path.join(folder, "validation.sarif");
  const run = spawnSync(MULTITOOL, ["validate", output, "--output", validation], { encoding: "utf8", timeout: 60_000 });
  if (run.error || !fs.existsSync(validation))
    return context.skip(`Sarif.Multitool does not run here: ${run.error?.message ?? run.stderr.split("\n")[0]}`);
  assert.equal(run.status, 0, run.stdout);
  const report = JSON.parse(fs.readFileSync(validation, "utf8")) as Sarif.Log;
  assert.deepEqual(
    (report.runs[0].results ?? [])
      .filter((result) => result.level === "error")
      .map((result) => `${result.ruleId}: ${JSON.stringify(result.message)}`),
    [],
  );
});
