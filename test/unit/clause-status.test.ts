// The one model of a clause's status (server/src/core/verdicts/clause-status.ts): what a missing section, a level-1
// service-management error, a warning and a clause known only from the table of contents come to, and the text a
// heading whose items are known shows. Asserts statuses, bases, clause and rule ids — never message text.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildChecklist } from "../../server/src/core/verdicts/checklist";
import {
  ClauseVerdict,
  conclusionText,
  dossierVerdicts,
  STATUS_LABELS,
} from "../../server/src/core/verdicts/clause-status";
import { clauseMarkdown } from "../../server/src/core/catalog/clause-text";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { hover } from "../../server/src/core/features/hover";
import { renderSpecDocument } from "../../server/src/core/features/spec-document";
import { createLanguageService, DossierReport } from "../../server/src/core/check/service";
import type { Finding } from "../../server/src/core/types";
import { evidenceExistsIn } from "../../server/src/node/evidence-files";
import { AS_OF, assertBuilt, runCli } from "../support/cli-harness";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const LEVEL_3_RISK = "samples/hangzhou-chengyan/hangzhou-chengyan.dossier.yaml";
const LEVEL_3_OPERATIONS = "samples/jinan-luoqiao/jinan-luoqiao.dossier.yaml";
const LEVEL_2_INTEGRATION = "samples/nanjing-qiyuan/nanjing-qiyuan.dossier.yaml";
const LEVEL_1_DISASTER_RECOVERY = "samples/guizhou-zhuling/guizhou-zhuling.dossier.yaml";

function sample(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), "utf8");
}

/** Validates a (changed) sample as if it lay beside the sample, evidence checked on disk as the CLI does. */
function validateAs(relative: string, text: string): DossierReport {
  const service = createLanguageService({
    locale: "zh-cn",
    today: AS_OF,
    evidenceExists: evidenceExistsIn(path.dirname(path.join(ROOT, relative))),
  });
  return service.validate(text);
}

/** The text without the top-level section `key` (from its line to the next top-level key or comment line). */
function withoutSection(text: string, key: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  assert.ok(start >= 0, `no section ${key}`);
  let end = start + 1;
  while (end < lines.length && (lines[end] === "" || /^\s/.test(lines[end]))) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join("\n");
}

function replaced(text: string, pattern: RegExp, replacement: string): string {
  assert.match(text, pattern);
  return text.replace(pattern, replacement);
}

function verdictOf(verdicts: ClauseVerdict<Finding>[], clauseId: string): ClauseVerdict<Finding> {
  const verdict = verdicts.find((candidate) => candidate.clauseId === clauseId);
  assert.ok(verdict, `no verdict for ${clauseId} (verdicts: ${verdicts.map((entry) => entry.clauseId).join(", ")})`);
  return verdict;
}

test("a dossier without performance and management violates every item those sections hold, not only the headings", () => {
  const text = withoutSection(withoutSection(sample(LEVEL_3_RISK), "performance"), "management");
  const verdicts = dossierVerdicts(validateAs(LEVEL_3_RISK, text));
  for (const clauseId of ["4.1.3", "4.1.3.a", "4.1.3.b", "4.1.4", "4.1.4.a", "4.1.4.b", "4.1.4.c"]) {
    const verdict = verdictOf(verdicts, clauseId);
    assert.equal(verdict.status, "violated", clauseId);
    assert.ok(
      verdict.findings.some((finding) => finding.ruleId === "schema.required"),
      `${clauseId} is violated by the finding that reports the missing key`,
    );
    assert.ok(verdict.findings.every((finding) => finding.severity === "error"));
  }
  // Supplier management does not apply to risk assessment, missing section or not.
  assert.equal(verdictOf(verdicts, "4.1.4.d").status, "not-applicable");

  // Where it applies, a missing management section takes 4.x.4 d) away too.
  const integration = dossierVerdicts(
    validateAs(LEVEL_2_INTEGRATION, withoutSection(sample(LEVEL_2_INTEGRATION), "management")),
  );
  for (const clauseId of ["4.2.4", "4.2.4.a", "4.2.4.b", "4.2.4.c", "4.2.4.d"])
    assert.equal(verdictOf(integration, clauseId).status, "violated", clauseId);
});

test("the checklist of a dossier without performance and management (CLI, JSON) concludes 4.1.3 a), b) and 4.1.4 a)–c) violated", async () => {
  assertBuilt();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "isv-clause-status-"));
  try {
    const file = path.join(scratch, "empty.dossier.yaml");
    fs.writeFileSync(file, withoutSection(withoutSection(sample(LEVEL_3_RISK), "performance"), "management"));
    const run = await runCli(["checklist", file, "--format", "json", "--lang", "zh-CN", "--as-of", AS_OF]);
    assert.equal(run.code, 0, run.stderr);
    const rows = (JSON.parse(run.stdout) as { rows: Array<{ clauseId: string; status: string }> }).rows;
    const statusOf = new Map(rows.map((row) => [row.clauseId, row.status]));
    for (const clauseId of ["4.1.3", "4.1.3.a", "4.1.3.b", "4.1.4", "4.1.4.a", "4.1.4.b", "4.1.4.c"])
      assert.equal(statusOf.get(clauseId), "violated", clauseId);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
});

