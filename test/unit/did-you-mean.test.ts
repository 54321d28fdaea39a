// "Did you mean": the distance and the choice of the nearest word, the unknown-key finding that names the model's
// nearest key at that place (ids, clauses, range), the one finding a misspelt required key makes, and the quick fix
// that renames the key.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { damerauLevenshtein, nearestWord } from "../../server/src/core/l10n/nearest";
import { createLanguageService } from "../../server/src/core/check/service";
import { quickFixes } from "../../server/src/core/features/code-actions";
import type { Finding } from "../../server/src/core/types";
import { repositoryRoot } from "../support/repository";

const VALID = fs.readFileSync(path.join(repositoryRoot(), "test", "fixtures", "schema", "valid.dossier.yaml"), "utf8");
/** The structure findings (the valid fixture names evidence without a source for a tool: an info of a rule). */
function schemaFindings(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.ruleId.startsWith("schema."));
}

const service = createLanguageService({ locale: "en", today: "2026-11-24", evidenceExists: () => true });

test("Damerau-Levenshtein: a swap of two neighbours counts once", () => {
  assert.equal(damerauLevenshtein("lnit", "lint"), 1);
  assert.equal(damerauLevenshtein("tenur", "tenure"), 1);
  assert.equal(damerauLevenshtein("formt", "format"), 1);
  assert.equal(damerauLevenshtein("abc", "abc"), 0);
  assert.equal(damerauLevenshtein("", "abc"), 3);
  assert.equal(damerauLevenshtein("kitten", "sitting"), 3);
});

test("nearestWord: near enough, ties broken by the same letters, then the same first letter; otherwise none", () => {
  assert.equal(nearestWord("lnit", ["lint", "checklist", "init", "clauses"]), "lint");
  assert.equal(nearestWord("tenur", ["address", "tenure", "lease_until"]), "tenure");
  assert.equal(nearestWord("formt", ["format", "output", "quiet"]), "format");
  assert.equal(nearestWord("xyzzy", ["lint", "init"]), undefined);
  assert.equal(nearestWord("ab", ["ac", "ad"]), undefined);
  assert.equal(nearestWord("lint", ["lint"]), undefined);
});

test("a misspelt required key: one finding at the key, citing the clause that requires it, with a rename fix", () => {
  const text = VALID.replace("  tenure: leased", "  tenur: leased");
  const report = service.validate(text);
  const findings = schemaFindings(report.findings).map((finding) => ({
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    clauseIds: finding.clauseIds,
    text: text.slice(finding.range.start, finding.range.end),
  }));
  assert.deepEqual(findings, [
    {
      ruleId: "schema.unknown-key",
      messageId: "schema.unknown-key.did-you-mean-required",
      clauseIds: ["4.1.1"],
      text: "tenur",
    },
  ]);
  const finding = schemaFindings(report.findings)[0];
  assert.deepEqual(finding.fix, { kind: "rename-key", path: ["premises", "tenur"], to: "tenure" });
  const fixes = quickFixes(report, finding.range, "en");
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].preferred, true);
  const [edit] = fixes[0].edits;
  const fixed = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
  assert.equal(fixed, VALID);
  assert.deepEqual(schemaFindings(service.validate(fixed).findings), []);
});

test("a misspelt optional key names the nearest key; a key far from all gets no suggestion and no fix", () => {
  const optional = service.validate(
    VALID.replace("  evidence: [evidence/licence.pdf]", "  evidense: [evidence/licence.pdf]"),
  );
  assert.deepEqual(
    schemaFindings(optional.findings).map((finding) => [finding.ruleId, finding.messageId, finding.fix?.kind]),
    [["schema.unknown-key", "schema.unknown-key.did-you-mean", "rename-key"]],
  );
  const far = service.validate(VALID.replace("  area_m2: 120", "  area_m2: 120\n  floors: 3"));
  assert.deepEqual(
    schemaFindings(far.findings).map((finding) => [finding.ruleId, finding.messageId, finding.fix]),
    [["schema.unknown-key", "schema.unknown-key", undefined]],
  );
});

test("a key the mapping already has is never suggested (the rename would make a duplicate key)", () => {
  const report = service.validate(VALID.replace("  tenure: leased", "  tenure: leased\n  tenures: leased"));
  assert.deepEqual(
    schemaFindings(report.findings).map((finding) => [finding.ruleId, finding.messageId, finding.fix]),
    [["schema.unknown-key", "schema.unknown-key", undefined]],
  );
});
