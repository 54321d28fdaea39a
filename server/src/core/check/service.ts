// The language service: one entry point per feature, all pure. Everything from outside (locale, today's date,
// whether an evidence file exists) comes in as options. Imports no vscode, no vscode-languageserver*, no fs.
import { isScalar } from "yaml";
import { allEditions, defaultEdition, Edition, findEdition, Level } from "../catalog/edition";
import { normalizeLocale } from "../l10n/locale";
import { Deadline, LIMIT_RULES, TimeBudget, timeBudgetFinding } from "../parse/limits";
import { keyRange, valueRange } from "../parse/locate";
import { parseDossier, ParsedDossier, withParseDeadline } from "../parse/parse";
import { RULES } from "./rules";
import type { Rule, RuleContext, RuleOptions } from "./rules/rule";
import { checkAgainstSchema } from "./schema/check";
import type { Finding, Locale, Severity } from "../types";
import { asDate, asObject, asString } from "./values";
import type { WaiverSource } from "./waiver-entry";
import { CrossWaivers, waiveCrossFindings, waiverPass } from "./waivers";

export type SeverityOverride = Severity | "off";

export interface ServiceOptions {
  locale?: string;
  /** Today's date (YYYY-MM-DD); used only when the dossier has no application.date. */
  today: string;
  /** Whether an evidence file exists; omit to skip existence checks. */
  evidenceExists?: (relativePath: string) => boolean;
  leaseWarningMonths?: number;
  /** Severity per rule id or clause id ("off" drops the finding). */
  severityOverrides?: { [ruleOrClauseId: string]: SeverityOverride };
  rules?: Rule[];
  /** Stop checking once a validation has taken longer than this (a limits.time-budget finding says so); checked
   * while parsing (validate: between slices of the text), after parsing, before each schema error is turned into a
   * finding, and before each rule. Omit for no limit. */
  timeBudget?: TimeBudget;
  /** File-form waivers (the configuration file's `waivers`); inline ones are read from the dossier (waivers.ts). */
  waivers?: readonly WaiverSource[];
  /** The dossier's path, for the file-form waivers' `dossier` globs (absolute, as their origin files are). */
  dossierPath?: string;
  /** Ignore every waiver, inline and file form (an audit run, the CLI's --no-waivers). */
  ignoreWaivers?: boolean;
}

export interface DossierReport {
  parsed: ParsedDossier;
  edition: Edition;
  level: Level;
  /** True when application.level is one of 1, 2, 3 (otherwise level 3 is assumed). */
  levelKnown: boolean;
  category: string | undefined;
  drClass: string | undefined;
  asOf: string;
  findings: Finding[];
  /** What the dossier's cross-dossier findings are finished with once those checks have run (finishCrossFindings). */
  crossFinish?: CrossFinish;
}

/** A dossier's severity overrides and its waivers of cross-dossier checks, kept from its validation. */
export interface CrossFinish {
  severityOverrides: { [ruleOrClauseId: string]: SeverityOverride };
  waivers: CrossWaivers | undefined;
}

/** The findings with severity overrides applied: "off" drops a finding; a rule's override before its clauses'. */
function overridden(
  findings: readonly Finding[],
  overrides: { [ruleOrClauseId: string]: SeverityOverride },
): Finding[] {
  const adjusted: Finding[] = [];
  for (const finding of findings) {
    const override =
      overrides[finding.ruleId] ?? finding.clauseIds.map((id) => overrides[id]).find((value) => value !== undefined);
    if (override === "off") continue;
    adjusted.push(override && override !== finding.severity ? { ...finding, severity: override } : finding);
  }
  return adjusted;
}

/**
 * A dossier's cross-dossier findings (core/check/cross/) finished as its own are: its severity overrides, then its
 * waivers of those checks, then the overrides of the waivers' own findings, in the order given. `ran`: whether the
 * cross-dossier checks ran (a waiver of them covering nothing is unused only then).
 */
