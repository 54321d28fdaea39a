// 自评说明: the `self_assessment` notes read by clause id (the form the specification prints is accepted), joined
// when a clause has two; each id that is no row of the dossier's table gets the message saying why (ids, not text).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildChecklist } from "../../server/src/core/verdicts/checklist";
import { normalizeClauseId, selfAssessmentNotes } from "../../server/src/core/check/self-assessment";
import { createLanguageService } from "../../server/src/core/check/service";
import { buildChecklistTable } from "../../server/src/cli/checklist-table";
import { repositoryRoot } from "../support/repository";

const FIXTURES = path.join(repositoryRoot(), "test", "fixtures", "rules", "identifier.self-assessment-clause");

test("clause ids are read as the table writes them, or as the specification prints them", () => {
  assert.equal(normalizeClauseId("4.1.3.a"), "4.1.3.a");
  assert.equal(normalizeClauseId("4.1.3 a)"), "4.1.3.a");
  assert.equal(normalizeClauseId("4.1.3a)"), "4.1.3.a");
  assert.equal(normalizeClauseId(" §4.1.1 "), "4.1.1");
  assert.equal(normalizeClauseId(5.1), "5.1");
  assert.equal(normalizeClauseId("B"), "B");
});

test("notes by clause: two entries for one clause are joined in order; entries without a clause or note are left out", () => {
  const notes = selfAssessmentNotes({
    self_assessment: [
      { clause: "4.1.1", note: " first " },
      { clause: "4.1.3 a)", note: "x" },
      { clause: "4.1.1", note: "second" },
      { clause: "", note: "no clause" },
      { clause: "4.1.2" },
      "not an entry",
    ],
  });
  assert.deepEqual(
    [...notes.entries()],
    [
      ["4.1.1", "first\n\nsecond"],
      ["4.1.3.a", "x"],
    ],
  );
  assert.equal(selfAssessmentNotes({ self_assessment: "text" }).size, 0);
  assert.equal(selfAssessmentNotes(null).size, 0);
});

test("the table's 自评说明 column carries each row's note; ids outside the table get the finding that says why", () => {
  const service = createLanguageService({ locale: "zh-cn", today: "2026-11-24", evidenceExists: () => true });
  const valid = service.validate(fs.readFileSync(path.join(FIXTURES, "rows-of-the-table.dossier.yaml"), "utf8"));
  const table = buildChecklistTable(valid, buildChecklist(valid), "zh-cn");
  const withNotes = table.rows.filter((row) => row.selfAssessment !== "").map((row) => row.clauseId);
  assert.deepEqual(withNotes, ["4.1.3.a", "4.1.3.b", "5.1"]);

  const invalid = service.validate(fs.readFileSync(path.join(FIXTURES, "not-rows-of-the-table.dossier.yaml"), "utf8"));
  const findings = invalid.findings.filter((finding) => finding.ruleId === "identifier.self-assessment-clause");
  assert.deepEqual(
    findings.map((finding) => [
      finding.messageId,
      finding.args.counterpart,
      finding.severity,
      finding.clauseIds.length,
    ]),
    [
      ["identifier.self-assessment-clause.unknown", "", "warning", 0],
      ["identifier.self-assessment-clause.other-level", "4.1.3.a", "warning", 0],
      ["identifier.self-assessment-clause.not-in-table", "", "warning", 0],
    ],
  );
});
