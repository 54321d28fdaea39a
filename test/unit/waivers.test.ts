// Waivers (server/src/core/check/waivers.ts): the inline comment read in both punctuation widths and rejected when
// malformed, what a waiver covers (its node, its ids, a clause's items, the file form's dossier and path), expiry
// against today, unused waivers, --no-waivers, and the clause status `waived` with its justification. Ids, ranges and
// statuses only.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { createLanguageService, finishCrossFindings, ServiceOptions } from "../../server/src/core/check/service";
import type { WaiverSource } from "../../server/src/core/check/waiver-entry";
import {
  appliesToDossier,
  coveredRange,
  parseDossierPath,
  parseWaiverComment,
  waiverPass,
} from "../../server/src/core/check/waivers";
import { buildChecklist } from "../../server/src/core/verdicts/checklist";
import { clauseVerdicts } from "../../server/src/core/verdicts/clause-status";
import { waiveActions } from "../../server/src/core/features/code-actions";
import type { Finding } from "../../server/src/core/types";
import { repositoryRoot } from "../support/repository";

const TODAY = "2026-11-24";
const EDITION = defaultEdition();
const BASE = fs.readFileSync(
  path.join(repositoryRoot(), "samples", "needs-work", "lease-expired.dossier.yaml"),
  "utf8",
);
const LEASE_LINE = "  lease_until: 2026-06-30";
const TOOLS_LINE = "tools:\n";

function validate(text: string, options: Partial<ServiceOptions> = {}): Finding[] {
  return createLanguageService({ locale: "en", today: TODAY, ...options }).validate(text).findings;
}

function withComment(before: string, comment: string, text = BASE): string {
  assert.ok(text.includes(before), `the sample has ${before}`);
  const lineStart = text.lastIndexOf("\n", text.indexOf(before)) + 1;
  return text.slice(0, lineStart) + comment + "\n" + text.slice(lineStart);
}

