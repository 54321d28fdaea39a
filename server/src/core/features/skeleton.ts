// YAML skeletons built from the dossier model: the text a quick fix inserts for a missing key, and a whole new
// dossier (the editor's "New dossier…" and `isv-dossier init`), with comments citing clauses.
import type { Edition, Level, ModelNode } from "../catalog/edition";
import { clauseLabel } from "../catalog/clause-text";
import { pick } from "../l10n/locale";
import type { Locale } from "../types";

/** A placeholder the applicant must replace; it fails validation on purpose until filled. */
export const PLACEHOLDER = '""';

function clauseComment(edition: Edition, node: ModelNode, level: Level, locale: Locale): string {
  const clauses = [...new Set((node.clauses ?? []).map((template) => edition.resolveClause(template, level)))];
  const title = node.title ? pick(node.title, locale) : "";
  const labels = clauses.map((id) =>
    locale === "zh-cn" && /^\d+$/.test(id) ? `第 ${id} 章` : clauseLabel(id, locale),
  );
  const cites =
    clauses.length === 0 ? "" : locale === "zh-cn" ? `（${labels.join("、")}）` : ` (§${labels.join(", §")})`;
  return title || cites ? ` # ${title}${cites}` : "";
}

export interface SkeletonOptions {
  edition: Edition;
  level: Level;
  locale: Locale;
  /** Write a comment citing the clause after each key. */
  comments: boolean;
  /** Values to use instead of placeholders, by dotted path (e.g. "application.category"). */
  values?: { [dottedPath: string]: string };
  /** Keys to include beyond the required ones, by dotted path of their parent. */
  extraKeys?: { [dottedParentPath: string]: string[] };
}

/** The lines of `key: value` for a field at `indent`, with required children expanded. */
export function fieldSkeleton(
  key: string,
  node: ModelNode,
  indent: number,
  dottedPath: string,
  options: SkeletonOptions,
): string[] {
  const pad = " ".repeat(indent);
  const comment = options.comments ? clauseComment(options.edition, node, options.level, options.locale) : "";
  const given = options.values?.[dottedPath];
  if (given !== undefined) return [`${pad}${key}: ${given}${comment}`];
  if (node.type === "object") {
    return [`${pad}${key}:${comment}`, ...objectSkeleton(node, indent + 2, dottedPath, options)];
  }
  if (node.type === "array") {
    const item = node.items;
    if (item?.type === "object") {
      const lines = objectSkeleton(item, indent + 4, `${dottedPath}.0`, options);
      const first = lines.length > 0 ? `${pad}  - ${lines[0].trimStart()}` : `${pad}  - {}`;
      return [`${pad}${key}:${comment}`, first, ...lines.slice(1)];
    }
    return [`${pad}${key}: [${item?.evidence || item?.type === "string" ? PLACEHOLDER : ""}]${comment}`];
  }
  return [`${pad}${key}: ${PLACEHOLDER}${comment}`];
}

/** The required keys of an object (plus any extra keys asked for), each expanded. */
export function objectSkeleton(
  node: ModelNode,
  indent: number,
  dottedPath: string,
  options: SkeletonOptions,
): string[] {
  const extra = options.extraKeys?.[dottedPath] ?? [];
  const keys = Object.keys(node.properties ?? {}).filter(
    (key) => (node.required ?? []).includes(key) || extra.includes(key),
  );
  return keys.flatMap((key) =>
    fieldSkeleton(key, node.properties![key], indent, dottedPath ? `${dottedPath}.${key}` : key, options),
  );
}

export interface NewDossierOptions {
  edition: Edition;
  category: string;
  level: Level;
  drClass?: string;
  locale: Locale;
  /** The application date to write (YYYY-MM-DD). */
  date: string;
}

/** A new dossier: every required section, placeholders to fill, and comments citing clauses. */
export function newDossierText(options: NewDossierOptions): string {
  const { edition, category, level, drClass, locale } = options;
  const categoryEntry = edition.categories[category];
  const header =
    locale === "zh-cn"
      ? [
          `# ${edition.id}《${edition.title.zh}》信息安全服务资质申请材料`,
          `# 申报类别：${categoryEntry ? categoryEntry.label.zh : category}${drClass ? `（${drClass} 类）` : ""}，申报级别：${pick(edition.levelLabel(level), locale)}。请将 "" 替换为实际内容；各行注释注明所依据的条款。`,
        ]
      : [
          `# ${edition.id} (${edition.title.en}) qualification dossier`,
          `# Category: ${categoryEntry ? categoryEntry.label.en : category}, level ${level}. Replace each "" with real content; comments name the clause behind each key.`,
        ];
  const stages = Object.keys(edition.stagesFor(category, drClass) ?? {});
  const values: { [dottedPath: string]: string } = {
    spec: JSON.stringify(edition.id),
    "application.category": category,
    "application.level": String(level),
    "application.date": options.date,
    "processes.0.stages": `[${stages.join(", ")}]`,
    "management.document_control.covers": "[organization, service-process, quality]",
    "management.document_control.lifecycle": "[produce, publish, store, transmit, use-delivery, use-internal, dispose]",
    "management.project_management.stages": "[organization, planning, implementation, risk-control, delivery]",
  };
  const extraKeys: { [dottedParentPath: string]: string[] } = {};
  if (drClass) {
    values["application.dr_class"] = drClass;
    extraKeys.application = ["dr_class"];
  }
  if (categoryEntry?.supplier_management) extraKeys.management = ["supplier_management"];
  const body = objectSkeleton(edition.model, 0, "", { edition, level, locale, comments: true, values, extraKeys });
  return [...header, ...body, ""].join("\n");
}
