// Lints one dossier file for the CLI: reads and decodes it, runs the language service (the same core the editor uses) and
// turns the findings into plain data with positions, rendered messages and stable fingerprints.
import { createHash } from "node:crypto";
import * as path from "node:path";
import { renderMessage } from "../core/check/render";
import { LineIndex, LinePosition } from "../core/parse/line-index";
import { decodeDossierBytes } from "../core/parse/encoding";
import { fileSizeFinding, TimeBudget } from "../core/parse/limits";
import { compareFindings, createLanguageService } from "../core/check/service";
import type { Finding, Locale, MessageArguments, Severity } from "../core/types";
import { DEFAULT_SETTINGS } from "../lsp/settings";
import { evidenceExistsIn } from "../node/evidence-files";
import { EvidenceHashes } from "../node/evidence-hashes";
import { crossDossierFindings } from "../core/check/cross/cross-dossier";
import { dossierFacts, DossierFacts } from "../core/check/cross/facts";
import type { DossierTarget } from "./discover";
import { readDossierBytes } from "./read-dossier";

export interface LintSettings {
  locale: Locale;
  /** Today for the service: used only when a dossier has no application.date. */
  today: string;
  /** Keep what the cross-dossier checks compare (addCrossFindings, after every file of the run is linted). */
  cross?: boolean;
}

/** The content hashes of the run's evidence files: each file is read once per run. */
const evidenceHashes = new EvidenceHashes();

/** Larger files are not read: one limits.file-size finding. The language server's default limit, the same bytes. */
const MAX_FILE_SIZE_BYTES = DEFAULT_SETTINGS.maxFileSizeBytes;

/**
 * Each dossier's validation has the language server's default time budget: hostile structure gets its findings
 * within it (a limits.time-budget warning names the checks it stopped), as in the editor.
 */
export function cliTimeBudget(): TimeBudget {
  return { limitMs: DEFAULT_SETTINGS.timeBudgetMs, now: () => performance.now() };
}

export interface CliRange {
  start: LinePosition;
  end: LinePosition;
}

export interface CliFinding {
  rule: string;
  clauses: string[];
  severity: Severity;
  message: string;
  messageId: string;
  args: MessageArguments;
  range: CliRange;
  /** `path` (the other dossier's, as displayed) when the related location is in another dossier of the run. */
  related: Array<{ message: string; messageId: string; range: CliRange; path?: string }>;
  /** Stable across runs and line shifts: rule, clauses, message arguments and the text the finding covers. */
  fingerprint: string;
}

export interface LintedFile {
  path: string;
  absolutePath: string;
  editionId: string;
  level: number | null;
  category: string | null;
  findings: CliFinding[];
  /** Set when the file could not be read or is not a regular file (then there are no findings); in the run's words. */
  readError?: string;
  /** What the cross-dossier checks compare, until addCrossFindings has used it (LintSettings.cross). */
  crossSource?: { text: string; lines: LineIndex; facts: DossierFacts };
}

function toCliRange(lines: LineIndex, range: { start: number; end: number }): CliRange {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

function lineText(text: string, lines: LineIndex, offset: number): string {
  const line = lines.positionAt(offset).line;
  const start = lines.lineStart(line);
  const end = text.indexOf("\n", start);
  return text.slice(start, end < 0 ? text.length : end).trim();
}

/** sha256 over what identifies a finding (not its line number), numbered when the same hash repeats in a file. */
function fingerprints(text: string, lines: LineIndex, findings: Finding[]): string[] {
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const identity = [
      finding.ruleId,
      finding.clauseIds.join(","),
      finding.messageId,
      JSON.stringify(finding.args),
      text.slice(finding.range.start, finding.range.end),
      lineText(text, lines, finding.range.start),
    ].join("\u0000");
    const hash = createHash("sha256").update(identity).digest("hex").slice(0, 32);
    const count = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, count);
    return `${hash}:${count}`;
  });
}

/** Lints a file's bytes (UTF-8, or UTF-16 decoded with a finding); evidence paths are looked up beside it (the
 * server's check, node/evidence-files.ts). */
