// Renders clauses for people: the label ("4.2.3 b)"), and a Markdown block with the Chinese text verbatim, the
// English rendering (always in English; in Chinese only when asked for: `english`), the provenance said plainly,
// and, for per-level requirements, a table of levels 3/2/1. Chinese output uses full-width punctuation.
import type { Clause, Edition, Level } from "./edition";
import { pick } from "../l10n/locale";
import type { Locale, Localized } from "../types";

const UI: { [key: string]: Localized } = {
  excerpt: { en: "Quoted from our copy of the specification.", zh: "摘自本规范原文。" },
  publicSummary: {
    en: "**Not the specification's words**: our copy lacks this clause; this figure is stated the same way by public summaries of the scheme.",
    zh: "**非规范原文**：本工具收录的规范文本不含本条；以下数字摘自认证规则的公开资料。",
  },
  structureOnly: {
    en: "**Text unknown**: our copy of the specification lacks this clause; it is known from the table of contents only.",
    zh: "**条文暂缺**：本工具收录的规范文本不含本条正文，仅见于目录。",
  },
  counterpart: { en: "The same requirement at another level", zh: "其他级别的同一要求" },
  english: { en: "English rendering (unofficial)", zh: "英文译文（非官方）" },
  level: { en: "Level", zh: "级别" },
  clause: { en: "Clause", zh: "条款" },
  requirement: { en: "Requirement", zh: "要求" },
  yours: { en: " (your level)", zh: "（本申请）" },
  unknown: { en: "text unknown", zh: "条文未知" },
  summaryMark: { en: "public summary", zh: "公开资料概述" },
  publicSummaryShort: {
    en: "**Not the specification's words** (public summary):",
    zh: "**非规范原文**（公开资料概述）：",
  },
};

/** Whether English renderings go with the Chinese: always in English; in Chinese when the user asks for them. */
export interface ClauseTextOptions {
  /** Show the English renderings in Chinese output too (the editor's isvDossier.showEnglish). */
  english?: boolean;
}

function withEnglish(locale: Locale, options: ClauseTextOptions | undefined): boolean {
  return locale === "en" || options?.english === true;
}

/** "：" in Chinese, ": " in English. */
export function colon(locale: Locale): string {
  return locale === "zh-cn" ? "：" : ": ";
}

/** "（text）" in Chinese, " (text)" in English. */
export function parenthesized(text: string, locale: Locale): string {
  return locale === "zh-cn" ? `（${text}）` : ` (${text})`;
}

/** A title in both languages ("申报类别 · Service category"), or in Chinese alone when English is not shown. */
export function bilingual(text: Localized, locale: Locale, options?: ClauseTextOptions): string {
  return withEnglish(locale, options) ? `${text.zh} · ${text.en}` : text.zh;
}

/** "4.2.3 b)" for an item, "4.2.3" for a section, "附录 H" / "Annex H" for an annex. */
export function clauseLabel(clauseId: string, locale: Locale): string {
  if (/^[A-Z]$/.test(clauseId)) return locale === "zh-cn" ? `附录 ${clauseId}` : `Annex ${clauseId}`;
  const item = /^(.*)\.([a-z])$/.exec(clauseId);
  return item ? `${item[1]} ${item[2]})` : clauseId;
}

/** The clause's title, or its parent's for a lettered item (items have no title of their own). */
export function clauseTitle(edition: Edition, clauseId: string): Localized | undefined {
  const clause = edition.clause(clauseId);
  if (clause?.title) return clause.title;
  return clause?.parent ? edition.clause(clause.parent)?.title : undefined;
}

function quoteLines(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n>\n");
}

/** The lettered items of a clause ("4.1.3" → 4.1.3.a, 4.1.3.b), as the catalog lists them. */
export function clauseItems(edition: Edition, clauseId: string): Clause[] {
  return edition.children(clauseId).filter((child) => /^[a-z]\)$/.test(child.number ?? ""));
}

/** A heading without text of its own whose items the catalog lists: its requirement is its items'. */
export function isItemHeading(edition: Edition, clause: Clause): boolean {
  return !clause.text && !clause.summary && clauseItems(edition, clause.id).length > 0;
}

/**
 * What a clause requires, as plain text in both languages: its own text or summary, or — for a heading whose items
 * are listed — one line per item ("a) …"), a summary marked as such and an unknown item said to be unknown.
 * Undefined when nothing is known.
 */
export function requirementText(edition: Edition, clause: Clause): Localized | undefined {
  if (clause.text) return clause.text;
  if (clause.summary) return clause.summary;
  const items = clauseItems(edition, clause.id);
  if (items.length === 0) return undefined;
  const line = (item: Clause, locale: Locale): string => {
    const number = item.number ?? item.id;
    if (item.text) return `${number} ${pick(item.text, locale).replace(/\n/g, " ")}`;
    if (item.summary)
      return `${number} ${pick(item.summary, locale)}${parenthesized(pick(UI.summaryMark, locale), locale)}`;
    return `${number} ${pick(UI.unknown, locale)}`;
  };
  return {
    zh: items.map((item) => line(item, "zh-cn")).join("\n"),
    en: items.map((item) => line(item, "en")).join("\n"),
  };
}

