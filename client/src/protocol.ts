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

/** A clause's status for a dossier (server/src/core/clause-status.ts). */
export type ClauseStatus = "violated" | "satisfied" | "not-applicable" | "manual" | "waived";
/** What a status rests on: every requirement checked, part of it, or the clause's text is unknown. */
export type ClauseBasis = "checked" | "partly-checked" | "text-unknown";

export interface ChecklistRowResult {
  number: number;
  clauseId: string;
  title: Localized | null;
  provenance: Provenance;
  status: ClauseStatus;
  basis: ClauseBasis;
  /** The conclusion in the dossier's locale (status and basis), as the checklist writes it. */
  conclusion: string;
  /** The same, short (status and a basis mark). */
  label: string;
  checkedBy: string[];
  stillToCheck: Localized | null;
  evidence: string[];
  /** The errors that make the clause violated. */
  findings: ProtocolDiagnostic[];
  /** Warnings and infos citing the clause: remarks, never a reason for "violated". */
  remarks: ProtocolDiagnostic[];
  /** The applicant's own explanation (自评说明, the dossier's `self_assessment`), or null. */
  selfAssessment: string | null;
}

export interface ChecklistResult {
  editionId: string;
  category: string | undefined;
  level: DossierLevel;
  drClass: string | undefined;
  asOf: string;
  locale: "en" | "zh-cn";
  counts: { [status in ClauseStatus]: number };
  /** The counts in the dossier's locale, worst first. */
  countsText: string;
  rows: ChecklistRowResult[];
}

/** Worst first, as a section's counts are listed. */
export const CLAUSE_STATUSES: ClauseStatus[] = ["violated", "manual", "satisfied", "waived", "not-applicable"];

/** A finding's message as plain text (LSP 3.18 allows Markdown content). */
export function messageText(diagnostic: ProtocolDiagnostic): string {
  return typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
}
