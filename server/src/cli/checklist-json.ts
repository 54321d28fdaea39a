// `checklist --format json`: the table as data (localized texts plus ids and status codes), version 1.
import type { Checklist } from "../core/verdicts/checklist";
import type { ChecklistTable } from "./checklist-table";

export function renderChecklistJson(table: ChecklistTable, checklist: Checklist, dossierPath: string): string {
  const document = {
    version: 1,
    path: dossierPath,
    edition: checklist.editionId,
    category: checklist.category ?? null,
    level: checklist.level,
    drClass: checklist.drClass ?? null,
    asOf: checklist.asOf,
    locale: table.locale === "zh-cn" ? "zh-CN" : "en",
    title: table.title,
    facts: table.facts,
    headers: table.headers,
    rows: table.rows,
    counts: table.counts,
    otherFindings: table.otherFindings,
  };
  return JSON.stringify(document, null, 2) + "\n";
}
