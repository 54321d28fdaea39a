// One model of a clause's status for a dossier: for every clause that applies to its edition, level and category,
// a verdict — violated, to fill in (unfilled), satisfied, not applicable, for a reviewer (manual) or waived — with the basis it rests on
// (checked, partly checked, text unknown), the error findings that make it violated and the warnings and infos
// that are only remarks. The checklist, the Clauses view, the status bar, SARIF and the CLI summary all draw from
// here. Pure: takes findings as data; imports no vscode, no fs.
import type { Clause, Edition, Level } from "../catalog/edition";
import { pick } from "../l10n/locale";
import { RULES } from "../check/rules";
import { verdictClauses } from "../catalog/clause-applicability";

export { appliesToCategory, verdictClauses } from "../catalog/clause-applicability";
import type { Locale, Localized, Severity } from "../types";

// written with \u escapes: a bundle of ASCII alone is held by V8 one byte per character (the server's memory target)
/** A final 。 or . */
const FINAL_STOP = /[\u3002.]$/;
/** A final 。 or ； */
const FINAL_STOP_ZH = /[\u3002\uff1b]$/;

/** A sentence without its final 。 or . (to be joined into another). */
export function withoutFinalStop(text: string): string {
  return text.replace(FINAL_STOP, "");
}

export type ClauseStatus = "violated" | "unfilled" | "satisfied" | "not-applicable" | "manual" | "waived";

/** The check id of a required value left empty (check/schema/check.ts FILL_CHECK): it makes a clause "unfilled". */
export const FILL_CHECK_ID = "fill.empty";
export type ClauseBasis = "checked" | "partly-checked" | "text-unknown";

/** What the status function needs of a finding (a core Finding, or a finding the CLI carries). */
export interface VerdictFinding {
  ruleId: string;
  clauseIds: string[];
  severity: Severity;
  /** Set when a waiver covers the finding: it then makes its clause `waived`, never violated. */
  waived?: { justification: string; approvedBy: string; expires: string };
}

export interface ClauseVerdict<F extends VerdictFinding = VerdictFinding> {
  clauseId: string;
  clause: Clause;
  status: ClauseStatus;
  basis: ClauseBasis;
  /**
   * The error findings citing this clause (they make it violated), then its values still to fill in (fill.empty,
   * a warning: they make it unfilled, never satisfied). A heading's items keep their own.
   */
  findings: F[];
  /** Other warnings and infos citing this clause: remarks (提示), never a reason for 不符合. */
  remarks: F[];
  /** The waived findings citing this clause (any severity): a clause whose only errors are waived is `waived`. */
  waived: F[];
  /** The rule ids that check the clause at the dossier's level, and "schema" when the schema does. */
  checkedBy: string[];
  /** Partly checked: what a reviewer must still look at (the catalog's still_to_check; a heading's items'). */
  stillToCheck?: Localized;
  /** Text unknown: the same requirement at the level whose text is known, which the conclusion goes by. */
  analogy?: { clauseId: string; level: Localized | null };
}

export const STATUS_LABELS: { [status in ClauseStatus]: Localized } = {
  violated: { zh: "不符合", en: "Violated" },
  unfilled: { zh: "待填写", en: "To fill in" },
  satisfied: { zh: "符合", en: "Satisfied" },
  "not-applicable": { zh: "不适用", en: "Not applicable" },
  manual: { zh: "需人工判断", en: "Reviewer must check" },
  waived: { zh: "已豁免", en: "Waived" },
};

export const BASIS_LABELS: { [basis in ClauseBasis]: Localized } = {
  checked: { zh: "已检查", en: "checked" },
  "partly-checked": { zh: "部分检查", en: "partly checked" },
  "text-unknown": { zh: "条文未知", en: "text unknown" },
};

/** Worst first: a heading takes the first of these that it or one of its items has. */
export const STATUS_ORDER: ClauseStatus[] = ["violated", "unfilled", "manual", "satisfied", "waived", "not-applicable"];

export type StatusCounts = { [status in ClauseStatus]: number };

export function emptyStatusCounts(): StatusCounts {
  return { violated: 0, unfilled: 0, satisfied: 0, "not-applicable": 0, manual: 0, waived: 0 };
}

