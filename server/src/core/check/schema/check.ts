// Checks a parsed dossier against the edition's generated JSON Schema and turns ajv's errors into findings:
// one per real problem, at the right span, citing the clause(s) in the schema's x-clause annotation.
import type { ErrorObject } from "ajv";
import type { Document } from "yaml";
import type { Edition, Level, SchemaObject } from "../../catalog/edition";
import { Deadline, LIMITS, schemaFindingsCapFinding } from "../../parse/limits";
import { keyRange, valueRange } from "../../parse/locate";
import { expectedAt } from "../../catalog/expects";
import { nearestWord } from "../../l10n/nearest";
import type { CheckDeclaration, Finding, JsonPath, Localized, MessageArgument, OffsetRange } from "../../types";

/** The message of a pattern finding on an empty value: "must not be empty", then what the field expects. */

/** The value keywords, most telling first: one finding per value, the first that failed in this order. */
const VALUE_KEYWORDS = [
  "type",
  "not",
  "const",
  "enum",
  "format",
  "pattern",
  "minLength",
  "minimum",
  "exclusiveMinimum",
];

/** A JSON pointer (an ajv error's instancePath) as a path of keys and list indexes. */
export function decodePointer(pointer: string): JsonPath {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** The schema object at a schema path such as "#/properties/premises/required" (minus the last keyword). */
function parentSchemaAt(schema: SchemaObject, schemaPath: string): SchemaObject | undefined {
  const segments = schemaPath.replace(/^#\//, "").split("/").slice(0, -1);
  let node: unknown = schema;
  for (const raw of segments) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as { [key: string]: unknown })[segment];
  }
  return node !== null && typeof node === "object" ? (node as SchemaObject) : undefined;
}

function clausesOf(schema: SchemaObject | undefined): string[] {
  const clauses = schema?.["x-clause"];
  return Array.isArray(clauses) ? clauses.map(String) : [];
}

/**
 * The clauses of the nearest schema object along a schema path (the failing keyword's own object first, then each
 * object above it) that cites any: a value inside an evidence list or under a section cites that section's clause.
 */
function nearestClauses(schema: SchemaObject, schemaPath: string): string[] {
  const segments = schemaPath.replace(/^#\//, "").split("/").slice(0, -1);
  for (let length = segments.length; length >= 0; length--) {
    const clauses = clausesOf(parentSchemaAt(schema, "#/" + [...segments.slice(0, length), "x"].join("/")));
    if (clauses.length > 0) return clauses;
  }
  return [];
}

/**
 * A value left to fill in: an empty text (the `""` placeholders of a new dossier) or nothing at all (`key:`, null).
 * An empty list (`tools: []`) is an answer — "none" — and stays the schema's finding (schema.min-items).
 */
export function isUnfilled(value: unknown): boolean {
  return value === "" || value === null;
}

function enumArgument(labels: { [value: string]: Localized }, allowed: unknown[]): MessageArgument {
  return allowed.map((value): MessageArgument => {
    const label = labels[String(value)];
    return label ? { zh: `${value}（${label.zh}）`, en: `${value} (${label.en})` } : String(value);
  });
}

interface Context {
  /** The dossier's plain value. */
  value: unknown;
  document: Document;
  text: string;
  schema: SchemaObject;
  edition: Edition;
  category: string | undefined;
  drClass: string | undefined;
}

/** The title of the field at a path, in both languages (the key itself when the model has none). */
function titleAt(context: Context, path: JsonPath): MessageArgument {
  return context.edition.titleAt(path) ?? String(path.at(-1) ?? "");
}

/** What the field at a path expects, in both languages (the title's field when the path has no field of its own). */
function expectedArgument(context: Context, path: JsonPath): MessageArgument {
  for (let depth = path.length; depth >= 0; depth--) {
    const expected = expectedAt(context.edition, path.slice(0, depth));
    if (expected) return expected;
  }
  return "";
}

/** The plain value at a path of the dossier (undefined when there is none). */
function valueAt(value: unknown, path: JsonPath): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as { [key: string]: unknown })[String(segment)];
  }
  return node;
}

/** Labels of the allowed values at a path: the model's enum labels, or the category's stage names. */
function labelsAt(context: Context, path: JsonPath): { [value: string]: Localized } {
  const node = context.edition.modelAt(path);
  if (node?.vocabulary === "stages") return context.edition.stagesFor(context.category, context.drClass) ?? {};
  return (node && context.edition.enumOf(node)?.labels) ?? {};
}

