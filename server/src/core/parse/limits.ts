// Limits against hostile input: the file size (checked by the edges, which know the bytes), nesting depth (checked
// on the text before `yaml` sees it, then on the parsed document), the validation time budget, and remote references (`$schema`, `$ref`) that are never followed.
// Pure: imports only `yaml` and the core's types; the clock comes from the caller. No vscode, no LSP, no fs.
import { Document, isMap, isPair, isScalar, isSeq } from "yaml";
import type { CheckDeclaration, Finding, Localized, OffsetRange } from "../types";

export const LIMITS = {
  /** Levels of nested mappings and lists a dossier may have (a real one has fewer than 10). */
  maxNestingDepth: 100,
  /**
   * Columns of block indentation (spaces plus compact `- `, `? `, `: ` indicators) a line may start its content at;
   * every block level costs at least one column, so this bounds block nesting before parsing.
   */
  maxIndentColumns: 200,
  /** Default validation time budget of the language server, in milliseconds. */
  defaultTimeBudgetMs: 2000,
  /**
   * Schema findings listed per validation (a real dossier has a few dozen at most); past it one limits.schema-findings
   * warning counts the rest. Bounds the work and the size of what is published for a dossier of many thousand keys.
   */
  maxSchemaFindings: 1000,
} as const;

/** Rule ids of the findings this module makes. */
export const LIMIT_RULES = {
  nestingDepth: "limits.nesting-depth",
  timeBudget: "limits.time-budget",
  fileSize: "limits.file-size",
  schemaFindings: "limits.schema-findings",
  remoteReference: "security.remote-reference",
} as const;

export const LIMIT_MESSAGES: { [messageId: string]: Localized } = {
  "limits.file-size": {
    en: "File too large to check ({size} bytes, limit {limit}): the dossier was not checked. The setting isvDossier.maxFileSizeBytes sets the limit.",
    zh: "文件过大（{size} 字节，上限 {limit} 字节），未检查本申请材料。可在设置 isvDossier.maxFileSizeBytes 中调整上限。",
  },
  "limits.nesting-depth": {
    en: "Nested more than {limit} levels deep: the dossier was not checked.",
    zh: "嵌套超过 {limit} 层：未检查本申请材料。",
  },
  "limits.time-budget": {
    en: "Checking took longer than {limit} ms and stopped before {next}; checks skipped: {skipped}. The setting isvDossier.timeBudgetMs sets the limit.",
    zh: "检查耗时超过 {limit} 毫秒，在 {next} 之前停止；跳过了 {skipped} 项检查。可在设置 isvDossier.timeBudgetMs 中调整上限。",
  },
  "limits.schema-findings": {
    en: "Only the first {limit} problems of structure are listed; found and not listed: {omitted} more.",
    zh: "只列出前 {limit} 个结构问题；另有 {omitted} 个问题未列出。",
  },
  "security.remote-reference": {
    en: "`{key}` is ignored: nothing is fetched or read; the dossier is checked against the built-in schema only.",
    zh: "`{key}` 被忽略：不会下载或读取任何内容；本申请材料只按内置的结构定义检查。",
  },
};

function limitFinding(
  ruleId: string,
  severity: Finding["severity"],
  range: OffsetRange,
  args: Finding["args"],
): Finding {
  return { ruleId, clauseIds: [], severity, messageId: ruleId, args, range, related: [] };
}

/** One character at `offset` (or the last one), so that the finding can be seen. */
function characterAt(text: string, offset: number): OffsetRange {
  const start = Math.max(0, Math.min(offset, text.length - 1));
  return text.length === 0 ? { start: 0, end: 0 } : { start, end: start + 1 };
}

/** The first line of the text (where findings about the whole dossier go). */
export function firstLineRange(text: string): OffsetRange {
  const end = text.indexOf("\n");
  return { start: 0, end: end >= 0 ? end : text.length };
}

// ---------------------------------------------------------------------------------------------------------------
// File size

/**
 * A file of `sizeBytes` bytes, more than the `limitBytes` an edge allows (the server's and the CLI's
 * maxFileSizeBytes), was not read or not checked: one warning at the start of the file, no clause (a tool limit,
 * not a requirement of the specification), and no other finding. Whoever knows the bytes decides; the core is
 * given no file.
 */
export function fileSizeFinding(sizeBytes: number, limitBytes: number): Finding {
  return limitFinding(LIMIT_RULES.fileSize, "warning", { start: 0, end: 0 }, { size: sizeBytes, limit: limitBytes });
}

// ---------------------------------------------------------------------------------------------------------------
// Nesting depth

