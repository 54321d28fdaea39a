// What the lint formatters share: the filtered results, counts, and the context a formatter renders in.
import type { Edition } from "../core/catalog/edition";
import type { Locale, Severity } from "../core/types";
import type { LintedFile } from "./lint-file";

export interface LintSummary {
  files: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Waived findings (any severity): counted apart, never as errors or warnings. */
  waived: number;
  /** Values still to fill in (fill.empty, warnings): a dossier with any does not pass. */
  unfilled: number;
}

/** The check id of a value still to fill in. */
export const FILL_RULE = "fill.empty";

export interface FormatContext {
  locale: Locale;
  color: boolean;
  toolVersion: string;
  /** The SARIF driver's informationUri (the package's repository or homepage), when known. */
  informationUri?: string;
  /** `--help-base-url`: where the specification is published (http/https); SARIF helpUri only when given. */
  helpBaseUrl?: string;
  edition: Edition;
  /** List waived findings too (--show-waived; stylish only: the other formats always carry them, marked). */
  showWaived?: boolean;
}

export type LintFormatter = (files: LintedFile[], context: FormatContext) => string;

export interface ResultFilters {
  /** Errors only. */
  quiet: boolean;
  /** Keep only dossiers applying for these levels / categories (the dossier's own values are never overridden). */
  levels?: number[];
  categories?: string[];
}

export function applyFilters(files: LintedFile[], filters: ResultFilters): LintedFile[] {
  return files
    .filter(
      (file) => file.configuration || !filters.levels || (file.level !== null && filters.levels.includes(file.level)),
    )
    .filter(
      (file) =>
        file.configuration ||
        !filters.categories ||
        (file.category !== null && filters.categories.includes(file.category)),
    )
    .map((file) =>
      filters.quiet
        ? {
            ...file,
            // errors, and the values still to fill in: both keep the dossier from passing (unless waived)
            findings: file.findings.filter(
              (finding) => (finding.severity === "error" || finding.rule === FILL_RULE) && !finding.waived,
            ),
          }
        : file,
    );
}

export function summarize(files: LintedFile[]): LintSummary {
  const count = (severity: Severity): number =>
    files.reduce(
      (sum, file) => sum + file.findings.filter((finding) => finding.severity === severity && !finding.waived).length,
      0,
    );
  return {
    files: files.length,
    filesWithProblems: files.filter((file) => file.findings.some((finding) => !finding.waived)).length,
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
    waived: files.reduce((sum, file) => sum + file.findings.filter((finding) => finding.waived).length, 0),
    unfilled: files.reduce(
      (sum, file) => sum + file.findings.filter((finding) => finding.rule === FILL_RULE && !finding.waived).length,
      0,
    ),
  };
}
