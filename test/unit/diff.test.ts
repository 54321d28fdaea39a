// The diff between two submissions (server/src/core/verdicts/diff.ts) on pairs made from the samples: a person
// removed, a date broken, a project added, a list reordered, an error fixed. Asserts clause ids, statuses, check ids
// and paths in the dossier's terms — never message text.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { createLanguageService, DossierReport } from "../../server/src/core/check/service";
import { diffDossiers, DossierDiff, dossierPath } from "../../server/src/core/verdicts/diff";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const RISK_L3 = "samples/hangzhou-chengyan/hangzhou-chengyan.dossier.yaml";
const BEFORE_SIGNED = "samples/needs-work/project-completed-before-signed.dossier.yaml";

function read(sample: string): string {
  return fs.readFileSync(path.join(ROOT, sample), "utf8");
}

function check(text: string, folder: string): DossierReport {
  const service = createLanguageService({
    locale: "en",
    today: "2026-03-18",
    evidenceExists: (relative) => fs.existsSync(path.join(folder, relative)),
  });
  return service.validate(text);
}

function diffTexts(before: string, after: string, sample: string): DossierDiff {
  const folder = path.dirname(path.join(ROOT, sample));
  return diffDossiers(check(before, folder), check(after, folder));
}

/** The text with `from` replaced by `to` (which must be there). */
function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the sample has ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** The text without the lines from the one starting with `first` up to (not including) the one starting with `next`. */
function cut(text: string, first: string, next: string): string {
  const start = text.indexOf(first);
  const end = text.indexOf(next, start + first.length);
  assert.ok(start >= 0 && end > start);
  return text.slice(0, start) + text.slice(end);
}

function clause(diff: DossierDiff, clauseId: string) {
  const entry = diff.clauses.find((candidate) => candidate.clauseId === clauseId);
  assert.ok(entry, `${clauseId} is in the diff: ${diff.clauses.map((candidate) => candidate.clauseId).join(", ")}`);
  return entry;
}

