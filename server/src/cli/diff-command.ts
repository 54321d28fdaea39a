// `isv-dossier diff OLD NEW`: what changed between two submissions of a dossier, clause by clause (the pure diff is
// core/verdicts/diff.ts; its localized view diff-view.ts; the layouts diff-render.ts). Exit code 1 when a clause
// went from satisfied to violated, else 0; 2 for usage errors. `--output` never replaces either dossier.
import * as path from "node:path";
import { createLanguageService, DossierReport } from "../core/check/service";
import type { Locale } from "../core/types";
import { diffDossiers, DossierDiff } from "../core/verdicts/diff";
import { evidenceExistsIn } from "../node/evidence-files";
import { readDossier } from "./checklist-command";
import { buildDiffView, diffJson, DiffSubmission } from "./diff-view";
import { renderDiffHtml, renderDiffMarkdown, renderDiffStylish } from "./diff-render";
import { displayPathFor } from "./discover";
import { EXIT_OK } from "./errors";
import { cliTimeBudget } from "./lint-file";
import { checkOutputPath, writeOutput } from "./output";

export const DIFF_FORMATS = ["stylish", "md", "json", "html"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A clause went from satisfied to violated. */
export const EXIT_REGRESSION = 1;

export interface DiffCommandOptions {
  before: string;
  after: string;
  cwd: string;
  format: DiffFormat;
  locale: Locale;
  asOf: string;
  output?: string;
  color: boolean;
}

/** A submission's report, its evidence looked up beside it. */
function check(text: string, file: string, options: DiffCommandOptions): DossierReport {
  return createLanguageService({
    locale: options.locale,
    today: options.asOf,
    evidenceExists: evidenceExistsIn(path.dirname(file)),
    timeBudget: cliTimeBudget(),
  }).validate(text);
}

/** The diff of two texts and its rendering in a format (also what the editor's compare command shows, as md). */
export function renderDiff(
  diff: DossierDiff,
  report: DossierReport,
  before: DiffSubmission,
  after: DiffSubmission,
  format: DiffFormat,
  locale: Locale,
  color: boolean,
): string {
  if (format === "json") return diffJson(diff, before, after, locale);
  const view = buildDiffView(diff, report.edition, before, after, locale);
  switch (format) {
    case "md":
      return renderDiffMarkdown(view);
    case "html":
      return renderDiffHtml(view);
    default:
      return renderDiffStylish(view, color);
  }
}

export function runDiff(options: DiffCommandOptions): number {
  const files = [options.before, options.after].map((file) => path.resolve(options.cwd, file));
  checkOutputPath(options.output, files, options.cwd, options.locale);
  const [beforeText, afterText] = [options.before, options.after].map((file, index) =>
    readDossier(files[index], file, options.locale),
  );
  const beforeReport = check(beforeText, files[0], options);
  const afterReport = check(afterText, files[1], options);
  const diff = diffDossiers(beforeReport, afterReport);
  const before = { name: displayPathFor(files[0], options.cwd), text: beforeText };
  const after = { name: displayPathFor(files[1], options.cwd), text: afterText };
  const output = renderDiff(diff, afterReport, before, after, options.format, options.locale, options.color);
  writeOutput(output, options.output, options.locale);
  return diff.regressions.length > 0 ? EXIT_REGRESSION : EXIT_OK;
}
