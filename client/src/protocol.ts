// The server's custom requests as the extension sees them: the names and the shapes are the server's own
// (server/src/lsp/requests.ts), imported as types only besides the names, so the bundle takes no server code.
import type { Diagnostic as ProtocolDiagnostic } from "vscode-languageclient/node";
import type {
  ChecklistAnswer,
  ChecklistAnswerRow,
  ClauseStatus,
  Level,
  SpecDocumentAnswer,
} from "../../server/src/lsp/requests";
export { REQUESTS } from "../../server/src/lsp/requests";
export type {
  CategoryInfo,
  ClauseBasis,
  ClauseInfo,
  ClauseStatus,
  DiffAnswer,
  DiffParams,
  EditionInfo,
  Localized,
  NewDossierParams,
  Provenance,
  SpecDocumentParams,
} from "../../server/src/lsp/requests";

export type SpecDocumentResult = SpecDocumentAnswer;
export type DossierLevel = Level;
export type ChecklistRowResult = ChecklistAnswerRow;
export type ChecklistResult = ChecklistAnswer;

/** Worst first, as a section's counts are listed. */
export const CLAUSE_STATUSES: ClauseStatus[] = [
  "violated",
  "unfilled",
  "manual",
  "satisfied",
  "waived",
  "not-applicable",
];

/** A finding's message as plain text (LSP 3.18 allows Markdown content). */
export function messageText(diagnostic: ProtocolDiagnostic): string {
  return typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
}
