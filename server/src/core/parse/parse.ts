// Parses dossier text with `yaml` into a document with positions. Never throws: syntax errors, duplicate keys,
// tabs, alias bombs, extra documents, binary text and deep nesting become findings. Imports only `yaml` and core modules.
import {
  parseDocument,
  Composer,
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  ParseOptions,
  DocumentOptions,
  SchemaOptions,
  YAMLParseError,
} from "yaml";
import type { CST } from "yaml";
import { TextEncodingCheck, textEncodingFindings } from "./encoding";
import {
  Deadline,
  excessiveNestingInDocument,
  excessiveNestingInText,
  LIMIT_RULES,
  nestingDepthFinding,
  remoteReferenceFindings,
} from "./limits";
import type { DossierLayout } from "./incremental/split";
import type { CheckDeclaration, Finding, OffsetRange } from "../types";

/** Limits against hostile input (alias bombs and the like). */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedDossier {
  text: string;
  document: Document.Parsed;
  /** The plain value (toJS), or undefined when it could not be built. */
  value: unknown;
  findings: Finding[];
  /** Set when the text was not parsed (binary, nested too deep): the rule id of the finding that says why (for
   * LIMIT_RULES.timeBudget, the validation adds that finding). The document is then empty and the value undefined. */
  declined?: string;
  /** How an incremental parse cut the text (parse/incremental/index.ts); absent after a full parse. */
  layout?: DossierLayout;
}

const YAML_ERROR_RULES: { [code: string]: string } = {
  DUPLICATE_KEY: "yaml.duplicate-key",
  TAB_AS_INDENT: "yaml.tab",
  MULTIPLE_DOCS: "yaml.multiple-documents",
};

function yamlFinding(code: string, range: OffsetRange, severity: "error" | "warning", detail: string): Finding {
  const ruleId = YAML_ERROR_RULES[code] ?? "yaml.syntax";
  return {
    ruleId,
    clauseIds: [],
    severity,
    messageId: ruleId,
    args: { code, detail },
    range,
    related: [],
  };
}

/** A non-empty span at `offset` (one character, or the end of the text). */
function spanAt(text: string, start: number, end: number): OffsetRange {
  const safeStart = Math.max(0, Math.min(start, text.length));
  const safeEnd = Math.max(safeStart, Math.min(end, text.length));
  if (safeEnd > safeStart) return { start: safeStart, end: safeEnd };
  if (safeStart < text.length) return { start: safeStart, end: safeStart + 1 };
  // At the end of the text: the last visible character, so that the finding can be seen.
  const last = text.trimEnd().length;
  return last > 0 ? { start: last - 1, end: last } : { start: 0, end: 0 };
}

/** The span of a plain key starting at `offset`: up to the `:` that ends it (or the end of the line). */
function keySpanAt(text: string, offset: number): OffsetRange {
  const lineEnd = text.indexOf("\n", offset);
  const line = text.slice(offset, lineEnd < 0 ? text.length : lineEnd);
  const colon = line.search(/:(\s|$)/);
  return spanAt(text, offset, offset + (colon > 0 ? colon : line.trimEnd().length));
}

