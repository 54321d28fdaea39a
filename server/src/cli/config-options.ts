// The configuration of a command line run (`--config FILE`, `--no-config`, or the file found by walking up from
// each dossier's folder: node/config-files.ts), the effective configuration of each dossier (the command line's own
// layer under the file: core/check/config/effective-config.ts), and what a run tells about its configuration files:
// their findings (as files of the lint report, or as lines on stderr) and `--print-config`.
import * as path from "node:path";
import { stringify } from "yaml";
import type { ConfigReport } from "../core/check/config/config-check";
import { DEFAULT_SETTINGS, DossierSettings } from "../core/check/config/config-model";
import { effectiveConfiguration, EffectiveConfiguration } from "../core/check/config/effective-config";
import { renderMessage } from "../core/check/render";
import { LineIndex } from "../core/parse/line-index";
import type { Locale } from "../core/types";
import { ConfigFiles, ConfigRead, readConfigFile } from "../node/config-files";
import { displayPathFor } from "./discover";
import { CliUsageError } from "./errors";
import { terminalText } from "./safe-text";
import { uiText } from "./ui-text";

/** Which configuration a run uses: the file found for each dossier, none, or one file for every dossier. */
export type ConfigChoice = { kind: "discover" } | { kind: "none" } | { kind: "file"; path: string };

/** The command line's own layer: the defaults, and the language when --lang gives one. */
export function commandLineSettings(lang: Locale | undefined): DossierSettings {
  return { ...DEFAULT_SETTINGS, severity: {}, locale: lang ?? "auto" };
}

/** The configuration files of one run, each read once, and the effective configuration of each dossier. */
export class RunConfigurations {
  private readonly files = new ConfigFiles();
  /** Every configuration file used, in the order first used. */
  readonly used = new Map<string, ConfigRead>();

  constructor(
    private readonly choice: ConfigChoice,
    private readonly cwd: string,
    private readonly user: DossierSettings,
    /** The run's language, for why a file could not be read. */
    private readonly displayLocale: Locale = "en",
  ) {}

  /** The configuration file that governs a dossier, if any. */
  fileFor(dossierPath: string): string | undefined {
    if (this.choice.kind === "none") return undefined;
    if (this.choice.kind === "file") return path.resolve(this.cwd, this.choice.path);
    return this.files.fileFor(path.dirname(dossierPath));
  }

  /** The effective configuration of a dossier (the command line's layer alone when no file is readable). */
  forDossier(dossierPath: string): EffectiveConfiguration {
    const file = this.fileFor(dossierPath);
    if (file === undefined) return effectiveConfiguration(this.user, "command-line");
    let read = this.used.get(file);
    if (!read) this.used.set(file, (read = this.files.read(file, this.displayLocale)));
    return effectiveConfiguration(this.user, "command-line", read.kind === "read" ? read.report : undefined);
  }

  /** The reports of the configuration files read, and the files that could not be read. */
  reports(): { reports: ConfigReport[]; unreadable: Array<{ file: string; reason: string }> } {
    const reads = [...this.used.values()];
    return {
      reports: reads.flatMap((read) => (read.kind === "read" ? [read.report] : [])),
      unreadable: reads.flatMap((read) =>
        read.kind === "unreadable" ? [{ file: read.file, reason: read.reason }] : [],
      ),
    };
  }
}

/** `--config FILE` must name a readable file: otherwise the run stops at once (exit 2). */
export function checkConfigOption(choice: ConfigChoice, cwd: string, locale: Locale): void {
  if (choice.kind !== "file") return;
  const read = readConfigFile(path.resolve(cwd, choice.path), locale);
  if (read.kind === "unreadable")
    throw new CliUsageError(uiText("error.unreadable", locale, { path: choice.path, reason: read.reason }));
}

/** The language of a run: --lang, else the configuration file's (of the first dossier named, or of the current
 * folder), else the environment's. */
export function runLocale(
  lang: Locale | undefined,
  environment: Locale,
  choice: ConfigChoice,
  firstPath: string | undefined,
  cwd: string,
): Locale {
  if (lang) return lang;
  // a dossier named is looked up from its folder; a folder named, from itself (as if a dossier were in it)
  const start = path.resolve(cwd, firstPath ?? ".");
  const configurations = new RunConfigurations(choice, cwd, commandLineSettings(undefined));
  const locale = configurations.forDossier(path.join(start, "_")).settings.locale;
  return locale === "auto" ? environment : locale;
}

/** One line per finding of a configuration file: `path:line:column: severity message (rule)`. */
export function configFindingLines(report: ConfigReport, cwd: string, locale: Locale): string[] {
  const lines = new LineIndex(report.parsed.text);
  const shown = displayPathFor(report.file, cwd);
  return report.findings.map((finding) => {
    const at = lines.positionAt(finding.range.start);
    const message = renderMessage(finding.messageId, finding.args, locale);
    return terminalText(
      `${shown}:${at.line + 1}:${at.character + 1}: ${uiText(`severity.${finding.severity}`, locale)} ${message} (${finding.ruleId})`,
    );
  });
}

/** `--print-config DOSSIER`: the effective configuration of a dossier, and the file it came from (YAML or JSON). */
export function printableConfiguration(
  dossier: string,
  effective: EffectiveConfiguration,
  cwd: string,
  format: "yaml" | "json",
): string {
  const value = {
    dossier: displayPathFor(path.resolve(cwd, dossier), cwd),
    file: effective.file === undefined ? null : displayPathFor(effective.file, cwd),
    settings: effective.settings,
    waivers: effective.waivers.map((waiver) => waiver.entry),
    origins: effective.origins,
  };
  return format === "json" ? `${JSON.stringify(value, null, 2)}\n` : stringify(value);
}
