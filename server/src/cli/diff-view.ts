// The diff between two submissions (core/verdicts/diff.ts) as localized data, laid out by the stylish, Markdown and
// HTML outputs (diff-render.ts) and by the editor's *Compare with previous submission…* document; `diff --format
// json` gives the same with ids and codes (diffJson). Lines are 1-based; a fixed finding's line is in the earlier
// submission, a new finding's and a field's in the later one when it has the field.
import { clauseLabel, clauseTitle } from "../core/catalog/clause-text";
import type { Edition } from "../core/catalog/edition";
import { renderMessage } from "../core/check/render";
import { pick } from "../core/l10n/locale";
import { LineIndex } from "../core/parse/line-index";
import type { ClauseSide, DiffFinding, DossierDiff, FieldChange } from "../core/verdicts/diff";
import { BASIS_LABELS, STATUS_LABELS } from "../core/verdicts/clause-status";
import type { Locale, Localized } from "../core/types";

export type DiffItemKind = "fixed" | "new" | "added" | "removed" | "changed";

export interface DiffViewItem {
  kind: DiffItemKind;
  /** The mark shown before it: ✓ fixed, ✗ new, + added, - removed, ~ changed. */
  mark: string;
  /** "已修复" / "fixed" … */
  label: string;
  /** Findings: the line (in its submission) and the message; fields: the value, or the values before → after. */
  text: string;
  /** A finding's check id, or a field's path in the dossier's terms. */
  code: string;
  /** A finding's 1-based line in its own submission. */
  line?: number;
}

export interface DiffViewGroup {
  /** undefined for the group of what no clause rests on. */
  clauseId: string | undefined;
  heading: string;
  before: string;
  after: string;
  statusBefore: string | undefined;
  statusAfter: string | undefined;
  regression: boolean;
  items: DiffViewItem[];
}

export interface DiffView {
  locale: Locale;
  title: string;
  beforeName: string;
  afterName: string;
  facts: Array<{ label: string; value: string }>;
  groups: DiffViewGroup[];
  summary: string;
  regressionNote: string | undefined;
}

export interface DiffSubmission {
  name: string;
  text: string;
}

const TEXT: { [key: string]: Localized } = {
  title: { zh: "两次提交的差异", en: "Changes between two submissions" },
  before: { zh: "上次提交", en: "Earlier submission" },
  after: { zh: "本次提交", en: "This submission" },
  category: { zh: "申报类别", en: "Category" },
  level: { zh: "申报级别", en: "Level" },
  notJudged: { zh: "未评判", en: "not judged" },
  other: { zh: "不属于任何条款", en: "Not attributed to a clause" },
  fixed: { zh: "已修复", en: "fixed" },
  new: { zh: "新问题", en: "new" },
  added: { zh: "新增", en: "added" },
  removed: { zh: "删除", en: "removed" },
  changed: { zh: "修改", en: "changed" },
  line: { zh: "第 {line} 行", en: "line {line}" },
  lineBefore: { zh: "上次第 {line} 行", en: "earlier line {line}" },
  summary: {
    zh: "{clauses} 个条款有变化（其中 {regressions} 个由符合变为不符合），已修复 {fixed} 个问题，新出现 {new} 个问题；{unchanged} 个条款无变化。",
    en: "{clauses} clauses changed ({regressions} from satisfied to violated), {fixed} findings fixed, {new} new; {unchanged} clauses unchanged.",
  },
  noChange: { zh: "两次提交在条款层面没有差异。", en: "No change clause by clause between the two submissions." },
  regression: {
    zh: "由符合变为不符合的条款：{clauses}",
    en: "Clauses that went from satisfied to violated: {clauses}",
  },
  items: { zh: "{count} 项", en: "{count} items" },
};

function text(key: string, locale: Locale, values: { [name: string]: string | number } = {}): string {
  return pick(TEXT[key], locale).replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}

