// isv-dossier: the command line. Parses argv (node's util.parseArgs) and dispatches to the commands in cli/;
// the commands call the same core as the editor. Exit codes: 0 ok, 1 findings, 2 usage or internal error —
// the latter with one line on stderr (a stack trace only with --debug), its paths' control characters escaped;
// 141 when the reader of stdout went away (see EXIT_BROKEN_PIPE). A misspelt command or option gets the nearest
// one as a suggestion; no command at all prints the usage on stderr and exits 2, like any other usage mistake
// (a script that lost its command must not pass for a successful run; the usage goes to stderr, not into a pipe).
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Locale } from "./core/types";
import { todayIso } from "./node/today";
import {
  dateOption,
  helpBaseUrlOption,
  integerOption,
  localeFromEnvironment,
  localeOption,
  packageInformationUri,
  packageVersion,
} from "./cli/environment";
import { CliUsageError, EXIT_OK, EXIT_USAGE } from "./cli/errors";
import { helpText } from "./cli/help";
import { LINT_FORMATS, runLint } from "./cli/lint-command";
import { nearestWord } from "./core/l10n/nearest";
import { terminalText } from "./cli/safe-text";
import { uiText } from "./cli/ui-text";

// The catalog and the commands other than lint are required when used, not imported: each command loads only what
// it needs.
function defaultEdition(): import("./core/catalog/edition").Edition {
  return (require("./core/catalog/edition") as typeof import("./core/catalog/edition")).defaultEdition();
}

type OptionSpec = { [name: string]: { type: "string" | "boolean"; short?: string; multiple?: boolean } };

const COMMON: OptionSpec = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string" },
  debug: { type: "boolean" },
};

/** The configuration file's options (cli/config-options.ts), for the commands that check dossiers. */
const CONFIGURATION: OptionSpec = {
  config: { type: "string" },
  "no-config": { type: "boolean" },
  "print-config": { type: "string" },
};

const OPTIONS: { [command: string]: OptionSpec } = {
  lint: {
    ...COMMON,
    ...CONFIGURATION,
    format: { type: "string", short: "f" },
    output: { type: "string", short: "o" },
    "as-of": { type: "string" },
    "max-warnings": { type: "string" },
    quiet: { type: "boolean", short: "q" },
    level: { type: "string", multiple: true },
    category: { type: "string", multiple: true },
    // no longer has an effect (files are linted one after another); accepted so that existing scripts keep working
    jobs: { type: "string", short: "j" },
    "exit-zero": { type: "boolean" },
    "no-color": { type: "boolean" },
    "help-base-url": { type: "string" },
    "show-waived": { type: "boolean" },
    "no-waivers": { type: "boolean" },
    cross: { type: "boolean" },
    "no-cross": { type: "boolean" },
  },
  checklist: {
    ...COMMON,
    ...CONFIGURATION,
    format: { type: "string", short: "f" },
    output: { type: "string", short: "o" },
    "as-of": { type: "string" },
    "no-waivers": { type: "boolean" },
  },
  init: { ...COMMON, category: { type: "string" }, level: { type: "string" }, "dr-class": { type: "string" } },
  clauses: { ...COMMON },
  diff: {
    ...COMMON,
    format: { type: "string", short: "f" },
    output: { type: "string", short: "o" },
    "as-of": { type: "string" },
    "no-color": { type: "boolean" },
  },
  mcp: { ...COMMON },
};

type Values = { [name: string]: string | boolean | string[] | undefined };

function parseCommand(command: string, args: string[], locale: Locale): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^'\s]*)'/.exec(message)?.[1] ?? message.split("\n")[0];
    const code = (error as NodeJS.ErrnoException).code;
    const suggestion = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? nearestOption(command, option) : undefined;
    const key =
      code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
        ? "error.option-needs-value"
        : suggestion
          ? "error.unknown-option-did-you-mean"
          : "error.unknown-option";
    throw new CliUsageError(
      uiText("error.see-help", locale, {
        message: uiText(key, locale, { option, suggestion: suggestion ?? "" }),
        command,
      }),
    );
  }
}

/** The command's option nearest to a misspelt one (`--formt` → `--format`), with its dashes. */
function nearestOption(command: string, option: string): string | undefined {
  if (!option.startsWith("--")) return undefined;
  const name = option.slice(2).split("=")[0];
  const nearest = nearestWord(name, Object.keys(OPTIONS[command]));
  return nearest === undefined ? undefined : `--${nearest}`;
}

function stringValue(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

function listValue(values: Values, name: string): string[] | undefined {
  const value = values[name];
  return Array.isArray(value)
    ? value
        .flatMap((entry) => entry.split(","))
        .map((entry) => entry.trim())
        .filter(Boolean)
    : undefined;
}

function choice<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  locale: Locale,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliUsageError(uiText("error.bad-option-value", locale, { option, value, expected: allowed.join("|") }));
  }
  return value as T;
}

function useColor(values: Values): boolean {
  if (values["no-color"] === true || (process.env.NO_COLOR ?? "") !== "") return false;
  const forced = process.env.FORCE_COLOR;
  if (forced !== undefined) return forced !== "0" && forced !== "false";
  return process.stdout.isTTY === true;
}

