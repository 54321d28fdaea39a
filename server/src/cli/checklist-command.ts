// `isv-dossier checklist DOSSIER`: the per-clause picture of one dossier as the self-assessment table.
// Exit code 0 whatever the conclusions (it is a report; `lint` is the gate).
import * as fs from "node:fs";
import * as path from "node:path";
import { buildChecklist, Checklist } from "../core/checklist";
import { decodeDossierBytes } from "../core/encoding";
import { createLanguageService } from "../core/service";
import type { Locale } from "../core/types";
import { evidenceExistsIn } from "../node/evidence-files";
import { buildChecklistTable, ChecklistTable } from "./checklist-table";
import { renderChecklistCsv } from "./checklist-csv";
import { renderChecklistHtml } from "./checklist-html";
import { renderChecklistJson } from "./checklist-json";
import { renderChecklistMarkdown } from "./checklist-md";
import { describeFileError, displayPathFor } from "./discover";
import { CliUsageError, EXIT_OK } from "./errors";
import { checkOutputPath, writeOutput } from "./output";
import { uiText } from "./ui-text";

export const CHECKLIST_FORMATS = ["md", "html", "csv", "json"] as const;
export type ChecklistFormat = (typeof CHECKLIST_FORMATS)[number];

export interface ChecklistCommandOptions {
  dossier: string;
  cwd: string;
  format: ChecklistFormat;
  locale: Locale;
  asOf: string;
  output?: string;
}

function readDossier(absolutePath: string, shownPath: string, locale: Locale): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolutePath);
  } catch {
    throw new CliUsageError(uiText("error.no-such-path", locale, { path: shownPath }));
  }
  try {
    if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    return decodeDossierBytes(fs.readFileSync(absolutePath)).text;
  } catch (error) {
    throw new CliUsageError(uiText("error.unreadable", locale, { path: shownPath, reason: describeFileError(error) }));
  }
}

function render(table: ChecklistTable, checklist: Checklist, format: ChecklistFormat, dossierPath: string): string {
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

export function runChecklist(options: ChecklistCommandOptions): number {
  const absolutePath = path.resolve(options.cwd, options.dossier);
  const shownPath = displayPathFor(absolutePath, options.cwd);
  checkOutputPath(options.output, [absolutePath], options.cwd, options.locale);
  const text = readDossier(absolutePath, options.dossier, options.locale);
  const service = createLanguageService({ locale: options.locale, today: options.asOf, evidenceExists: evidenceExistsIn(path.dirname(absolutePath)) });
  const report = service.validate(text);
  const checklist = buildChecklist(report);
  const table = buildChecklistTable(report, checklist, options.locale);
  writeOutput(render(table, checklist, options.format, shownPath), options.output, options.locale);
  return EXIT_OK;
}