function ofRule(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the comment.

test("an inline waiver is read in ASCII and in full-width punctuation", () => {
  const ascii = parseWaiverComment(
    "# isv-dossier-waive 4.1.5 -- 自研工具，来源说明见附件 (approved: 张三, until: 2027-06-30)",
    EDITION,
  );
  assert.equal(ascii.problem, undefined);
  assert.deepEqual(ascii.entry, {
    clause: "4.1.5",
    justification: "自研工具，来源说明见附件",
    approvedBy: "张三",
    expires: "2027-06-30",
  });
  const wide = parseWaiverComment(
    "# isv-dossier-waive tools.source-evidence，4.1.5 —— 自研工具（见附件第 3 页）（批准人：张三；有效期至：2027-06-30）",
    EDITION,
  );
  assert.equal(wide.problem, undefined);
  assert.deepEqual(wide.entry, {
    rule: "tools.source-evidence",
    clause: "4.1.5",
    justification: "自研工具（见附件第 3 页）",
    approvedBy: "张三",
    expires: "2027-06-30",
  });
});

test("a malformed inline waiver says what is wrong", () => {
  const problem = (comment: string): string | undefined => parseWaiverComment(comment, EDITION).problem?.key;
  assert.equal(problem("# isv-dossier-waive -- why (approved: a, until: 2027-01-01)"), "no-id");
  assert.equal(problem("# isv-dossier-waive 9.9.9 -- why (approved: a, until: 2027-01-01)"), "unknown-id");
  assert.equal(problem("# isv-dossier-waive no.such-check -- why (approved: a, until: 2027-01-01)"), "unknown-id");
  assert.equal(problem("# isv-dossier-waive 4.1.5 (approved: a, until: 2027-01-01)"), "syntax");
  assert.equal(problem("# isv-dossier-waive 4.1.5 -- (approved: a, until: 2027-01-01)"), "no-justification");
  assert.equal(problem("# isv-dossier-waive 4.1.5 -- why (until: 2027-01-01)"), "no-approver");
  assert.equal(problem("# isv-dossier-waive 4.1.5 -- why (approved: a)"), "no-expiry");
  assert.equal(problem("# isv-dossier-waive 4.1.5 -- why"), "no-approver");
  assert.equal(problem("# isv-dossier-waive 4.1.5 -- why (approved: a, until: 2027-02-30)"), "bad-date");
  assert.equal(problem("# isv-dossier-waive 4.1.5 -- why (approved: a, until: 2027-01-01, by2: x)"), "unknown-field");
});

test("a comment covers the next content line's node and everything under it", () => {
  const text = ["a:", "  # c", "  b:", "    c: 1", "", "    d: 2", "  e: 3", "f:", "- 1", "- 2", "g: 1", ""].join("\n");
  const afterComment = text.indexOf("  b:");
  assert.deepEqual(coveredRange(text, afterComment), {
    start: text.indexOf("b:"),
    end: text.indexOf("d: 2") + "d: 2".length,
  });
  // a `key:` with its list at the key's own indentation
  assert.deepEqual(coveredRange(text, text.indexOf("f:")), {
    start: text.indexOf("f:"),
    end: text.indexOf("- 2") + 3,
  });
  // a list item: only that item
  const list = ["x:", "  - n: 1", "    m: 2", "  - n: 3", ""].join("\n");
  assert.deepEqual(coveredRange(list, list.indexOf("  - n: 1")), {
    start: list.indexOf("- n: 1"),
    end: list.indexOf("m: 2") + 4,
  });
});

test("a dossier path is read in the dossier's own words", () => {
  assert.deepEqual(parseDossierPath("performance.projects[3]"), ["performance", "projects", 3]);
  assert.deepEqual(parseDossierPath("personnel[0].competence[1].valid_until"), [
    "personnel",
    0,
    "competence",
    1,
    "valid_until",
  ]);
  for (const bad of ["", "a..b", "[1]", "a.", "a[x]", "a[1"]) assert.equal(parseDossierPath(bad), undefined, bad);
});

test("a file-form waiver's dossier is a path or glob relative to the configuration file's folder", () => {
  const source = (dossier?: string): WaiverSource => ({
    entry: { rule: "premises.lease-term", dossier },
    origin: { kind: "config", file: "/work/project/isv-dossier.config.yaml", index: 0 },
  });
  assert.ok(appliesToDossier(source(), "/anywhere/x.dossier.yaml"));
  assert.ok(appliesToDossier(source("a/x.dossier.yaml"), "/work/project/a/x.dossier.yaml"));
  assert.ok(appliesToDossier(source("./a/../a/x.dossier.yaml"), "/work/project/a/x.dossier.yaml"));
  assert.ok(!appliesToDossier(source("a/x.dossier.yaml"), "/work/project/b/x.dossier.yaml"));
  assert.ok(appliesToDossier(source("**/*.dossier.yaml"), "/work/project/a/b/x.dossier.yaml"));
  assert.ok(appliesToDossier(source("a/*.dossier.yaml"), "/work/project/a/x.dossier.yaml"));
  assert.ok(!appliesToDossier(source("a/*.dossier.yaml"), "/work/project/a/b/x.dossier.yaml"));
  assert.ok(!appliesToDossier(source("a/x.dossier.yaml"), undefined));
});

// ---------------------------------------------------------------------------------------------------------------
// Applying them.

const WAIVE_LEASE =
  "  # isv-dossier-waive premises.lease-term 4.1.1 -- 续租合同在签 (approved: 张三, until: 2027-06-30)";

test("an inline waiver covers the finding under it: it stays a finding, marked waived", () => {
  const text = withComment(LEASE_LINE, WAIVE_LEASE);
  const findings = validate(text);
  const [lease] = ofRule(findings, "premises.lease-term");
  assert.ok(lease.waived, "the lease finding is waived");
  assert.equal(lease.severity, "error");
  assert.deepEqual(lease.waived, {
    justification: "续租合同在签",
    approvedBy: "张三",
    expires: "2027-06-30",
    origin: {
      kind: "inline",
      range: { start: text.indexOf("# isv-dossier-waive"), end: text.indexOf("2027-06-30)") + 11 },
    },
  });
  assert.deepEqual(
    findings.filter((finding) => finding.ruleId.startsWith("waiver.")),
    [],
  );
  // the clause is waived, with the justification in the 自评说明
  const report = createLanguageService({ locale: "zh-cn", today: TODAY }).validate(text);
  const row = buildChecklist(report).rows.find((candidate) => candidate.clauseId === "4.1.1");
  assert.equal(row?.status, "waived");
  assert.deepEqual(
    row?.waived.map((finding) => finding.ruleId),
    ["premises.lease-term"],
  );
  assert.deepEqual(row?.findings, []);
});

test("the waiver applies on its expiry date and stops the day after, with a note on the finding", () => {
  const text = withComment(LEASE_LINE, WAIVE_LEASE);
  assert.ok(ofRule(validate(text, { today: "2027-06-30" }), "premises.lease-term")[0].waived);
  const findings = validate(text, { today: "2027-07-01" });
  const [lease] = ofRule(findings, "premises.lease-term");
  assert.equal(lease.waived, undefined);
  const comment = { start: text.indexOf("# isv-dossier-waive"), end: text.indexOf("2027-06-30)") + 11 };
  assert.deepEqual(
    lease.related.filter((related) => related.messageId === "waiver.expired-note").map((related) => related.range),
    [comment],
  );
  assert.deepEqual(
    ofRule(findings, "waiver.expired").map((finding) => [finding.severity, finding.range]),
    [["warning", comment]],
  );
  // measured against today, not the dossier's application date (2026-09-14)
  assert.ok(ofRule(validate(text, { today: "2027-06-01" }), "premises.lease-term")[0].waived);
});

test("a waiver covers only its ids: a check id, a clause and its items, both at once", () => {
  const waive = (ids: string): Finding => {
    const text = withComment(LEASE_LINE, `  # isv-dossier-waive ${ids} -- j (approved: a, until: 2027-06-30)`);
    return ofRule(validate(text), "premises.lease-term")[0];
  };
  assert.ok(waive("premises.lease-term").waived);
  assert.ok(waive("4.1.1").waived);
  assert.ok(waive("4.1").waived, "a clause covers the clauses under it");
  assert.equal(waive("4.1.2").waived, undefined);
  assert.equal(waive("tools.source-evidence").waived, undefined);
  assert.equal(waive("premises.lease-term 4.1.2").waived, undefined, "with both ids, both must match");
});

test("a waiver above another node does not cover the finding; it is unused", () => {
  const text = withComment(TOOLS_LINE, WAIVE_LEASE.trim());
  const findings = validate(text);
  assert.equal(ofRule(findings, "premises.lease-term")[0].waived, undefined);
  const start = text.indexOf("# isv-dossier-waive");
  assert.deepEqual(
    ofRule(findings, "waiver.unused").map((finding) => [finding.severity, finding.range.start]),
    [["warning", start]],
  );
});

test("a waiver without a justification is an error and does not apply", () => {
  const text = withComment(LEASE_LINE, "  # isv-dossier-waive 4.1.1 -- (approved: 张三, until: 2027-06-30)");
  const findings = validate(text);
  assert.equal(ofRule(findings, "premises.lease-term")[0].waived, undefined);
  const invalid = ofRule(findings, "waiver.invalid");
  assert.deepEqual(
    invalid.map((finding) => [finding.severity, finding.clauseIds, finding.range.start]),
    [["error", [], text.indexOf("# isv-dossier-waive")]],
  );
});

test("a waiver marker inside a block scalar is text, not a waiver", () => {
  const text = BASE.replace(
    "  lease_until: 2026-06-30",
    "  note: |\n    # isv-dossier-waive 4.1.1 -- j (approved: a, until: 2027-06-30)\n  lease_until: 2026-06-30",
  );
  const findings = validate(text);
  assert.deepEqual(
    findings.filter((finding) => finding.ruleId.startsWith("waiver.") || finding.waived),
    [],
  );
});

test("the file form: by dossier and path, unused only for a waiver naming this dossier", () => {
  const config = "/project/isv-dossier.config.yaml";
  const dossierPath = "/project/a.dossier.yaml";
  const source = (entry: WaiverSource["entry"], index = 0): WaiverSource => ({
    entry: { justification: "j", approvedBy: "a", expires: "2027-06-30", ...entry },
    origin: { kind: "config", file: config, index },
  });
  const lease = (sources: WaiverSource[], path?: string): Finding[] =>
    validate(BASE, { waivers: sources, dossierPath: path ?? dossierPath });
  const waivedBy = (findings: Finding[]): Finding["waived"] => ofRule(findings, "premises.lease-term")[0].waived;
  assert.deepEqual(waivedBy(lease([source({ rule: "premises.lease-term" })]))?.origin, {
    kind: "config",
    file: config,
    index: 0,
  });
  assert.ok(waivedBy(lease([source({ clause: "4.1.1", dossier: "a.dossier.yaml", path: "premises" })])));
  assert.ok(waivedBy(lease([source({ clause: "4.1.1", path: "premises.lease_until" })])));
  assert.equal(waivedBy(lease([source({ clause: "4.1.1", path: "tools" })])), undefined);
  assert.equal(waivedBy(lease([source({ clause: "4.1.1", dossier: "b.dossier.yaml" })])), undefined);
  // unused: reported for a waiver naming this dossier, at the path when there is one, else at the first key
  const named = lease([source({ clause: "4.1.1", dossier: "a.dossier.yaml", path: "tools" }, 2)]);
  assert.deepEqual(
    ofRule(named, "waiver.unused").map((finding) => [finding.range.start, finding.args.index, finding.args.file]),
    [[BASE.indexOf("\ntools:") + 1, 3, "isv-dossier.config.yaml"]],
  );
  assert.deepEqual(ofRule(lease([source({ clause: "4.1.1", path: "tools" })]), "waiver.unused"), []);
  assert.deepEqual(
    ofRule(lease([source({ clause: "4.1.1", dossier: "*.dossier.yaml", path: "tools" })]), "waiver.unused"),
    [],
  );
  // invalid and expired entries
  const invalid = lease([source({ clause: "4.1.1", approvedBy: " " })]);
  assert.deepEqual(
    ofRule(invalid, "waiver.invalid").map((finding) => finding.range.start),
    [BASE.indexOf("\nspec:") + 1],
  );
  assert.equal(waivedBy(invalid), undefined);
  const expired = lease([source({ clause: "4.1.1", expires: "2026-01-01" })]);
  assert.equal(ofRule(expired, "waiver.expired").length, 1);
  const finding = ofRule(expired, "premises.lease-term")[0];
  assert.deepEqual(
    finding.related.filter((related) => related.messageId === "waiver.expired-note").map((related) => related.range),
    [finding.range],
  );
});

test("ignoreWaivers (--no-waivers) ignores every waiver, inline and file form", () => {
  const text = withComment(LEASE_LINE, WAIVE_LEASE);
  const findings = validate(text, {
    ignoreWaivers: true,
    waivers: [{ entry: { rule: "no.such-id" }, origin: { kind: "config", file: "/c.yaml", index: 0 } }],
  });
  assert.equal(ofRule(findings, "premises.lease-term")[0].waived, undefined);
  assert.deepEqual(
    findings.filter((finding) => finding.ruleId.startsWith("waiver.")),
    [],
  );
});

test("the waive action inserts above the finding's line, with its indentation and ids", () => {
  const report = createLanguageService({ locale: "en", today: TODAY }).validate(BASE);
  const offset = BASE.indexOf(LEASE_LINE) + LEASE_LINE.length - 2;
  const actions = waiveActions(report, { start: offset, end: offset }, "en");
  assert.deepEqual(
    actions.map((action) => [action.lineStart, action.indent, action.ids]),
    [[BASE.indexOf(LEASE_LINE), "  ", "premises.lease-term 4.1.1"]],
  );
  // a waived finding is offered no action
  const waived = createLanguageService({ locale: "en", today: TODAY }).validate(withComment(LEASE_LINE, WAIVE_LEASE));
  const at = waived.parsed.text.indexOf(LEASE_LINE) + LEASE_LINE.length - 2;
  assert.deepEqual(waiveActions(waived, { start: at, end: at }, "en"), []);
});

test("when the time budget stopped the checks, a waiver covering nothing is not called unused", () => {
  const text = withComment(TOOLS_LINE, WAIVE_LEASE.trim());
  const report = createLanguageService({ locale: "en", today: TODAY }).validate(text);
  const input = { text, document: report.parsed.document, edition: EDITION, today: TODAY, sources: [] };
  const findings = report.findings.filter((finding) => !finding.ruleId.startsWith("waiver."));
  assert.equal(ofRule(waiverPass(findings, input).findings, "waiver.unused").length, 1);
  assert.equal(ofRule(waiverPass(findings, { ...input, complete: false }).findings, "waiver.unused").length, 0);
});

test("a clause is waived only when every error citing it is waived", () => {
  const finding = (ruleId: string, waived: boolean): Finding => ({
    ruleId,
    clauseIds: ["4.1.1"],
    severity: "error",
    messageId: ruleId,
    args: {},
    range: { start: 0, end: 0 },
    related: [],
    ...(waived
      ? {
          waived: {
            justification: "j",
            approvedBy: "a",
            expires: "2999-12-31",
            origin: { kind: "inline" as const, range: { start: 0, end: 0 } },
          },
        }
      : {}),
  });
  const status = (findings: Finding[]): string | undefined =>
    clauseVerdicts(EDITION, 3, "risk-assessment", findings).find((verdict) => verdict.clauseId === "4.1.1")?.status;
  assert.equal(status([finding("premises.lease-term", true)]), "waived");
  assert.equal(status([finding("premises.lease-term", true), finding("schema.enum", false)]), "violated");
  assert.equal(status([]), "satisfied");
  // a waived warning leaves the clause as it is
  assert.equal(status([{ ...finding("premises.lease-term", true), severity: "warning" }]), "satisfied");
});

test("a waiver of a cross-dossier check is kept for the cross findings: applied there, judged only where they ran", () => {
  const comment = "  # isv-dossier-waive cross.same-person -- 分包项目共用工程师 (approved: 周敏, until: 2099-12-31)";
  const text = withComment(LEASE_LINE, comment);
  const report = createLanguageService({ locale: "en", today: TODAY }).validate(text);
  // the dossier's own findings: the waiver covers none of them and is not called unused
  assert.deepEqual(ofRule(report.findings, "waiver.unused"), []);
  assert.equal(report.crossFinish?.waivers?.candidates.length, 1);
  // a cross finding on the line the comment stands above (the lease) is waived; one elsewhere is not
  const at = text.indexOf(LEASE_LINE) + 2;
  const cross = (start: number): Finding => ({
    ruleId: "cross.same-person",
    clauseIds: ["4.1.2"],
    severity: "warning",
    messageId: "cross.same-person",
    args: {},
    range: { start, end: start + 5 },
    related: [],
  });
  const finished = finishCrossFindings([cross(at), cross(0)], report.crossFinish, true);
  assert.deepEqual(
    finished.map((finding) => [finding.ruleId, finding.range.start, finding.waived?.justification ?? null]),
    [
      ["cross.same-person", at, "分包项目共用工程师"],
      ["cross.same-person", 0, null],
    ],
  );
  // covering nothing: unused where the cross-dossier checks ran, not judged where they did not
  assert.deepEqual(
    finishCrossFindings([cross(0)], report.crossFinish, true).map((finding) => finding.ruleId),
    ["cross.same-person", "waiver.unused"],
  );
  assert.deepEqual(
    finishCrossFindings([], report.crossFinish, false).map((finding) => finding.ruleId),
    [],
  );
  // the dossier's severity overrides hold for its cross findings too
  const quiet = createLanguageService({
    locale: "en",
    today: TODAY,
    severityOverrides: { "cross.same-person": "off" },
  }).validate(BASE);
  assert.deepEqual(finishCrossFindings([cross(0)], quiet.crossFinish, true), []);
});
