// `isv-dossier lint folder/` compares the dossiers of one run (the cross-dossier checks): two applicants' dossiers in a
// temp folder share an engineer (the same competence certificate) and a contract file (the same content under
// another name). Every format carries the related location in the other dossier; --no-cross and a single file do not
// compare.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";

interface JsonRelated {
  range: { start: { line: number; character: number } };
  path?: string;
}
interface JsonFinding {
  rule: string;
  clauses: string[];
  severity: string;
  range: { start: { line: number; character: number } };
  related: JsonRelated[];
}
interface JsonReport {
  files: Array<{ path: string; findings: JsonFinding[] }>;
}

const VALID = fs.readFileSync(path.join(ROOT, "test", "fixtures", "schema", "valid.dossier.yaml"), "utf8");
/** Another applicant (credit code, name), other people but one (CERT-002), its contract file named 合同.pdf. */
const OTHER = VALID.replace("91110000600037341L", "91350100M000100Y43")
  .replace("测试信息技术有限公司", "另一信息技术有限公司")
  .replace("CERT-001", "CERT-101")
  .replace("CERT-003", "CERT-103")
  .replace("某单位信息系统风险评估", "另一个项目")
  .replace("evidence: [evidence/contract.pdf]", "evidence: [evidence/合同.pdf]");

let folder = "";

/** Zero-based line and character of the first occurrence of `needle`. */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
}

before(() => {
  assertBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-cross-"));
  for (const [name, text, contract] of [
    ["a", VALID, "contract.pdf"],
    ["b", OTHER, "合同.pdf"],
  ]) {
    fs.mkdirSync(path.join(folder, name, "evidence"), { recursive: true });
    fs.writeFileSync(path.join(folder, name, `${name}.dossier.yaml`), text);
    fs.writeFileSync(path.join(folder, name, "evidence", contract), "%PDF-1.4 the same contract\n");
  }
});

after(() => fs.rmSync(folder, { recursive: true, force: true }));

function cross(findings: JsonFinding[], rule: string): JsonFinding[] {
  return findings.filter((finding) => finding.rule === rule);
}

test("a folder of two applicants: the shared engineer and contract are warnings naming the other dossier", async () => {
  const run = await runCli(["lint", ".", "--format", "json", "--as-of", AS_OF], { cwd: folder });
  const report = JSON.parse(run.stdout) as JsonReport;
  const a = report.files.find((file) => file.path === "a/a.dossier.yaml");
  const b = report.files.find((file) => file.path === "b/b.dossier.yaml");
  assert.ok(a && b);
  const person = cross(a.findings, "cross.same-person");
  assert.equal(person.length, 1);
  assert.equal(person[0].severity, "warning");
  assert.deepEqual(person[0].clauses, ["4.1.2"]);
  assert.deepEqual(person[0].range.start, positionOf(VALID, "CERT-002"));
  assert.deepEqual(
    person[0].related.map((related) => [related.path, related.range.start]),
    [["b/b.dossier.yaml", positionOf(OTHER, "CERT-002")]],
  );
  const project = cross(b.findings, "cross.same-project");
  assert.equal(project.length, 1);
  assert.deepEqual(project[0].clauses, ["4.1.3.b"]);
  assert.deepEqual(project[0].range.start, positionOf(OTHER, "另一个项目"));
  assert.deepEqual(
    project[0].related.map((related) => [related.path, related.range.start]),
    [["a/a.dossier.yaml", positionOf(VALID, "某单位信息系统风险评估")]],
  );
});

test("--no-cross, and a single dossier, compare nothing", async () => {
  const noCross = await runCli(["lint", ".", "--format", "json", "--no-cross", "--as-of", AS_OF], { cwd: folder });
  const single = await runCli(["lint", "a/a.dossier.yaml", "--format", "json", "--as-of", AS_OF], { cwd: folder });
  for (const run of [noCross, single]) {
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.ok(report.files.length > 0);
    assert.deepEqual(
      report.files.flatMap((file) => file.findings.filter((finding) => finding.rule.startsWith("cross."))),
      [],
    );
  }
  const forced = await runCli(["lint", "a/a.dossier.yaml", "--cross", "--format", "json", "--as-of", AS_OF], {
    cwd: folder,
  });
  assert.equal(forced.code === 0 || forced.code === 1, true);
});

