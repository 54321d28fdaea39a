// `checklist --format csv`: RFC 4180 (CRLF, quoted fields) with a UTF-8 byte order mark so spreadsheet programs
// open the Chinese text correctly. Columns: the seven of the table plus the clause id and status code.
import type { ChecklistTable } from "./checklist-table";
import { findingLine } from "./checklist-md";

function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderChecklistCsv(table: ChecklistTable): string {
  const { headers } = table;
  const records: Array<Array<string | number>> = [
    [headers.number, headers.keyPoint, headers.clause, headers.evidenceRequired, headers.conclusion, headers.evidence, headers.selfAssessment, "clause_id", "status"],
  ];
  for (const row of table.rows) {
    const conclusion = [row.conclusion, ...row.findings.map((finding) => findingLine(finding, table.locale))].join("\n");
    records.push([row.number, row.keyPoint, row.clauseLabel, row.evidenceRequired.join("\n"), conclusion, row.evidence.join("\n"), row.selfAssessment, row.clauseId, row.status]);
  }
  return "\ufeff" + records.map((record) => record.map(field).join(",")).join("\r\n") + "\r\n";
}
