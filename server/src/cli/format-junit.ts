// `--format junit`: JUnit XML for CI dashboards. One <testsuite> per dossier; each finding is a <testcase>
// (errors fail it; warnings, infos and waived findings pass with the text in <system-out>, a waived one with its
// waiver's justification); a clean dossier has one passing case.
// No timestamps or durations, so the output is reproducible. Well-formed XML whatever the dossier holds.
import type { CliFinding, LintedFile } from "./lint-file";
import type { FormatContext } from "./lint-results";
import { xmlCharacters } from "./safe-text";
import { uiText } from "./ui-text";

/** Escaped for XML text and attributes; characters XML does not allow are shown as escapes (safe-text.ts). */
function escapeXml(text: string): string {
  return xmlCharacters(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function describe(finding: CliFinding, context: FormatContext): string {
  const position = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
  const clauses = finding.clauses.length > 0 ? finding.clauses.join(",") : "-";
  const elsewhere = finding.related
    .filter((related) => related.path !== undefined)
    .map((related) => `\n  → ${related.path}:${related.range.start.line + 1}:${related.range.start.character + 1}`);
  return `${position}  ${uiText(`severity.${finding.severity}`, context.locale)}  ${clauses}  ${finding.message}  ${finding.rule}${elsewhere.join("")}`;
}

function testcase(file: LintedFile, finding: CliFinding, context: FormatContext): string[] {
  const position = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
  const clauses = finding.clauses.length > 0 ? ` [${finding.clauses.join(",")}]` : "";
  const open = `    <testcase classname="${escapeXml(file.path)}" name="${escapeXml(`${position} ${finding.rule}${clauses}`)}">`;
  const body = finding.waived
    ? `      <system-out>${escapeXml(`${describe(finding, context)}  ${uiText("waived.note", context.locale, { justification: finding.waived.justification, approvedBy: finding.waived.approvedBy, expires: finding.waived.expires })}`)}</system-out>`
    : finding.severity === "error"
      ? `      <failure type="error" message="${escapeXml(finding.message)}">${escapeXml(describe(finding, context))}</failure>`
      : `      <system-out>${escapeXml(describe(finding, context))}</system-out>`;
  return [open, body, "    </testcase>"];
}

export function formatJunit(files: LintedFile[], context: FormatContext): string {
  const failuresOf = (file: LintedFile): number =>
    file.findings.filter((finding) => finding.severity === "error" && !finding.waived).length;
  const testsOf = (file: LintedFile): number => Math.max(1, file.findings.length);
  const totalTests = files.reduce((sum, file) => sum + testsOf(file), 0);
  const totalFailures = files.reduce((sum, file) => sum + failuresOf(file), 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="isv-dossier" tests="${totalTests}" failures="${totalFailures}" errors="0">`,
  ];
  for (const file of files) {
    lines.push(
      `  <testsuite name="${escapeXml(file.path)}" tests="${testsOf(file)}" failures="${failuresOf(file)}" errors="0" skipped="0">`,
    );
    if (file.findings.length === 0)
      lines.push(`    <testcase classname="${escapeXml(file.path)}" name="${escapeXml(file.editionId)}"/>`);
    for (const finding of file.findings) lines.push(...testcase(file, finding, context));
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>", "");
  return lines.join("\n");
}
