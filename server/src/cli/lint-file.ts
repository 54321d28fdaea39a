// Lints one dossier file for the CLI: reads and decodes it, runs the language service (the same core the editor uses) and
// turns the findings into plain data with positions, rendered messages and stable fingerprints.
import { createHash } from "node:crypto";
import * as path from "node:path";
import { renderMessage } from "../core/check/render";
import { LineIndex, LinePosition } from "../core/parse/line-index";
import { decodeDossierBytes } from "../core/parse/encoding";
import { fileSizeFinding, TimeBudget } from "../core/parse/limits";
import { compareFindings, createLanguageService, CrossFinish, finishCrossFindings } from "../core/check/service";
import type { Finding, FindingWaiver, Locale, MessageArguments, Severity } from "../core/types";
import { DEFAULT_SETTINGS } from "../core/check/config/config-model";
import type { ConfigReport } from "../core/check/config/config-check";
import { effectiveConfiguration, EffectiveConfiguration } from "../core/check/config/effective-config";
import type { WaiverSource } from "../core/check/waiver-entry";
import { evidenceFilesIn } from "../node/evidence-files";
import { EvidenceHashes } from "../node/evidence-hashes";
import { crossDossierFindings } from "../core/check/cross/cross-dossier";
import { dossierFacts, DossierFacts } from "../core/check/cross/facts";
import { displayPathFor, DossierTarget } from "./discover";
import { readDossierBytes } from "./read-dossier";

export interface LintSettings {
  /** The run's language (the configuration's locale decides it once per run: cli/config-options.ts runLocale). */
  locale: Locale;
  /** Today for the service: used when a dossier has no application.date, and for the waivers' expiry. */
  today: string;
  /** File-form waivers (the configuration file's `waivers`), applied to the dossiers their `dossier` names. */
  waivers?: readonly WaiverSource[];
  /** Ignore every waiver (--no-waivers). */
  ignoreWaivers?: boolean;
  /** The dossier's effective configuration (default: the defaults, no configuration file). */
  configuration?: EffectiveConfiguration;
  /** Keep what the cross-dossier checks compare (addCrossFindings, after every file of the run is linted). */
  cross?: boolean;
}

/** The effective configuration of a lint: the given one, or the defaults. */
function configurationOf(settings: LintSettings): EffectiveConfiguration {
  return settings.configuration ?? effectiveConfiguration(DEFAULT_SETTINGS, "command-line");
}

/** The waivers a dossier is checked with (those of the configuration file that governs it). */
export function lintWaivers(settings: LintSettings): WaiverSource[] {
  return configurationOf(settings).waivers;
}

/** The process's processor time so far (user + system, every thread), in milliseconds. */
function processorMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** The content hashes of the run's evidence files: each file is read once per run. */
const evidenceHashes = new EvidenceHashes();

/**
 * Each dossier's validation has a time budget (the language server's default unless the configuration file sets
 * one): hostile structure gets its findings within it (a limits.time-budget warning names the checks it stopped), as
 * in the editor. Counted in processor time, not wall-clock time: a run on a busy machine (a shared CI runner) waits
 * longer but finds the same, where the editor, which must answer while the user types, counts wall-clock time.
 */
export function cliTimeBudget(limitMs: number = DEFAULT_SETTINGS.timeBudgetMs): TimeBudget {
  return { limitMs, now: processorMs };
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
  /** Set when a waiver covers the finding: it then counts as neither an error nor a warning. */
  waived?: CliWaiver;
}

