// The answer of the checklist request (the Clauses view, the status bar, "Show checklist"): the dossier's verdicts
// (core/verdicts/clause-status.ts, through the checklist) with their conclusions in the dossier's locale and findings as
// diagnostics.
import type { Checklist } from "../core/verdicts/checklist";
import { conclusionLabel, conclusionText, countsText, FILL_CHECK_ID } from "../core/verdicts/clause-status";
import { clauseTitle } from "../core/catalog/clause-text";
import type { LineIndex } from "../core/parse/line-index";
import type { Edition } from "../core/catalog/edition";
import type { Locale } from "../core/types";
import { toDiagnostic } from "./convert";
import type { ChecklistAnswer, ChecklistMarkdownParams } from "./requests";
import type { DossierReport } from "../core/check/service";
import { buildChecklistTable } from "../cli/checklist-table";
import { renderChecklistMarkdown } from "../cli/checklist-md";

/** The checklist request's answer for a validated document (`lines`: of the text the checklist is of). */
export function checklistAnswer(
  checklist: Checklist,
  edition: Edition,
  lines: LineIndex,
  uri: string,
  locale: Locale,
): ChecklistAnswer {
  return {
    editionId: checklist.editionId,
    category: checklist.category,
    level: checklist.level,
    drClass: checklist.drClass,
    asOf: checklist.asOf,
    locale,
    counts: checklist.counts,
    countsText: countsText(checklist.counts, locale),
    toFill: checklist.rows.reduce(
      (sum, row) => sum + row.findings.filter((finding) => finding.ruleId === FILL_CHECK_ID).length,
      0,
    ),
    rows: checklist.rows.map((row) => ({
      number: row.number,
      clauseId: row.clauseId,
      title: clauseTitle(edition, row.clauseId) ?? null,
      provenance: row.clause.provenance,
      status: row.status,
      basis: row.basis,
      conclusion: conclusionText(row, locale),
      label: conclusionLabel(row, locale),
      checkedBy: row.checkedBy,
      stillToCheck: row.stillToCheck ?? null,
      evidence: row.evidence,
      findings: row.findings.map((finding) => toDiagnostic(finding, lines, uri, edition, locale)),
      remarks: row.remarks.map((finding) => toDiagnostic(finding, lines, uri, edition, locale)),
      waived: row.waived.map((finding) => toDiagnostic(finding, lines, uri, edition, locale)),
      selfAssessment: row.selfAssessment ?? null,
    })),
  };
}

/**
 * The editor's checklist: the CLI's self-assessment table (cli/checklist-table.ts, checklist-md.ts — one
 * implementation), each finding's line a link built from `params.link` ("{line}", "{column}": 1-based).
 */
export function checklistMarkdown(
  report: DossierReport,
  checklist: Checklist,
  locale: Locale,
  params: ChecklistMarkdownParams,
): string {
  const template = params.link;
  const link = template
    ? (line: number, column: number) => template.replace("{line}", String(line)).replace("{column}", String(column))
    : undefined;
  return renderChecklistMarkdown(buildChecklistTable(report, checklist, locale), link);
}
