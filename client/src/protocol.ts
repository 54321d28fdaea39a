// The shapes of the server's custom requests (server/src/lsp/requests.ts) as the extension receives them.
// Types only, plus the request names; imports nothing from vscode.
import type { Diagnostic as ProtocolDiagnostic } from "vscode-languageclient/node";
export { REQUESTS } from "../../server/src/lsp/requests";

export interface Localized {
  zh: string;
  en: string;
}

export type Provenance = "excerpt" | "public-summary" | "structure-only";

export interface ClauseInfo {
  id: string;
  parent: string | null;
  title?: Localized;
  provenance: Provenance;
}

export interface CategoryInfo {
  id: string;
  label: Localized;
  /** Disaster-recovery classes (A/B); empty for the other categories. */
  classes: string[];
}

export interface EditionInfo {
  id: string;
  slug: string;
  title: Localized;
  categories: CategoryInfo[];
  clauses: ClauseInfo[];
}

export interface SpecDocumentParams {
  edition?: string;
  locale?: string;
}

export interface SpecDocumentResult {
  uri: string;
  text: string;
  /** clause id → 0-based line of its heading. */
  anchors: { [clauseId: string]: number };
}

export type DossierLevel = 1 | 2 | 3;

export interface NewDossierParams {
  category: string;
  level: DossierLevel;
  drClass?: string;
  locale?: string;
}

export type ClauseStatus = "satisfied" | "violated" | "not-applicable" | "manual";

export interface ChecklistRowResult {
  number: number;
  clauseId: string;
  title: Localized | null;
  provenance: Provenance;
  status: ClauseStatus;
  evidence: string[];
  findings: ProtocolDiagnostic[];
}

export interface ChecklistResult {
  editionId: string;
  category: string | undefined;
  level: DossierLevel;
  drClass: string | undefined;
  asOf: string;
  counts: { [status in ClauseStatus]: number };
  rows: ChecklistRowResult[];
}

export const CLAUSE_STATUSES: ClauseStatus[] = ["violated", "manual", "satisfied", "not-applicable"];

/** A finding's message as plain text (LSP 3.18 allows Markdown content). */
export function messageText(diagnostic: ProtocolDiagnostic): string {
  return typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
}
