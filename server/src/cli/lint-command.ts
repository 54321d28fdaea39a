// `isv-dossier lint [PATH…]`: discover dossiers, lint them (in parallel for large batches), filter, format,
// write, and decide the exit code: 0 clean (warnings within --max-warnings), 1 errors or too many warnings.
import { defaultEdition } from "../core/edition";
import type { Locale } from "../core/types";
import { discoverDossiers } from "./discover";
import { EXIT_FINDINGS, EXIT_OK, CliUsageError } from "./errors";
import { formatGithub } from "./format-github";
import { formatJson } from "./format-json";
import { formatJunit } from "./format-junit";
import { formatSarif } from "./format-sarif";
import { formatStylish } from "./format-stylish";
import type { LintedFile } from "./lint-file";
import { applyFilters, LintFormatter, ResultFilters, summarize } from "./lint-results";
import { writeOutput } from "./output";
import { ProgressBar } from "./progress";
import { uiText } from "./ui-text";
import { lintAll } from "./worker-pool";

export const LINT_FORMATS: { [name: string]: LintFormatter } = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
};

export interface LintCommandOptions {
  paths: string[];
  cwd: string;
  format: string;
  output?: string;
  locale: Locale;
  /** Passed to the service as today (only dossiers without application.date use it). */
  asOf: string;
  /** -1 = no limit. */
  maxWarnings: number;
  filters: ResultFilters;
  color: boolean;
  jobs?: number;
  exitZero: boolean;
  toolVersion: string;
}

function failOnUnreadable(files: LintedFile[], locale: Locale): void {
  const unreadable = files.filter((file) => file.readError !== undefined);
  if (unreadable.length === 0) return;
  const first = uiText("error.unreadable", locale, { path: unreadable[0].path, reason: unreadable[0].readError ?? "" });
  const more = unreadable.length > 1 ? uiText("error.unreadable-more", locale, { count: unreadable.length - 1 }) : "";
  throw new CliUsageError(first + more);
}

export async function runLint(options: LintCommandOptions): Promise<number> {
  const formatter = LINT_FORMATS[options.format];
  const targets = discoverDossiers(options.paths, options.cwd, options.locale);
  const progress = new ProgressBar(process.stderr, uiText("progress.files", options.locale));
  let linted: LintedFile[];
  try {
    linted = await lintAll(targets, { locale: options.locale, today: options.asOf }, { jobs: options.jobs, onFileDone: (done, total) => progress.update(done, total) });
  } finally {
    progress.clear();
  }
  failOnUnreadable(linted, options.locale);
  const files = applyFilters(linted, options.filters);
  const context = { locale: options.locale, color: options.color && options.output === undefined, toolVersion: options.toolVersion, edition: defaultEdition() };
  writeOutput(formatter(files, context), options.output, options.locale);
  const summary = summarize(files);
  const tooManyWarnings = options.maxWarnings >= 0 && summary.warnings > options.maxWarnings;
  if (tooManyWarnings) {
    process.stderr.write(uiText("summary.too-many-warnings", options.locale, { warnings: summary.warnings, max: options.maxWarnings }) + "\n");
  }
  if (options.exitZero) return EXIT_OK;
  return summary.errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}