export function lintBytes(target: DossierTarget, bytes: Uint8Array, settings: LintSettings): LintedFile {
  const decoded = decodeDossierBytes(bytes);
  const text = decoded.text;
  const service = createLanguageService({
    locale: settings.locale,
    today: settings.today,
    evidenceExists: evidenceExistsIn(path.dirname(target.absolutePath)),
    timeBudget: cliTimeBudget(),
  });
  const report = service.validate(text);
  const findings = [...report.findings, ...decoded.findings].sort(compareFindings);
  const crossSource = settings.cross
    ? {
        text,
        lines: new LineIndex(text),
        facts: dossierFacts(
          target.absolutePath,
          target.displayPath,
          report,
          evidenceHashes.in(path.dirname(target.absolutePath)),
        ),
      }
    : undefined;
  return {
    path: target.displayPath,
    absolutePath: target.absolutePath,
    editionId: report.edition.id,
    level: report.levelKnown ? report.level : null,
    category: report.category ?? null,
    findings: toCliFindings(text, findings, service.locale),
    ...(crossSource ? { crossSource } : {}),
  };
}

function comparePositions(a: CliRange, b: CliRange): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character
  );
}

/**
 * The cross-dossier findings of the run's files (core/check/cross/), added to each file's findings in place, with
 * the related locations in the other dossiers (their display paths). What was kept for the comparison is dropped.
 */
export function addCrossFindings(files: LintedFile[], locale: Locale): void {
  const sources = new Map<string, { file: LintedFile; text: string; lines: LineIndex; facts: DossierFacts }>();
  for (const file of files) if (file.crossSource) sources.set(file.absolutePath, { file, ...file.crossSource });
  const found = crossDossierFindings([...sources.values()].map((source) => source.facts));
  for (const [id, findings] of found) {
    const source = sources.get(id);
    if (!source || findings.length === 0) continue;
    const added = toCliFindings(source.text, findings, locale, (document) => {
      const other = document === undefined ? undefined : sources.get(document);
      return other && { lines: other.lines, path: other.file.path };
    });
    source.file.findings = [...source.file.findings, ...added].sort((a, b) => comparePositions(a.range, b.range));
  }
  for (const file of files) delete file.crossSource;
}

/** Another dossier of the run, for related locations in it: its line index and display path. */
type OtherDossier = (document: string | undefined) => { lines: LineIndex; path: string } | undefined;

function toCliFindings(text: string, findings: Finding[], locale: Locale, otherDossier?: OtherDossier): CliFinding[] {
  const lines = new LineIndex(text);
  const hashes = fingerprints(text, lines, findings);
  return findings.map((finding, index) => ({
    rule: finding.ruleId,
    clauses: finding.clauseIds,
    severity: finding.severity,
    message: renderMessage(finding.messageId, finding.args, locale),
    messageId: finding.messageId,
    args: finding.args,
    range: toCliRange(lines, finding.range),
    related: finding.related.map((related) => {
      const other = related.document === undefined ? undefined : otherDossier?.(related.document);
      return {
        message: renderMessage(related.messageId, related.args, locale),
        messageId: related.messageId,
        range: toCliRange(other?.lines ?? lines, related.range),
        ...(other ? { path: other.path } : {}),
      };
    }),
    fingerprint: hashes[index],
  }));
}

/** Lints a dossier file: only a regular file within the size limit is read (read-dossier.ts); a larger one gets a
 * single limits.file-size finding, anything else a readError. */
export function lintFile(target: DossierTarget, settings: LintSettings): LintedFile {
  const read = readDossierBytes(target.absolutePath, MAX_FILE_SIZE_BYTES, settings.locale);
  if (read.kind === "bytes") return lintBytes(target, read.bytes, settings);
  const unchecked = {
    path: target.displayPath,
    absolutePath: target.absolutePath,
    editionId: "",
    level: null,
    category: null,
  };
  if (read.kind === "unreadable") return { ...unchecked, findings: [], readError: read.reason };
  return {
    ...unchecked,
    findings: toCliFindings("", [fileSizeFinding(read.size, MAX_FILE_SIZE_BYTES)], settings.locale),
  };
}