/** The finding for one error; `rangeAt` gives the range of the key or the value at a path. */
function findingFor(
  error: ErrorObject,
  context: Context,
  rangeAt: (kind: "key" | "value", path: JsonPath) => OffsetRange,
): Finding | undefined {
  const path = decodePointer(error.instancePath);
  const parent = parentSchemaAt(context.schema, error.schemaPath);
  const ownClauses = clausesOf(parent);
  let clauseIds = ownClauses.length > 0 ? ownClauses : nearestClauses(context.schema, error.schemaPath);
  const base = { severity: "error" as const, related: [], args: {} as { [name: string]: MessageArgument } };
  if (FILL_KEYWORDS.has(error.keyword) && isUnfilled(valueAt(context.value, path))) {
    return fillFinding(context, path, clauseIds, rangeAt("value", path));
  }
  switch (error.keyword) {
    case "required": {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      const property = (parent?.properties as { [key: string]: SchemaObject } | undefined)?.[key];
      if (clausesOf(property).length > 0) clauseIds = clausesOf(property);
      return {
        ...base,
        ruleId: "schema.required",
        clauseIds,
        messageId: "schema.required",
        args: { key, title: context.edition.modelAt([...path, key])?.title ?? key },
        range: rangeAt("key", path),
        fix: { kind: "insert-key", path, key },
      };
    }
    case "additionalProperties": {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((parent?.properties ?? {}) as object).filter((name) => name !== "$schema");
      const present = valueAt(context.value, path);
      // A key already written is no suggestion: renaming to it would make a duplicate key.
      const free = allowed.filter(
        (name) => present === null || typeof present !== "object" || !Object.hasOwn(present, name),
      );
      const suggestion = nearestWord(key, free);
      const range = rangeAt("key", [...path, key]);
      if (suggestion === undefined)
        return {
          ...base,
          ruleId: "schema.unknown-key",
          clauseIds,
          messageId: "schema.unknown-key",
          args: { key, allowed },
          range,
        };
      const title = context.edition.modelAt([...path, suggestion])?.title ?? suggestion;
      return {
        ...base,
        ruleId: "schema.unknown-key",
        clauseIds,
        messageId: "schema.unknown-key.did-you-mean",
        args: { key, suggestion, title },
        range,
        fix: { kind: "rename-key", path: [...path, key], to: suggestion },
      };
    }
    case "minItems":
    case "uniqueItems":
      return {
        ...base,
        ruleId: error.keyword === "minItems" ? "schema.min-items" : "schema.unique-items",
        clauseIds,
        messageId: error.keyword === "minItems" ? "schema.min-items" : "schema.unique-items",
        args: { limit: Number((error.params as { limit?: number }).limit ?? 0), title: titleAt(context, path) },
        range: rangeAt("key", path),
      };
    default:
      break;
  }
  if (!VALUE_KEYWORDS.includes(error.keyword)) return undefined;
  const range = rangeAt("value", path);
  const params = error.params as {
    type?: string;
    allowedValues?: unknown[];
    allowedValue?: unknown;
    format?: string;
    limit?: number;
  };
  if (error.keyword === "not") {
    return {
      ...base,
      ruleId: "schema.forbidden",
      clauseIds,
      messageId: "schema.forbidden",
      args: { key: String(path.at(-1) ?? "") },
      range,
    };
  }
  // an empty value never comes here: it is a value to fill in (fill.empty, above)
  if (error.keyword === "pattern" && ownClauses.length === 0) {
    return {
      ...base,
      ruleId: "identifier.format",
      clauseIds: [],
      messageId: "identifier.format",
      args: { title: titleAt(context, path), expected: expectedArgument(context, path) },
      range,
    };
  }
  const args: { [name: string]: MessageArgument } = { title: titleAt(context, path) };
  if (error.keyword === "type" || error.keyword === "format" || error.keyword === "pattern")
    args.expected = expectedArgument(context, path);
  if (error.keyword === "enum") args.values = enumArgument(labelsAt(context, path), params.allowedValues ?? []);
  if (error.keyword === "const") args.values = [String(params.allowedValue)];
  if (params.limit !== undefined) args.limit = params.limit;
  const ruleId = `schema.${error.keyword.replace(/[A-Z]/g, (letter) => "-" + letter.toLowerCase())}`;
  const messageId = error.keyword === "const" ? "schema.enum" : ruleId;
  return {
    ...base,
    ruleId: error.keyword === "const" ? "schema.enum" : ruleId,
    clauseIds,
    messageId,
    args,
    range,
    ...(error.keyword === "enum"
      ? { fix: { kind: "replace-value" as const, candidates: (params.allowedValues ?? []).map(String) } }
      : {}),
  };
}