function shortRequirement(edition: Edition, clause: Clause | undefined, locale: Locale): string {
  if (!clause) return "—";
  if (clause.text) return clause.text.zh.replace(/\|/g, "\\|");
  if (clause.summary)
    return `${pick(clause.summary, locale).replace(/\|/g, "\\|")} *${parenthesized(pick(UI.summaryMark, locale), locale).trim()}*`;
  if (isItemHeading(edition, clause))
    return clauseItems(edition, clause.id)
      .map((item) => `${item.number ?? ""} ${shortRequirement(edition, item, locale)}`)
      .join("<br>");
  return `*${pick(UI.unknown, locale)}*`;
}

/** A heading's items in Markdown: the known texts quoted (with their English), summaries and unknown items plainly. */
function itemsMarkdown(edition: Edition, clause: Clause, locale: Locale, options?: ClauseTextOptions): string[] {
  const items = clauseItems(edition, clause.id);
  const quoted = items.flatMap((item) =>
    item.provenance === "excerpt" && item.text ? [{ id: item.id, number: item.number ?? "", text: item.text }] : [],
  );
  const parts: string[] = [];
  if (quoted.length > 0) {
    parts.push(quoteLines(quoted.map((item) => `${item.number} ${item.text.zh}`).join("\n")));
    if (withEnglish(locale, options))
      parts.push(
        `*${pick(UI.english, locale)}${colon(locale).trim()}* ${quoted.map((item) => `${item.number} ${item.text.en.replace(/\n/g, " ")}`).join(" ")}`,
      );
    parts.push(`*${pick(UI.excerpt, locale)}*`);
  }
  const quotedIds = new Set(quoted.map((item) => item.id));
  for (const item of items.filter((candidate) => !quotedIds.has(candidate.id))) {
    if (item.summary)
      parts.push(`${item.number} ${pick(UI.publicSummaryShort, locale)} ${bilingual(item.summary, locale, options)}`);
    else parts.push(`${item.number} *${pick(UI.unknown, locale)}*`);
  }
  return parts;
}

/** A table of the same requirement at levels 3, 2 and 1, with the applicant's level marked. */
function levelTable(
  edition: Edition,
  clauseId: string,
  locale: Locale,
  applicantLevel: Level | undefined,
): string | undefined {
  const variants = edition.levelVariants(clauseId);
  if (!variants) return undefined;
  const rows = variants.map(({ level, clauseId: variantId }) => {
    const resolved = edition.resolveClause(edition.templateOf(variantId) ?? variantId, level);
    const mark = level === applicantLevel ? pick(UI.yours, locale) : "";
    const label = pick(edition.levelLabel(level), locale) + mark;
    return `| ${level === applicantLevel ? `**${label}**` : label} | ${clauseLabel(resolved, locale)} | ${shortRequirement(edition, edition.clause(resolved), locale)} |`;
  });
  return [
    `| ${pick(UI.level, locale)} | ${pick(UI.clause, locale)} | ${pick(UI.requirement, locale)} |`,
    "|---|---|---|",
    ...rows,
  ].join("\n");
}

/** Markdown describing one clause: heading, verbatim text or what is known, provenance, level table. */
export function clauseMarkdown(
  edition: Edition,
  clauseId: string,
  locale: Locale,
  applicantLevel?: Level,
  options?: ClauseTextOptions,
): string {
  const clause = edition.clause(clauseId);
  if (!clause) return `**${clauseId}**`;
  const title = clauseTitle(edition, clauseId);
  const heading = `**${edition.id} ${clauseLabel(clauseId, locale)}**${title ? ` ${bilingual(title, locale, options)}` : ""}`;
  const english = withEnglish(locale, options);
  const parts = [heading];
  if (clause.provenance === "excerpt" && clause.text) {
    parts.push(quoteLines(clause.text.zh));
    if (english)
      parts.push(`*${pick(UI.english, locale)}${colon(locale).trim()}* ${clause.text.en.replace(/\n/g, " ")}`);
    parts.push(`*${pick(UI.excerpt, locale)}*`);
  } else if (clause.provenance === "excerpt" && isItemHeading(edition, clause)) {
    parts.push(...itemsMarkdown(edition, clause, locale, options));
  } else if (clause.provenance === "public-summary") {
    parts.push(pick(UI.publicSummary, locale));
    if (clause.summary) parts.push(english ? `${clause.summary.zh}\n\n${clause.summary.en}` : clause.summary.zh);
  } else if (clause.provenance === "structure-only") {
    parts.push(pick(UI.structureOnly, locale));
    if (isItemHeading(edition, clause)) parts.push(...itemsMarkdown(edition, clause, locale, options));
  }
  if (clause.counterpart && clause.provenance !== "excerpt") {
    const counterpart = edition.clause(clause.counterpart);
    const label = parenthesized(clauseLabel(clause.counterpart, locale), locale);
    const text = counterpart?.text ? `${colon(locale)}${counterpart.text.zh}` : "";
    parts.push(`${pick(UI.counterpart, locale)}${label}${text}`);
  }
  const table = levelTable(edition, clauseId, locale, applicantLevel);
  if (table) parts.push(table);
  return parts.join("\n\n");
}
