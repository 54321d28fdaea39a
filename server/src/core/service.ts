// The language service: one entry point per feature, all pure. Everything from outside (locale, today's date,
// whether an evidence file exists) comes in as options. Imports no vscode, no vscode-languageserver*, no fs.
import { isScalar } from "yaml";
import { allEditions, defaultEdition, Edition, findEdition, Level } from "./edition";
import { normalizeLocale } from "./l10n/render";
import { Deadline, LIMIT_RULES, TimeBudget, timeBudgetFinding } from "./limits";
import { keyRange, valueRange } from "./locate";
import { parseDossier, ParsedDossier, withParseDeadline } from "./parse";
import { RULES } from "./rules";
import type { Rule, RuleContext, RuleOptions } from "./rules/rule";
import { Locator, ReadTracker, RuleMemo, RuleRun } from "./rule-memo";
import { checkAgainstSchema } from "./schema-check";
import type { Finding, JsonPath, Locale, OffsetRange, Severity } from "./types";
import { asDate, asObject, asString } from "./values";

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
}

const SEVERITY_ORDER: { [severity in Severity]: number } = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId);
}

/** The range of the key or the value at a path. */
function locateIn(parsed: ParsedDossier, locator: Locator): OffsetRange {
  return locator.kind === "key" ? keyRange(parsed.document, locator.path, parsed.text) : valueRange(parsed.document, locator.path, parsed.text);
}

/**
 * Whether a parsed dossier holds nothing: no content, or only a null (`~`, `null`); comments, a BOM and document
 * markers are not content. A declined text (binary, nested too deep) is not looked at, so it is not empty; a text
 * whose value could not be built (too many aliases) has content.
 */
function isEmptyDocument(parsed: ParsedDossier): boolean {
  if (parsed.declined !== undefined) return false;
  const contents = parsed.document.contents;
  return contents === null || contents === undefined || (isScalar(contents) && (contents.value === null || contents.value === undefined));
}

/**
 * Rule results remembered per document (see rule-memo.ts), for parses that say which document they are of; shared
 * by every service (the server makes one per validation, with the settings of the moment).
 */
const memos = new WeakMap<object, RuleMemo>();

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
    // Item errors are remembered only for an open document's versions: a WeakMap entry per item costs the
    // collector more than checking the item again does when nothing comes back to it (the CLI).
    const schema = checkAgainstSchema({ value: parsed.value, document: parsed.document, text, edition, level, category, drClass, remember: parsed.session !== undefined, deadline });
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

  private ruleContext(report: DossierReport, root: { [key: string]: unknown }, rule: Rule, run?: RuleRun): RuleContext {
    const evidenceExists = this.options.evidenceExists;
    const ruleOptions: RuleOptions = {
      leaseWarningMonths: this.options.leaseWarningMonths ?? 6,
      evidenceExists:
        run && evidenceExists
          ? (relativePath) => {
              run.askedExistence = true;
              return evidenceExists(relativePath);
            }
          : evidenceExists,
    };
    const { parsed, edition, level } = report;
    // With a run to note them in, each range is a copy noted with the path it was located by (rule-memo.ts).
    const located = (kind: Locator["kind"], path: JsonPath): OffsetRange => {
      const range = locateIn(parsed, { kind, path });
      if (!run) return range;
      const own = { start: range.start, end: range.end };
      run.located.set(own, { kind, path: [...path] });
      return own;
    };
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
      valueRange: (path) => located("value", path),
      keyRange: (path) => located("key", path),
      finding: (init) => ({
        ruleId: rule.id,
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
   * Runs every rule; an exception inside one rule becomes one internal-error finding for that rule. For a document
   * parsed incrementally, a rule whose inputs did not change since the last validation gives its remembered
   * findings, their ranges located again.
   */
  private runRules(report: DossierReport, root: { [key: string]: unknown }, deadline: Deadline): Finding[] {
    const findings: Finding[] = [];
    const { parsed, edition } = report;
    const session = parsed.session;
    let memo = session ? memos.get(session) : undefined;
    if (session && !memo) memos.set(session, (memo = new RuleMemo()));
    const tracker = memo ? new ReadTracker(root) : undefined;
    // Everything a rule's findings depend on besides the sections it reads (severities are applied afterwards).
    const circumstances = `${report.level}\u0000${report.category ?? ""}\u0000${report.drClass ?? ""}\u0000${report.asOf}\u0000${this.options.leaseWarningMonths ?? 6}`;
    const locate = (locator: Locator) => locateIn(parsed, locator);
    for (const [index, rule] of this.rules.entries()) {
      if (deadline.passed()) {
        findings.push(timeBudgetFinding(report.parsed.text, deadline.limitMs, rule.id, this.rules.length - index));
        break;
      }
      const recalled = memo?.recall(rule, root, edition, circumstances, locate);
      if (recalled) {
        findings.push(...recalled);
        continue;
      }
      try {
        const run = tracker ? new RuleRun() : undefined;
        if (tracker) tracker.run = run;
        const found = rule.check(this.ruleContext(report, tracker ? tracker.dossier : root, rule, run));
        if (tracker) tracker.run = undefined;
        if (rule.readsWholeText) memo?.forget(rule);
        else memo?.remember(rule, run!, edition, circumstances, found, locate);
        findings.push(...found);
      } catch {
        if (tracker) tracker.run = undefined;
        memo?.forget(rule);
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

  private finish(report: DossierReport): DossierReport {
    const overrides = this.options.severityOverrides ?? {};
    const adjusted: Finding[] = [];
    for (const finding of report.findings) {
      const override = overrides[finding.ruleId] ?? finding.clauseIds.map((id) => overrides[id]).find((value) => value !== undefined);
      if (override === "off") continue;
      adjusted.push(override ? { ...finding, severity: override } : finding);
    }
    adjusted.sort(compareFindings);
    return { ...report, findings: adjusted };
  }
}

export function createLanguageService(options: ServiceOptions): DossierLanguageService {
  return new DossierLanguageService(options);
}