export function countStatuses(verdicts: Array<{ status: ClauseStatus }>): StatusCounts {
  const counts = emptyStatusCounts();
  for (const verdict of verdicts) counts[verdict.status]++;
  return counts;
}

function machineCheckable(clause: Clause): boolean {
  return (clause.check ?? []).some((kind) => kind === "schema" || kind === "rule");
}

const checkedByCache = new Map<string, string[]>();

/** The rule ids whose clause templates resolve to this clause at the level, then "schema" when the catalog says so. */
function rulesChecking(edition: Edition, clause: Clause, level: Level): string[] {
  const key = `${edition.id}|${level}|${clause.id}`;
  const cached = checkedByCache.get(key);
  if (cached) return cached;
  const rules = RULES.filter((rule) =>
    rule.clauses.some((template) => edition.resolveClause(template, level) === clause.id),
  ).map((rule) => rule.id);
  const list = (clause.check ?? []).includes("schema") ? ["schema", ...rules] : rules;
  checkedByCache.set(key, list);
  return list;
}

function ownBasis(clause: Clause): ClauseBasis {
  if (clause.provenance !== "excerpt") return "text-unknown";
  if (clause.still_to_check || !machineCheckable(clause)) return "partly-checked";
  return "checked";
}

function joinLocalized(parts: Array<{ label: string; text: Localized }>): Localized | undefined {
  if (parts.length === 0) return undefined;
  return {
    zh: parts.map((part) => `${part.label}${part.text.zh.replace(FINAL_STOP_ZH, "")}`).join("；") + "。",
    en: parts.map((part) => `${part.label}${part.text.en.replace(/[.;]$/, "")}`).join("; ") + ".",
  };
}

/** The counterpart a clause without known text is judged by, with the label of its level. */
function analogyOf(edition: Edition, clause: Clause): ClauseVerdict["analogy"] {
  if (clause.provenance === "excerpt" || !clause.counterpart) return undefined;
  const counterpart = edition.clause(clause.counterpart);
  const level = counterpart?.levels?.length === 1 ? (counterpart.levels[0] as Level) : undefined;
  return { clauseId: clause.counterpart, level: level ? edition.levelLabel(level) : null };
}

/** What a reviewer must still look at for an item whose text is unknown (a heading's stillToCheck quotes it). */
function unknownItemText(item: ClauseVerdict): Localized {
  return { zh: analogyText(item, "zh-cn"), en: analogyText(item, "en") };
}

/**
 * Every verdict of a dossier: one per clause of `verdictClauses`, then any other clause an error cites (a
 * definition, a section) so that no error is left out of the picture. Headings agree with their items.
 */
