// `isv-dossier lint [PATH…]`: discover dossiers, lint them (in parallel for large batches), filter, format,
// write, and decide the exit code: 0 clean (warnings within --max-warnings), 1 errors or too many warnings.
import type { Locale } from "../core/types";
import { discoverDossiers } from "./discover";
import { EXIT_FINDINGS, EXIT_OK, CliUsageError } from "./errors";
import type { LintedFile } from "./lint-file";
import { applyFilters, FormatContext, LintFormatter, ResultFilters, summarize } from "./lint-results";
import { checkOutputPath, writeOutput } from "./output";
import { ProgressBar } from "./progress";
import { uiText } from "./ui-text";
import { lintAll } from "./worker-pool";

// Modules below are required when used, not imported: the main process loads only what the run needs (with worker
// threads and the JSON format, none of the language service).

/** Each format's formatter (SARIF's brings in the whole specification catalog). */
const FORMATTERS: { [name: string]: () => LintFormatter } = {
  stylish: () => (require("./format-stylish") as typeof import("./format-stylish")).formatStylish,
  json: () => (require("./format-json") as typeof import("./format-json")).formatJson,
  sarif: () => (require("./format-sarif") as typeof import("./format-sarif")).formatSarif,
  junit: () => (require("./format-junit") as typeof import("./format-junit")).formatJunit,
  github: () => (require("./format-github") as typeof import("./format-github")).formatGithub,
};

export const LINT_FORMATS = Object.keys(FORMATTERS);

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
  const targets = discoverDossiers(options.paths, options.cwd, options.locale);
  checkOutputPath(options.output, targets.map((target) => target.absolutePath), options.cwd, options.locale);
  const progress = new ProgressBar(process.stderr, uiText("progress.files", options.locale));
  let linted: LintedFile[];
  try {
    linted = await lintAll(targets, { locale: options.locale, today: options.asOf }, { jobs: options.jobs, onFileDone: (done, total) => progress.update(done, total) });
  } finally {
    progress.clear();
  }
  failOnUnreadable(linted, options.locale);
  const files = applyFilters(linted, options.filters);
  const context: FormatContext = {
    locale: options.locale,
    color: options.color && options.output === undefined,
    toolVersion: options.toolVersion,
    // read by the SARIF and GitHub formats only
    get edition() {
      return (require("../core/edition") as typeof import("../core/edition")).defaultEdition();
    },
  };
  writeOutput(FORMATTERS[options.format]()(files, context), options.output, options.locale);
  const summary = summarize(files);
  const tooManyWarnings = options.maxWarnings >= 0 && summary.warnings > options.maxWarnings;
  if (tooManyWarnings) {
    process.stderr.write(uiText("summary.too-many-warnings", options.locale, { warnings: summary.warnings, max: options.maxWarnings }) + "\n");
  }
  if (options.exitZero) return EXIT_OK;
  return summary.errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}
