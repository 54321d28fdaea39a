// `isv-dossier clauses [ID]`: the clause catalog as a tree, or one clause with its text, its provenance, the
// requirement rules that check it (RULES' clause templates resolved at each level) and the dossier fields citing it.
import {
  bilingual,
  clauseItems,
  clauseLabel,
  clauseMarkdown,
  colon,
  isItemHeading,
  parenthesized,
} from "../core/catalog/clause-text";
import { Clause, Edition, LEVELS, ModelNode } from "../core/catalog/edition";
import { pick } from "../core/check/render";
import { RULES } from "../core/check/rules";
import type { Locale, Localized } from "../core/types";
import { CliUsageError, EXIT_OK } from "./errors";
import { uiText } from "./ui-text";

// written with \u escapes: a bundle of ASCII alone is held by V8 one byte per character (the server's memory target)
/** A leading § */
const SECTION_SIGN = /^\u00a7/;
/** 附录 A, annex A */
const ANNEX = /^(?:\u9644\u5f55|annex)\s*([A-Za-z])$/i;

const TEXT: { [key: string]: Localized } = {
  summary: { zh: "公开资料概述", en: "public summary" },
  unknown: { zh: "条文未知", en: "text unknown" },
  rules: { zh: "检查本条的规则", en: "Rules that check it" },
  noRules: { zh: "（没有规则自动检查本条）", en: "(no rule checks it automatically)" },
  fields: { zh: "引用本条的申请材料字段", en: "Dossier fields citing it" },
  check: { zh: "检查方式", en: "How it is checked" },
  schema: { zh: "结构校验", en: "schema" },
  rule: { zh: "规则", en: "rule" },
  manual: { zh: "人工评审", en: "reviewer" },
  informative: { zh: "资料性", en: "informative" },
};

function text(key: string, locale: Locale): string {
  return TEXT[key] ? pick(TEXT[key], locale) : key;
}

/** "4.2.3 b)", "4.2.3b", "4.2.3.b", "附录 H", "Annex H", "§4.1.1" → catalog ids. */
export function normalizeClauseId(input: string): string {
  const trimmed = input.trim().replace(SECTION_SIGN, "");
  const annex = ANNEX.exec(trimmed);
  if (annex) return annex[1].toUpperCase();
  const item = /^([\d.]+?)\.?\s*([a-z])\)?$/.exec(trimmed);
  if (item) return `${item[1]}.${item[2]}`;
  return trimmed.replace(/\.$/, "");
}

function lineFor(edition: Edition, clause: Clause, locale: Locale): string {
  const title = clause.title ? pick(clause.title, locale) : undefined;
  const body = clause.text ?? clause.summary;
  const snippet = body ? pick(body, locale).replace(/\s+/g, " ") : "";
  const shown = title ?? (snippet.length > 48 ? `${snippet.slice(0, 47)}…` : snippet);
  const mark =
    clause.provenance === "public-summary"
      ? ` [${text("summary", locale)}]`
      : clause.provenance === "structure-only"
        ? ` [${text("unknown", locale)}]`
        : "";
  return [clauseLabel(clause.id, locale), shown, mark.trim()].filter((part) => part !== "").join(" ");
}

function tree(edition: Edition, locale: Locale): string {
  const lines = [`${edition.id} ${bilingual(edition.title, locale)}`];
  const visit = (parent: string | null, prefix: string): void => {
    const children = edition.children(parent);
    children.forEach((clause, index) => {
      const last = index === children.length - 1;
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${lineFor(edition, clause, locale)}`);
      visit(clause.id, prefix + (last ? "   " : "│  "));
    });
  };
  visit(null, "");
  return lines.join("\n") + "\n";
}

/** The rules checking a clause, or — for a heading known through its items (4.1.3) — checking it or its items. */
function rulesChecking(edition: Edition, clauseId: string, locale: Locale): string[] {
  const lines: string[] = [];
  const clause = edition.clause(clauseId);
  const ids = new Set([
    clauseId,
    ...(clause && isItemHeading(edition, clause) ? clauseItems(edition, clauseId).map((item) => item.id) : []),
  ]);
  for (const rule of RULES) {
    const levels = LEVELS.filter((level) =>
      rule.clauses.some((template) => ids.has(edition.resolveClause(template, level))),
    );
    if (levels.length === 0) continue;
    const perLevel = rule.clauses.some((template) => template.startsWith("4.x"));
    const levelNote = perLevel
      ? parenthesized(
          levels.map((level) => pick(edition.levelLabel(level), locale)).join(locale === "zh-cn" ? "、" : ", "),
          locale,
        )
      : "";
    lines.push(`- \`${rule.id}\`${levelNote} — ${pick(rule.description, locale)}`);
  }
  return lines;
}

function fieldsCiting(edition: Edition, clauseId: string, locale: Locale): string[] {
  const lines: string[] = [];
  const visit = (node: ModelNode, path: string): void => {
    const cites = (node.clauses ?? []).some((template) =>
      LEVELS.some((level) => edition.resolveClause(template, level) === clauseId),
    );
    if (cites && path) lines.push(`- \`${path}\`${node.title ? ` ${pick(node.title, locale)}` : ""}`);
    for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, path ? `${path}.${key}` : key);
    if (node.items?.type === "object")
      for (const [key, child] of Object.entries(node.items.properties ?? {})) visit(child, `${path}[].${key}`);
  };
  visit(edition.model, "");
  return lines;
}

function oneClause(edition: Edition, clauseId: string, locale: Locale): string {
  const clause = edition.clause(clauseId);
  if (!clause) throw new CliUsageError(uiText("error.unknown-clause", locale, { clause: clauseId }));
  const parts = [clauseMarkdown(edition, clauseId, locale)];
  if (clause.check && clause.check.length > 0)
    parts.push(
      `${text("check", locale)}${colon(locale)}${clause.check.map((kind) => text(kind, locale)).join(locale === "zh-cn" ? "、" : ", ")}`,
    );
  const rules = rulesChecking(edition, clauseId, locale);
  parts.push(
    `${text("rules", locale)}${colon(locale).trim()}\n${rules.length > 0 ? rules.join("\n") : text("noRules", locale)}`,
  );
  const fields = fieldsCiting(edition, clauseId, locale);
  if (fields.length > 0) parts.push(`${text("fields", locale)}${colon(locale).trim()}\n${fields.join("\n")}`);
  return parts.join("\n\n") + "\n";
}

export function runClauses(edition: Edition, clauseArgument: string | undefined, locale: Locale): number {
  process.stdout.write(
    clauseArgument === undefined
      ? tree(edition, locale)
      : oneClause(edition, normalizeClauseId(clauseArgument), locale),
  );
  return EXIT_OK;
}
