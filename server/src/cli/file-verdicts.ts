// The clause verdicts of a linted dossier (core/verdicts/clause-status.ts) from the findings the CLI carries, for the SARIF
// log and the stylish summary line. The same function as the checklist's, fed the same findings.
import { ClauseVerdict, clauseVerdicts, VerdictFinding } from "../core/verdicts/clause-status";
import { Edition, findEdition, Level } from "../core/catalog/edition";
import type { CliFinding, LintedFile } from "./lint-file";

/** A CLI finding as the status function reads it. */
export interface SarifFinding extends VerdictFinding {
  finding: CliFinding;
}

/** The verdicts of one linted dossier (none for a file that could not be read); an unknown level is level 3, as
 * the language service assumes. */
export function fileVerdicts(file: LintedFile, fallback: Edition): Array<ClauseVerdict<SarifFinding>> {
  if (file.readError !== undefined) return [];
  const edition = findEdition(file.editionId) ?? fallback;
  const level = (file.level ?? 3) as Level;
  const findings = file.findings.map((finding) => ({
    ruleId: finding.rule,
    clauseIds: finding.clauses,
    severity: finding.severity,
    ...(finding.waived ? { waived: finding.waived } : {}),
    finding,
  }));
  return clauseVerdicts(edition, level, file.category ?? undefined, findings);
}
