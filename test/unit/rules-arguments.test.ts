// What rule findings carry beyond ids and ranges: the counts and "other category" arguments, the related
// information listing what did not count, the lease warning option, and evidence fields found from the model.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { defaultEdition, ModelNode } from "../../server/src/core/catalog/edition";
import { createLanguageService, ServiceOptions } from "../../server/src/core/check/service";
import type { Finding } from "../../server/src/core/types";
import { repositoryRoot } from "../support/repository";

const FIXTURES = path.join(repositoryRoot(), "test", "fixtures", "rules");

function findingsOf(fixture: string, options: Partial<ServiceOptions> = {}): Finding[] {
  const text = fs.readFileSync(path.join(FIXTURES, fixture), "utf8");
  return createLanguageService({ today: "2026-11-24", ...options }).validate(text).findings;
}

function only(findings: Finding[], ruleId: string): Finding {
  const matching = findings.filter((finding) => finding.ruleId === ruleId);
  assert.equal(matching.length, 1, `one ${ruleId} finding`);
  return matching[0];
}

test("qualifying projects: how many count, how many are needed, and each project that did not count and why", () => {
  const finding = only(
    findingsOf("performance.qualifying-projects/level-2-dates-that-do-not-count.dossier.yaml"),
    "performance.qualifying-projects",
  );
  assert.equal(finding.args.counted, 4);
  assert.equal(finding.args.required, 6);
  assert.equal(finding.args.windowStart, "2023-06-15");
  assert.deepEqual(finding.related.map((related) => related.messageId).sort(), [
    "performance.qualifying-projects.completed-before-signed",
    "performance.qualifying-projects.signed-after-date",
  ]);
});

test("qualifying projects: projects of another category are counted out and the finding says how many", () => {
  const finding = only(
    findingsOf("performance.qualifying-projects/level-3-project-of-another-category.dossier.yaml"),
    "performance.qualifying-projects",
  );
  assert.equal(finding.messageId, "performance.qualifying-projects.too-few.other-category");
  assert.equal(finding.args.otherCategory, 1);
  assert.equal(finding.args.counted, 0);
  assert.deepEqual(
    finding.related.map((related) => related.messageId),
    ["performance.qualifying-projects.other-category"],
  );
  const window = only(
    findingsOf("performance.qualifying-projects/level-2-five-of-six.dossier.yaml"),
    "performance.qualifying-projects",
  );
  assert.equal(window.args.otherCategory, 0);
  assert.equal(window.messageId, "performance.qualifying-projects.too-few");
});

test("service duration: a certificate of another category does not stand in for the years, and the finding says so", () => {
  const finding = only(
    findingsOf("performance.service-duration/level-2-certificate-of-another-category.dossier.yaml"),
    "performance.service-duration",
  );
  assert.equal(finding.messageId, "performance.service-duration.too-short-no-certificate.other-category");
  assert.equal(finding.args.otherCategory, 1);
  assert.equal(finding.args.reachedOn, "2027-06-01");
  assert.deepEqual(
    finding.related.map((related) => related.messageId),
    ["performance.service-duration.certificate-other-category"],
  );
  const levelOne = only(
    findingsOf("performance.service-duration/level-1-certificate-of-another-category.dossier.yaml"),
    "performance.service-duration",
  );
  assert.equal(
    levelOne.messageId,
    "performance.service-duration.too-short-no-certificate.other-category.public-summary",
  );
});

test("people: competences of another category are named when they are why a person falls short", () => {
  const lead = only(
    findingsOf("personnel.technical-lead/management-competence-of-another-category.dossier.yaml"),
    "personnel.technical-lead",
  );
  assert.equal(lead.messageId, "personnel.technical-lead.no-management-competence.other-category");
  assert.equal(lead.args.otherCategory, 1);
  const staff = only(
    findingsOf("personnel.project-staff/lead-with-competence-of-another-category.dossier.yaml"),
    "personnel.project-staff",
  );
  assert.equal(staff.args.otherCategory, 1);
  const plain = only(
    findingsOf("personnel.project-staff/engineer-without-technical-competence.dossier.yaml"),
    "personnel.project-staff",
  );
  assert.equal(plain.args.otherCategory, 0);
});

