// `checklist --format md`: the self-assessment table as Markdown (facts, one table row per clause, counts).
import { ChecklistFindingRow, ChecklistTable, ChecklistTableRow, columnLabels } from "./checklist-table";
import type { Locale } from "../core/types";

function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** A link target for a line (the editor's checklist links each finding to its place in the dossier). */
export type LineLink = (line: number, column: number) => string;

export function findingLine(finding: ChecklistFindingRow, locale: Locale): string {
  return locale === "zh-cn" ? `第 ${finding.line} 行：${finding.message}` : `line ${finding.line}: ${finding.message}`;
}

/** The same line in a Markdown cell, its "line N" a link when the table is shown where lines can be opened. */
function findingCell(finding: ChecklistFindingRow, locale: Locale, link: LineLink | undefined, prefix = ""): string {
  if (!link) return cell(prefix + findingLine(finding, locale));
  const label = locale === "zh-cn" ? `第 ${finding.line} 行` : `line ${finding.line}`;
  const target = link(finding.line, finding.column).replace(
    /[()\s]/g,
    (character) => "%" + character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"),
  );
  return `${cell(prefix)}[${label}](${target})${locale === "zh-cn" ? "：" : ": "}${cell(finding.message)}`;
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

function conclusionCell(row: ChecklistTableRow, locale: Locale, link?: LineLink): string {
  const conclusion = cell(row.conclusion);
  const details = [
    ...row.findings.map((finding) => findingCell(finding, locale, link)),
    ...row.remarks.map((remark) => findingCell(remark, locale, link, locale === "zh-cn" ? "提示：" : "Note: ")),
  ];
  return [row.status === "violated" ? `**${conclusion}**` : conclusion, ...details].join("<br>");
}

function listCell(items: string[], code: boolean): string {
  if (items.length === 0) return "—";
  return items.map((item) => (code ? `\`${item.replace(/`/g, "'")}\`` : cell(item))).join("<br>");
}

/** The table as Markdown; with `link`, each finding's line links to its place (the editor's checklist). */
export function renderChecklistMarkdown(table: ChecklistTable, link?: LineLink): string {
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
      `| ${row.number} | ${cell(row.keyPoint)} | ${cell(row.clauseLabel)} | ${listCell(row.evidenceRequired, false)} | ${conclusionCell(row, locale, link)} | ${listCell(row.evidence, true)} | ${row.selfAssessment ? cell(row.selfAssessment) : "—"} |`,
    );
  }
  lines.push("", table.countsLine, "");
  if (table.otherFindings.length > 0) {
    lines.push(
      `**${table.otherFindingsTitle}**`,
      "",
      ...table.otherFindings.map((finding) => `- ${findingCell(finding, locale, link)}`),
      "",
    );
  }
  return lines.join("\n");
}