export function finishCrossFindings(
  findings: readonly Finding[],
  finish: CrossFinish | undefined,
  ran: boolean,
): Finding[] {
  if (!finish) return [...findings];
  return overridden(
    waiveCrossFindings(overridden(findings, finish.severityOverrides), finish.waivers, ran),
    finish.severityOverrides,
  );
}

const SEVERITY_ORDER: { [severity in Severity]: number } = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/**
 * Whether a parsed dossier holds nothing: no content, or only a null (`~`, `null`); comments, a BOM and document
 * markers are not content. A declined text (binary, nested too deep) is not looked at, so it is not empty; a text
 * whose value could not be built (too many aliases) has content.
 */
function isEmptyDocument(parsed: ParsedDossier): boolean {
  if (parsed.declined !== undefined) return false;
  const contents = parsed.document.contents;
  return (
    contents === null ||
    contents === undefined ||
    (isScalar(contents) && (contents.value === null || contents.value === undefined))
  );
}

export class DossierLanguageService {
  readonly locale: Locale;
  private readonly rules: Rule[];

  constructor(readonly options: ServiceOptions) {
    this.locale = normalizeLocale(options.locale);
    this.rules = options.rules ?? RULES;
  }

  get editions(): Edition[] {
    return allEditions();
  }

  /** Parses and checks a dossier: YAML, schema, then every rule. Never throws. */
  validate(text: string): DossierReport {
    const deadline = new Deadline(this.options.timeBudget);
    return this.validateParsed(
      withParseDeadline(deadline, () => parseDossier(text)),
      deadline,
    );
  }

  /** Checks an already parsed dossier (e.g. from an incremental parse that reused unchanged sections). */
  validateParsed(parsed: ParsedDossier, deadline = new Deadline(this.options.timeBudget)): DossierReport {
    const text = parsed.text;
    const root = asObject(parsed.value) ?? {};
    const application = asObject(root.application) ?? {};
    const edition = findEdition(root.spec) ?? defaultEdition();
    const levelValue = application.level;
    const levelKnown = levelValue === 1 || levelValue === 2 || levelValue === 3;
    const level: Level = levelKnown ? (levelValue as Level) : 3;
    const categoryValue = asString(application.category);
    const category = categoryValue && edition.categories[categoryValue] ? categoryValue : undefined;
    const drClass = asString(application.dr_class);
    const applicationDate = asDate(application.date);
    const asOf = applicationDate ?? this.options.today;
    const findings: Finding[] = [...parsed.findings];
    const report: DossierReport = { parsed, edition, level, levelKnown, category, drClass, asOf, findings };
    if (parsed.declined === LIMIT_RULES.timeBudget) {
      // The budget was spent while parsing (withParseDeadline): nothing was checked, not even the YAML.
      findings.push(timeBudgetFinding(text, deadline.limitMs, "yaml", this.rules.length + 2));
      return this.finish(report);
    }
    if (parsed.value === undefined || parsed.value === null) {
      // Empty whatever else was found (a BOM, comments, a modeline are infos; a stray `]` an error too).
      if (isEmptyDocument(parsed)) findings.push(this.emptyDossierFinding(text));
      return this.finish(report);
    }
    if (deadline.passed()) {
      findings.push(timeBudgetFinding(text, deadline.limitMs, "schema", this.rules.length + 1));
      return this.finish(report);
    }
    const schema = checkAgainstSchema({
      value: parsed.value,
      document: parsed.document,
      text,
      edition,
      level,
      category,
      drClass,
      deadline,
    });
    findings.push(...schema.findings);
    if (schema.stopped) {
      findings.push(timeBudgetFinding(text, deadline.limitMs, "schema", this.rules.length + 1));
      return this.finish(report);
    }
    if (!applicationDate) findings.push(this.asOfTodayFinding(report));
    findings.push(...this.runRules(report, root, deadline));
    return this.finish(report);
  }

  private emptyDossierFinding(text: string): Finding {
    return {
      ruleId: "schema.empty",
      clauseIds: ["4"],
      severity: "error",
      messageId: "schema.empty",
      args: {},
      range: { start: 0, end: Math.min(text.length, text.indexOf("\n") >= 0 ? text.indexOf("\n") : text.length) },
      related: [],
    };
  }

