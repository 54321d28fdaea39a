// Completion at an offset: keys valid at the cursor (titles and clauses in both languages), enum values with their
// labels, personnel ids, process stages of the applied category, and section snippets at the root. The cursor
// context comes from the text lines (cursor-context.ts), so half-typed, broken YAML completes too.
// Pure: imports no vscode, no vscode-languageserver*, no fs.
//
// Multi-line insert texts carry their own absolute indentation: the LSP edge sends them with
// insertTextMode asIs, so that a client does not indent their continuation lines a second time.
import { clauseLabel } from "../catalog/clause-text";
import type { CursorContext } from "../parse/cursor-context";
import { cursorContextNear } from "../parse/incremental/cursor";
import { allEditions, ModelNode } from "../catalog/edition";
import { pick } from "../l10n/locale";
import type { DossierReport } from "../check/service";
import type { JsonPath, Locale, Localized, OffsetRange } from "../types";
import { asArray, asObject, asString } from "../check/values";
import { evidenceEntries } from "./evidence-completion";
import { evidenceLinks } from "./links";

export interface CompletionEntry {
  label: string;
  kind: "key" | "value" | "snippet" | "file";
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  /** insertText uses LSP snippet syntax (${1:placeholder}, ${1|a,b|}). */
  isSnippet: boolean;
  filterText?: string;
  sortText?: string;
  replaceRange?: OffsetRange;
}

const SECTION_SUFFIX: Localized = { zh: "（整节）", en: " (section)" };

/**
 * The completions at `offset`; an empty list where nothing fits (comments, block scalars, unknown fields).
 * `evidenceFiles` lists the files of the dossier's folder (relative, `/`-separated), asked only in an evidence field.
 */
export function complete(
  report: DossierReport,
  offset: number,
  locale: Locale,
  evidenceFiles?: () => readonly string[],
): CompletionEntry[] {
  // A declined text (binary, nested past the limits) gets no completion: reading its lines could take quadratic time.
  if (report.parsed.declined) return [];
  const context = cursorContextNear(report.parsed.text, offset, report.parsed.layout);
  if (!context) return [];
  const node = report.edition.modelAt(context.path);
  if (!node) return [];
  if (context.kind === "key" && node.type === "object") {
    const keys = keyEntries(report, node, context, locale);
    return context.path.length === 0 ? [...keys, ...sectionSnippets(report, node, context, locale)] : keys;
  }
  if (context.kind === "list-value" && node.type === "object") return keyEntries(report, node, context, locale);
  if (node.type === "object" || node.type === "array") return [];
  if (node.evidence) return evidenceFiles ? evidenceEntries(context, evidenceFiles(), citedEvidence(report)) : [];
  return valueEntries(report, node, context);
}

/** The evidence paths the dossier cites already. */
function citedEvidence(report: DossierReport): Set<string> {
  return new Set(evidenceLinks(report).map((link) => link.path));
}

function bothLanguages(text: Localized): string {
  return text.zh === text.en ? text.zh : `${text.zh} · ${text.en}`;
}

/** "§4.2.3 b), §4.2.2" — the node's clauses at the dossier's level. */
function clauseList(report: DossierReport, node: ModelNode, locale: Locale): string {
  const ids = [
    ...new Set((node.clauses ?? []).map((template) => report.edition.resolveClause(template, report.level))),
  ];
  return ids.map((id) => (/^[A-Z]$/.test(id) ? clauseLabel(id, locale) : `§${clauseLabel(id, locale)}`)).join(", ");
}

function fieldDocumentation(report: DossierReport, node: ModelNode, locale: Locale): string | undefined {
  const parts = [node.description ? pick(node.description, locale) : "", clauseList(report, node, locale)].filter(
    (part) => part,
  );
  return parts.length > 0 ? parts.join("\n\n") : undefined;
}

/** The plain dossier value at a path (undefined where the dossier has nothing there). */
function valueAt(report: DossierReport, path: JsonPath): unknown {
  let value: unknown = report.parsed.value;
  for (const segment of path) {
    value = typeof segment === "number" ? asArray(value)[segment] : asObject(value)?.[segment];
    if (value === undefined) return undefined;
  }
  return value;
}

/** Whether a key is required here: always, or by a `required_when` whose condition the dossier meets. */
function isRequired(report: DossierReport, parent: ModelNode, parentPath: JsonPath, key: string): boolean {
  if ((parent.required ?? []).includes(key)) return true;
  const condition = parent.properties?.[key]?.required_when;
  if (!condition) return false;
  const fieldPath = condition.field.startsWith("/")
    ? condition.field.split("/").filter(Boolean)
    : [...parentPath, condition.field];
  const value = valueAt(report, fieldPath);
  return value !== undefined && condition.in.includes(String(value));
}

function keyInsertText(key: string, node: ModelNode, context: CursorContext): string {
  if (context.colonFollows) return key;
  const indent = " ".repeat(context.keyColumn);
  if (node.type === "object") return `${key}:\n${indent}  `;
  if (node.type === "array") return `${key}:\n${indent}  - `;
  return `${key}: `;
}

function keyEntries(report: DossierReport, node: ModelNode, context: CursorContext, locale: Locale): CompletionEntry[] {
  const present = new Set(context.siblingKeys);
  const entries: CompletionEntry[] = [];
  Object.entries(node.properties ?? {}).forEach(([key, child], order) => {
    if (present.has(key)) return;
    const required = isRequired(report, node, context.path, key);
    entries.push({
      label: key,
      kind: "key",
      detail: child.title ? bothLanguages(child.title) : undefined,
      documentation: fieldDocumentation(report, child, locale),
      insertText: keyInsertText(key, child, context),
      isSnippet: false,
      filterText: key,
      sortText: `${required ? "0" : "1"}-${String(order).padStart(3, "0")}`,
      replaceRange: context.replaceRange,
    });
  });
  return entries;
}