function statusText(side: ClauseSide | undefined, locale: Locale): string {
  if (!side) return text("notJudged", locale);
  const label = pick(STATUS_LABELS[side.status], locale);
  if (side.basis === "checked" || side.status === "not-applicable" || side.status === "waived") return label;
  const basis = pick(BASIS_LABELS[side.basis], locale);
  return locale === "zh-cn" ? `${label}（${basis}）` : `${label} (${basis})`;
}

/** A value of the dossier in a few words: a scalar as it is, an entry by its name or id, a list by its length. */
export function briefValue(value: unknown, locale: Locale): string {
  if (value === null || value === undefined) return "∅";
  if (typeof value === "string") return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return text("items", locale, { count: value.length });
  const record = value as { [key: string]: unknown };
  for (const field of ["name", "id", "certificate", "title"])
    if (typeof record[field] === "string") return briefValue(record[field], locale);
  return "{…}";
}

function fieldText(change: FieldChange, locale: Locale): string {
  switch (change.kind) {
    case "added":
      return briefValue(change.after, locale);
    case "removed":
      return briefValue(change.before, locale);
    case "changed":
      return `${briefValue(change.before, locale)} → ${briefValue(change.after, locale)}`;
  }
}

/**
 * An item as one line: a finding's text then its check id in parentheses, a field's path then its value. `code`
 * and `plain` format the two kinds of text for the output (a code span, escaping).
 */
export function itemLine(
  entry: DiffViewItem,
  locale: Locale,
  code: (text: string) => string,
  plain: (text: string) => string,
): string {
  if (entry.kind === "fixed" || entry.kind === "new")
    return locale === "zh-cn"
      ? `${plain(entry.text)}（${code(entry.code)}）`
      : `${plain(entry.text)} (${code(entry.code)})`;
  return `${code(entry.code)}${locale === "zh-cn" ? "：" : ": "}${plain(entry.text)}`;
}

const MARKS: { [kind in DiffItemKind]: string } = { fixed: "✓", new: "✗", added: "+", removed: "-", changed: "~" };

function item(kind: DiffItemKind, textValue: string, code: string, locale: Locale, line?: number): DiffViewItem {
  return { kind, mark: MARKS[kind], label: text(kind, locale), text: textValue, code, ...(line ? { line } : {}) };
}

export function findingItems(
  fixed: DiffFinding[],
  added: DiffFinding[],
  lines: { before: LineIndex; after: LineIndex },
  locale: Locale,
): DiffViewItem[] {
  const one = (finding: DiffFinding, kind: "fixed" | "new"): DiffViewItem => {
    const line = (kind === "fixed" ? lines.before : lines.after).positionAt(finding.range.start).line + 1;
    const where = text(kind === "fixed" ? "lineBefore" : "line", locale, { line });
    const message = renderMessage(finding.messageId, finding.args, locale);
    return item(kind, `${where}${locale === "zh-cn" ? "：" : ": "}${message}`, finding.ruleId, locale, line);
  };
  return [...fixed.map((finding) => one(finding, "fixed")), ...added.map((finding) => one(finding, "new"))];
}

function fieldItems(fields: FieldChange[], locale: Locale): DiffViewItem[] {
  return fields.map((change) => item(change.kind, fieldText(change, locale), change.path, locale));
}

function heading(edition: Edition, clauseId: string, locale: Locale): string {
  const title = clauseTitle(edition, clauseId);
  return title ? `${clauseLabel(clauseId, locale)} ${pick(title, locale)}` : clauseLabel(clauseId, locale);
}