  private asOfTodayFinding(report: DossierReport): Finding {
    const path = ["application"];
    return {
      ruleId: "dates.as-of-today",
      clauseIds: [report.edition.resolveClause("4.x.3", report.level)],
      severity: "info",
      messageId: "dates.as-of-today",
      args: { today: this.options.today },
      range: keyRange(report.parsed.document, path, report.parsed.text),
      related: [],
    };
  }

  private ruleContext(report: DossierReport, root: { [key: string]: unknown }, rule: Rule): RuleContext {
    return contextOf(report, root, rule.id, {
      leaseWarningMonths: this.options.leaseWarningMonths ?? 6,
      evidenceExists: this.options.evidenceExists,
    });
  }

  /** Runs every rule; an exception inside one rule becomes one internal-error finding for that rule. */
  private runRules(report: DossierReport, root: { [key: string]: unknown }, deadline: Deadline): Finding[] {
    const findings: Finding[] = [];
    for (const [index, rule] of this.rules.entries()) {
      if (deadline.passed()) {
        findings.push(timeBudgetFinding(report.parsed.text, deadline.limitMs, rule.id, this.rules.length - index));
        break;
      }
      try {
        findings.push(...rule.check(this.ruleContext(report, root, rule)));
      } catch {
        findings.push({
          ruleId: rule.id,
          clauseIds: rule.clauses.map((template) => report.edition.resolveClause(template, report.level)),
          severity: "error",
          messageId: "internal.rule-failed",
          args: { rule: rule.id },
          range: { start: 0, end: 0 },
          related: [],
        });
      }
    }
    return findings;
  }

  /** Severity overrides, then waivers (a finding turned off cannot be waived), then the overrides of the waivers' own
   * findings; sorted. */
  private finish(report: DossierReport): DossierReport {
    const overrides = this.options.severityOverrides ?? {};
    const adjusted = overridden(report.findings, overrides);
    // a text declined unread (binary, nested too deep) has no waivers to read
    const pass =
      this.options.ignoreWaivers || report.parsed.declined !== undefined
        ? { findings: adjusted, cross: undefined }
        : waiverPass(adjusted, {
            text: report.parsed.text,
            document: report.parsed.document,
            edition: report.edition,
            today: this.options.today,
            sources: this.options.waivers ?? [],
            dossierPath: this.options.dossierPath,
            complete: !report.findings.some((finding) => finding.ruleId === LIMIT_RULES.timeBudget),
          });
    const findings = pass.findings === adjusted ? adjusted : overridden(pass.findings, overrides);
    findings.sort(compareFindings);
    return { ...report, findings, crossFinish: { severityOverrides: overrides, waivers: pass.cross } };
  }
}

function contextOf(
  report: DossierReport,
  root: { [key: string]: unknown },
  ruleId: string,
  ruleOptions: RuleOptions,
): RuleContext {
  const { parsed, edition, level } = report;
  return {
    edition,
    level,
    category: report.category,
    drClass: report.drClass,
    dossier: root,
    document: parsed.document,
    text: parsed.text,
    asOf: report.asOf,
    options: ruleOptions,
    clause: (template) => edition.resolveClause(template, level),
    valueRange: (path) => valueRange(parsed.document, path, parsed.text),
    keyRange: (path) => keyRange(parsed.document, path, parsed.text),
    finding: (init) => ({
      ruleId,
      clauseIds: init.clauses,
      severity: init.severity ?? "error",
      messageId: init.messageId,
      args: init.args ?? {},
      range: init.range,
      related: init.related ?? [],
    }),
  };
}

/**
 * The context the rules read a checked dossier through, for the editor features that show what a rule computed
 * (inlay hints): the same readers and the same date, so that a fact is computed once, by the rule's own code.
 */
export function readingContext(report: DossierReport): RuleContext {
  return contextOf(report, asObject(report.parsed.value) ?? {}, "reading", { leaseWarningMonths: 6 });
}

export function createLanguageService(options: ServiceOptions): DossierLanguageService {
  return new DossierLanguageService(options);
}