/** The keywords whose failure on an empty value means "to fill in" rather than a wrong value. */
const FILL_KEYWORDS = new Set(VALUE_KEYWORDS.filter((keyword) => keyword !== "not"));

/**
 * A value left empty: one kind of finding (fill.empty), a warning, whatever constraint the empty value fails. It
 * says what to write when the model knows (the allowed values, a date's form). Clause verdicts count it apart: a
 * clause with a value to fill in is never satisfied (verdicts/clause-status.ts), and `lint` does not pass.
 */
function fillFinding(context: Context, path: JsonPath, clauseIds: string[], range: OffsetRange): Finding {
  const title = titleAt(context, path);
  const node = context.edition.modelAt(path);
  const labels = labelsAt(context, path);
  const choices = Object.keys(labels);
  const base = { ruleId: FILL_CHECK.id, severity: "warning" as const, clauseIds, related: [], range };
  if (choices.length > 0 && node?.type !== "array") {
    return { ...base, messageId: "fill.empty.choice", args: { title, values: enumArgument(labels, choices) } };
  }
  if (node?.type === "date") return { ...base, messageId: "fill.empty.date", args: { title } };
  return { ...base, messageId: "fill.empty", args: { title } };
}

/** Whether findingFor makes a finding of an error (it does for every keyword it knows). */
function makesFinding(error: ErrorObject): boolean {
  return FINDING_KEYWORDS.has(error.keyword);
}

const FINDING_KEYWORDS = new Set(["required", "additionalProperties", "minItems", "uniqueItems", ...VALUE_KEYWORDS]);

/** Keeps one finding per real problem: one per value, one per missing or unknown key. */
function dedupeKey(error: ErrorObject): string {
  if (VALUE_KEYWORDS.includes(error.keyword)) return `value:${error.instancePath}`;
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  return `${error.keyword}:${error.instancePath}:${params.missingProperty ?? params.additionalProperty ?? ""}`;
}

function keywordRank(error: ErrorObject): number {
  const index = VALUE_KEYWORDS.indexOf(error.keyword);
  return index < 0 ? VALUE_KEYWORDS.length : index;
}

export interface SchemaCheckInput {
  value: unknown;
  document: Document;
  text: string;
  edition: Edition;
  level: Level;
  category: string | undefined;
  drClass: string | undefined;
  /** Checked before each error is turned into a finding and located: once passed, the check stops (see stopped). */
  deadline?: Deadline;
}

export interface SchemaCheckResult {
  findings: Finding[];
  /** True when the deadline passed before every error was turned into a finding. */
  stopped: boolean;
}

/**
 * A finding made from an error, without its range (looked up in the document afterwards).
 */
interface Translated {
  finding: Finding;
  locate: "key" | "value";
  path: JsonPath;
}

function translate(error: ErrorObject, context: Context): Translated | undefined {
  let locate: Translated["locate"] = "value";
  let path = decodePointer(error.instancePath);
  const finding = findingFor(error, context, (kind, at) => {
    locate = kind;
    path = at;
    return { start: 0, end: 0 };
  });
  return finding ? { finding, locate, path } : undefined;
}

/**
 * The schema's findings: one per real problem, at most LIMITS.maxSchemaFindings of them (then one
 * limits.schema-findings warning says how many more were found). Linear in the number of errors; stops, with what
 * it has, once the deadline has passed.
 */
