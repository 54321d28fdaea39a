// `--format github`: GitHub Actions workflow commands (::error / ::warning / ::notice), one per finding, so the
// findings show up as annotations on the changed files of a pull request. Waived findings are not annotated (a waiver
// is an accepted deviation, not something to look at in a pull request).
import type { Severity } from "../core/types";
import type { LintedFile } from "./lint-file";
import type { FormatContext } from "./lint-results";
import { terminalText } from "./safe-text";

const COMMAND: { [severity in Severity]: string } = { error: "error", warning: "warning", info: "notice" };

/** Workflow-command escaping, then the other control characters shown as escapes: the log is a terminal too. */
function escapeData(text: string): string {
  return terminalText(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatGithub(files: LintedFile[], context: FormatContext): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.waived) continue;
      const { start, end } = finding.range;
      const clause =
        finding.clauses.length > 0 ? `${context.edition.id} ${finding.clauses.join(", ")}` : context.edition.id;
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${start.line + 1}`,
        `endLine=${end.line + 1}`,
        `col=${start.character + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`${clause} (${finding.rule})`)}`,
      ];
      // an annotation has one location: those in other dossiers (the cross-dossier checks) are named in its text
      const elsewhere = finding.related
        .filter((related) => related.path !== undefined)
        .map((related) => `${related.path}:${related.range.start.line + 1}:${related.range.start.character + 1}`);
      const message = elsewhere.length > 0 ? `${finding.message} (→ ${elsewhere.join(", ")})` : finding.message;
      lines.push(`::${COMMAND[finding.severity]} ${properties.join(",")}::${escapeData(message)}`);
    }
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
}