interface ValueCandidate {
  value: string;
  detail?: string;
  /** Text besides the value a user may type to find it (the Chinese label). */
  alias?: string;
}

function personnelCandidates(report: DossierReport): ValueCandidate[] {
  const personnel = asArray(asObject(report.parsed.value)?.personnel);
  const roles = report.edition.modelAt(["personnel", 0, "role"]);
  const roleLabels = roles ? (report.edition.enumOf(roles)?.labels ?? {}) : {};
  const seen = new Set<string>();
  const candidates: ValueCandidate[] = [];
  for (const person of personnel) {
    const record = asObject(person);
    const id = asString(record?.id);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const name = asString(record?.name);
    const role = roleLabels[String(record?.role)];
    const detail = [name, role ? bothLanguages(role) : undefined].filter((part) => part).join(" · ");
    candidates.push({ value: id, detail: detail || undefined, alias: name });
  }
  return candidates;
}

function labelledCandidates(values: Array<string | number>, labels: { [value: string]: Localized }): ValueCandidate[] {
  return values.map((value) => {
    const label = labels[String(value)];
    return { value: String(value), detail: label ? bothLanguages(label) : undefined, alias: label?.zh };
  });
}

/** What may be written at a value: edition ids, personnel ids, stages of the category, or enum values. */
function valueCandidates(report: DossierReport, node: ModelNode, path: JsonPath): ValueCandidate[] {
  if (path.length === 1 && path[0] === "spec") {
    return allEditions().map((edition) => ({ value: edition.id, detail: bothLanguages(edition.title) }));
  }
  if (node.personnel_ref) return personnelCandidates(report);
  if (node.vocabulary === "stages") {
    const stages = report.edition.stagesFor(report.category, report.drClass) ?? {};
    return labelledCandidates(Object.keys(stages), stages);
  }
  const allowed = report.edition.enumOf(node);
  return allowed ? labelledCandidates(allowed.values, allowed.labels) : [];
}

function valueEntries(report: DossierReport, node: ModelNode, context: CursorContext): CompletionEntry[] {
  const taken = new Set(context.kind === "list-value" ? context.siblingValues : []);
  const candidates = valueCandidates(report, node, context.path).filter((candidate) => !taken.has(candidate.value));
  return candidates.map((candidate, order) => ({
    label: candidate.value,
    kind: "value",
    detail: candidate.detail,
    insertText: (context.valueNeedsSpace ? " " : "") + candidate.value,
    isSnippet: false,
    filterText: candidate.alias ? `${candidate.value} ${candidate.alias}` : candidate.value,
    sortText: String(order).padStart(3, "0"),
    replaceRange: context.replaceRange,
  }));
}

/** Snippet text for a choice of values: ${1|a,b|} (characters special in a choice escaped). */
function choice(tabstop: number, values: string[]): string {
  return values.length > 0
    ? `\${${tabstop}|${values.map((value) => value.replace(/[\\,|$}]/g, "\\$&")).join(",")}|}`
    : `\${${tabstop}}`;
}

class SnippetWriter {
  private tabstop = 0;

  constructor(private readonly report: DossierReport) {}

  /** The lines of `key: …` at `indent` with every required child expanded into placeholders. */
  field(key: string, node: ModelNode, indent: number, path: JsonPath): string[] {
    const pad = " ".repeat(indent);
    if (node.type === "object") return [`${pad}${key}:`, ...this.object(node, indent + 2, path)];
    if (node.type === "array") {
      const item = node.items;
      if (item?.type === "object") {
        const lines = this.object(item, indent + 4, [...path, 0]);
        return [
          `${pad}${key}:`,
          lines.length > 0 ? `${pad}  - ${lines[0].trimStart()}` : `${pad}  - \${${++this.tabstop}}`,
          ...lines.slice(1),
        ];
      }
      return [`${pad}${key}:`, `${pad}  - ${this.scalar(item, [...path, 0])}`];
    }
    return [`${pad}${key}: ${this.scalar(node, path)}`];
  }

  object(node: ModelNode, indent: number, path: JsonPath): string[] {
    const keys = Object.keys(node.properties ?? {}).filter((key) => isRequired(this.report, node, path, key));
    return keys.flatMap((key) => this.field(key, node.properties![key], indent, [...path, key]));
  }

  private scalar(node: ModelNode | undefined, path: JsonPath): string {
    const tabstop = ++this.tabstop;
    if (!node) return `\${${tabstop}}`;
    return choice(
      tabstop,
      valueCandidates(this.report, node, path).map((candidate) => candidate.value),
    );
  }
}

/** At the root: a snippet per missing section (object or list) with a skeleton of its required keys. */
function sectionSnippets(
  report: DossierReport,
  root: ModelNode,
  context: CursorContext,
  locale: Locale,
): CompletionEntry[] {
  if (context.colonFollows) return [];
  const present = new Set(context.siblingKeys);
  const entries: CompletionEntry[] = [];
  Object.entries(root.properties ?? {}).forEach(([key, node], order) => {
    if (present.has(key) || (node.type !== "object" && node.type !== "array")) return;
    const lines = new SnippetWriter(report).field(key, node, context.keyColumn, [key]);
    entries.push({
      label: `${key}${pick(SECTION_SUFFIX, locale)}`,
      kind: "snippet",
      detail: node.title ? bothLanguages(node.title) : undefined,
      documentation: fieldDocumentation(report, node, locale),
      insertText: lines.join("\n").slice(context.keyColumn),
      isSnippet: true,
      filterText: key,
      sortText: `2-${String(order).padStart(3, "0")}`,
      replaceRange: context.replaceRange,
    });
  });
  return entries;
}
