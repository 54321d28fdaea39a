// `isv-dossier lint [PATH…]`: discover dossiers, lint them one after another on the main thread, filter, format,
// write, and decide the exit code: 0 clean (warnings within --max-warnings), 1 errors or too many warnings.
// A folder that cannot be listed, or a dossier that cannot be read or is not a regular file (a FIFO, a device, a
// folder), does not stop the run: each gets one line on stderr, the rest is linted and reported, and the exit code
// is then 2 whatever the findings (and even with --exit-zero), since the report is incomplete: a CI gate must not
// pass on dossiers it never saw. With nothing left to report, nothing is written.
import type { Locale } from "../core/types";
import { discoverDossiers, PathProblem } from "./discover";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "./errors";
import type { LintedFile } from "./lint-file";
import { applyFilters, FormatContext, LintFormatter, ResultFilters, summarize } from "./lint-results";
import { checkOutputPath, writeOutput } from "./output";
import { ProgressBar } from "./progress";
import { terminalText } from "./safe-text";
import { uiText } from "./ui-text";

// Formatters are required when used, not imported: a run loads only the one it writes with.

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
  exitZero: boolean;
  /** The cross-dossier checks; undefined: on when more than one dossier is linted. */
  cross?: boolean;
  toolVersion: string;
}

/** One line on stderr per path that could not be searched or read. */
function reportUnreadable(problems: PathProblem[], locale: Locale): void {
  for (const problem of problems)
    process.stderr.write(
      `isv-dossier: ${terminalText(uiText("error.unreadable", locale, { path: problem.path, reason: problem.reason }))}\n`,
    );
}

export async function runLint(options: LintCommandOptions): Promise<number> {
  const { targets, problems } = discoverDossiers(options.paths, options.cwd, options.locale);
  checkOutputPath(
    options.output,
    targets.map((target) => target.absolutePath),
    options.cwd,
    options.locale,
  );
  const progress = new ProgressBar(process.stderr, uiText("progress.files", options.locale));
  let linted: LintedFile[];
  try {
    // required here, not imported: cli.ts imports this module for every command, and only lint needs the service
    const { addCrossFindings, lintFile } = require("./lint-file") as typeof import("./lint-file");
    // A consultant's folder of many clients' dossiers is where one engineer or one contract claimed twice matters:
    // the comparison is on whenever several dossiers are linted together, unless --no-cross says they are unrelated.
    const cross = options.cross ?? targets.length > 1;
    const settings = { locale: options.locale, today: options.asOf, cross };
    linted = targets.map((target, index) => {
      const result = lintFile(target, settings);
      progress.update(index + 1, targets.length);
      return result;
    });
    if (cross) addCrossFindings(linted, options.locale);
  } finally {
    progress.clear();
  }
  const unreadable = linted.filter((file) => file.readError !== undefined);
  reportUnreadable(
    [...problems, ...unreadable.map((file) => ({ path: file.path, reason: file.readError ?? "" }))],
    options.locale,
  );
  const incomplete = problems.length > 0 || unreadable.length > 0;
  const read = linted.filter((file) => file.readError === undefined);
  if (incomplete && read.length === 0) return EXIT_USAGE;
  const files = applyFilters(read, options.filters);
  const context: FormatContext = {
    locale: options.locale,
    color: options.color && options.output === undefined,
    toolVersion: options.toolVersion,
    // read by the SARIF and GitHub formats only
    get edition() {
      return (require("../core/catalog/edition") as typeof import("../core/catalog/edition")).defaultEdition();
    },
  };
  writeOutput(FORMATTERS[options.format]()(files, context), options.output, options.locale);
  const summary = summarize(files);
  const tooManyWarnings = options.maxWarnings >= 0 && summary.warnings > options.maxWarnings;
  if (tooManyWarnings) {
    process.stderr.write(
      uiText("summary.too-many-warnings", options.locale, { warnings: summary.warnings, max: options.maxWarnings }) +
        "\n",
    );
  }
  if (incomplete) return EXIT_USAGE;
  if (options.exitZero) return EXIT_OK;
  return summary.errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}
