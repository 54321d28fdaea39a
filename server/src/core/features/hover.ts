// Hover: on a key or value, the field's title and description and what the specification says about it; on a
// clause id written in a comment, that clause.
import { clauseMentionAt } from "./clause-mentions";
import { bilingual, clauseMarkdown, ClauseTextOptions } from "../catalog/clause-text";
import { pick } from "../l10n/locale";
import { pathAtOffset } from "../parse/locate";
import type { DossierReport } from "../check/service";
import type { JsonPath, Locale, Localized, OffsetRange } from "../types";

export interface HoverResult {
  markdown: string;
  range: OffsetRange;
}

const UI: { [key: string]: Localized } = {
  clauses: { en: "Specification", zh: "规范依据" },
  noClause: { en: "No clause: a format rule of this tool.", zh: "无对应条款：本工具的格式要求。" },
  definedBy: { en: "Stage derived from the definition in", zh: "流程环节取自定义" },
};

function valueLabel(
  report: DossierReport,
  path: JsonPath,
  value: unknown,
  locale: Locale,
  options: ClauseTextOptions | undefined,
): string | undefined {
  const node = report.edition.modelAt(path);
  if (!node) return undefined;
  if (node.vocabulary === "stages") {
    const stage = report.edition.stagesFor(report.category, report.drClass)?.[String(value)];
    const category = report.category ? report.edition.categories[report.category] : undefined;
    if (stage && category)
      return `\`${value}\` — ${bilingual(stage, locale, options)}\n\n${pick(UI.definedBy, locale)} ${category.definition}`;
    return undefined;
  }
  const label = report.edition.enumOf(node)?.labels[String(value)];
  return label ? `\`${value}\` — ${bilingual(label, locale, options)}` : undefined;
}

export function hover(
  report: DossierReport,
  offset: number,
  locale: Locale,
  options?: ClauseTextOptions,
): HoverResult | undefined {
  const { edition, level, parsed } = report;
  const mention = clauseMentionAt(parsed.text, edition, offset);
  if (mention)
    return { markdown: clauseMarkdown(edition, mention.clauseId, locale, level, options), range: mention.range };
  const at = pathAtOffset(parsed.document, offset);
  if (at.path.length === 0 || !at.range || at.on === "container") return undefined;
  const path = at.path;
  const node = edition.modelAt(path);
  if (!node) return undefined;
  const title = node.title ?? edition.titleAt(path);
  const parts: string[] = [];
  if (title) parts.push(`### ${bilingual(title, locale, options)}`);
  if (at.on === "value") {
    const scalar = (at.node as { value?: unknown } | undefined)?.value;
    const label = valueLabel(report, path, scalar, locale, options);
    if (label) parts.push(label);
  }
  if (node.description) parts.push(pick(node.description, locale));
  const clauseIds = (node.clauses ?? []).map((template) => edition.resolveClause(template, level));
  // A section citing a heading and its items (performance: 4.1.3, a), b)) shows the heading, which quotes the items.
  const unique = [...new Set(clauseIds)].filter(
    (clauseId, _index, all) => !all.includes(edition.clause(clauseId)?.parent ?? ""),
  );
  if (unique.length === 0) parts.push(`*${pick(UI.noClause, locale)}*`);
  for (const clauseId of unique)
    parts.push("---", clauseMarkdown(edition, clauseId, locale, report.levelKnown ? level : undefined, options));
  return { markdown: parts.join("\n\n"), range: at.range };
}
