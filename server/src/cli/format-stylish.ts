// The default lint output, for people: findings grouped by file as `line:col  severity  clause  message  rule`
// (1-based line and column), then one summary line. Colour only when asked for (a terminal, no --no-color). Paths
// and messages (which quote dossier values) go through terminalText: a dossier cannot write escape sequences or
// bidirectional overrides to the terminal, colour or not.
import type { Severity } from "../core/types";
import type { CliFinding, LintedFile } from "./lint-file";
import { FormatContext, summarize } from "./lint-results";
import { terminalText } from "./safe-text";
import { displayWidth, padEnd } from "./text-width";
import { countedText, uiText } from "./ui-text";

// written with \u escapes: a bundle of ASCII alone is held by V8 one byte per character (the server's memory target)
/** A final . or 。 */
const FINAL_STOP = /([.\u3002])$/;

export const COLOR_CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4, green: 32 } as const;
export type ColorName = keyof typeof COLOR_CODES;

export function painter(enabled: boolean): (color: ColorName, text: string) => string {
  return (color, text) => (enabled ? `\u001b[${COLOR_CODES[color]}m${text}\u001b[0m` : text);
}

const SEVERITY_COLOR: { [severity in Severity]: ColorName } = { error: "red", warning: "yellow", info: "blue" };

function clauseColumn(finding: CliFinding): string {
  return finding.clauses.length > 0 ? finding.clauses.join(",") : "-";
}

/**
 * The findings a section lists: waived ones only with --show-waived, and then after the others — the problem
 * matcher's loop (`$isv-dossier`) reads a file's findings up to the first row it does not take, a waived one.
 */
function shown(file: LintedFile, context: FormatContext): CliFinding[] {
  const open = file.findings.filter((finding) => !finding.waived);
  return context.showWaived ? [...open, ...file.findings.filter((finding) => finding.waived)] : open;
}

/** A waived finding's message: the finding's, then its waiver's record. */
function messageOf(finding: CliFinding, context: FormatContext): string {
  if (!finding.waived) return finding.message;
  const { justification, approvedBy, expires } = finding.waived;
  return `${finding.message} — ${uiText("waived.note", context.locale, { justification, approvedBy, expires })}`;
}

function fileSection(file: LintedFile, context: FormatContext): string[] {
  const paint = painter(context.color);
  const rows = shown(file, context).map((finding) => ({
    position: `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
    severity: finding.waived
      ? uiText("waived.label", context.locale)
      : uiText(`severity.${finding.severity}`, context.locale),
    finding,
  }));
  const width = (values: string[]): number => Math.max(0, ...values.map(displayWidth));
  const positionWidth = width(rows.map((row) => row.position));
  const severityWidth = width(rows.map((row) => row.severity));
  const clauseWidth = width(rows.map((row) => clauseColumn(row.finding)));
  const lines = rows.map((row) =>
    [
      "  " + paint("dim", padEnd(row.position, positionWidth)),
      paint(row.finding.waived ? "dim" : SEVERITY_COLOR[row.finding.severity], padEnd(row.severity, severityWidth)),
      padEnd(clauseColumn(row.finding), clauseWidth),
      terminalText(messageOf(row.finding, context).replace(/\n/g, " ")) + otherDossiers(row.finding, paint),
      paint("dim", row.finding.rule),
    ].join("  "),
  );
  return [paint("underline", terminalText(file.path)), ...lines, ""];
}

/**
 * The related locations in other dossiers (the cross-dossier checks), after the message on the finding's own line
 * (` ↳ path:line:col`): one line per finding, so that a problem matcher's loop reads every finding of a file.
 */
function otherDossiers(finding: CliFinding, paint: (color: ColorName, text: string) => string): string {
  return finding.related
    .filter((related) => related.path !== undefined)
    .map(
      (related) =>
        ` ${paint("dim", "↳")} ${terminalText(`${related.path}:${related.range.start.line + 1}:${related.range.start.character + 1}`)}`,
    )
    .join("");
}

export function formatStylish(files: LintedFile[], context: FormatContext): string {
  const paint = painter(context.color);
  const sections = files
    .filter((file) => shown(file, context).length > 0)
    .flatMap((file) => fileSection(file, context));
  const summary = summarize(files);
  const problems = summary.errors + summary.warnings + summary.infos;
  const waived = waivedText(summary.waived, context);
  if (problems === 0) {
    const clean = `${paint("green", "✔")} ${countedText("summary.clean", context.locale, { total: summary.files })}`;
    // "No problems in 1 file; 2 waived (…)." — the waived count inside the sentence
    const sentence = waived ? clean.replace(FINAL_STOP, `${waived}$1`) : clean;
    return [...sections, sentence, ""].join("\n");
  }
  const line = countedText("summary.problems", context.locale, {
    problems,
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
    files: summary.filesWithProblems,
    total: summary.files,
  });
  const mark =
    summary.errors > 0 ? paint("red", "✖") : summary.warnings > 0 ? paint("yellow", "⚠") : paint("blue", "ℹ");
  const unfilled = summary.unfilled > 0 ? UNFILLED[context.locale === "zh-cn" ? "zh" : "en"] : "";
  return [
    ...sections,
    `${mark} ${paint("bold", line + unfilled.replace("{count}", String(summary.unfilled)) + violatedClauses(files, context))}${waived}`,
    "",
  ].join("\n");
}

/** " (3 waived)" / "（已豁免 3 项）" after the summary, when some findings are waived. */
function waivedText(count: number, context: FormatContext): string {
  if (count === 0) return "";
  const text = uiText(context.showWaived ? "summary.waived" : "summary.waived-hidden", context.locale, {
    waived: count,
  });
  return context.locale === "zh-cn" ? `；${text}` : `; ${text}`;
}

/** Values still to fill in (fill.empty): said apart, since they fail the run though they are warnings. */
const UNFILLED = {
  en: "; {count} to fill in",
  zh: "；待填写 {count} 项",
};

const VIOLATED_CLAUSES = {
  en: "; {count} clauses violated",
  one: "; 1 clause violated",
  zh: "；不符合条款 {count} 条",
};

/** The clauses the errors make violated (the clause verdicts of every file): said only when there are errors, so
 * that a run without any needs no catalog. */
function violatedClauses(files: LintedFile[], context: FormatContext): string {
  if (!files.some((file) => file.findings.some((finding) => finding.severity === "error" && !finding.waived)))
    return "";
  const { fileVerdicts } = require("./file-verdicts") as typeof import("./file-verdicts");
  const count = files.reduce(
    (sum, file) => sum + fileVerdicts(file, context.edition).filter((verdict) => verdict.status === "violated").length,
    0,
  );
  const template =
    context.locale === "zh-cn" ? VIOLATED_CLAUSES.zh : count === 1 ? VIOLATED_CLAUSES.one : VIOLATED_CLAUSES.en;
  return template.replace("{count}", String(count));
}