/**
 * The configuration a run uses, and its language: --lang, else the configuration file's, else the environment's.
 * `--print-config DOSSIER` prints the effective configuration of that dossier instead of running (exit 2 when its
 * configuration file has findings, which go to stderr).
 */
function configurationOf(
  values: Values,
  firstPath: string | undefined,
  locale: Locale,
): { choice: import("./cli/config-options").ConfigChoice; locale: Locale; lang?: Locale; printed?: number } {
  const options = require("./cli/config-options") as typeof import("./cli/config-options");
  const file = stringValue(values, "config");
  if (file !== undefined && values["no-config"] === true)
    throw new CliUsageError(uiText("error.config-and-no-config", locale));
  const choice: import("./cli/config-options").ConfigChoice =
    values["no-config"] === true
      ? { kind: "none" }
      : file !== undefined
        ? { kind: "file", path: file }
        : { kind: "discover" };
  const cwd = process.cwd();
  options.checkConfigOption(choice, cwd, locale);
  const lang = values.lang === undefined ? undefined : locale;
  const printFor = stringValue(values, "print-config");
  const runLocale = options.runLocale(lang, locale, choice, printFor ?? firstPath, cwd);
  if (printFor === undefined) return { choice, locale: runLocale, lang };
  const configurations = new options.RunConfigurations(choice, cwd, options.commandLineSettings(lang));
  const effective = configurations.forDossier(path.resolve(cwd, printFor));
  const format = stringValue(values, "format") === "json" ? "json" : "yaml";
  process.stdout.write(options.printableConfiguration(printFor, effective, cwd, format));
  const { reports, unreadable } = configurations.reports();
  for (const report of reports)
    for (const line of options.configFindingLines(report, cwd, runLocale))
      process.stderr.write(`isv-dossier: ${line}\n`);
  for (const { file, reason } of unreadable)
    process.stderr.write(
      `isv-dossier: ${terminalText(uiText("error.unreadable", runLocale, { path: file, reason }))}\n`,
    );
  const broken = unreadable.length > 0 || reports.some((report) => report.findings.some((f) => f.severity === "error"));
  return { choice, locale: runLocale, lang, printed: broken ? EXIT_USAGE : EXIT_OK };
}

async function lintCommand(values: Values, positionals: string[], stateLocale: Locale): Promise<number> {
  const configuration = configurationOf(values, positionals[0], stateLocale);
  if (configuration.printed !== undefined) return configuration.printed;
  const locale = configuration.locale;
  const levels = listValue(values, "level");
  for (const level of levels ?? []) choice("--level", level, ["1", "2", "3"], "3", locale);
  const categories = listValue(values, "category");
  for (const category of categories ?? [])
    choice("--category", category, Object.keys(defaultEdition().categories), category, locale);
  const maxWarnings = stringValue(values, "max-warnings");
  if (values.jobs !== undefined) process.stderr.write(`isv-dossier: ${uiText("notice.jobs-ignored", locale)}\n`);
  const asOf = stringValue(values, "as-of");
  const helpBaseUrl = stringValue(values, "help-base-url");
  return runLint({
    paths: positionals,
    cwd: process.cwd(),
    format: choice("--format", stringValue(values, "format"), LINT_FORMATS, "stylish", locale),
    output: stringValue(values, "output"),
    locale,
    asOf: asOf === undefined ? todayIso() : dateOption("--as-of", asOf, locale),
    maxWarnings: maxWarnings === undefined ? -1 : integerOption("--max-warnings", maxWarnings, 0, locale),
    filters: { quiet: values.quiet === true, levels: levels?.map(Number), categories },
    color: useColor(values),
    exitZero: values["exit-zero"] === true,
    // the cross-dossier checks: on by default when more than one dossier is linted (lint-command.ts)
    cross: values["no-cross"] === true ? false : values.cross === true ? true : undefined,
    toolVersion: packageVersion(),
    informationUri: packageInformationUri(),
    helpBaseUrl: helpBaseUrl === undefined ? undefined : helpBaseUrlOption(helpBaseUrl, locale),
    ignoreWaivers: values["no-waivers"] === true,
    showWaived: values["show-waived"] === true,
    config: configuration.choice,
    lang: configuration.lang,
  });
}

async function checklistCommand(values: Values, positionals: string[], stateLocale: Locale): Promise<number> {
  const { CHECKLIST_FORMATS, runChecklist } =
    require("./cli/checklist-command") as typeof import("./cli/checklist-command");
  const configuration = configurationOf(values, positionals[0], stateLocale);
  if (configuration.printed !== undefined) return configuration.printed;
  const locale = configuration.locale;
  if (positionals.length !== 1)
    throw new CliUsageError(
      uiText("error.see-help", locale, { message: uiText("error.one-dossier", locale), command: "checklist" }),
    );
  const asOf = stringValue(values, "as-of");
  return runChecklist({
    dossier: positionals[0],
    cwd: process.cwd(),
    format: choice("--format", stringValue(values, "format"), CHECKLIST_FORMATS, "md", locale),
    locale,
    asOf: asOf === undefined ? todayIso() : dateOption("--as-of", asOf, locale),
    output: stringValue(values, "output"),
    ignoreWaivers: values["no-waivers"] === true,
    config: configuration.choice,
    lang: configuration.lang,
  });
}

