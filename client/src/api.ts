// The extension's API (the value of activate()): read-only views of what the UI shows, for the end-to-end tests
// and for other extensions. Types only.
import type { DossierState } from "./active-dossier";
import type { TreeSnapshot } from "./clauses-view";
import type { LanguageStatusSnapshot } from "./language-status";
import type { SpecDocumentResult } from "./protocol";

export type { DossierState, LanguageStatusSnapshot, TreeSnapshot, SpecDocumentResult };

export interface IsvDossierApi {
  /** Resolves once the language server runs and the Clauses view has its first content. */
  readonly ready: Promise<void>;
  /** The dossier the Clauses view and the language status item describe, with its checklist. */
  activeDossier(): DossierState | undefined;
  /** Describes the dossier (default: the one already described), reloads its checklist, returns the view's tree. */
  refreshClauses(uri?: string): Promise<TreeSnapshot[]>;
  /** The Clauses view's tree as it is now. */
  clausesSnapshot(): TreeSnapshot[];
  /** The language status item (category · level, values to fill in, severity) as it is after an update. */
  languageStatus(): Promise<LanguageStatusSnapshot>;
  /** The specification document of the default edition (text and clause anchors). */
  specDocument(): Promise<SpecDocumentResult>;
  /** Whether the MCP server was registered for the editor's assistants (false: the editor has no MCP API). */
  mcpServerRegistered(): boolean;
}