test("references to people point at the personnel list as related information", () => {
  const finding = only(findingsOf("personnel.references/unknown-project-lead.dossier.yaml"), "personnel.references");
  assert.equal(finding.related.length, 1);
  const text = fs.readFileSync(path.join(FIXTURES, "personnel.references/unknown-project-lead.dossier.yaml"), "utf8");
  assert.equal(text.slice(finding.related[0].range.start, finding.related[0].range.end), "personnel");
});

test("the lease warning follows options.leaseWarningMonths (0 turns it off)", () => {
  const fixture = "premises.lease-term/ends-the-day-before-six-months.dossier.yaml";
  assert.equal(findingsOf(fixture).filter((finding) => finding.ruleId === "premises.lease-term").length, 1);
  assert.equal(
    findingsOf(fixture, { leaseWarningMonths: 0 }).filter((finding) => finding.ruleId === "premises.lease-term").length,
    0,
  );
  const longer = findingsOf("premises.lease-term/ends-six-months-after.dossier.yaml", { leaseWarningMonths: 12 });
  assert.equal(only(longer, "premises.lease-term").args.warnBefore, "2027-06-15");
  assert.equal(only(longer, "premises.lease-term").severity, "warning");
});

test("evidence rules find every evidence field of the model, each citing that field's clause", () => {
  const edition = defaultEdition();
  const expected: string[] = [];
  const build = (node: ModelNode, clauses: string[], pointer: string): unknown => {
    const own = node.clauses && node.clauses.length > 0 ? node.clauses : clauses;
    if (node.evidence) {
      expected.push(`${pointer} ${own.map((template) => edition.resolveClause(template, 3)).join(",")}`);
      return "../outside.pdf";
    }
    if (node.type === "array" && node.items) return [build(node.items, own, `${pointer}/0`)];
    if (node.type === "object") {
      return Object.fromEntries(
        Object.entries(node.properties ?? {}).map(([key, child]) => [key, build(child, own, `${pointer}/${key}`)]),
      );
    }
    return node.enum ? node.enum[0] : node.type === "date" ? "2026-01-01" : node.type === "string" ? "x" : 1;
  };
  const dossier = build(edition.model, [], "") as { [key: string]: unknown };
  (dossier.application as { [key: string]: unknown }).level = 3;
  const findings = createLanguageService({ today: "2026-11-24", evidenceExists: () => true })
    .validate(stringify(dossier))
    .findings.filter((finding) => finding.ruleId === "evidence.path");
  assert.ok(expected.length >= 15);
  assert.equal(findings.length, expected.length);
  const found = new Set(findings.map((finding) => finding.clauseIds.join(",")));
  for (const entry of expected) assert.ok(found.has(entry.split(" ")[1]), entry);
});

/** The text a range covers in a fixture. */
function covered(fixture: string, range: { start: number; end: number }): string {
  return fs.readFileSync(path.join(FIXTURES, fixture), "utf8").slice(range.start, range.end);
}

/** The 1-based line a range starts on in a fixture. */
function lineOf(fixture: string, range: { start: number }): number {
  return fs.readFileSync(path.join(FIXTURES, fixture), "utf8").slice(0, range.start).split("\n").length;
}

test("a project listed twice counts once; the repeat points at the first entry", () => {
  const fixture = "performance.duplicate-projects/five-projects-and-an-exact-repeat.dossier.yaml";
  const findings = findingsOf(fixture);
  const repeat = only(findings, "performance.duplicate-projects");
  assert.equal(repeat.related.length, 1);
  assert.equal(covered(fixture, repeat.related[0].range), "P05");
  assert.ok(
    lineOf(fixture, repeat.related[0].range) < lineOf(fixture, repeat.range),
    "the first entry comes before the repeat",
  );
  const count = only(findings, "performance.qualifying-projects");
  assert.equal(count.args.counted, 5);
  assert.deepEqual(
    count.related.map((related) => related.messageId),
    ["performance.qualifying-projects.repeated"],
  );
});

