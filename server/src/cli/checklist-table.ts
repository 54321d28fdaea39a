// The self-assessment table (自评估表) for one dossier as localized plain data: per clause the key point
// (评价要点), the clause (条款), the evidence it calls for (所需证明材料), the conclusion (结论), the evidence the
// dossier lists (证明材料清单) and the applicant's own explanation (自评说明). The md/html/csv/json/docx renderers only
// lay this out.
import type { Checklist } from "../core/verdicts/checklist";
import {
  ClauseBasis,
  ClauseStatus,
  conclusionText,
  StatusCounts,
  STATUS_LABELS,
  withoutFinalStop,
} from "../core/verdicts/clause-status";
import { clauseLabel, clauseTitle, requirementText } from "../core/catalog/clause-text";
import type { Clause, Edition, Level, ModelNode } from "../core/catalog/edition";
import { pick } from "../core/check/render";
import { LineIndex } from "../core/parse/line-index";
import { renderMessage } from "../core/check/render";
import type { DossierReport } from "../core/check/service";
import type { Finding, Locale, Localized, Severity } from "../core/types";
import { asObject, asString } from "../core/check/values";

export interface ChecklistFindingRow {
  severity: Severity;
  rule: string;
  message: string;
  messageId: string;
  /** 1-based. */
  line: number;
  column: number;
}

export interface ChecklistTableRow {
  number: number;
  clauseId: string;
  clauseLabel: string;
  provenance: string;
  keyPoint: string;
  evidenceRequired: string[];
  status: ClauseStatus;
  /** How far the tool checks the clause: checked, partly-checked or text-unknown. */
  basis: ClauseBasis;
  /** The rule ids (and "schema") that check the clause. */
  checkedBy: string[];
  /** What a reviewer must still confirm (partly checked clauses), in the table's language. */
  stillToCheck: string | null;
  /** The 结论: status and, when not fully checked, its basis (conclusionText). */
  conclusion: string;
  /** The errors that make the clause violated. */
  findings: ChecklistFindingRow[];
  /** Warnings and infos (提示): never a reason for 不符合. */
  remarks: ChecklistFindingRow[];
  evidence: string[];
  /** The waived findings citing the clause, with their waivers. */
  waivers: ChecklistWaiverRow[];
  /** The 自评说明: the applicant's own explanation (from `self_assessment`), then each waiver's justification, approver
   * and expiry on a line of its own; empty when none. */
  selfAssessment: string;
}

/** A waived finding on a row: the finding and the waiver's record. */
export interface ChecklistWaiverRow extends ChecklistFindingRow {
  justification: string;
  approvedBy: string;
  expires: string;
  /** "inline" (a comment in the dossier) or "config" (an entry of a configuration file). */
  origin: "inline" | "config";
}

export interface ChecklistTable {
  locale: Locale;
  title: string;
  headers: {
    number: string;
    keyPoint: string;
    clause: string;
    evidenceRequired: string;
    conclusion: string;
    evidence: string;
    selfAssessment: string;
  };
  facts: Array<{ label: string; value: string }>;
  rows: ChecklistTableRow[];
  counts: StatusCounts;
  countsLine: string;
  /** Findings that cite no clause (e.g. a credit code's check character): shown after the table. */
  otherFindings: ChecklistFindingRow[];
  otherFindingsTitle: string;
}

/** The seven column labels of the table, in their order (序号 … 自评说明): every layout uses this order. */
export function columnLabels(table: ChecklistTable): string[] {
  const { headers } = table;
  return [
    headers.number,
    headers.keyPoint,
    headers.clause,
    headers.evidenceRequired,
    headers.conclusion,
    headers.evidence,
    headers.selfAssessment,
  ];
}