export function clauseVerdicts<F extends VerdictFinding>(
  edition: Edition,
  level: Level,
  category: string | undefined,
  findings: readonly F[],
): Array<ClauseVerdict<F>> {
  const listed = verdictClauses(edition, level, category);
  const listedIds = new Set(listed.map(({ clause }) => clause.id));
  const citedByErrors = new Set(findings.filter((finding) => blocks(finding)).flatMap((finding) => finding.clauseIds));
  const extra = edition.clauses
    .filter((clause) => citedByErrors.has(clause.id) && !listedIds.has(clause.id))
    .map((clause) => ({ clause, applicable: true }));
  const extraIds = new Set(extra.map(({ clause }) => clause.id));
  const rows = edition.clauses
    .filter((clause) => listedIds.has(clause.id) || extraIds.has(clause.id))
    .map((clause) => listed.find((entry) => entry.clause === clause) ?? { clause, applicable: true });

  const byId = new Map<string, ClauseVerdict<F>>();
  const verdicts = rows.map(({ clause, applicable }) => {
    const citing = findings.filter((finding) => finding.clauseIds.includes(clause.id));
    const waived = citing.filter((finding) => finding.waived !== undefined);
    const standing = citing.filter((finding) => finding.waived === undefined);
    const errors = standing.filter((finding) => finding.severity === "error");
    const unfilled = standing.filter((finding) => finding.ruleId === FILL_CHECK_ID && finding.severity !== "error");
    const verdict: ClauseVerdict<F> = {
      clauseId: clause.id,
      clause,
      status: !applicable
        ? "not-applicable"
        : errors.length > 0
          ? "violated"
          : unfilled.length > 0
            ? "unfilled"
            : waived.some((finding) => blocks(finding))
              ? "waived"
              : machineCheckable(clause)
                ? "satisfied"
                : "manual",
      basis: ownBasis(clause),
      findings: applicable ? [...errors, ...unfilled] : [],
      remarks: standing.filter((finding) => !blocks(finding)),
      waived,
      checkedBy: rulesChecking(edition, clause, level),
      ...(clause.still_to_check && clause.provenance === "excerpt" ? { stillToCheck: clause.still_to_check } : {}),
    };
    const analogy = analogyOf(edition, clause);
    if (analogy) verdict.analogy = analogy;
    byId.set(clause.id, verdict);
    return verdict;
  });

  // Headings agree with their items (deepest first, so that a heading of headings sees its children's result).
  for (const verdict of [...verdicts].reverse()) {
    const items = edition
      .children(verdict.clauseId)
      .map((child) => byId.get(child.id))
      .filter((item): item is ClauseVerdict<F> => item !== undefined);
    const applicableItems = items.filter((item) => item.status !== "not-applicable");
    if (applicableItems.length === 0 || verdict.status === "not-applicable") continue;
    const statuses = [verdict.status, ...applicableItems.map((item) => item.status)];
    verdict.status = STATUS_ORDER.find((status) => statuses.includes(status)) ?? verdict.status;
    if (verdict.clause.provenance === "excerpt" && !verdict.clause.text) {
      // A heading without text of its own is known through its items: checked as far as they are.
      const bases = applicableItems.map((item) => item.basis);
      verdict.basis = bases.every((basis) => basis === "text-unknown")
        ? "text-unknown"
        : bases.every((basis) => basis === "checked")
          ? "checked"
          : "partly-checked";
      verdict.checkedBy = [...new Set([...verdict.checkedBy, ...applicableItems.flatMap((item) => item.checkedBy)])];
      const stillToCheck = joinLocalized(
        applicableItems
          .filter((item) => item.stillToCheck || item.basis === "text-unknown")
          .map((item) => ({
            label: `${item.clause.number ?? item.clauseId} `,
            text: item.stillToCheck ?? unknownItemText(item),
          })),
      );
      if (stillToCheck) verdict.stillToCheck = stillToCheck;
    }
  }
  return verdicts;
}

/** An error, or a value still to fill in: a finding that keeps its clauses from being satisfied. */
export function blocks(finding: VerdictFinding): boolean {
  return finding.severity === "error" || finding.ruleId === FILL_CHECK_ID;
}

/** The verdicts of a validated dossier (its findings, level and category). */
export function dossierVerdicts<F extends VerdictFinding>(report: {
  edition: Edition;
  level: Level;
  category: string | undefined;
  findings: readonly F[];
}): Array<ClauseVerdict<F>> {
  return clauseVerdicts(report.edition, report.level, report.category, report.findings);
}

const TEXT: { [key: string]: Localized } = {
  partly: {
    zh: "部分检查：{checked}；需评审确认：{still}",
    en: "partly checked: {checked}; a reviewer must still confirm: {still}",
  },
  partlyNoStill: {
    zh: "部分检查：{checked}；其余需评审确认",
    en: "partly checked: {checked}; a reviewer must confirm the rest",
  },
  analogy: {
    zh: "条文未知，按{level}条款 {clause} 类推",
    en: "text unknown; judged by analogy with {clause} of {level}",
  },
  summary: {
    zh: "条文未知，按公开资料概述的数字检查",
    en: "text unknown; checked against the figures of public summaries",
  },
  unknown: { zh: "条文未知", en: "text unknown" },
  seeItems: {
    zh: "部分检查，需评审确认的内容见各项",
    en: "partly checked; what a reviewer must still confirm is on its items",
  },
  schema: { zh: "结构校验", en: "schema" },
};

