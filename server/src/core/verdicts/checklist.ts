// The per-clause picture of one dossier (the self-assessment table, 自评估表): every verdict of clause-status.ts
// (the one model of a clause's status) with its row number and the evidence the dossier offers for the clause.
import { isMap, isScalar, isSeq, Node as YamlNode } from "yaml";
import { ClauseVerdict, countStatuses, dossierVerdicts, StatusCounts } from "./clause-status";
import type { Level } from "../catalog/edition";
import { selfAssessmentNotes } from "../check/self-assessment";
import type { DossierReport } from "../check/service";
import type { Finding, JsonPath } from "../types";

export { STATUS_LABELS, conclusionText, conclusionLabel } from "./clause-status";
export type { ClauseStatus, ClauseBasis, ClauseVerdict } from "./clause-status";

export interface ChecklistRow extends ClauseVerdict<Finding> {
  /** 1-based row number (序号). */
  number: number;
  /** Evidence paths the dossier gives under fields that cite this clause. */
  evidence: string[];
  /** The applicant's own explanation (自评说明, `self_assessment`), when the dossier gives one. */
  selfAssessment?: string;
}

export interface Checklist {
  editionId: string;
  category: string | undefined;
  level: Level;
  drClass: string | undefined;
  asOf: string;
  rows: ChecklistRow[];
  counts: StatusCounts;
  /** Findings that cite no clause (YAML syntax, identifier format, input limits): no row can show them. */
  unattributed: Finding[];
}

/** Collects evidence paths by the clause ids of the fields holding them. */
function evidenceByClause(report: DossierReport): Map<string, string[]> {
  const byClause = new Map<string, string[]>();
  const { edition, level } = report;
  const visit = (node: unknown, path: JsonPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) visit(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    } else if (isScalar(node) && typeof node.value === "string" && node.value !== "") {
      const model = edition.modelAt(path);
      const holder = model?.evidence
        ? typeof path.at(-1) === "number"
          ? edition.modelAt(path.slice(0, -1))
          : model
        : undefined;
      for (const template of holder?.clauses ?? []) {
        const clauseId = edition.resolveClause(template, level);
        const list = byClause.get(clauseId) ?? [];
        if (!list.includes(node.value)) list.push(node.value);
        byClause.set(clauseId, list);
      }
    }
  };
  visit(report.parsed.document.contents as YamlNode | null, []);
  return byClause;
}

/** The clauses a checklist lists for a level and category, in catalog order (before any a finding adds). */
export function buildChecklist(report: DossierReport): Checklist {
  const evidence = evidenceByClause(report);
  const notes = selfAssessmentNotes(report.parsed.value);
  const rows: ChecklistRow[] = dossierVerdicts(report).map((verdict, index) => ({
    ...verdict,
    number: index + 1,
    evidence: evidence.get(verdict.clauseId) ?? [],
    selfAssessment: notes.get(verdict.clauseId),
  }));
  return {
    editionId: report.edition.id,
    category: report.category,
    level: report.level,
    drClass: report.drClass,
    asOf: report.asOf,
    rows,
    counts: countStatuses(rows),
    unattributed: report.findings.filter((finding) => finding.clauseIds.length === 0),
  };
}