export function buildDiffView(
  diff: DossierDiff,
  edition: Edition,
  before: DiffSubmission,
  after: DiffSubmission,
  locale: Locale,
): DiffView {
  const lines = { before: new LineIndex(before.text), after: new LineIndex(after.text) };
  const categoryLabel = (id: string | undefined): string =>
    id === undefined
      ? "—"
      : edition.categories[id]
        ? `${pick(edition.categories[id].label, locale)}${locale === "zh-cn" ? `（${id}）` : ` (${id})`}`
        : id;
  const facts = [
    { label: text("before", locale), value: before.name },
    { label: text("after", locale), value: after.name },
    {
      label: text("category", locale),
      value:
        diff.before.category === diff.after.category
          ? categoryLabel(diff.after.category)
          : `${categoryLabel(diff.before.category)} → ${categoryLabel(diff.after.category)}`,
    },
    {
      label: text("level", locale),
      value:
        diff.before.level === diff.after.level
          ? pick(edition.levelLabel(diff.after.level), locale)
          : `${pick(edition.levelLabel(diff.before.level), locale)} → ${pick(edition.levelLabel(diff.after.level), locale)}`,
    },
  ];
  const groups: DiffViewGroup[] = diff.clauses.map((entry) => ({
    clauseId: entry.clauseId,
    heading: heading(edition, entry.clauseId, locale),
    before: statusText(entry.before, locale),
    after: statusText(entry.after, locale),
    statusBefore: entry.before?.status,
    statusAfter: entry.after?.status,
    regression: entry.regression,
    items: [...findingItems(entry.fixed, entry.added, lines, locale), ...fieldItems(entry.fields, locale)],
  }));
  const { other } = diff;
  if (other.fixed.length + other.added.length + other.fields.length > 0)
    groups.push({
      clauseId: undefined,
      heading: text("other", locale),
      before: "",
      after: "",
      statusBefore: undefined,
      statusAfter: undefined,
      regression: false,
      items: [...findingItems(other.fixed, other.added, lines, locale), ...fieldItems(other.fields, locale)],
    });
  const fixedCount = new Set([...diff.clauses.flatMap((entry) => entry.fixed), ...other.fixed]).size;
  const newCount = new Set([...diff.clauses.flatMap((entry) => entry.added), ...other.added]).size;
  const summary =
    groups.length === 0
      ? text("noChange", locale)
      : text("summary", locale, {
          clauses: diff.clauses.length,
          regressions: diff.regressions.length,
          fixed: fixedCount,
          new: newCount,
          unchanged: diff.unchanged,
        });
  return {
    locale,
    title: text("title", locale),
    beforeName: before.name,
    afterName: after.name,
    facts,
    groups,
    summary,
    regressionNote:
      diff.regressions.length > 0
        ? text("regression", locale, {
            clauses: diff.regressions.map((id) => clauseLabel(id, locale)).join(locale === "zh-cn" ? "、" : ", "),
          })
        : undefined,
  };
}

/** `diff --format json`: the diff with ids and codes, each finding with its 1-based line and column and message. */
export function diffJson(diff: DossierDiff, before: DiffSubmission, after: DiffSubmission, locale: Locale): string {
  const lines = { before: new LineIndex(before.text), after: new LineIndex(after.text) };
  const finding = (entry: DiffFinding, index: LineIndex) => {
    const start = index.positionAt(entry.range.start);
    return {
      ruleId: entry.ruleId,
      clauseIds: entry.clauseIds,
      severity: entry.severity,
      path: entry.path,
      line: start.line + 1,
      column: start.character + 1,
      message: renderMessage(entry.messageId, entry.args, locale),
    };
  };
  const findings = (fixed: DiffFinding[], added: DiffFinding[]) => ({
    fixed: fixed.map((entry) => finding(entry, lines.before)),
    new: added.map((entry) => finding(entry, lines.after)),
  });
  const document = {
    version: 1,
    locale: locale === "zh-cn" ? "zh-CN" : "en",
    before: { path: before.name, ...diff.before, category: diff.before.category ?? null },
    after: { path: after.name, ...diff.after, category: diff.after.category ?? null },
    regressions: diff.regressions,
    unchanged: diff.unchanged,
    clauses: diff.clauses.map((entry) => ({
      clauseId: entry.clauseId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      regression: entry.regression,
      findings: findings(entry.fixed, entry.added),
      fields: entry.fields,
    })),
    other: { findings: findings(diff.other.fixed, diff.other.added), fields: diff.other.fields },
  };
  return JSON.stringify(document, null, 2) + "\n";
}
