// The per-clause picture of one dossier (the self-assessment table, 自评估表): every clause that applies to its
// category and level with its status — satisfied, violated (with the findings), not applicable, or manual
// (not machine-checkable: a reviewer must look) — and the evidence the dossier offers for it.
import { isMap, isScalar, isSeq, Node as YamlNode } from "yaml";
import type { Clause, Edition, Level } from "./edition";
import type { DossierReport } from "./service";
import type { Finding, JsonPath, Localized } from "./types";

export type ClauseStatus = "satisfied" | "violated" | "not-applicable" | "manual";

export interface ChecklistRow {
  /** 1-based row number (序号). */
  number: number;
  clauseId: string;
  clause: Clause;
  status: ClauseStatus;
  /** Error and warning findings citing this clause. */
  findings: Finding[];
  /** Evidence paths the dossier gives under fields that cite this clause. */
  evidence: string[];
}

export interface Checklist {
  editionId: string;
  category: string | undefined;
  level: Level;
  drClass: string | undefined;
  asOf: string;
  rows: ChecklistRow[];
  counts: { [status in ClauseStatus]: number };
}

function appliesToLevel(clause: Clause, level: Level): boolean {
  return !clause.levels || clause.levels.includes(level);
}

function appliesToCategory(clause: Clause, category: string | undefined): boolean {
  return !clause.categories || clause.categories === "all" || (category !== undefined && clause.categories.includes(category));
}

function isCheckable(clause: Clause): boolean {
  return (clause.check ?? []).some((kind) => kind !== "informative");
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
    } else if (isScalar(node) && typeof node.value === "string") {
      const model = edition.modelAt(path);
      const holder = model?.evidence ? (typeof path.at(-1) === "number" ? edition.modelAt(path.slice(0, -1)) : model) : undefined;
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

/** The clauses a checklist lists for a level and category, in catalog order. */
export function checklistClauses(edition: Edition, level: Level, category: string | undefined): Array<{ clause: Clause; applicable: boolean }> {
  return edition.clauses
    .filter((clause) => appliesToLevel(clause, level) && isCheckable(clause))
    .filter((clause) => appliesToCategory(clause, category) || clause.id.startsWith("4."))
    .map((clause) => ({ clause, applicable: appliesToCategory(clause, category) }));
}

export function buildChecklist(report: DossierReport): Checklist {
  const { edition, level, category } = report;
  const evidence = evidenceByClause(report);
  const rows: ChecklistRow[] = checklistClauses(edition, level, category).map(({ clause, applicable }, index) => {
    const findings = report.findings.filter((finding) => finding.severity !== "info" && finding.clauseIds.includes(clause.id));
    const machineCheckable = (clause.check ?? []).some((kind) => kind === "schema" || kind === "rule");
    const status: ClauseStatus = !applicable ? "not-applicable" : findings.length > 0 ? "violated" : machineCheckable ? "satisfied" : "manual";
    return { number: index + 1, clauseId: clause.id, clause, status, findings, evidence: evidence.get(clause.id) ?? [] };
  });
  const counts = { satisfied: 0, violated: 0, "not-applicable": 0, manual: 0 };
  for (const row of rows) counts[row.status]++;
  return { editionId: edition.id, category, level, drClass: report.drClass, asOf: report.asOf, rows, counts };
}

export const STATUS_LABELS: { [status in ClauseStatus]: Localized } = {
  satisfied: { zh: "符合", en: "Satisfied" },
  violated: { zh: "不符合", en: "Violated" },
  "not-applicable": { zh: "不适用", en: "Not applicable" },
  manual: { zh: "需人工判断", en: "Reviewer must check" },
};