function fill(template: Localized, locale: Locale, values: { [name: string]: string }): string {
  return pick(template, locale).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function clauseLabelOf(clauseId: string, locale: Locale): string {
  if (/^[A-Z]$/.test(clauseId)) return locale === "zh-cn" ? `附录 ${clauseId}` : `Annex ${clauseId}`;
  const item = /^(.*)\.([a-z])$/.exec(clauseId);
  return item ? `${item[1]} ${item[2]})` : clauseId;
}

/** "条文未知，按二级条款 4.2.1 类推", or "条文未知" when the catalog names no counterpart. */
function analogyText(row: Pick<ClauseVerdict, "analogy">, locale: Locale): string {
  if (!row.analogy) return pick(TEXT.unknown, locale);
  const level = row.analogy.level ? pick(row.analogy.level, locale) : locale === "zh-cn" ? "已知" : "the known level";
  return fill(TEXT.analogy, locale, { level, clause: clauseLabelOf(row.analogy.clauseId, locale) });
}

/** The part of a row a conclusion is written from. */
export type ConclusionInput = Pick<
  ClauseVerdict,
  "clause" | "status" | "basis" | "checkedBy" | "stillToCheck" | "analogy"
>;

/** The basis said in words, for the conclusion's parenthesis (undefined for a fully checked clause). */
export function basisQualifier(row: ConclusionInput, locale: Locale): string | undefined {
  if (row.status === "not-applicable" || row.status === "waived") return undefined;
  if (row.basis === "text-unknown") {
    if (row.status === "manual") return pick(TEXT.unknown, locale);
    if (row.clause.provenance === "public-summary") return pick(TEXT.summary, locale);
    return analogyText(row, locale);
  }
  if (row.basis === "partly-checked" && row.status === "satisfied") {
    // A heading known through its items (4.1.4): each item's row says what was checked and what is left.
    if (row.clause.provenance === "excerpt" && !row.clause.text) return pick(TEXT.seeItems, locale);
    const checked = row.checkedBy
      .map((id) => (id === "schema" ? pick(TEXT.schema, locale) : id))
      .join(locale === "zh-cn" ? "、" : ", ");
    return row.stillToCheck
      ? fill(TEXT.partly, locale, { checked, still: withoutFinalStop(pick(row.stillToCheck, locale)) })
      : fill(TEXT.partlyNoStill, locale, { checked });
  }
  return undefined;
}

/**
 * The 结论 (conclusion) of a row: its status label, with what the conclusion rests on when not fully checked; for
 * a clause with values still to fill in, how many (待填写（3 项）), when the row carries its findings.
 */
export function conclusionText(
  row: ConclusionInput & { findings?: readonly VerdictFinding[] },
  locale: Locale,
): string {
  const label = pick(STATUS_LABELS[row.status], locale);
  if (row.status === "unfilled" && row.findings) {
    const count = row.findings.filter((finding) => finding.ruleId === FILL_CHECK_ID).length;
    if (count > 0) {
      return locale === "zh-cn" ? `${label}（${count} 项）` : `${label} (${count} ${count === 1 ? "value" : "values"})`;
    }
  }
  const qualifier = basisQualifier(row, locale);
  if (!qualifier) return label;
  return locale === "zh-cn" ? `${label}（${qualifier}）` : `${label} (${qualifier})`;
}

/** A short conclusion for narrow places (a tree, a status bar): the status and, when not fully checked, the basis. */
export function conclusionLabel(row: Pick<ClauseVerdict, "status" | "basis">, locale: Locale): string {
  const label = pick(STATUS_LABELS[row.status], locale);
  if (row.status === "not-applicable" || row.status === "waived" || row.basis === "checked") return label;
  if (row.basis === "partly-checked" && row.status !== "satisfied") return label;
  const basis = pick(BASIS_LABELS[row.basis], locale);
  return locale === "zh-cn" ? `${label}（${basis}）` : `${label} (${basis})`;
}

/** "不符合 2 项，需人工判断 3 项，符合 10 项" — the counts of a set of verdicts, worst first, zero counts left out. */
export function countsText(counts: StatusCounts, locale: Locale): string {
  return STATUS_ORDER.filter((status) => counts[status] > 0)
    .map((status) => `${pick(STATUS_LABELS[status], locale)} ${counts[status]}${locale === "zh-cn" ? " 项" : ""}`)
    .join(locale === "zh-cn" ? "，" : ", ");
}