test("SARIF related locations point into the other dossier's artifact", async () => {
  const run = await runCli(["lint", ".", "--format", "sarif", "--as-of", AS_OF], { cwd: folder });
  const log = JSON.parse(run.stdout) as {
    runs: Array<{
      artifacts: Array<{ location: { uri: string } }>;
      results: Array<{
        ruleId: string;
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
        relatedLocations?: Array<{
          physicalLocation: { artifactLocation: { uri: string; index?: number }; region: { startLine: number } };
        }>;
      }>;
    }>;
  };
  const [sarifRun] = log.runs;
  const person = sarifRun.results.find(
    (result) =>
      result.ruleId === "cross.same-person" &&
      result.locations[0].physicalLocation.artifactLocation.uri === "a/a.dossier.yaml",
  );
  const related = person?.relatedLocations?.[0]?.physicalLocation;
  assert.ok(related);
  assert.equal(related.artifactLocation.uri, "b/b.dossier.yaml");
  assert.equal(sarifRun.artifacts[related.artifactLocation.index ?? -1]?.location.uri, "b/b.dossier.yaml");
  assert.equal(related.region.startLine, positionOf(OTHER, "CERT-002").line + 1);
});

test("stylish, GitHub and JUnit name the other dossier's location", async () => {
  const where = `b/b.dossier.yaml:${positionOf(OTHER, "CERT-002").line + 1}:${positionOf(OTHER, "CERT-002").character + 1}`;
  for (const format of ["stylish", "github", "junit"]) {
    const run = await runCli(["lint", ".", "--format", format, "--as-of", AS_OF], { cwd: folder });
    assert.ok(run.stdout.includes(where), `${format}: ${where}`);
  }
});

test("a waiver of a cross-dossier check waives that finding in its own dossier; one covering nothing is unused", async () => {
  const waivedFolder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-cross-waived-"));
  try {
    // the shared engineer's certificate line in `a` carries the waiver; `b` lists the same engineer without one
    const waiver = "# isv-dossier-waive cross.same-person -- 分包项目共用工程师 (approved: 周敏, until: 2099-12-31)";
    const waived = VALID.replace(/^(\s*)certificate: CERT-002$/m, `$1${waiver}\n$1certificate: CERT-002`);
    assert.notEqual(waived, VALID);
    // `c` waives the same check on a person nobody else lists: nothing to cover
    const idle = OTHER.replace("CERT-002", "CERT-902").replace(
      /^(\s*)certificate: CERT-101$/m,
      `$1${waiver}\n$1certificate: CERT-101`,
    );
    assert.notEqual(idle, OTHER.replace("CERT-002", "CERT-902"));
    for (const [name, text] of [
      ["a", waived],
      ["b", OTHER],
      ["c", idle],
    ])
      fs.writeFileSync(path.join(waivedFolder, `${name}.dossier.yaml`), text);
    const lint = async (targets: string[]): Promise<JsonReport> =>
      JSON.parse(
        (await runCli(["lint", ...targets, "--format", "json", "--as-of", AS_OF], { cwd: waivedFolder })).stdout,
      ) as JsonReport;
    const rows = (report: JsonReport): string[][] =>
      report.files.flatMap((file) =>
        file.findings
          .filter((finding) => finding.rule.startsWith("cross.") || finding.rule.startsWith("waiver."))
          .map((finding) => [
            file.path,
            finding.rule,
            String(finding.range.start.line + 1),
            (finding as JsonFinding & { waived?: unknown }).waived ? "waived" : finding.severity,
          ]),
      );
    const line = (text: string, needle: string): string => String(positionOf(text, needle).line + 1);
    assert.deepEqual(rows(await lint(["a.dossier.yaml", "b.dossier.yaml", "c.dossier.yaml"])), [
      ["a.dossier.yaml", "cross.same-person", line(waived, "CERT-002"), "waived"],
      ["b.dossier.yaml", "cross.same-person", line(OTHER, "CERT-002"), "warning"],
      ["c.dossier.yaml", "waiver.unused", line(idle, "# isv-dossier-waive"), "warning"],
    ]);
    // linted alone, a dossier is compared with nothing: its waivers of cross-dossier checks are not judged
    assert.deepEqual(rows(await lint(["c.dossier.yaml"])), []);
    // SARIF: the waived cross finding is suppressed in source, at its comment
    const sarif = JSON.parse(
      (
        await runCli(["lint", "a.dossier.yaml", "b.dossier.yaml", "--format", "sarif", "--as-of", AS_OF], {
          cwd: waivedFolder,
        })
      ).stdout,
    ) as {
      runs: Array<{
        results: Array<{
          ruleId: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
          suppressions?: Array<{ kind: string; status: string }>;
        }>;
      }>;
    };
    assert.deepEqual(
      sarif.runs[0].results
        .filter((result) => result.ruleId === "cross.same-person")
        .map((result) => [
          result.locations[0].physicalLocation.artifactLocation.uri,
          (result.suppressions ?? []).map((suppression) => `${suppression.kind}/${suppression.status}`),
        ]),
      [
        ["a.dossier.yaml", ["inSource/accepted"]],
        ["b.dossier.yaml", []],
      ],
    );
  } finally {
    fs.rmSync(waivedFolder, { recursive: true, force: true });
  }
});
