// `checklist --format html`: the self-assessment table as one standalone, printable page — inline CSS only, no
// scripts, fonts, images or links to anything outside the file.
import { ChecklistTable, ChecklistTableRow, columnLabels } from "./checklist-table";
import { findingLine, remarkLine } from "./checklist-md";
import { escapeHtml } from "./safe-text";

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
         font-size: 10.5pt; line-height: 1.45; color: #111; margin: 2em; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 0.8em; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0 0 1.2em; }
  dl.facts dt { font-weight: bold; }
  dl.facts dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #444; padding: 0.35em 0.5em; vertical-align: top; text-align: left; }
  th { background: #e8e8e8; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  th:first-child, td.number { white-space: nowrap; }
  td.number { text-align: right; }
  td.clause { white-space: nowrap; }
  td.evidence code { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 9pt; }
  ul { margin: 0; padding-left: 1.1em; }
  .status { font-weight: bold; }
  .status-satisfied { color: #14622d; }
  .status-violated { color: #a4161a; }
  .status-unfilled { color: #8a5a00; }
  .status-not-applicable { color: #555; }
  .status-manual { color: #8a5a00; }
  .status-waived { color: #555; }
  .finding { color: #a4161a; font-size: 9.5pt; }
  .remark { color: #555; font-size: 9.5pt; }
  p.counts { margin-top: 1em; }
  h2 { font-size: 12pt; margin: 1.2em 0 0.4em; }
  @page { size: A4 landscape; margin: 12mm; }
  @media print { body { margin: 0; } th { background: #e8e8e8 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function list(items: string[], code: boolean): string {
  if (items.length === 0) return "—";
  return `<ul>${items.map((item) => `<li>${code ? `<code>${escapeHtml(item)}</code>` : escapeHtml(item)}</li>`).join("")}</ul>`;
}

function row(entry: ChecklistTableRow, table: ChecklistTable): string {
  const findings = [
    ...entry.findings.map((finding) => `<div class="finding">${escapeHtml(findingLine(finding, table.locale))}</div>`),
    ...entry.remarks.map((remark) => `<div class="remark">${escapeHtml(remarkLine(remark, table.locale))}</div>`),
  ].join("");
  return [
    `<tr data-clause="${escapeHtml(entry.clauseId)}" data-status="${entry.status}" data-basis="${entry.basis}">`,
    `<td class="number">${entry.number}</td>`,
    `<td class="key-point">${escapeHtml(entry.keyPoint)}</td>`,
    `<td class="clause">${escapeHtml(entry.clauseLabel)}</td>`,
    `<td class="required">${list(entry.evidenceRequired, false)}</td>`,
    `<td class="conclusion"><span class="status status-${entry.status}">${escapeHtml(entry.conclusion)}</span>${findings}</td>`,
    `<td class="evidence">${list(entry.evidence, true)}</td>`,
    `<td class="self-assessment">${entry.selfAssessment ? escapeHtml(entry.selfAssessment).replace(/\n/g, "<br>") : "—"}</td>`,
    "</tr>",
  ].join("");
}

/** The start of a report page (the checklist's, the diff's): its head, its title and its facts, escaped. */
export function htmlPageStart(
  lang: string,
  title: string,
  style: string,
  facts: ReadonlyArray<{ label: string; value: string }>,
): string[] {
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<dl class="facts">${facts.map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`).join("")}</dl>`,
  ];
}

export function renderChecklistHtml(table: ChecklistTable): string {
  const lang = table.locale === "zh-cn" ? "zh-CN" : "en";
  return [
    ...htmlPageStart(lang, table.title, STYLE, table.facts),
    '<table class="checklist">',
    `<thead><tr>${columnLabels(table)
      .map((label) => `<th>${escapeHtml(label)}</th>`)
      .join("")}</tr></thead>`,
    "<tbody>",
    ...table.rows.map((entry) => row(entry, table)),
    "</tbody>",
    "</table>",
    `<p class="counts">${escapeHtml(table.countsLine)}</p>`,
    ...(table.otherFindings.length > 0
      ? [
          `<h2>${escapeHtml(table.otherFindingsTitle)}</h2>`,
          `<ul class="other-findings">${table.otherFindings.map((finding) => `<li class="finding">${escapeHtml(findingLine(finding, table.locale))}</li>`).join("")}</ul>`,
        ]
      : []),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
