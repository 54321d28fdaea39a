// The answer of the checklist request (the Clauses view, the status bar, "Show checklist"): the dossier's verdicts
// (core/clause-status.ts, through the checklist) with their conclusions in the dossier's locale and findings as
// diagnostics.
import { buildChecklist } from "../core/checklist";
import { conclusionLabel, conclusionText, countsText } from "../core/clause-status";
import { clauseTitle } from "../core/clause-text";
import { LineIndex } from "../core/line-index";
import { selfAssessmentNotes } from "../core/self-assessment";
import type { DossierReport } from "../core/service";
import type { Locale } from "../core/types";
import { toDiagnostic } from "./convert";
import type { ChecklistAnswer } from "./requests";

/** The checklist request's answer for a validated document. */
export function checklistAnswer(report: DossierReport, text: string, uri: string, locale: Locale): ChecklistAnswer {
  const checklist = buildChecklist(report);
  const lines = new LineIndex(text);
  const notes = selfAssessmentNotes(report.parsed.value);
  return {
    editionId: checklist.editionId,
    category: checklist.category,
    level: checklist.level,
    drClass: checklist.drClass,
    asOf: checklist.asOf,
    locale,
    counts: checklist.counts,
    countsText: countsText(checklist.counts, locale),
    rows: checklist.rows.map((row) => ({
      number: row.number,
      clauseId: row.clauseId,
      title: clauseTitle(report.edition, row.clauseId) ?? null,
      provenance: row.clause.provenance,
      status: row.status,
      basis: row.basis,
      conclusion: conclusionText(row, locale),
      label: conclusionLabel(row, locale),
      checkedBy: row.checkedBy,
      stillToCheck: row.stillToCheck ?? null,
      evidence: row.evidence,
      findings: row.findings.map((finding) => toDiagnostic(finding, lines, uri, report.edition, locale)),
      remarks: row.remarks.map((finding) => toDiagnostic(finding, lines, uri, report.edition, locale)),
      selfAssessment: notes.get(row.clauseId) ?? null,
    })),
  };
}
