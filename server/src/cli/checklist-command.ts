// `isv-dossier checklist DOSSIER`: the per-clause picture of one dossier as the self-assessment table.
// Exit code 0 whatever the conclusions (it is a report; `lint` is the gate). `--format docx` (a Word document) needs
// --output and is written atomically, never over the dossier or another *.dossier.yaml.
import * as fs from "node:fs";
import * as path from "node:path";
import { buildChecklist, Checklist } from "../core/verdicts/checklist";
import { decodeDossierBytes } from "../core/parse/encoding";
import { renderMessage } from "../core/check/render";
import { fileSizeFinding } from "../core/parse/limits";
import { createLanguageService } from "../core/check/service";
import type { WaiverSource } from "../core/check/waiver-entry";
import type { Locale } from "../core/types";
import { evidenceExistsIn } from "../node/evidence-files";
import type { EffectiveConfiguration } from "../core/check/config/effective-config";
import { DEFAULT_SETTINGS } from "../core/check/config/config-model";
import { configFindingLines, ConfigChoice, commandLineSettings, RunConfigurations } from "./config-options";
import { buildChecklistTable, ChecklistTable } from "./checklist-table";
import { cliTimeBudget } from "./lint-file";
import { renderChecklistCsv } from "./checklist-csv";
import { renderChecklistHtml } from "./checklist-html";
import { renderChecklistJson } from "./checklist-json";
import { renderChecklistMarkdown } from "./checklist-md";
import { displayPathFor } from "./discover";
import { CliUsageError, EXIT_OK } from "./errors";
import { checkOutputPath, writeOutput } from "./output";
import { readDossierBytes } from "./read-dossier";
import { uiText } from "./ui-text";

export const CHECKLIST_FORMATS = ["md", "html", "csv", "json", "docx"] as const;
export type ChecklistFormat = (typeof CHECKLIST_FORMATS)[number];

export interface ChecklistCommandOptions {
  dossier: string;
  cwd: string;
  format: ChecklistFormat;
  locale: Locale;
  asOf: string;
  output?: string;
  /** File-form waivers (the configuration file's `waivers`), for the dossier when their `dossier` names it. */
  waivers?: readonly WaiverSource[];
  /** --no-waivers: ignore every waiver, inline and file form. */
  ignoreWaivers?: boolean;
  /** Which configuration file governs the dossier (default: the one found by walking up from it). */
  config?: ConfigChoice;
  /** Given with --lang (the configuration file's locale is then not used). */
  lang?: Locale;
}

/** The dossier's text: a regular file within the language server's size limit (read-dossier.ts), else one line. */
export function readDossier(
  absolutePath: string,
  shownPath: string,
  locale: Locale,
  maxBytes: number = DEFAULT_SETTINGS.maxFileSizeBytes,
): string {
  if (!fs.existsSync(absolutePath)) throw new CliUsageError(uiText("error.no-such-path", locale, { path: shownPath }));
  const read = readDossierBytes(absolutePath, maxBytes, locale);
  if (read.kind === "unreadable")
    throw new CliUsageError(uiText("error.unreadable", locale, { path: shownPath, reason: read.reason }));
  if (read.kind === "too-large") {
    const finding = fileSizeFinding(read.size, maxBytes);
    throw new CliUsageError(
      uiText("error.not-checked", locale, {
        path: shownPath,
        message: renderMessage(finding.messageId, finding.args, locale),
      }),
    );
  }
  return decodeDossierBytes(read.bytes).text;
}

function render(
  table: ChecklistTable,
  checklist: Checklist,
  format: Exclude<ChecklistFormat, "docx">,
  dossierPath: string,
): string {
  switch (format) {
    case "md":
      return renderChecklistMarkdown(table);
    case "html":
      return renderChecklistHtml(table);
    case "csv":
      return renderChecklistCsv(table);
    case "json":
      return renderChecklistJson(table, checklist, dossierPath);
  }
}

/**
 * The dossier's effective configuration. A configuration file with errors, or one that cannot be read, stops the
 * command (exit 2): its findings go to stderr, one line each, and no checklist is written — a table made with a
 * configuration other than the one written would be submitted as if it were right.
 */
function effectiveConfigurationOf(absolutePath: string, options: ChecklistCommandOptions): EffectiveConfiguration {
  const configurations = new RunConfigurations(
    options.config ?? { kind: "discover" },
    options.cwd,
    commandLineSettings(options.lang),
    options.locale,
  );
  const configuration = configurations.forDossier(absolutePath);
  const { reports, unreadable } = configurations.reports();
  for (const { file, reason } of unreadable)
    throw new CliUsageError(
      uiText("error.unreadable", options.locale, { path: displayPathFor(file, options.cwd), reason }),
    );
  for (const report of reports) {
    if (!report.findings.some((finding) => finding.severity === "error")) continue;
    for (const line of configFindingLines(report, options.cwd, options.locale))
      process.stderr.write(`isv-dossier: ${line}\n`);
    throw new CliUsageError(
      uiText("error.config-broken", options.locale, { path: displayPathFor(report.file, options.cwd) }),
    );
  }
  return configuration;
}

export async function runChecklist(options: ChecklistCommandOptions): Promise<number> {
  const absolutePath = path.resolve(options.cwd, options.dossier);
  if (options.format === "docx" && options.output === undefined)
    throw new CliUsageError(uiText("error.docx-needs-output", options.locale));
  const shownPath = displayPathFor(absolutePath, options.cwd);
  checkOutputPath(options.output, [absolutePath], options.cwd, options.locale);
  const configuration = effectiveConfigurationOf(absolutePath, options);
  const configured = configuration.settings;
  const text = readDossier(absolutePath, options.dossier, options.locale, configured.maxFileSizeBytes);
  const service = createLanguageService({
    locale: options.locale,
    today: options.asOf,
    evidenceExists: configured.checkEvidence ? evidenceExistsIn(path.dirname(absolutePath)) : undefined,
    leaseWarningMonths: configured.leaseWarningMonths,
    severityOverrides: configured.severity,
    timeBudget: cliTimeBudget(configured.timeBudgetMs),
    waivers: [...configuration.waivers, ...(options.waivers ?? [])],
    dossierPath: absolutePath,
    ignoreWaivers: options.ignoreWaivers,
  });
  const report = service.validate(text);
  const checklist = buildChecklist(report);
  const table = buildChecklistTable(report, checklist, options.locale);
  if (options.format === "docx") {
    const { renderChecklistDocx } = require("./checklist-docx") as typeof import("./checklist-docx");
    writeOutput(await renderChecklistDocx(table, checklist.rows), options.output, options.locale);
    return EXIT_OK;
  }
  writeOutput(render(table, checklist, options.format, shownPath), options.output, options.locale);
  return EXIT_OK;
}