/** The waiver of a waived finding, as the CLI reports it. */
export interface CliWaiver {
  justification: string;
  approvedBy: string;
  expires: string;
  /** "inline": a comment in the dossier (`range`); "config": entry `index` (0-based) of the configuration `file`. */
  origin: { kind: "inline"; range: CliRange } | { kind: "config"; file: string; index: number };
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
  /** A configuration file (isv-dossier.config.yaml), not a dossier: never filtered out by --level / --category. */
  configuration?: true;
  /** What the cross-dossier checks compare, until addCrossFindings has used it (LintSettings.cross). */
  crossSource?: CrossSource;
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
  const configured = configurationOf(settings).settings;
  // the evidence files beside the dossier, each looked up once for its check and its cross-dossier contents
  const evidenceFiles = evidenceFilesIn(path.dirname(target.absolutePath));
  const service = createLanguageService({
    locale: settings.locale,
    today: settings.today,
    evidenceExists: configured.checkEvidence ? evidenceFiles.exists : undefined,
    leaseWarningMonths: configured.leaseWarningMonths,
    severityOverrides: configured.severity,
    timeBudget: cliTimeBudget(configured.timeBudgetMs),
    waivers: [...(settings.configuration?.waivers ?? []), ...(settings.waivers ?? [])],
    dossierPath: target.absolutePath,
    ignoreWaivers: settings.ignoreWaivers,
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
          evidenceHashes.in(path.dirname(target.absolutePath), evidenceFiles),
        ),
        finish: report.crossFinish,
      }
    : undefined;
  return {
    path: target.displayPath,
    absolutePath: target.absolutePath,
    editionId: report.edition.id,
    level: report.levelKnown ? report.level : null,
    category: report.category ?? null,
    findings: showConfigFiles(toCliFindings(text, findings, service.locale), target),
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
  const sources = new Map<string, { file: LintedFile } & CrossSource>();
  for (const file of files) if (file.crossSource) sources.set(file.absolutePath, { file, ...file.crossSource });
  const found = crossDossierFindings([...sources.values()].map((source) => source.facts));
  for (const [id, source] of sources) {
    // the dossier's severity overrides and its waivers of the cross-dossier checks, as its own findings had them
    const findings = finishCrossFindings(found.get(id) ?? [], source.finish, true);
    if (findings.length === 0) continue;
    const added = toCliFindings(source.text, findings, locale, (document) => {
      const other = document === undefined ? undefined : sources.get(document);
      return other && { lines: other.lines, path: other.file.path };
    });
    source.file.findings = [...source.file.findings, ...added].sort((a, b) => comparePositions(a.range, b.range));
  }
  for (const file of files) delete file.crossSource;
}

/** What the cross-dossier checks compare of a dossier, and how its cross-dossier findings are finished. */
interface CrossSource {
  text: string;
  lines: LineIndex;
  facts: DossierFacts;
  finish: CrossFinish | undefined;
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
    ...(finding.waived ? { waived: cliWaiver(finding.waived, lines) } : {}),
  }));
}

/**
 * A configuration file named as a waiver's origin as the dossier is named: relative to the folder the run was
 * started in (absolute when the dossier's path is), never a path of this machine in a shared report.
 */
function showConfigFiles(findings: CliFinding[], target: DossierTarget): CliFinding[] {
  if (path.isAbsolute(target.displayPath)) return findings;
  const cwd = path.resolve(target.absolutePath, ...target.displayPath.split("/").map(() => ".."));
  for (const finding of findings) {
    const origin = finding.waived?.origin;
    if (origin?.kind === "config") origin.file = displayPathFor(origin.file, cwd);
  }
  return findings;
}

function cliWaiver(waiver: FindingWaiver, lines: LineIndex): CliWaiver {
  const { justification, approvedBy, expires, origin } = waiver;
  return {
    justification,
    approvedBy,
    expires,
    origin:
      origin.kind === "inline"
        ? { kind: "inline", range: toCliRange(lines, origin.range) }
        : { kind: "config", file: origin.file, index: origin.index },
  };
}

/** Lints a dossier file: only a regular file within the size limit is read (read-dossier.ts); a larger one gets a
 * single limits.file-size finding, anything else a readError. */
export function lintFile(target: DossierTarget, settings: LintSettings): LintedFile {
  const maxBytes = configurationOf(settings).settings.maxFileSizeBytes;
  const read = readDossierBytes(target.absolutePath, maxBytes, settings.locale);
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
    findings: toCliFindings("", [fileSizeFinding(read.size, maxBytes)], settings.locale),
  };
}

/** A configuration file's findings as a file of the lint report (listed before the dossiers it governs). */
export function lintedConfigFile(report: ConfigReport, displayPath: string, locale: Locale): LintedFile {
  return {
    path: displayPath,
    absolutePath: report.file,
    editionId: "",
    level: null,
    category: null,
    configuration: true,
    findings: toCliFindings(report.parsed.text, [...report.findings].sort(compareFindings), locale),
  };
}
