// Custom requests between the extension (client/) and the server, beyond standard LSP.
export const REQUESTS = {
  /** { edition?, locale? } → { uri, text, anchors: { clauseId: line } } — the read-only spec document. */
  specDocument: "isvDossier/specDocument",
  /** → the editions with their categories and clause tree. */
  editions: "isvDossier/editions",
  /** { category, level, drClass?, locale? } → the text of a new dossier. */
  newDossier: "isvDossier/newDossier",
  /** { uri } → the per-clause checklist of an open dossier. */
  checklist: "isvDossier/checklist",
  /** { uri } → { base64 } — the self-assessment table of an open dossier as a Word document (.docx). */
  checklistDocx: "isvDossier/checklistDocx",
} as const;