/** The range of the `---` that starts the second document, if any. */
function secondDocumentMarker(text: string): OffsetRange | undefined {
  const pattern = /^(---|\.\.\.)(?=\s|$)/gm;
  let match: RegExpExecArray | null;
  let seenContent = false;
  let lastIndex = 0;
  while ((match = pattern.exec(text)) !== null) {
    seenContent = seenContent || text.slice(lastIndex, match.index).replace(/#.*$/gm, "").trim().length > 0;
    lastIndex = match.index + match[0].length;
    if (seenContent) return { start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/**
 * The options every dossier (and every piece of one parsed on its own, see parse/incremental/index.ts) is parsed with.
 * logLevel "error": yaml must not print warnings (they quote the document) to stderr. uniqueKeys false: yaml's own
 * check compares each key with every key before it in its mapping (45,000 keys took minutes);
 * duplicateKeyErrors finds the same duplicates in one pass (parse with parseYamlDocument).
 */
export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  keepSourceTokens: false,
  logLevel: "error",
};

/**
 * The DUPLICATE_KEY errors yaml's uniqueKeys check would have made, in linear time: in every mapping (keys that are
 * mappings included), a scalar key whose value equals (===) an earlier scalar key's, at the start of the later key.
 * A Map compares as === does except for NaN, which equals nothing (`.nan` keys are never duplicates).
 */
export function duplicateKeyErrors(document: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = node.items.length > 1 ? new Set<unknown>() : undefined;
      for (const pair of node.items) {
        const key = pair.key;
        if (seen && isScalar(key) && key.range && !Number.isNaN(key.value)) {
          if (seen.has(key.value))
            errors.push(
              new YAMLParseError([key.range[0], key.range[0] + 1], "DUPLICATE_KEY", "Map keys must be unique"),
            );
          else seen.add(key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** Lexical tokens the parser takes between two looks at the deadline of withParseDeadline. */
const LEXEMES_PER_LOOK = 4096;
/** Texts this short are parsed at once (a few milliseconds), whatever the deadline. */
const PARSE_AT_ONCE_CHARS = 64 * 1024;

/** Thrown by parseYamlDocument once the deadline of withParseDeadline has passed; parseGuarded declines the text. */
class ParseStopped extends Error {}

/** The deadline of the parse under way (set by withParseDeadline for a synchronous parse, else undefined). */
let parseDeadline: Deadline | undefined;

/**
 * Runs a parse (parseDossier, an incremental update) that stops once `deadline` has passed: parseYamlDocument then
 * looks at it every LEXEMES_PER_LOOK lexical tokens, and parseGuarded declines the text with LIMIT_RULES.timeBudget.
 * Scoped to the synchronous call: every parse inside it, a whole text or a piece of one, is bounded without the
 * deadline being passed down through the incremental parser.
 */
export function withParseDeadline<T>(deadline: Deadline | undefined, run: () => T): T {
  const previous = parseDeadline;
  parseDeadline = deadline !== undefined && deadline.limitMs !== Infinity ? deadline : undefined;
  try {
    return run();
  } finally {
    parseDeadline = previous;
  }
}

/**
 * yaml's parseDocument, step by step as yaml documents it (its Lexer's tokens fed to its Parser one at a time, then
 * its Composer), throwing ParseStopped when the deadline has passed. Composing is left unbounded: it takes about a
 * third of what lexing and parsing took.
 */
function parseDocumentStepwise(text: string, deadline: Deadline): Document.Parsed {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let lexemes = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (++lexemes % LEXEMES_PER_LOOK === 0 && deadline.passed()) throw new ParseStopped();
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  if (deadline.passed()) throw new ParseStopped();
  let document: Document.Parsed | undefined;
  for (const next of new Composer(PARSE_OPTIONS).compose(tokens, true, text.length)) {
    if (!document) {
      document = next;
    } else {
      document.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          "MULTIPLE_DOCS",
          "Source contains multiple documents; please use YAML.parseAllDocuments()",
        ),
      );
      break;
    }
  }
  return document!;
}

/**
 * yaml's parseDocument with PARSE_OPTIONS (step by step under withParseDeadline), its errors including duplicateKeyErrors, each placed before yaml's first
 * error past its position (yaml's own order but where yaml reports an error after composing what follows it).
 */
export function parseYamlDocument(text: string): Document.Parsed {
  const deadline = parseDeadline;
  // Looked at before each parse too: an incremental parse may parse thousands of small pieces.
  if (deadline?.passed()) throw new ParseStopped();
  const document =
    deadline && text.length > PARSE_AT_ONCE_CHARS
      ? parseDocumentStepwise(text, deadline)
      : parseDocument(text, PARSE_OPTIONS);
  const duplicates = duplicateKeyErrors(document);
  if (duplicates.length > 0) {
    const merged: YAMLParseError[] = [];
    let next = 0;
    for (const error of document.errors) {
      while (next < duplicates.length && duplicates[next].pos[0] < error.pos[0]) merged.push(duplicates[next++]);
      merged.push(error);
    }
    merged.push(...duplicates.slice(next));
    document.errors = merged;
  }
  return document;
}

/** What yamlFindings needs of a yaml error or warning (positions are offsets into the text). */
export interface YamlProblem {
  code: string;
  message: string;
  pos: [number, number];
}

/** The findings for a document's YAML errors and warnings. */
export function yamlFindings(
  text: string,
  errors: readonly YamlProblem[],
  warnings: readonly YamlProblem[],
): Finding[] {
  const findings: Finding[] = [];
  for (const error of errors) {
    if (error.code === "MULTIPLE_DOCS") continue;
    const range =
      error.code === "DUPLICATE_KEY" ? keySpanAt(text, error.pos[0]) : spanAt(text, error.pos[0], error.pos[1]);
    findings.push(yamlFinding(error.code, range, "error", error.message.split("\n")[0]));
  }
  if (errors.some((error) => error.code === "MULTIPLE_DOCS")) {
    const marker = secondDocumentMarker(text) ?? spanAt(text, 0, 0);
    findings.push(yamlFinding("MULTIPLE_DOCS", marker, "error", ""));
  }
  for (const warning of warnings) {
    findings.push(
      yamlFinding(
        warning.code,
        spanAt(text, warning.pos[0], warning.pos[1]),
        "warning",
        warning.message.split("\n")[0],
      ),
    );
  }
  return findings;
}

/** Parses with `yaml` alone, without the guards of parseGuarded. */
export function parseYamlDossier(text: string): ParsedDossier {
  const document = parseYamlDocument(text);
  const findings = yamlFindings(text, document.errors, document.warnings);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    findings.push({
      ruleId: "yaml.alias-limit",
      clauseIds: [],
      severity: "error",
      messageId: "yaml.alias-limit",
      args: { limit: MAX_ALIAS_COUNT },
      range: spanAt(text, 0, text.indexOf("\n") >= 0 ? text.indexOf("\n") : text.length),
      related: [],
    });
    value = undefined;
  }
  return { text, document, value, findings };
}

export function parseDossier(text: string): ParsedDossier {
  return parseGuarded(text, parseYamlDossier);
}

/** A dossier that was not parsed: an empty document and the findings that say why. */
function declinedDossier(text: string, findings: Finding[], ruleId: string): ParsedDossier {
  return {
    text,
    document: parseDocument("", { keepSourceTokens: false }),
    value: undefined,
    findings,
    declined: ruleId,
  };
}

/** The checks parseGuarded makes; an incremental parse may pass its own, with equal results (see parse/incremental/index.ts). */
export interface GuardChecks {
  textEncoding(text: string): TextEncodingCheck;
  excessiveNestingInText(text: string): number | undefined;
  excessiveNestingInDocument(document: Document): number | undefined;
  remoteReferences(document: Document, text: string): Finding[];
}

export const WHOLE_TEXT_CHECKS: GuardChecks = {
  textEncoding: textEncodingFindings,
  excessiveNestingInText,
  excessiveNestingInDocument,
  remoteReferences: remoteReferenceFindings,
};

/**
 * Runs a parse (`yaml` on the whole text, or an incremental parse that must give the same result) behind the guards
 * against hostile text: binary text (NUL characters) and text nested deeper than LIMITS allow never reach the
 * parser; a parsed document nested too deep is declined; encoding findings and remote references are added.
 */
export function parseGuarded(
  text: string,
  parse: (text: string) => ParsedDossier,
  checks: GuardChecks = WHOLE_TEXT_CHECKS,
): ParsedDossier {
  const encoding = checks.textEncoding(text);
  if (encoding.declined) return declinedDossier(text, encoding.findings, encoding.findings[0].ruleId);
  const deepText = checks.excessiveNestingInText(text);
  if (deepText !== undefined)
    return declinedDossier(text, [...encoding.findings, nestingDepthFinding(text, deepText)], LIMIT_RULES.nestingDepth);
  let parsed: ParsedDossier;
  try {
    parsed = parse(text);
  } catch (error) {
    // The deadline passed while parsing (withParseDeadline): the validation says so (service.ts).
    if (error instanceof ParseStopped) return declinedDossier(text, encoding.findings, LIMIT_RULES.timeBudget);
    throw error;
  }
  const deepDocument = checks.excessiveNestingInDocument(parsed.document);
  if (deepDocument !== undefined) {
    return declinedDossier(
      text,
      [...encoding.findings, nestingDepthFinding(text, deepDocument)],
      LIMIT_RULES.nestingDepth,
    );
  }
  return {
    ...parsed,
    findings: [...encoding.findings, ...parsed.findings, ...checks.remoteReferences(parsed.document, text)],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Check declarations (checks.ts puts every check id in one table; a test fails when an id is emitted undeclared)

export const YAML_CHECKS: CheckDeclaration[] = [
  {
    id: "yaml.syntax",
    kind: "yaml",
    clauses: [],
    severities: ["error", "warning"],
    description: {
      en: "The dossier is well-formed YAML (what the YAML parser only warns about is a warning).",
      zh: "申请材料是格式正确的 YAML（YAML 解析器仅提醒的问题为警告）。",
    },
  },
  {
    id: "yaml.duplicate-key",
    kind: "yaml",
    clauses: [],
    severities: ["error"],
    description: { en: "Each key appears only once in a mapping.", zh: "同一映射中每个键只出现一次。" },
  },
  {
    id: "yaml.tab",
    kind: "yaml",
    clauses: [],
    severities: ["error"],
    description: { en: "Indentation uses spaces, not tabs.", zh: "缩进使用空格，不使用制表符。" },
  },
  {
    id: "yaml.multiple-documents",
    kind: "yaml",
    clauses: [],
    severities: ["error"],
    description: {
      en: "A dossier is a single YAML document: nothing after a `---` separator is checked.",
      zh: "申请材料是单个 YAML 文档：`---` 分隔符之后的内容不检查。",
    },
  },
  {
    id: "yaml.alias-limit",
    kind: "yaml",
    clauses: [],
    severities: ["error"],
    description: {
      en: `A dossier expands at most ${MAX_ALIAS_COUNT} YAML aliases; with more, it is not checked.`,
      zh: `申请材料展开的 YAML 别名不超过 ${MAX_ALIAS_COUNT} 个；超过时不检查。`,
    },
  },
];
