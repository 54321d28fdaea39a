// `isv-dossier lint [PATH…]`: discover dossiers, lint them one after another on the main thread, filter, format,
// write, and decide the exit code: 0 clean (warnings within --max-warnings), 1 errors or too many warnings.
// Each dossier is checked with its effective configuration (cli/config-options.ts); a configuration file with
// findings is listed as a file of the report, before the dossiers, and makes the exit code 2 whatever else (even with
// --exit-zero): the run did not use the configuration as written. So does a configuration file that cannot be read.
// A folder that cannot be listed, or a dossier that cannot be read or is not a regular file (a FIFO, a device, a
// folder), does not stop the run: each gets one line on stderr, the rest is linted and reported, and the exit code
// is then 2 whatever the findings (and even with --exit-zero), since the report is incomplete: a CI gate must not
// pass on dossiers it never saw. With nothing left to report, nothing is written.
import type { WaiverSource } from "../core/check/waiver-entry";
import type { Locale } from "../core/types";
import type { ConfigChoice } from "./config-options";
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
  informationUri?: string;
  helpBaseUrl?: string;
  /** File-form waivers (the configuration file's `waivers`), for the dossiers their `dossier` names. */
  waivers?: readonly WaiverSource[];
  /** --no-waivers: ignore every waiver, inline and file form (an audit run). */
  ignoreWaivers?: boolean;
  /** --show-waived: stylish lists waived findings too. */
  showWaived?: boolean;
  /** Which configuration file governs the dossiers (default: the one found by walking up from each). */
  config?: ConfigChoice;
  /** Given with --lang (the configuration file's locale is then not used). */
  lang?: Locale;
}

/** One line on stderr per path that could not be searched or read. */
function reportUnreadable(problems: PathProblem[], locale: Locale): void {
  for (const problem of problems)
    process.stderr.write(
      `isv-dossier: ${terminalText(uiText("error.unreadable", locale, { path: problem.path, reason: problem.reason }))}\n`,
    );
}

/** The configuration files a run used: those with findings as files of the report, those it could not read. */
function configurationFiles(
  configurations: import("./config-options").RunConfigurations | undefined,
  options: LintCommandOptions,
): { files: LintedFile[]; unreadable: PathProblem[]; broken: boolean } {
  if (!configurations) return { files: [], unreadable: [], broken: false };
  const { lintedConfigFile } = require("./lint-file") as typeof import("./lint-file");
  const { displayPathFor } = require("./discover") as typeof import("./discover");
  const { reports, unreadable } = configurations.reports();
  const withFindings = reports.filter((report) => report.findings.length > 0);
  return {
    files: withFindings.map((report) =>
      lintedConfigFile(report, displayPathFor(report.file, options.cwd), options.locale),
    ),
    unreadable: unreadable.map(({ file, reason }) => ({ path: displayPathFor(file, options.cwd), reason })),
    broken: withFindings.some((report) => report.findings.some((finding) => finding.severity === "error")),
  };
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
  let configurations: import("./config-options").RunConfigurations | undefined;
  try {
    // required here, not imported: cli.ts imports this module for every command, and only lint needs the service
    const { addCrossFindings, lintFile } = require("./lint-file") as typeof import("./lint-file");
    const { RunConfigurations, commandLineSettings } = require("./config-options") as typeof import("./config-options");
    configurations = new RunConfigurations(
      options.config ?? { kind: "discover" },
      options.cwd,
      commandLineSettings(options.lang),
      options.locale,
    );
    const run = configurations;
    // A consultant's folder of many clients' dossiers is where one engineer or one contract claimed twice matters:
    // the comparison is on whenever several dossiers are linted together, unless --no-cross says they are unrelated.
    const cross = options.cross ?? targets.length > 1;
    linted = targets.map((target, index) => {
      const configuration = run.forDossier(target.absolutePath);
      const result = lintFile(target, {
        locale: options.locale,
        today: options.asOf,
        configuration,
        waivers: options.waivers,
        ignoreWaivers: options.ignoreWaivers,
        cross,
      });
      progress.update(index + 1, targets.length);
      return result;
    });
    if (cross) addCrossFindings(linted, options.locale);
  } finally {
    progress.clear();
  }
  const configFiles = configurationFiles(configurations, options);
  linted = [...configFiles.files, ...linted];
  const unreadable = linted.filter((file) => file.readError !== undefined);
  reportUnreadable(
    [
      ...problems,
      ...configFiles.unreadable,
      ...unreadable.map((file) => ({ path: file.path, reason: file.readError ?? "" })),
    ],
    options.locale,
  );
  const incomplete =
    problems.length > 0 || unreadable.length > 0 || configFiles.unreadable.length > 0 || configFiles.broken;
  const read = linted.filter((file) => file.readError === undefined);
  if (incomplete && read.length === 0) return EXIT_USAGE;
  const files = applyFilters(read, options.filters);
  const context: FormatContext = {
    locale: options.locale,
    color: options.color && options.output === undefined,
    toolVersion: options.toolVersion,
    informationUri: options.informationUri,
    helpBaseUrl: options.helpBaseUrl,
    showWaived: options.showWaived,
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
  // a value still to fill in (fill.empty, a warning) fails the run as an error does: the dossier is not complete
  return summary.errors > 0 || summary.unfilled > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}