test("dates before the founding point at the date established, and time in service counts from it", () => {
  const fixture = "dates.not-before-established/service-and-project-before-founding.dossier.yaml";
  const findings = findingsOf(fixture).filter((finding) => finding.ruleId === "dates.not-before-established");
  assert.deepEqual(
    findings.map((finding) => finding.clauseIds),
    [["4.1.3.a"], ["4.1.3.b"]],
  );
  for (const finding of findings) assert.equal(covered(fixture, finding.related[0].range), "2025-01-10");
  const duration = only(
    findingsOf("performance.service-duration/level-2-counted-from-founding.dossier.yaml"),
    "performance.service-duration",
  );
  assert.equal(duration.args.since, "2023-09-01");
  assert.equal(duration.related[0].messageId, "performance.service-duration.counted-from-established");
  const projects = only(
    findingsOf("performance.qualifying-projects/level-3-project-before-founding.dossier.yaml"),
    "performance.qualifying-projects",
  );
  assert.deepEqual(
    projects.related.map((related) => related.messageId),
    ["performance.qualifying-projects.signed-before-established"],
  );
});

test("an expired certificate is an info; the counting rule names it when a requirement fails", () => {
  const fixture = "personnel.project-staff/engineer-with-only-an-expired-competence.dossier.yaml";
  const findings = findingsOf(fixture);
  assert.equal(only(findings, "dates.certificate-validity").severity, "info");
  const staff = only(findings, "personnel.project-staff");
  assert.equal(staff.severity, "error");
  assert.deepEqual(
    staff.related.map((related) => related.messageId),
    ["personnel.competence.expired"],
  );
  assert.equal(covered(fixture, staff.related[0].range), "2026-06-14");
  for (const passing of [
    "personnel.technical-lead/renewed-management-competence.dossier.yaml",
    "performance.service-duration/level-2-three-years-and-an-expired-certificate.dossier.yaml",
    "dates.certificate-validity/expired-of-another-category-beside-a-valid-one.dossier.yaml",
    "dates.certificate-validity/expired-the-day-before.dossier.yaml",
  ]) {
    assert.deepEqual(
      findingsOf(passing)
        .filter((finding) => finding.severity !== "info")
        .map((finding) => finding.ruleId),
      [],
      passing,
    );
  }
});

test("a technical lead leading projects without a technical competence: one finding, the person and the other project related", () => {
  const fixture = "personnel.project-staff/technical-lead-leads-projects-without-technical-competence.dossier.yaml";
  const finding = only(findingsOf(fixture), "personnel.project-staff");
  assert.equal(finding.messageId, "personnel.project-staff.project-lead-without-technical-competence");
  assert.deepEqual(
    finding.related.map((related) => related.messageId),
    ["personnel.project-staff.person-competences", "personnel.project-staff.also-leads"],
  );
  assert.equal(covered(fixture, finding.related[0].range), "competence");
  assert.equal(covered(fixture, finding.related[1].range), "li-lei");
});

test("findings that rest on the tool's reading, not the text, are at most warnings", () => {
  const warnings: Array<[string, string]> = [
    ["personnel.technical-lead/two-technical-leads.dossier.yaml", "personnel.technical-lead"],
    ["personnel.references/unknown-agreement.dossier.yaml", "personnel.references"],
    ["personnel.references/unknown-project-lead.dossier.yaml", "personnel.references"],
    ["processes.stage-coverage/missing-evaluation.dossier.yaml", "processes.stage-coverage"],
  ];
  for (const [fixture, ruleId] of warnings)
    assert.equal(only(findingsOf(fixture), ruleId).severity, "warning", fixture);
});
