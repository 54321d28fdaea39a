// Parses dossier text with `yaml` into a document with positions. Never throws: syntax errors, duplicate keys,
// tabs, alias bombs, extra documents, binary text and deep nesting become findings. Imports only `yaml` and core modules.
import { parseDocument, Document, ParseOptions, DocumentOptions, SchemaOptions } from "yaml";
import { TextEncodingCheck, textEncodingFindings } from "./encoding";
import { excessiveNestingInDocument, excessiveNestingInText, LIMIT_RULES, nestingDepthFinding, remoteReferenceFindings } from "./limits";
import type { DossierLayout } from "./incremental-split";
import type { Finding, OffsetRange } from "./types";

/** Limits against hostile input (alias bombs and the like). */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedDossier {
  text: string;
  document: Document.Parsed;
  /** The plain value (toJS), or undefined when it could not be built. */
  value: unknown;
  findings: Finding[];
  /** Set when the text was not parsed (binary, nested too deep): the rule id of the finding that says why. The
   * document is then empty and the value undefined. */
  declined?: string;
  /** How an incremental parse cut the text (incremental.ts); absent after a full parse. */
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
 * The options every dossier (and every piece of one parsed on its own, see incremental.ts) is parsed with.
 * logLevel "error": yaml must not print warnings (they quote the document) to stderr.
 */
export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false, logLevel: "error" };

/** What yamlFindings needs of a yaml error or warning (positions are offsets into the text). */
export interface YamlProblem {
  code: string;
  message: string;
  pos: [number, number];
}

/** The findings for a document's YAML errors and warnings. */
export function yamlFindings(text: string, errors: readonly YamlProblem[], warnings: readonly YamlProblem[]): Finding[] {
  const findings: Finding[] = [];
  for (const error of errors) {
    if (error.code === "MULTIPLE_DOCS") continue;
    const range = error.code === "DUPLICATE_KEY" ? keySpanAt(text, error.pos[0]) : spanAt(text, error.pos[0], error.pos[1]);
    findings.push(yamlFinding(error.code, range, "error", error.message.split("\n")[0]));
  }
  if (errors.some((error) => error.code === "MULTIPLE_DOCS")) {
    const marker = secondDocumentMarker(text) ?? spanAt(text, 0, 0);
    findings.push(yamlFinding("MULTIPLE_DOCS", marker, "error", ""));
  }
  for (const warning of warnings) {
    findings.push(yamlFinding(warning.code, spanAt(text, warning.pos[0], warning.pos[1]), "warning", warning.message.split("\n")[0]));
  }
  return findings;
}

/** Parses with `yaml` alone, without the guards of parseGuarded. */
export function parseYamlDossier(text: string): ParsedDossier {
  const document = parseDocument(text, PARSE_OPTIONS);
  const findings = yamlFindings(text, document.errors, document.warnings);
  let value: unknown = undefined;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
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
  return { text, document: parseDocument("", { keepSourceTokens: false }), value: undefined, findings, declined: ruleId };
}

/** The checks parseGuarded makes; an incremental parse may pass its own, with equal results (see incremental.ts). */
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
export function parseGuarded(text: string, parse: (text: string) => ParsedDossier, checks: GuardChecks = WHOLE_TEXT_CHECKS): ParsedDossier {
  const encoding = checks.textEncoding(text);
  if (encoding.declined) return declinedDossier(text, encoding.findings, encoding.findings[0].ruleId);
  const deepText = checks.excessiveNestingInText(text);
  if (deepText !== undefined) return declinedDossier(text, [...encoding.findings, nestingDepthFinding(text, deepText)], LIMIT_RULES.nestingDepth);
  const parsed = parse(text);
  const deepDocument = checks.excessiveNestingInDocument(parsed.document);
  if (deepDocument !== undefined) {
    return declinedDossier(text, [...encoding.findings, nestingDepthFinding(text, deepDocument)], LIMIT_RULES.nestingDepth);
  }
  return { ...parsed, findings: [...encoding.findings, ...parsed.findings, ...checks.remoteReferences(parsed.document, text)] };
}