const TEXT: { [key: string]: Localized } = {
  title: { zh: "信息安全服务资质认证自评估表", en: "Information security service qualification: self-assessment" },
  number: { zh: "序号", en: "No." },
  keyPoint: { zh: "评价要点", en: "Key point" },
  clause: { zh: "条款", en: "Clause" },
  evidenceRequired: { zh: "所需证明材料", en: "Evidence required" },
  conclusion: { zh: "结论", en: "Conclusion" },
  evidence: { zh: "证明材料清单", en: "Evidence list" },
  selfAssessment: { zh: "自评说明", en: "Self-assessment notes" },
  applicant: { zh: "申请单位", en: "Applicant" },
  creditCode: { zh: "统一社会信用代码", en: "Unified social credit code" },
  specification: { zh: "依据规范", en: "Specification" },
  category: { zh: "申报类别", en: "Category" },
  level: { zh: "申报级别", en: "Level" },
  drClass: { zh: "灾备服务分类", en: "DR class" },
  asOf: { zh: "评估基准日", en: "Assessed as of" },
  summaryMark: { zh: "（公开资料概述，非规范原文）", en: " (public summary, not the specification's words)" },
  unknownText: { zh: "（条文未知，仅见于目录）", en: " (text unknown: table of contents only)" },
  unknown: { zh: "（未填写）", en: "(not given)" },
  otherFindings: { zh: "不对应条款的问题", en: "Findings citing no clause" },
  waiver: {
    zh: "豁免理由：{justification}（批准人：{approvedBy}，有效期至 {expires}）",
    en: "Waived: {justification} (approved by {approvedBy}, until {expires})",
  },
};

/** A waiver's line in the 自评说明 column. */
export function waiverLine(
  waiver: Pick<ChecklistWaiverRow, "justification" | "approvedBy" | "expires">,
  locale: Locale,
): string {
  return text("waiver", locale).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name === "justification" || name === "approvedBy" || name === "expires" ? waiver[name] : whole,
  );
}

/** The 自评说明 of a row: the applicant's note, then one line per distinct waiver. */
function selfAssessmentText(note: string | undefined, waivers: ChecklistWaiverRow[], locale: Locale): string {
  const lines = [...new Set(waivers.map((waiver) => waiverLine(waiver, locale)))];
  return [note ?? "", ...lines].filter((line) => line !== "").join("\n");
}

function text(key: string, locale: Locale): string {
  return pick(TEXT[key], locale);
}

/** The key point of a clause: its title and requirement (verbatim Chinese in zh; provenance said plainly). */
function keyPoint(edition: Edition, clause: Clause, locale: Locale): string {
  const title = clauseTitle(edition, clause.id);
  const heading = title ? pick(title, locale) : "";
  const join = (body: string): string => (heading ? `${heading}${locale === "zh-cn" ? "：" : ": "}${body}` : body);
  if (clause.text) return join(pick(clause.text, locale).replace(/\n/g, " "));
  if (clause.summary) return join(pick(clause.summary, locale) + text("summaryMark", locale));
  const known = clause.provenance === "structure-only" ? heading + text("unknownText", locale) : heading;
  const items = requirementText(edition, clause);
  if (!items) return known;
  const lines = pick(items, locale).split("\n").map(withoutFinalStop);
  const body = locale === "zh-cn" ? `${lines.join("；")}。` : `${lines.join("; ")}.`;
  return `${known}${locale === "zh-cn" ? "：" : ": "}${body}`;
}

/** Counts in the table's order; "unfilled" and "waived" only when some clause is. */
const COUNTED: ClauseStatus[] = ["satisfied", "violated", "unfilled", "not-applicable", "manual", "waived"];

/** Titles of the model fields holding evidence for each clause ("办公场所 › 证明材料"), resolved at a level. */
function evidenceFieldsByClause(edition: Edition, level: Level, locale: Locale): Map<string, string[]> {
  const byClause = new Map<string, string[]>();
  const visit = (node: ModelNode, parentTitle: string | undefined): void => {
    const holdsEvidence = node.evidence === true || node.items?.evidence === true;
    const ownTitle = node.title ? pick(node.title, locale) : undefined;
    if (holdsEvidence) {
      const label = [parentTitle, ownTitle].filter((part): part is string => part !== undefined).join(" › ");
      for (const template of node.clauses ?? []) {
        const clauseId = edition.resolveClause(template, level);
        const list = byClause.get(clauseId) ?? [];
        if (label && !list.includes(label)) list.push(label);
        byClause.set(clauseId, list);
      }
    }
    for (const child of Object.values(node.properties ?? {})) visit(child, ownTitle ?? parentTitle);
    if (node.items && node.items.type === "object") visit(node.items, ownTitle ?? parentTitle);
  };
  visit(edition.model, undefined);
  return byClause;
}

