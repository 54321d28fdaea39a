// `--format json`: {version: 1, files: [{path, findings: [{rule, clauses, severity, message, range}]}], summary}
// with 0-based lines and characters (like LSP). Extra fields: messageId, args, related, fingerprint, level, category;
// a waived finding keeps its severity and carries `waived` {justification, approvedBy, expires, origin}; the summary's
// errors, warnings and infos leave waived findings out (`waived` counts them).
import type { LintedFile } from "./lint-file";
import { FormatContext, summarize } from "./lint-results";

export function formatJson(files: LintedFile[], context: FormatContext): string {
  const summary = summarize(files);
  const document = {
    version: 1,
    tool: { name: "isv-dossier", version: context.toolVersion },
    locale: context.locale === "zh-cn" ? "zh-CN" : "en",
    files: files.map((file) => ({
      path: file.path,
      edition: file.editionId,
      level: file.level,
      category: file.category,
      findings: file.findings.map((finding) => ({
        rule: finding.rule,
        clauses: finding.clauses,
        severity: finding.severity,
        message: finding.message,
        range: finding.range,
        messageId: finding.messageId,
        args: finding.args,
        related: finding.related,
        fingerprint: finding.fingerprint,
        ...(finding.waived ? { waived: finding.waived } : {}),
      })),
    })),
    summary: {
      files: summary.files,
      errors: summary.errors,
      warnings: summary.warnings,
      infos: summary.infos,
      waived: summary.waived,
    },
  };
  return JSON.stringify(document, null, 2) + "\n";
}
