// Renders clauses for people: the label ("4.2.3 b)"), and a Markdown block with the Chinese text verbatim, the
// English rendering, the provenance said plainly, and, for per-level requirements, a table of levels 3/2/1.
import type { Clause, Edition, Level } from "./edition";
import { pick } from "./l10n/render";
import type { Locale, Localized } from "./types";

const UI: { [key: string]: Localized } = {
  excerpt: { en: "Quoted from our copy of the specification.", zh: "摘自本规范原文。" },
  publicSummary: {
    en: "**Not the specification's words**: our copy lacks this clause; this figure is stated the same way by public summaries of the scheme.",
    zh: "**非本规范原文**：我们的文本缺少本条；以下数字来自对认证规则的公开资料概述。",
  },
  structureOnly: {
    en: "**Text unknown**: our copy of the specification lacks this clause; it is known from the table of contents only.",
    zh: "**条文未知**：我们的规范文本缺少本条，仅从目录得知其存在。",
  },
  counterpart: { en: "The same requirement at another level", zh: "其他级别的同一要求" },
  english: { en: "English rendering (unofficial)", zh: "英文译文（非官方）" },
  level: { en: "Level", zh: "级别" },
  clause: { en: "Clause", zh: "条款" },
  requirement: { en: "Requirement", zh: "要求" },
  yours: { en: "(your level)", zh: "（本申请）" },
  unknown: { en: "text unknown", zh: "条文未知" },
  summaryMark: { en: "public summary", zh: "公开资料概述" },
};

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

function shortRequirement(clause: Clause | undefined, locale: Locale): string {
  if (!clause) return "—";
  if (clause.text) return clause.text.zh.replace(/\|/g, "\\|");
  if (clause.summary) return `${pick(clause.summary, locale).replace(/\|/g, "\\|")} *(${pick(UI.summaryMark, locale)})*`;
  return `*${pick(UI.unknown, locale)}*`;
}

/** A table of the same requirement at levels 3, 2 and 1, with the applicant's level marked. */
function levelTable(edition: Edition, clauseId: string, locale: Locale, applicantLevel: Level | undefined): string | undefined {
  const variants = edition.levelVariants(clauseId);
  if (!variants) return undefined;
  const rows = variants.map(({ level, clauseId: variantId }) => {
    const resolved = edition.resolveClause(edition.templateOf(variantId) ?? variantId, level);
    const mark = level === applicantLevel ? ` ${pick(UI.yours, locale)}` : "";
    const label = pick(edition.levelLabel(level), locale) + mark;
    return `| ${level === applicantLevel ? `**${label}**` : label} | ${clauseLabel(resolved, locale)} | ${shortRequirement(edition.clause(resolved), locale)} |`;
  });
  return [`| ${pick(UI.level, locale)} | ${pick(UI.clause, locale)} | ${pick(UI.requirement, locale)} |`, "|---|---|---|", ...rows].join("\n");
}

/** Markdown describing one clause: heading, verbatim text or what is known, provenance, level table. */
export function clauseMarkdown(edition: Edition, clauseId: string, locale: Locale, applicantLevel?: Level): string {
  const clause = edition.clause(clauseId);
  if (!clause) return `**${clauseId}**`;
  const title = clauseTitle(edition, clauseId);
  const heading = `**${edition.id} ${clauseLabel(clauseId, locale)}**${title ? ` ${title.zh} · ${title.en}` : ""}`;
  const parts = [heading];
  if (clause.provenance === "excerpt" && clause.text) {
    parts.push(quoteLines(clause.text.zh));
    parts.push(`*${pick(UI.english, locale)}:* ${clause.text.en.replace(/\n/g, " ")}`);
    parts.push(`*${pick(UI.excerpt, locale)}*`);
  } else if (clause.provenance === "public-summary") {
    parts.push(pick(UI.publicSummary, locale));
    if (clause.summary) parts.push(`${clause.summary.zh}\n\n${clause.summary.en}`);
  } else if (clause.provenance === "structure-only") {
    parts.push(pick(UI.structureOnly, locale));
  }
  if (clause.counterpart && clause.provenance !== "excerpt") {
    const counterpart = edition.clause(clause.counterpart);
    const text = counterpart?.text ? `: ${counterpart.text.zh}` : "";
    parts.push(`${pick(UI.counterpart, locale)} — ${clauseLabel(clause.counterpart, locale)}${text}`);
  }
  const table = levelTable(edition, clauseId, locale, applicantLevel);
  if (table) parts.push(table);
  return parts.join("\n\n");
}
