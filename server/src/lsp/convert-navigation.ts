// The LSP edge of navigation: person ids, clause references, rename, inlay hints and code lenses (offsets → LSP
// positions). Beside convert.ts, which converts everything else.
import type { CodeLens, DocumentHighlight, InlayHint, Location, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { DocumentHighlightKind, InlayHintKind } from "vscode-languageserver";
import type { ClauseReference } from "../core/features/clause-references";
import type { InlayHintEntry } from "../core/features/inlay-hints";
import type { PersonOccurrence } from "../core/features/person-index";
import type { LineIndex } from "../core/parse/line-index";
import type { OffsetRange } from "../core/types";
import type { SectionLens } from "../core/verdicts/section-lens";
import { toRange } from "./convert";

/** The client command a code lens runs: the extension reveals the clause in its Clauses view. */
export const REVEAL_CLAUSE_COMMAND = "isvDossier.revealClause";

export function toPersonLocations(
  occurrences: PersonOccurrence[],
  lines: LineIndex,
  uri: string,
  includeDeclaration: boolean,
): Location[] {
  return occurrences
    .filter((occurrence) => includeDeclaration || occurrence.kind === "reference")
    .map((occurrence) => ({ uri, range: toRange(lines, occurrence.range) }));
}

export function toPersonHighlights(occurrences: PersonOccurrence[], lines: LineIndex): DocumentHighlight[] {
  return occurrences.map((occurrence) => ({
    range: toRange(lines, occurrence.range),
    kind: occurrence.kind === "definition" ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

/** Each range once: a finding often lies on a field's key. */
export function toClauseLocations(references: ClauseReference[], lines: LineIndex, uri: string): Location[] {
  const seen = new Set<string>();
  return references
    .filter((reference) => {
      const key = `${reference.range.start}:${reference.range.end}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    })
    .map((reference) => ({ uri, range: toRange(lines, reference.range) }));
}

export function toRenameEdit(
  edits: Array<{ range: OffsetRange; newText: string }>,
  lines: LineIndex,
  uri: string,
): WorkspaceEdit {
  const changes: TextEdit[] = edits.map((edit) => ({ range: toRange(lines, edit.range), newText: edit.newText }));
  return { changes: { [uri]: changes } };
}

export function toInlayHint(hint: InlayHintEntry, lines: LineIndex): InlayHint {
  return {
    position: lines.positionAt(hint.offset),
    label: hint.label,
    kind: hint.fact === "clause-title" ? InlayHintKind.Parameter : InlayHintKind.Type,
    paddingLeft: true,
  };
}

export function toCodeLens(lens: SectionLens, lines: LineIndex, uri: string): CodeLens {
  return {
    range: toRange(lines, lens.range),
    command: { title: lens.title, command: REVEAL_CLAUSE_COMMAND, arguments: [lens.clauseId, uri] },
    data: { clauseId: lens.clauseId, status: lens.status },
  };
}