export function checkAgainstSchema(input: SchemaCheckInput): SchemaCheckResult {
  const { value, document, text, edition, level, category, drClass, deadline } = input;
  const validate = edition.validateShape;
  const errors = validate(value) ? [] : (validate.errors ?? []).filter((error) => error.keyword !== "if");
  if (errors.length === 0) return { findings: [], stopped: false };
  const chosen = new Map<string, ErrorObject>();
  for (const error of errors) {
    const key = dedupeKey(error);
    const current = chosen.get(key);
    if (!current || keywordRank(error) < keywordRank(current)) chosen.set(key, error);
  }
  const context: Context = { value, document, text, schema: edition.levelSchema(level), edition, category, drClass };
  const findings: Finding[] = [];
  let omitted = 0;
  for (const error of chosen.values()) {
    if (deadline?.passed()) return { findings, stopped: true };
    if (findings.length >= LIMITS.maxSchemaFindings) {
      if (makesFinding(error)) omitted++;
      continue;
    }
    const translated = translate(error, context);
    if (!translated) continue;
    const range =
      translated.locate === "key"
        ? keyRange(document, translated.path, text)
        : valueRange(document, translated.path, text);
    findings.push({ ...translated.finding, range });
  }
  if (omitted > 0) findings.push(schemaFindingsCapFinding(text, omitted));
  return { findings: joinTyposWithMissingKeys(findings), stopped: false };
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/**
 * A misspelt required key (`tenur:` for `tenure`) is one problem, not two: the unknown key's finding, which offers
 * the rename, says the key is required and cites the clauses that require it; the missing key's finding is dropped.
 */
function joinTyposWithMissingKeys(findings: Finding[]): Finding[] {
  const typos = findings.filter((finding) => finding.fix?.kind === "rename-key");
  if (typos.length === 0) return findings;
  const dropped = new Set<Finding>();
  const joined = new Map<Finding, Finding>();
  for (const typo of typos) {
    if (typo.fix?.kind !== "rename-key") continue;
    const parentPath = typo.fix.path.slice(0, -1);
    const to = typo.fix.to;
    const missing = findings.find(
      (finding) =>
        finding.fix?.kind === "insert-key" && finding.fix.key === to && samePath(finding.fix.path, parentPath),
    );
    if (!missing) continue;
    dropped.add(missing);
    joined.set(typo, {
      ...typo,
      clauseIds: missing.clauseIds.length > 0 ? missing.clauseIds : typo.clauseIds,
      messageId: "schema.unknown-key.did-you-mean-required",
    });
  }
  return findings.filter((finding) => !dropped.has(finding)).map((finding) => joined.get(finding) ?? finding);
}

// ---------------------------------------------------------------------------------------------------------------
// Check declarations (checks.ts puts every check id in one table; a test fails when an id is emitted undeclared).
// A schema finding cites the clauses of the constraint that failed (x-clause in the generated schema).

function schemaCheck(id: string, description: Localized): CheckDeclaration {
  return { id, kind: "schema", clauses: [], clausesFromSchema: true, severities: ["error"], description };
}

/** A required value left empty (the placeholders of a new dossier): "to fill in", a warning, never satisfied. */
export const FILL_CHECK: CheckDeclaration = {
  id: "fill.empty",
  kind: "schema",
  clauses: [],
  clausesFromSchema: true,
  severities: ["warning"],
  description: {
    en: "Every required value is filled in (an empty text or nothing after the key is still to fill in; a clause with a value to fill in is not satisfied).",
    zh: "各必填项均已填写（空文本或键后无内容均为待填写；有待填写项的条款不能判为符合）。",
  },
};

export const SCHEMA_CHECKS: CheckDeclaration[] = [
  FILL_CHECK,
  schemaCheck("schema.required", {
    en: "Every key the specification requires is present.",
    zh: "规范要求的各项均已填写。",
  }),
  schemaCheck("schema.unknown-key", {
    en: "Only keys of the dossier model are used.",
    zh: "只使用申请材料模型中定义的键。",
  }),
  schemaCheck("schema.type", {
    en: "Each value has the expected type (text, number, list …).",
    zh: "各项取值类型正确（文本、数字、列表等）。",
  }),
  schemaCheck("schema.enum", { en: "Each value is one of the allowed values.", zh: "各项取值在允许的范围内。" }),
  schemaCheck("schema.format", {
    en: "Dates and other formatted values are well-formed (a date is written YYYY-MM-DD).",
    zh: "日期等有格式要求的取值格式正确（日期写作 YYYY-MM-DD）。",
  }),
  schemaCheck("schema.pattern", { en: "Values have the required form.", zh: "取值符合规定的格式。" }),
  schemaCheck("schema.min-length", { en: "Required texts are not empty.", zh: "必填文本不能为空。" }),
  schemaCheck("schema.exclusive-minimum", { en: "Numbers are above their lower bound.", zh: "数值大于下限。" }),
  schemaCheck("schema.min-items", {
    en: "Lists have at least the required number of entries.",
    zh: "列表至少包含规定数量的项。",
  }),
  schemaCheck("schema.unique-items", { en: "List entries do not repeat.", zh: "列表各项不重复。" }),
  schemaCheck("schema.forbidden", {
    en: "Keys that do not apply to the application (its level, its category, or disaster recovery class A or B) are absent.",
    zh: "不适用于本申请（申报级别、申报类别，或灾难备份与恢复的 A、B 类）的键不应出现。",
  }),
  {
    id: "identifier.format",
    kind: "identifier",
    clauses: [],
    severities: ["error"],
    description: {
      en: "Identifiers (person and project ids, and the like) have their required form; no clause prescribes it.",
      zh: "标识（人员编号、项目编号等）符合规定的格式；没有条款规定该格式。",
    },
  },
];