describe("the diff between two submissions", () => {
  test("the same text twice: no clause changed, no regression", () => {
    const text = read(RISK_L3);
    const diff = diffTexts(text, text, RISK_L3);
    assert.deepEqual(diff.clauses, []);
    assert.deepEqual(diff.regressions, []);
    assert.deepEqual(diff.other, { fixed: [], added: [], fields: [] });
    assert.ok(diff.unchanged > 10);
  });

  test("a person removed: a removed field under 4.1.2 named by the person's id, statuses unchanged", () => {
    const before = read(RISK_L3);
    const after = edit(cut(before, "  - id: lu-zihang", "  # 2025 年入职"), "      - lu-zihang\n", "");
    const diff = diffTexts(before, after, RISK_L3);
    const personnel = clause(diff, "4.1.2");
    assert.equal(personnel.before?.status, "satisfied");
    assert.equal(personnel.after?.status, "satisfied");
    assert.deepEqual(
      personnel.fields.map((change) => [change.kind, change.path]),
      [["removed", "personnel[id=lu-zihang]"]],
    );
    assert.deepEqual(
      clause(diff, "4.1.4.c").fields.map((change) => [change.kind, change.path]),
      [["removed", 'management.confidentiality.agreements["lu-zihang"]']],
    );
    assert.deepEqual(diff.regressions, []);
  });

  test("a date broken: 4.1.3 a) goes from satisfied to violated with a new finding at the field", () => {
    const before = read(RISK_L3);
    const after = edit(before, "service_since: 2024-11-05", "service_since: 2026-01-05");
    const diff = diffTexts(before, after, RISK_L3);
    const entry = clause(diff, "4.1.3.a");
    assert.equal(entry.before?.status, "satisfied");
    assert.equal(entry.after?.status, "violated");
    assert.equal(entry.regression, true);
    assert.deepEqual(
      entry.added.map((finding) => [finding.ruleId, finding.path]),
      [["performance.service-duration", "performance.service_since"]],
    );
    assert.deepEqual(entry.fixed, []);
    assert.deepEqual(
      entry.fields.map((change) => [change.kind, change.path, change.before, change.after]),
      [["changed", "performance.service_since", "2024-11-05", "2026-01-05"]],
    );
    assert.deepEqual(diff.regressions, ["4.1.3", "4.1.3.a"]);
  });

  test("the broken date repaired: the finding is fixed and no clause regresses", () => {
    const good = read(RISK_L3);
    const broken = edit(good, "service_since: 2024-11-05", "service_since: 2026-01-05");
    const diff = diffTexts(broken, good, RISK_L3);
    const entry = clause(diff, "4.1.3.a");
    assert.equal(entry.before?.status, "violated");
    assert.equal(entry.after?.status, "satisfied");
    assert.deepEqual(
      entry.fixed.map((finding) => [finding.ruleId, finding.path]),
      [["performance.service-duration", "performance.service_since"]],
    );
    assert.deepEqual(entry.added, []);
    assert.deepEqual(diff.regressions, []);
  });

  test("a project added: one added field under 4.1.3 b), named by the project's name", () => {
    const before = read(RISK_L3);
    const project = [
      "    - name: 办公网络信息安全风险评估项目",
      "      client: 杭州钱溪数字科技有限公司",
      "      category: risk-assessment",
      "      signed: 2025-09-01",
      "      completed: 2025-10-30",
      "      lead: zhou-ruoxi",
      "      evidence:",
      "        - evidence/项目/P01-合同.pdf",
      "",
    ].join("\n");
    const after = edit(before, "  projects:\n", `  projects:\n${project}`);
    const diff = diffTexts(before, after, RISK_L3);
    const entry = clause(diff, "4.1.3.b");
    assert.deepEqual(
      entry.fields.map((change) => [change.kind, change.path]),
      [["added", "performance.projects[name=办公网络信息安全风险评估项目]"]],
    );
    assert.deepEqual(entry.added, []);
    assert.deepEqual(entry.fixed, []);
    // the two projects already there moved down one place: nothing under them is reported
    assert.deepEqual(
      diff.clauses.flatMap((candidate) => candidate.fields).filter((change) => change.kind !== "added"),
      [],
    );
  });

  test("a project inserted before one with an error: the error is matched by its place, not its line", () => {
    const before = read(BEFORE_SIGNED);
    const project = [
      "    - name: 2024 年门户网站安全开发项目",
      "      client: 苏州枫岚精密机械有限公司",
      "      category: secure-development",
      "      signed: 2024-09-02",
      "      completed: 2024-12-20",
      "      lead: meng-zeyu",
      "      evidence:",
      "        - evidence/项目/P01-合同.pdf",
      "",
    ].join("\n");
    const after = edit(before, "  projects:\n", `  projects:\n${project}`);
    const diff = diffTexts(before, after, BEFORE_SIGNED);
    const entry = clause(diff, "4.1.3.b");
    assert.equal(entry.before?.status, "violated");
    assert.equal(entry.after?.status, "violated");
    assert.deepEqual(entry.fixed, []);
    assert.deepEqual(entry.added, []);
    assert.deepEqual(
      entry.fields.map((change) => [change.kind, change.path]),
      [["added", "performance.projects[name=2024 年门户网站安全开发项目]"]],
    );
  });

  test("an error fixed in a project whose name repeats: fixed at the second project's place, a changed date", () => {
    const before = read(BEFORE_SIGNED);
    const after = edit(before, "completed: 2025-06-30", "completed: 2026-03-01");
    const diff = diffTexts(before, after, BEFORE_SIGNED);
    const entry = clause(diff, "4.1.3.b");
    assert.equal(entry.before?.status, "violated");
    assert.equal(entry.after?.status, "satisfied");
    assert.ok(entry.fixed.length > 0);
    for (const finding of entry.fixed)
      assert.match(finding.path, /^performance\.projects\[name=2025 年业务系统安全开发项目#2\]/, finding.path);
    assert.deepEqual(
      entry.fields.map((change) => [change.kind, change.path, change.before, change.after]),
      [["changed", "performance.projects[name=2025 年业务系统安全开发项目#2].completed", "2025-06-30", "2026-03-01"]],
    );
    assert.deepEqual(diff.regressions, []);
  });

  test("a level changed: clauses of the earlier level are not judged after, those of the new one not before", () => {
    const before = read(RISK_L3);
    const after = edit(before, "level: 3", "level: 2");
    const diff = diffTexts(before, after, RISK_L3);
    const old = clause(diff, "4.1.3.a");
    assert.ok(old.before);
    assert.equal(old.after, undefined);
    const next = clause(diff, "4.2.3.a");
    assert.equal(next.before, undefined);
    assert.ok(next.after);
    assert.equal(diff.before.level, 3);
    assert.equal(diff.after.level, 2);
  });

  test("paths in the dossier's terms: ids, certificate numbers, names, plain values, then indexes", () => {
    const value = {
      personnel: [{ id: "a", competence: [{ certificate: "C-1" }, { kind: "x" }] }],
      projects: [{ name: "P" }, { name: "P" }],
      stages: ["plan", "do"],
      grid: [[1]],
    };
    assert.equal(
      dossierPath(value, ["personnel", 0, "competence", 0, "issued"]),
      "personnel[id=a].competence[certificate=C-1].issued",
    );
    assert.equal(dossierPath(value, ["personnel", 0, "competence", 1]), "personnel[id=a].competence[1]");
    assert.equal(dossierPath(value, ["projects", 1, "name"]), "projects[name=P#2].name");
    assert.equal(dossierPath(value, ["stages", 1]), 'stages["do"]');
    assert.equal(dossierPath(value, ["grid", 0, 0]), "grid[0][1]");
    assert.equal(dossierPath(value, []), "");
  });

  test("a text that is not YAML: its syntax findings are in the group of no clause", () => {
    const good = read(RISK_L3);
    const diff = diffTexts(good, `${good}\n  bad: [\n`, RISK_L3);
    assert.ok(diff.other.added.length > 0);
    assert.ok(diff.other.added.every((finding) => finding.clauseIds.length === 0));
  });
});
