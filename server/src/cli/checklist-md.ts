// `checklist --format md`: the self-assessment table as Markdown (facts, one table row per clause, counts).
import { ChecklistFindingRow, ChecklistTable, ChecklistTableRow, columnLabels } from "./checklist-table";
import type { Locale } from "../core/types";

function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

export function findingLine(finding: ChecklistFindingRow, locale: Locale): string {
  return locale === "zh-cn" ? `第 ${finding.line} 行：${finding.message}` : `line ${finding.line}: ${finding.message}`;
}

/** A warning or info on a row: a remark (提示), never part of the conclusion. */
export function remarkLine(remark: ChecklistFindingRow, locale: Locale): string {
  return `${locale === "zh-cn" ? "提示：" : "Note: "}${findingLine(remark, locale)}`;
}

/** The conclusion's lines: the conclusion, the errors behind it, then the remarks. */
export function conclusionLines(row: ChecklistTableRow, locale: Locale): string[] {
  return [
    row.conclusion,
    ...row.findings.map((finding) => findingLine(finding, locale)),
    ...row.remarks.map((remark) => remarkLine(remark, locale)),
  ];
}

function conclusionCell(row: ChecklistTableRow, locale: Locale): string {
  const [conclusion, ...details] = conclusionLines(row, locale).map(cell);
  return [row.status === "violated" ? `**${conclusion}**` : conclusion, ...details].join("<br>");
}

function listCell(items: string[], code: boolean): string {
  if (items.length === 0) return "—";
  return items.map((item) => (code ? `\`${item.replace(/`/g, "'")}\`` : cell(item))).join("<br>");
}

export function renderChecklistMarkdown(table: ChecklistTable): string {
  const { locale } = table;
  const separator = locale === "zh-cn" ? "：" : ": ";
  const lines = [
    `# ${table.title}`,
    "",
    ...table.facts.map((fact) => `- **${fact.label}**${separator}${cell(fact.value)}`),
    "",
  ];
  lines.push(`| ${columnLabels(table).join(" | ")} |`);
  lines.push("|---:|---|---|---|---|---|---|");
  for (const row of table.rows) {
    lines.push(
      `| ${row.number} | ${cell(row.keyPoint)} | ${cell(row.clauseLabel)} | ${listCell(row.evidenceRequired, false)} | ${conclusionCell(row, locale)} | ${listCell(row.evidence, true)} | ${row.selfAssessment ? cell(row.selfAssessment) : "—"} |`,
    );
  }
  lines.push("", table.countsLine, "");
  if (table.otherFindings.length > 0) {
    lines.push(
      `**${table.otherFindingsTitle}**`,
      "",
      ...table.otherFindings.map((finding) => `- ${cell(findingLine(finding, locale))}`),
      "",
    );
  }
  return lines.join("\n");
}