function diffCommand(values: Values, positionals: string[], locale: Locale): number {
  const { DIFF_FORMATS, runDiff } = require("./cli/diff-command") as typeof import("./cli/diff-command");
  if (positionals.length !== 2)
    throw new CliUsageError(
      uiText("error.see-help", locale, { message: uiText("error.two-dossiers", locale), command: "diff" }),
    );
  const asOf = stringValue(values, "as-of");
  return runDiff({
    before: positionals[0],
    after: positionals[1],
    cwd: process.cwd(),
    format: choice("--format", stringValue(values, "format"), DIFF_FORMATS, "stylish", locale),
    locale,
    asOf: asOf === undefined ? todayIso() : dateOption("--as-of", asOf, locale),
    output: stringValue(values, "output"),
    color: useColor(values),
  });
}

/** The MCP server over stdio: a bundle of its own (dist/server/mcp.js), loaded only by this command. */
function mcpCommand(positionals: string[], locale: Locale): Promise<number> {
  if (positionals.length > 0)
    throw new CliUsageError(uiText("error.too-many-arguments", locale, { arguments: positionals.join(" ") }));
  const { runMcpServer } = require("./cli/mcp-server") as typeof import("./cli/mcp-server");
  return runMcpServer({ cwd: process.cwd(), version: packageVersion() });
}

function initCommand(values: Values, positionals: string[], locale: Locale): number {
  const { runInit } = require("./cli/init-command") as typeof import("./cli/init-command");
  if (positionals.length > 1)
    throw new CliUsageError(uiText("error.too-many-arguments", locale, { arguments: positionals.join(" ") }));
  return runInit({
    edition: defaultEdition(),
    category: stringValue(values, "category"),
    level: stringValue(values, "level"),
    drClass: stringValue(values, "dr-class"),
    locale,
    date: todayIso(),
    file: positionals[0],
    cwd: process.cwd(),
  });
}

function clausesCommand(positionals: string[], locale: Locale): number {
  const { runClauses } = require("./cli/clauses-command") as typeof import("./cli/clauses-command");
  if (positionals.length > 1)
    throw new CliUsageError(uiText("error.too-many-arguments", locale, { arguments: positionals.join(" ") }));
  return runClauses(defaultEdition(), positionals[0], locale);
}

async function run(argv: string[], state: { locale: Locale }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(helpText("main", state.locale));
    return EXIT_USAGE;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(helpText("main", state.locale));
    return EXIT_OK;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (!OPTIONS[command]) {
    const suggestion = nearestWord(command, [...Object.keys(OPTIONS), "help"]);
    const message = suggestion
      ? uiText("error.unknown-command-did-you-mean", state.locale, { command, suggestion })
      : uiText("error.unknown-command", state.locale, { command });
    throw new CliUsageError(uiText("error.see-main-help", state.locale, { message }));
  }
  const { values, positionals } = parseCommand(command, rest, state.locale);
  state.locale = localeOption(stringValue(values, "lang"), state.locale);
  if (values.help === true) {
    process.stdout.write(helpText(command, state.locale));
    return EXIT_OK;
  }
  switch (command) {
    case "lint":
      return lintCommand(values, positionals, state.locale);
    case "checklist":
      return checklistCommand(values, positionals, state.locale);
    case "init":
      return initCommand(values, positionals, state.locale);
    case "diff":
      return diffCommand(values, positionals, state.locale);
    case "mcp":
      return mcpCommand(positionals, state.locale);
    default:
      return clausesCommand(positionals, state.locale);
  }
}

function reportFailure(error: unknown, debug: boolean, locale: Locale): void {
  if (error instanceof CliUsageError) {
    process.stderr.write(`isv-dossier: ${terminalText(error.message)}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return;
  }
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  process.stderr.write(`isv-dossier: ${terminalText(uiText("error.internal", locale, { message }))}\n`);
  if (debug) process.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
}

/**
 * The reader of stdout went away (`isv-dossier lint | head -1`): the run ends at once and quietly, as cat, grep or
 * git end when SIGPIPE kills them, and with the status a shell reports for them, 128 + SIGPIPE (13) = 141 (Node
 * ignores the signal itself, so the write fails with EPIPE instead). `set -o pipefail` then sees the pipeline cut short.
 */
const EXIT_BROKEN_PIPE = 141;

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT_BROKEN_PIPE);
  process.stderr.write(
    `isv-dossier: ${terminalText(uiText("error.internal", state.locale, { message: error.message.split("\n")[0] }))}\n`,
  );
  process.exit(EXIT_USAGE);
});
// nowhere left to report to: stderr errors (a closed pipe too) are ignored; the exit code still tells
process.stderr.on("error", () => undefined);

const argv = process.argv.slice(2);
const state = { locale: localeFromEnvironment() };
run(argv, state).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    reportFailure(error, argv.includes("--debug"), state.locale);
    process.exitCode = EXIT_USAGE;
  },
);