/** The column where a line's content starts: after its indentation and compact block indicators (`- `, `? `, `: `). */
function contentColumn(line: string): number {
  let column = 0;
  while (column < line.length) {
    const character = line[column];
    if (character === " ") column++;
    else if (
      (character === "-" || character === "?" || character === ":") &&
      (line[column + 1] === " " || line[column + 1] === "\t")
    )
      column += 2;
    else break;
  }
  return column;
}

function leadingSpaces(line: string): number {
  let count = 0;
  while (count < line.length && line[count] === " ") count++;
  return count;
}

/** A block scalar header (`key: |`, `- >-`, `|2+`) ends the line, so the lines below that are indented more are text. */
const BLOCK_SCALAR_HEADER = /(?:^|[\s:-])[|>][0-9+-]*\s*(?:#.*)?$/;

/** Leading characters of a line that may count as indentation columns (see contentColumn): each counts at most 1. */
const DEEP_INDENTATION_AT_START = new RegExp(`^[ \\t?:-]{${LIMITS.maxIndentColumns + 1}}`);
const DEEP_INDENTATION = new RegExp(`\\n[ \\t?:-]{${LIMITS.maxIndentColumns + 1}}`);

/**
 * A fast, exact shortcut of excessiveNestingInText for ordinary text (native scans only): with at most
 * maxNestingDepth flow brackets in all, the flow depth cannot pass it; a line whose content starts past
 * maxIndentColumns needs more than maxIndentColumns leading spaces, tabs or indicators.
 */
function cannotNestTooDeep(text: string): boolean {
  let brackets = 0;
  for (const bracket of ["[", "{"]) {
    for (let index = text.indexOf(bracket); index >= 0; index = text.indexOf(bracket, index + 1)) {
      if (++brackets > LIMITS.maxNestingDepth) return false;
    }
  }
  return !DEEP_INDENTATION_AT_START.test(text) && !DEEP_INDENTATION.test(text);
}

/**
 * Where the text nests deeper than the limits allow, looked at before parsing: flow brackets (`[`, `{`, counted
 * everywhere but comments and block scalars, so quoted brackets count too) deeper than maxNestingDepth, or a line
 * whose content starts past maxIndentColumns. Linear; the `yaml` parser recurses per level and must not be given
 * such text (deep enough, it overflows the stack, and V8 may abort the process while compiling a regular expression).
 */
export function excessiveNestingInText(text: string): number | undefined {
  if (cannotNestTooDeep(text)) return undefined;
  let flowDepth = 0;
  let blockScalarIndent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const indent = leadingSpaces(line);
    const blank = indent === line.replace(/\r$/, "").length;
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarIndent = -1;
    const column = contentColumn(line);
    if (column > LIMITS.maxIndentColumns && !blank) return lineStart + LIMITS.maxIndentColumns;
    for (let index = column; index < line.length; index++) {
      const character = line[index];
      if (character === "#" && (index === 0 || line[index - 1] === " " || line[index - 1] === "\t")) break;
      if (character === "[" || character === "{") {
        if (++flowDepth > LIMITS.maxNestingDepth) return lineStart + index;
      } else if ((character === "]" || character === "}") && flowDepth > 0) {
        flowDepth--;
      }
    }
    if (BLOCK_SCALAR_HEADER.test(line)) blockScalarIndent = indent;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The start of the first mapping or list nested deeper than maxNestingDepth in a parsed document (iterative). */
export function excessiveNestingInDocument(document: Document): number | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: document.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > LIMITS.maxNestingDepth) return node.range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

export function nestingDepthFinding(text: string, offset: number): Finding {
  return limitFinding(LIMIT_RULES.nestingDepth, "error", characterAt(text, offset), { limit: LIMITS.maxNestingDepth });
}

// ---------------------------------------------------------------------------------------------------------------
// Time budget

export interface TimeBudget {
  /** How long validation may take, in milliseconds. */
  limitMs: number;
  /** A monotonic clock in milliseconds (the server passes performance.now; tests pass a fake). */
  now: () => number;
}

/**
 * A deadline started when validation starts; checked between phases (after parsing, before the schema check and each
 * rule) and inside the schema check (before each error is turned into a finding and located).
 */
export class Deadline {
  private readonly startedAt: number;

  constructor(private readonly budget: TimeBudget | undefined) {
    this.startedAt = budget ? budget.now() : 0;
  }

  get limitMs(): number {
    return this.budget?.limitMs ?? Infinity;
  }

  passed(): boolean {
    return this.budget !== undefined && this.budget.now() - this.startedAt > this.budget.limitMs;
  }
}

/** Validation stopped early: `next` is the check it stopped before ("schema" or a rule id), `skipped` how many were not run. */
export function timeBudgetFinding(text: string, limitMs: number, next: string, skipped: number): Finding {
  return limitFinding(LIMIT_RULES.timeBudget, "warning", firstLineRange(text), { limit: limitMs, next, skipped });
}

/** More schema findings than LIMITS.maxSchemaFindings: `omitted` were not listed. */
export function schemaFindingsCapFinding(text: string, omitted: number): Finding {
  return limitFinding(LIMIT_RULES.schemaFindings, "warning", firstLineRange(text), {
    limit: LIMITS.maxSchemaFindings,
    omitted,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Remote references

const REFERENCE_KEYS = new Set(["$schema", "$ref"]);
const MODELINE = /^[ \t]*#\s*yaml-language-server\s*:\s*\$schema\s*=\s*(\S+)/gm;

/**
 * Info findings for every `$schema` or `$ref` key with a text value, anywhere in the document, and for a
 * `# yaml-language-server: $schema=…` modeline: the language service never fetches or reads what they name.
 */
export function remoteReferenceFindings(document: Document, text: string): Finding[] {
  const findings: Finding[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const value = pair.value;
        if (
          typeof key === "string" &&
          REFERENCE_KEYS.has(key) &&
          isScalar(value) &&
          typeof value.value === "string" &&
          value.range
        ) {
          findings.push(
            limitFinding(LIMIT_RULES.remoteReference, "info", { start: value.range[0], end: value.range[1] }, { key }),
          );
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  // The modeline names yaml-language-server: text without that name (nearly all) needs no line-by-line search.
  for (const match of text.includes("yaml-language-server") ? text.matchAll(MODELINE) : []) {
    const start = (match.index ?? 0) + match[0].length - match[1].length;
    findings.push(
      limitFinding(LIMIT_RULES.remoteReference, "info", { start, end: start + match[1].length }, { key: "$schema" }),
    );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------
// Check declarations (checks.ts puts every check id in one table; a test fails when an id is emitted undeclared)

export const LIMIT_CHECKS: CheckDeclaration[] = [
  {
    id: LIMIT_RULES.nestingDepth,
    kind: "limit",
    clauses: [],
    severities: ["error"],
    description: {
      en: `Mappings and lists nest at most ${LIMITS.maxNestingDepth} levels deep, and no line's content starts past column ${LIMITS.maxIndentColumns}; deeper text is neither parsed nor checked.`,
      zh: `映射和列表的嵌套不超过 ${LIMITS.maxNestingDepth} 层，每行内容的起始位置不超过第 ${LIMITS.maxIndentColumns} 列；超过时既不解析也不检查。`,
    },
  },
  {
    id: LIMIT_RULES.timeBudget,
    kind: "limit",
    clauses: [],
    severities: ["warning"],
    description: {
      en: `Checking stops when it takes longer than its time budget (the setting isvDossier.timeBudgetMs, ${LIMITS.defaultTimeBudgetMs} ms by default; the CLI uses the default, counted in processor time so that a busy machine finds the same); the finding names the checks that did not run.`,
      zh: `检查耗时超过时间上限（设置 isvDossier.timeBudgetMs，默认 ${LIMITS.defaultTimeBudgetMs} 毫秒；命令行使用默认值，按处理器时间计，繁忙的机器上结果相同）时停止；该警告指出未运行的检查。`,
    },
  },
  {
    // Built by fileSizeFinding (a warning: the CLI reads no file over the limit, the server checks no text over it).
    id: "limits.file-size",
    kind: "limit",
    clauses: [],
    severities: ["warning"],
    description: {
      en: "The editor and the CLI check files up to the size the setting isvDossier.maxFileSizeBytes allows (5 MiB by default); a larger file is not checked.",
      zh: "编辑器和命令行只检查不超过设置 isvDossier.maxFileSizeBytes 所定大小（默认 5 MiB）的文件；更大的文件不检查。",
    },
  },
  {
    id: LIMIT_RULES.schemaFindings,
    kind: "limit",
    clauses: [],
    severities: ["warning"],
    description: {
      en: `At most ${LIMITS.maxSchemaFindings} schema findings are listed for one dossier; one warning counts the others.`,
      zh: `每份申请材料最多列出 ${LIMITS.maxSchemaFindings} 项结构校验问题；其余问题由一条警告计数。`,
    },
  },
  {
    id: LIMIT_RULES.remoteReference,
    kind: "security",
    clauses: [],
    severities: ["info"],
    description: {
      en: "`$schema` and `$ref` keys and `# yaml-language-server: $schema=…` lines are ignored: nothing is fetched or read, and the dossier is checked against the built-in schema only.",
      zh: "`$schema`、`$ref` 键和 `# yaml-language-server: $schema=…` 行被忽略：不下载、不读取任何内容，只按内置的结构定义检查申请材料。",
    },
  },
];
