// `isv-dossier checklist DOSSIER`: the per-clause picture of one dossier as the self-assessment table.
// Exit code 0 whatever the conclusions (it is a report; `lint` is the gate). `--format docx` (a Word document) needs
// --output and is written atomically, never over the dossier or another *.dossier.yaml.
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
import { writeOutput } from "./output";
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

function render(table: ChecklistTable, checklist: Checklist, format: Exclude<ChecklistFormat, "docx">, dossierPath: string): string {
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

/** Whether `output` is the dossier itself or any *.dossier.yaml / *.dossier.yml (existing or not). */
function isDossierPath(output: string, dossier: string): boolean {
  if (/\.dossier\.ya?ml$/i.test(output)) return true;
  try {
    return fs.realpathSync(output) === fs.realpathSync(dossier);
  } catch {
    return path.resolve(output) === path.resolve(dossier);
  }
}

/** Writes bytes to `target` through a temporary file in the same folder, then renames it: never half a file. */
function writeAtomically(target: string, bytes: Uint8Array, locale: Locale): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes, { flag: "wx" });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new CliUsageError(uiText("error.cannot-write", locale, { path: target, reason: describeFileError(error) }));
  }
}

export async function runChecklist(options: ChecklistCommandOptions): Promise<number> {
  const absolutePath = path.resolve(options.cwd, options.dossier);
  if (options.format === "docx" && options.output === undefined) throw new CliUsageError(uiText("error.docx-needs-output", options.locale));
  const outputPath = options.output === undefined ? undefined : path.resolve(options.cwd, options.output);
  if (options.output !== undefined && outputPath !== undefined && isDossierPath(outputPath, absolutePath)) {
    throw new CliUsageError(uiText("error.output-is-dossier", options.locale, { path: options.output }));
  }
  const shownPath = displayPathFor(absolutePath, options.cwd);
  const text = readDossier(absolutePath, options.dossier, options.locale);
  const service = createLanguageService({ locale: options.locale, today: options.asOf, evidenceExists: evidenceExistsIn(path.dirname(absolutePath)) });
  const report = service.validate(text);
  const checklist = buildChecklist(report);
  const table = buildChecklistTable(report, checklist, options.locale);
  if (options.format === "docx") {
    const { renderChecklistDocx } = require("./checklist-docx") as typeof import("./checklist-docx");
    writeAtomically(outputPath!, await renderChecklistDocx(table, checklist.rows), options.locale);
    return EXIT_OK;
  }
  writeOutput(render(table, checklist, options.format, shownPath), options.output, options.locale);
  return EXIT_OK;
}