function facts(report: DossierReport, locale: Locale): Array<{ label: string; value: string }> {
  const root = asObject(report.parsed.value) ?? {};
  const applicantName = asString(asObject(root.applicant)?.name);
  const creditCode = asString(asObject(root.applicant)?.credit_code);
  const category = report.category ? report.edition.categories[report.category] : undefined;
  const list = [
    { label: text("applicant", locale), value: applicantName ?? text("unknown", locale) },
    { label: text("creditCode", locale), value: creditCode ?? text("unknown", locale) },
    {
      label: text("category", locale),
      value: category
        ? `${pick(category.label, locale)}${locale === "zh-cn" ? `（${report.category}）` : ` (${report.category})`}`
        : text("unknown", locale),
    },
    {
      label: text("level", locale),
      value: report.levelKnown ? pick(report.edition.levelLabel(report.level), locale) : text("unknown", locale),
    },
  ];
  const drClass = report.drClass ? category?.classes?.[report.drClass] : undefined;
  if (report.drClass)
    list.push({ label: text("drClass", locale), value: drClass ? pick(drClass.label, locale) : report.drClass });
  list.push({ label: text("specification", locale), value: `${report.edition.id}《${report.edition.title.zh}》` });
  list.push({ label: text("asOf", locale), value: report.asOf });
  return list;
}

export function buildChecklistTable(report: DossierReport, checklist: Checklist, locale: Locale): ChecklistTable {
  const edition = report.edition;
  const lines = new LineIndex(report.parsed.text);
  const evidenceFields = evidenceFieldsByClause(edition, report.level, locale);
  const rows = checklist.rows.map((row) => {
    const waivers = row.waived.map(waiverRow);
    return {
      number: row.number,
      clauseId: row.clauseId,
      clauseLabel: clauseLabel(row.clauseId, locale),
      provenance: row.clause.provenance,
      keyPoint: keyPoint(edition, row.clause, locale),
      evidenceRequired: evidenceFields.get(row.clauseId) ?? [],
      status: row.status,
      basis: row.basis,
      checkedBy: row.checkedBy,
      stillToCheck: row.stillToCheck ? pick(row.stillToCheck, locale) : null,
      conclusion: conclusionText(row, locale),
      findings: row.findings.map(findingRow),
      remarks: row.remarks.map(findingRow),
      evidence: row.evidence,
      waivers,
      selfAssessment: selfAssessmentText(row.selfAssessment, waivers, locale),
    };
  });
  function waiverRow(finding: Finding): ChecklistWaiverRow {
    const waiver = finding.waived;
    return {
      ...findingRow(finding),
      justification: waiver?.justification ?? "",
      approvedBy: waiver?.approvedBy ?? "",
      expires: waiver?.expires ?? "",
      origin: waiver?.origin.kind ?? "inline",
    };
  }
  function findingRow(finding: Finding): ChecklistFindingRow {
    const position = lines.positionAt(finding.range.start);
    return {
      severity: finding.severity,
      rule: finding.ruleId,
      message: renderMessage(finding.messageId, finding.args, locale),
      messageId: finding.messageId,
      line: position.line + 1,
      column: position.character + 1,
    };
  }
  const countsLine = COUNTED.filter(
    (status) => (status !== "waived" && status !== "unfilled") || checklist.counts[status] > 0,
  )
    .map((status) => `${pick(STATUS_LABELS[status], locale)} ${checklist.counts[status]}`)
    .join(locale === "zh-cn" ? "，" : ", ");
  return {
    locale,
    title: text("title", locale),
    headers: {
      number: text("number", locale),
      keyPoint: text("keyPoint", locale),
      clause: text("clause", locale),
      evidenceRequired: text("evidenceRequired", locale),
      conclusion: text("conclusion", locale),
      evidence: text("evidence", locale),
      selfAssessment: text("selfAssessment", locale),
    },
    facts: facts(report, locale),
    rows,
    counts: checklist.counts,
    countsLine,
    otherFindings: checklist.unattributed.map(findingRow),
    otherFindingsTitle: text("otherFindings", locale),
  };
}
