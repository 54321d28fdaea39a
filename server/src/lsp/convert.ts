// The LSP edge: core findings, ranges and results (offsets) → LSP types (positions). Nothing else converts.
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DiagnosticRelatedInformation,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
} from "vscode-languageserver";
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  InsertTextMode,
  Location,
  MarkupKind,
  SymbolKind,
} from "vscode-languageserver";
import { URI, Utils } from "vscode-uri";
import type { QuickFix, WaiveAction } from "../core/features/code-actions";
import type { CompletionEntry } from "../core/features/completion";
import type { DefinitionTarget } from "../core/features/definition";
import type { FoldingOffsets } from "../core/features/folding";
import type { HoverResult } from "../core/features/hover";
import { LineIndex } from "../core/parse/line-index";
import type { EvidenceLink } from "../core/features/links";
import { renderMessage } from "../core/check/render";
import { allEditions, Edition } from "../core/catalog/edition";
import { renderSpecDocument, specUri } from "../core/features/spec-document";
import type { ClauseTextOptions } from "../core/catalog/clause-text";
import type { OutlineSymbol } from "../core/features/symbols";
import type { EditionInfo, SpecDocumentAnswer } from "./requests";
import type { Finding, Locale, OffsetRange, Severity } from "../core/types";

export const DIAGNOSTIC_SOURCE = "isv-dossier";

/** The source of the values still to fill in (fill.empty): one name the Problems panel can filter them by. */
export function diagnosticSource(finding: Pick<Finding, "ruleId">, locale: Locale): string {
  if (finding.ruleId !== "fill.empty") return DIAGNOSTIC_SOURCE;
  return `${DIAGNOSTIC_SOURCE} · ${locale === "zh-cn" ? "待填写" : "to fill in"}`;
}

const SEVERITY: { [severity in Severity]: DiagnosticSeverity } = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(lines: LineIndex, range: OffsetRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export interface DiagnosticData {
  ruleId: string;
  clauseIds: string[];
  /** Set on a waived finding (published as a hint). */
  waived?: { justification: string; approvedBy: string; expires: string; origin: "inline" | "config" };
}

/** The client command that asks for a waiver's record and writes the comment (client/src/waive-finding.ts). */
export const WAIVE_COMMAND = "isvDossier.waiveFinding";

/** The arguments of WAIVE_COMMAND: where the comment goes and what it names. */
export interface WaiveCommandArguments {
  uri: string;
  /** 0-based line the comment is inserted above (at its start). */
  line: number;
  indent: string;
  ids: string;
  /** For the configuration file's form: the check id, the clause id and the node's path (WaiveAction). */
  rule: string;
  clause?: string;
  path?: string;
}

/** Another document a related location is in (the cross-dossier checks name it by its URI): its line index. */
export type OtherDocumentLines = (uri: string) => LineIndex | undefined;

export function toDiagnostic(
  finding: Finding,
  lines: LineIndex,
  uri: string,
  edition: Edition,
  locale: Locale,
  otherDocument?: OtherDocumentLines,
): Diagnostic {
  const primaryClause = finding.clauseIds[0];
  const related: DiagnosticRelatedInformation[] = [];
  for (const item of finding.related) {
    const elsewhere = item.document === undefined ? undefined : otherDocument?.(item.document);
    if (item.document !== undefined && !elsewhere) continue; // a document no longer known
    related.push({
      location: {
        uri: item.document ?? uri,
        range: toRange(elsewhere ?? lines, item.range),
      },
      message: renderMessage(item.messageId, item.args, locale),
    });
  }
  const waiver = finding.waived;
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    clauseIds: finding.clauseIds,
    ...(waiver
      ? {
          waived: {
            justification: waiver.justification,
            approvedBy: waiver.approvedBy,
            expires: waiver.expires,
            origin: waiver.origin.kind,
          },
        }
      : {}),
  };
  const message = renderMessage(finding.messageId, finding.args, locale);
  return {
    range: toRange(lines, finding.range),
    // a waived finding is neither an error nor a warning: a hint that says why it is accepted
    severity: waiver ? DiagnosticSeverity.Hint : SEVERITY[finding.severity],
    code: primaryClause ?? finding.ruleId,
    ...(primaryClause ? { codeDescription: { href: specUri(edition, primaryClause) } } : {}),
    source: diagnosticSource(finding, locale),
    message: waiver
      ? renderMessage(
          "waiver.waived",
          {
            justification: waiver.justification,
            approvedBy: waiver.approvedBy,
            expires: waiver.expires,
            message,
          },
          locale,
        )
      : message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
    data,
  };
}

export function toHover(result: HoverResult, lines: LineIndex): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(lines, result.range) };
}

export function toCompletionItem(entry: CompletionEntry, lines: LineIndex): CompletionItem {
  return {
    label: entry.label,
    kind:
      entry.kind === "key"
        ? CompletionItemKind.Property
        : entry.kind === "snippet"
          ? CompletionItemKind.Snippet
          : entry.kind === "file"
            ? CompletionItemKind.File
            : CompletionItemKind.EnumMember,
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    insertTextFormat: entry.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // multi-line insert texts carry their own indentation; the client must not re-indent them
    insertTextMode: InsertTextMode.asIs,
    filterText: entry.filterText,
    sortText: entry.sortText,
    ...(entry.replaceRange
      ? { textEdit: { range: toRange(lines, entry.replaceRange), newText: entry.insertText } }
      : { insertText: entry.insertText }),
  };
}

