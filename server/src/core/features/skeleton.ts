// YAML skeletons built from the dossier model: the text a quick fix inserts for a missing key, and a whole new
// dossier, with comments citing clauses — one source for both forms of it: `isv-dossier init` writes it as plain
// YAML (each value to fill in a `""` placeholder, a fill.empty finding until filled), the editor's "New dossier…"
// inserts it as a snippet the user tabs through (a tab stop inside each placeholder; choices for the category, the
// level and the disaster-recovery class; the application date selected, to keep or overwrite).
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
  /** What stands for a value to fill in (default PLACEHOLDER). */
  placeholder?: string;
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
    const placeholder = options.placeholder ?? PLACEHOLDER;
    return [`${pad}${key}: [${item?.evidence || item?.type === "string" ? placeholder : ""}]${comment}`];
  }
  return [`${pad}${key}: ${options.placeholder ?? PLACEHOLDER}${comment}`];
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

// Marks in the skeleton's text, replaced when it is written out as YAML or as a snippet: a value to fill in, and a
// value the user may keep or change (a choice among values, or a default). They cannot occur in the model's text.
const FILL_MARK = "\u0000fill\u0000";
const choiceMark = (index: number): string => `\u0000choice${index}\u0000`;
const MARKS = /\u0000(fill|choice(\d+))\u0000/g;

/** A value of the new dossier the user may change: its value, and the alternatives (a snippet offers them). */
interface Choice {
  value: string;
  alternatives: string[];
}

/** A new dossier as plain YAML: every required section, `""` placeholders to fill, comments citing clauses. */
export function newDossierText(options: NewDossierOptions): string {
  const { text, choices } = newDossierSkeleton(options);
  return text.replace(MARKS, (_mark, kind: string, index?: string) =>
    kind === "fill" ? PLACEHOLDER : choices[Number(index)].value,
  );
}

/** Escapes text for a snippet's literal part (`$`, `}` and `\` are syntax there). */
function snippetLiteral(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

/**
 * The same new dossier as a snippet (VS Code / LSP snippet syntax): a tab stop inside each `""` placeholder, in
 * order; the category, level and disaster-recovery class as choices (the chosen value first); the application
 * date as a default to keep or overwrite. Inserted as a snippet, it reads exactly as newDossierText.
 */
export function newDossierSnippet(options: NewDossierOptions): string {
  const { text, choices } = newDossierSkeleton(options);
  let stop = 0;
  const parts = text.split(MARKS);
  // split with two capture groups: [literal, kind, index, literal, kind, index, …]
  let snippet = "";
  for (let index = 0; index < parts.length; index += 3) {
    snippet += snippetLiteral(parts[index]);
    if (index + 1 >= parts.length) break;
    const kind = parts[index + 1];
    stop++;
    if (kind === "fill") {
      snippet += `"\${${stop}}"`;
      continue;
    }
    const choice = choices[Number(parts[index + 2])];
    const others = choice.alternatives.filter((value) => value !== choice.value);
    snippet +=
      others.length > 0
        ? `\${${stop}|${[choice.value, ...others].map((value) => value.replace(/[\\,|]/g, "\\$&")).join(",")}|}`
        : `\${${stop}:${snippetLiteral(choice.value)}}`;
  }
  return snippet + "$0";
}

/** The skeleton with marks for the values to fill in and the values to choose. */
function newDossierSkeleton(options: NewDossierOptions): { text: string; choices: Choice[] } {
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
  const choices: Choice[] = [];
  const choose = (value: string, alternatives: string[]): string => {
    choices.push({ value, alternatives });
    return choiceMark(choices.length - 1);
  };
  const values: { [dottedPath: string]: string } = {
    spec: JSON.stringify(edition.id),
    "application.category": choose(category, Object.keys(edition.categories)),
    "application.level": choose(String(level), ["3", "2", "1"]),
    "application.date": choose(options.date, []),
    "processes.0.stages": `[${stages.join(", ")}]`,
    "management.document_control.covers": "[organization, service-process, quality]",
    "management.document_control.lifecycle": "[produce, publish, store, transmit, use-delivery, use-internal, dispose]",
    "management.project_management.stages": "[organization, planning, implementation, risk-control, delivery]",
  };
  const extraKeys: { [dottedParentPath: string]: string[] } = {};
  if (drClass) {
    values["application.dr_class"] = choose(drClass, ["A", "B"]);
    extraKeys.application = ["dr_class"];
  }
  if (categoryEntry?.supplier_management) extraKeys.management = ["supplier_management"];
  const body = objectSkeleton(edition.model, 0, "", {
    edition,
    level,
    locale,
    comments: true,
    values,
    extraKeys,
    placeholder: FILL_MARK,
  });
  return { text: [...header, ...body, ""].join("\n"), choices };
}