test("level 1: a document-control error citing 4.3.4 makes the 4.3.4 row violated; every 4.3.x clause has a row", () => {
  const text = replaced(sample(LEVEL_1_DISASTER_RECOVERY), /^\s+- publish\b.*\n/m, "");
  const report = validateAs(LEVEL_1_DISASTER_RECOVERY, text);
  const errors = report.findings.filter((finding) => finding.severity === "error");
  assert.ok(
    errors.some((finding) => finding.ruleId === "management.document-control" && finding.clauseIds.includes("4.3.4")),
  );
  const checklist = buildChecklist(report);
  const ids = checklist.rows.map((row) => row.clauseId);
  for (const clauseId of ["4.3.1", "4.3.2", "4.3.3", "4.3.3.a", "4.3.3.b", "4.3.4", "4.3.5", "4.3.6"])
    assert.ok(ids.includes(clauseId), `row ${clauseId}`);
  const management = checklist.rows.find((row) => row.clauseId === "4.3.4");
  assert.equal(management?.status, "violated");
  assert.equal(management?.basis, "text-unknown");
  assert.ok(management?.findings.some((finding) => finding.ruleId === "management.document-control"));
  assert.ok(checklist.counts.violated > 0);
});

test("a warning is a remark, never a violation: a lease ending 3 months after the date, supplier management without records", () => {
  // hangzhou-chengyan applies on 2026-03-18: a lease until 2026-06-18 is in force, but ends within 6 months.
  const lease = dossierVerdicts(
    validateAs(
      LEVEL_3_RISK,
      replaced(sample(LEVEL_3_RISK), /lease_until: \d{4}-\d{2}-\d{2}/, "lease_until: 2026-06-18"),
    ),
  );
  const premises = verdictOf(lease, "4.1.1");
  assert.equal(premises.status, "satisfied");
  assert.deepEqual(premises.findings, []);
  assert.ok(
    premises.remarks.some((remark) => remark.ruleId === "premises.lease-term" && remark.severity === "warning"),
  );

  const noRecords = replaced(sample(LEVEL_3_OPERATIONS), /\n    records:\n(      - [^\n]*\n)+/, "\n");
  const supplier = verdictOf(dossierVerdicts(validateAs(LEVEL_3_OPERATIONS, noRecords)), "4.1.4.d");
  assert.equal(supplier.status, "satisfied");
  assert.deepEqual(supplier.findings, []);
  assert.ok(
    supplier.remarks.some(
      (remark) => remark.ruleId === "management.supplier-management" && remark.severity === "warning",
    ),
  );
});

test("a clause known only from the table of contents, or checked in part, is never concluded plain 符合", () => {
  const checklist = buildChecklist(validateAs(LEVEL_2_INTEGRATION, sample(LEVEL_2_INTEGRATION)));
  const row = (clauseId: string): ClauseVerdict<Finding> => verdictOf(checklist.rows, clauseId);
  for (const clauseId of ["4.2.4.d", "4.2.5", "4.2.6"]) {
    assert.equal(row(clauseId).status, "satisfied", clauseId);
    assert.equal(row(clauseId).basis, "text-unknown", clauseId);
    assert.ok(row(clauseId).analogy?.clauseId.startsWith("4.1."), `${clauseId} is judged by analogy with level 3`);
  }
  for (const clauseId of ["5.2", "B", "H"]) {
    assert.equal(row(clauseId).status, "manual", clauseId);
    assert.equal(row(clauseId).basis, "text-unknown", clauseId);
  }
  const premises = row("4.2.1");
  assert.equal(premises.basis, "partly-checked");
  assert.ok(premises.checkedBy.includes("premises.lease-term"));
  assert.ok(premises.checkedBy.includes("schema"));
  assert.ok(premises.stillToCheck?.zh && premises.stillToCheck.en);
  assert.equal(row("4.2.3.a").basis, "checked");
  assert.equal(row("4.2.3").basis, "checked");
  assert.equal(row("4.2.4").basis, "partly-checked");
  for (const verdict of checklist.rows) {
    for (const locale of ["zh-cn", "en"] as const) {
      const plain = locale === "zh-cn" ? STATUS_LABELS[verdict.status].zh : STATUS_LABELS[verdict.status].en;
      const conclusion = conclusionText(verdict, locale);
      if (verdict.status === "satisfied" && verdict.basis !== "checked")
        assert.notEqual(conclusion, plain, `${verdict.clauseId} says what it rests on`);
      if (verdict.basis === "checked") assert.equal(conclusion, plain, verdict.clauseId);
    }
  }

  const levelOne = dossierVerdicts(validateAs(LEVEL_1_DISASTER_RECOVERY, sample(LEVEL_1_DISASTER_RECOVERY)));
  for (const clauseId of ["4.3.1", "4.3.2", "4.3.3", "4.3.3.a", "4.3.3.b", "4.3.4", "4.3.5", "4.3.6"])
    assert.equal(verdictOf(levelOne, clauseId).basis, "text-unknown", clauseId);
  assert.equal(verdictOf(levelOne, "4.3.4").status, "satisfied");
  assert.equal(verdictOf(levelOne, "4.3.4").analogy?.clauseId, "4.2.4");
});

