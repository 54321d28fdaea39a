// `checklist --format csv`: RFC 4180 (CRLF, quoted fields) with a UTF-8 byte order mark so spreadsheet programs
// open the Chinese text correctly. Columns: the seven of the table plus the clause id, status and basis codes. One
// record per clause: findings that cite no clause are in the other formats only. A cell that a spreadsheet would
// take for a formula (= + - @ …) starts with ' (safe-text.ts).
import { ChecklistTable, columnLabels } from "./checklist-table";
import { conclusionLines } from "./checklist-md";
import { csvField as field } from "./safe-text";

export function renderChecklistCsv(table: ChecklistTable): string {
  const records: Array<Array<string | number>> = [[...columnLabels(table), "clause_id", "status", "basis"]];
  for (const row of table.rows) {
    const conclusion = conclusionLines(row, table.locale).join("\n");
    records.push([
      row.number,
      row.keyPoint,
      row.clauseLabel,
      row.evidenceRequired.join("\n"),
      conclusion,
      row.evidence.join("\n"),
      row.selfAssessment,
      row.clauseId,
      row.status,
      row.basis,
    ]);
  }
  return "\ufeff" + records.map((record) => record.map(field).join(",")).join("\r\n") + "\r\n";
}
