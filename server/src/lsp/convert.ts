// The LSP edge: core findings, ranges and results (offsets) → LSP types (positions). Nothing else converts.
import type { Diagnostic, DiagnosticRelatedInformation, Range } from "vscode-languageserver";
import { DiagnosticSeverity } from "vscode-languageserver";
import { LineIndex } from "../core/line-index";
import { renderMessage } from "../core/l10n/render";
import type { Edition } from "../core/edition";
import { specUri } from "../core/spec-document";
import type { Finding, Locale, OffsetRange, Severity } from "../core/types";

export const DIAGNOSTIC_SOURCE = "isv-dossier";

const SEVERITY: { [severity in Severity]: DiagnosticSeverity } = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(lines: LineIndex, range: OffsetRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export interface DiagnosticData {
  ruleId: string;
  clauseIds: string[];
}

export function toDiagnostic(finding: Finding, lines: LineIndex, uri: string, edition: Edition, locale: Locale): Diagnostic {
  const primaryClause = finding.clauseIds[0];
  const related: DiagnosticRelatedInformation[] = finding.related.map((item) => ({
    location: { uri, range: toRange(lines, item.range) },
    message: renderMessage(item.messageId, item.args, locale),
  }));
  const data: DiagnosticData = { ruleId: finding.ruleId, clauseIds: finding.clauseIds };
  return {
    range: toRange(lines, finding.range),
    severity: SEVERITY[finding.severity],
    code: primaryClause ?? finding.ruleId,
    ...(primaryClause ? { codeDescription: { href: specUri(edition, primaryClause) } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: renderMessage(finding.messageId, finding.args, locale),
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    data,
  };
}