test("a heading whose items are known quotes them: clause text, hover, spec document, SARIF taxon and rule help", async () => {
  const edition = defaultEdition();
  for (const heading of ["4.1.3", "4.1.4", "4.2.3", "4.2.4"]) {
    const items = edition.children(heading).filter((item) => item.text);
    assert.ok(items.length >= 2, heading);
    for (const locale of ["zh-cn", "en"] as const) {
      const markdown = clauseMarkdown(edition, heading, locale);
      for (const item of items) assert.ok(markdown.includes(item.text!.zh), `${heading} quotes ${item.id} (${locale})`);
    }
  }
  // The level table of an item heading shows each level's items (4.1.4 at level 3 quotes its d)).
  assert.ok(clauseMarkdown(edition, "4.2.4", "en").includes(edition.clause("4.1.4.d")!.text!.zh));

  // Hover on the `performance` key: the heading with its items' text.
  const text = sample(LEVEL_3_RISK);
  const report = validateAs(LEVEL_3_RISK, text);
  const shown = hover(report, text.indexOf("\nperformance:") + 2, "zh-cn");
  assert.ok(shown);
  for (const item of ["4.1.3.a", "4.1.3.b"])
    assert.ok(shown.markdown.includes(edition.clause(item)!.text!.zh), `hover quotes ${item}`);

  const spec = renderSpecDocument(edition, "zh-cn");
  const headingAt = spec.anchors["4.1.3"].start;
  assert.ok(spec.text.indexOf(edition.clause("4.1.3.a")!.text!.zh, headingAt) > headingAt);

  assertBuilt();
  const run = await runCli([
    "lint",
    "samples/hangzhou-chengyan",
    "--format",
    "sarif",
    "--as-of",
    AS_OF,
    "--lang",
    "zh-CN",
  ]);
  const log = JSON.parse(run.stdout) as {
    runs: Array<{
      taxonomies: Array<{ taxa: Array<{ id: string; fullDescription: { text: string; markdown: string } }> }>;
    }>;
  };
  const taxa = log.runs[0].taxonomies[0].taxa;
  for (const heading of ["4.1.3", "4.1.4", "4.2.3", "4.2.4"]) {
    const taxon = taxa.find((candidate) => candidate.id === heading);
    for (const item of edition.children(heading).filter((child) => child.text)) {
      assert.ok(taxon?.fullDescription.text.includes(item.text!.zh), `taxon ${heading} quotes ${item.id}`);
      assert.ok(taxon?.fullDescription.markdown.includes(item.text!.zh), `taxon ${heading} markdown quotes ${item.id}`);
    }
  }

  const clauses = await runCli(["clauses", "4.1.3", "--lang", "en"]);
  assert.equal(clauses.code, 0);
  for (const item of ["4.1.3.a", "4.1.3.b"])
    assert.ok(clauses.stdout.includes(edition.clause(item)!.text!.zh), `clauses 4.1.3 quotes ${item}`);
  assert.match(clauses.stdout, /`performance\.service-duration`/);
});

test("an error citing no clause (a credit code's check character) is not lost: the checklist lists it after its rows", async () => {
  const dossier = "samples/needs-work/bad-credit-code-check.dossier.yaml";
  const checklist = buildChecklist(validateAs(dossier, sample(dossier)));
  assert.ok(
    checklist.unattributed.some(
      (finding) => finding.ruleId === "identifier.credit-code" && finding.severity === "error",
    ),
  );
  assertBuilt();
  const run = await runCli(["checklist", dossier, "--format", "json", "--lang", "en", "--as-of", AS_OF]);
  const json = JSON.parse(run.stdout) as { otherFindings: Array<{ rule: string; severity: string }> };
  assert.ok(
    json.otherFindings.some((finding) => finding.rule === "identifier.credit-code" && finding.severity === "error"),
  );
});