export function toDocumentSymbol(symbol: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind:
      symbol.kind === "section"
        ? SymbolKind.Module
        : symbol.kind === "list"
          ? SymbolKind.Array
          : symbol.kind === "item"
            ? SymbolKind.Object
            : SymbolKind.Field,
    range: toRange(lines, symbol.range),
    selectionRange: toRange(lines, symbol.selectionRange),
    children: symbol.children.map((child) => toDocumentSymbol(child, lines)),
  };
}

/** Folding ranges by line; a range within one line folds nothing and is left out. */
export function toFoldingRanges(ranges: FoldingOffsets[], lines: LineIndex): FoldingRange[] {
  return ranges
    .map((range): FoldingRange => ({
      startLine: lines.positionAt(range.start).line,
      endLine: lines.positionAt(range.end).line,
    }))
    .filter((range) => range.endLine > range.startLine);
}

/** Links to evidence files beside the dossier `documentUri`, those `keep` accepts (on disk: existing files inside
 * the folder). */
export function toDocumentLinks(
  links: EvidenceLink[],
  lines: LineIndex,
  documentUri: string,
  keep: (relativePath: string) => boolean,
): DocumentLink[] {
  const folder = Utils.dirname(URI.parse(documentUri));
  return links
    .filter((link) => keep(link.path))
    .map((link) => ({
      range: toRange(lines, link.range),
      target: Utils.joinPath(folder, ...link.path.split("/")).toString(),
    }));
}

/** A definition: a person's entry in the dossier, or a clause's heading in the spec document of the edition. */
export function toDefinitionLocation(
  target: DefinitionTarget,
  lines: LineIndex,
  documentUri: string,
  edition: Edition,
  locale: Locale,
  options?: ClauseTextOptions,
): Location {
  if (target.kind === "person") return Location.create(documentUri, toRange(lines, target.range));
  const spec = renderSpecDocument(edition, locale, options);
  return Location.create(target.uri, toRange(new LineIndex(spec.text), target.range));
}

/** Quick fixes as code actions; each names the request's diagnostics that start where its finding starts. */
export function toCodeActions(
  fixes: QuickFix[],
  lines: LineIndex,
  documentUri: string,
  diagnostics: Diagnostic[],
  offsetAt: (position: Position) => number,
): CodeAction[] {
  return fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    isPreferred: fix.preferred,
    diagnostics: diagnostics.filter((diagnostic) => offsetAt(diagnostic.range.start) === fix.finding.range.start),
    edit: {
      changes: {
        [documentUri]: fix.edits.map((edit) => ({ range: toRange(lines, edit.range), newText: edit.newText })),
      },
    },
  }));
}

/** "Waive this finding…" actions: each runs the client's WAIVE_COMMAND, which asks for the justification, approver
 * and expiry and inserts the comment above the finding's line. */
export function toWaiveCodeActions(
  actions: WaiveAction[],
  lines: LineIndex,
  documentUri: string,
  diagnostics: Diagnostic[],
  offsetAt: (position: Position) => number,
): CodeAction[] {
  return actions.map((action) => {
    const args: WaiveCommandArguments = {
      uri: documentUri,
      line: lines.positionAt(action.lineStart).line,
      indent: action.indent,
      ids: action.ids,
      rule: action.rule,
      ...(action.clause ? { clause: action.clause } : {}),
      ...(action.path ? { path: action.path } : {}),
    };
    return {
      title: action.title,
      kind: CodeActionKind.QuickFix,
      isPreferred: false,
      diagnostics: diagnostics.filter((diagnostic) => offsetAt(diagnostic.range.start) === action.finding.range.start),
      command: { title: action.title, command: WAIVE_COMMAND, arguments: [args] },
    };
  });
}

/** The spec document request's answer: its text, and the line of each clause's heading. */
export function toSpecDocumentAnswer(
  edition: Edition,
  locale: Locale,
  options?: ClauseTextOptions,
): SpecDocumentAnswer {
  const spec = renderSpecDocument(edition, locale, options);
  const lines = new LineIndex(spec.text);
  const anchors: { [clauseId: string]: number } = {};
  for (const [clauseId, range] of Object.entries(spec.anchors)) anchors[clauseId] = lines.positionAt(range.start).line;
  return { uri: specUri(edition), text: spec.text, anchors };
}

/** The editions request's answer: each edition with its categories and clause tree. */
export function toEditionsAnswer(): EditionInfo[] {
  return allEditions().map((edition) => ({
    id: edition.id,
    slug: edition.slug,
    title: edition.title,
    categories: Object.entries(edition.categories).map(([id, category]) => ({
      id,
      label: category.label,
      classes: Object.keys(category.classes ?? {}),
    })),
    clauses: edition.clauses.map((clause) => ({
      id: clause.id,
      parent: clause.parent,
      title: clause.title,
      provenance: clause.provenance,
    })),
  }));
}
