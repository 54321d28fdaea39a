// Custom requests between the extension (client/) and the server, beyond standard LSP, and the shapes of their
// parameters and answers, declared once: the extension imports this file (client/src/protocol.ts; types only
// besides the names, so its bundle takes no server code). The answers are built in convert.ts and
// checklist-answer.ts (from the one model of a clause's status, core/verdicts/clause-status.ts).
import type { Diagnostic } from "vscode-languageserver";
import type { ClauseBasis, ClauseStatus, StatusCounts } from "../core/verdicts/clause-status";
import type { Level, Provenance } from "../core/catalog/edition";
import type { Locale, Localized } from "../core/types";

export type { ClauseBasis, ClauseStatus, Level, Locale, Localized, Provenance, StatusCounts };

export const REQUESTS = {
  /** { edition?, locale? } → { uri, text, anchors: { clauseId: line } } — the read-only spec document. */
  specDocument: "isvDossier/specDocument",
  /** → the editions with their categories and clause tree. */
  editions: "isvDossier/editions",
  /** { category, level, drClass?, locale? } → the text of a new dossier. */
  newDossier: "isvDossier/newDossier",
  /** { uri } → the per-clause checklist of an open dossier (ChecklistAnswer). */
  checklist: "isvDossier/checklist",
  /** { uri } → { base64 } — the self-assessment table of an open dossier as a Word document (.docx). */
  checklistDocx: "isvDossier/checklistDocx",
  /** { uri, beforeText, beforeName } → the diff of an earlier submission against an open dossier (DiffAnswer). */
  diff: "isvDossier/diff",
  /**
   * { uri, link? } → { markdown } — the self-assessment table of an open dossier as Markdown, the CLI's
   * `checklist --format md` table, each finding's line a link to it when `link` says how (the editor's checklist).
   */
  checklistMarkdown: "isvDossier/checklistMarkdown",
} as const;

export interface SpecDocumentParams {
  edition?: string;
  locale?: string;
  /** English renderings in a Chinese document too (isvDossier.showEnglish). */
  english?: boolean;
}

export interface SpecDocumentAnswer {
  uri: string;
  text: string;
  /** clause id → 0-based line of its heading. */
  anchors: { [clauseId: string]: number };
}

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

/** An edition, as the editions request answers. */
export interface EditionInfo {
  id: string;
  slug: string;
  title: Localized;
  categories: CategoryInfo[];
  clauses: ClauseInfo[];
}

export interface NewDossierParams {
  category: string;
  level: Level;
  drClass?: string;
  locale?: string;
  edition?: string;
  /** Answer with a snippet to insert (tab stops in the placeholders, choices), not plain YAML. */
  snippet?: boolean;
}

/** The parameters of the requests about an open dossier (checklist, checklistDocx). */
export interface CheckedDocumentParams {
  uri: string;
}

export interface ChecklistMarkdownParams extends CheckedDocumentParams {
  /** A link target for a line, `{line}` and `{column}` (1-based) filled in; no links without it. */
  link?: string;
}

export interface ChecklistAnswerRow {
  number: number;
  clauseId: string;
  title: Localized | null;
  provenance: Provenance;
  status: ClauseStatus;
  basis: ClauseBasis;
  /** The conclusion (结论) in the dossier's locale: status and basis (conclusionText). */
  conclusion: string;
  /** The same, short: the status and a basis mark (conclusionLabel), for a tree or a status bar. */
  label: string;
  checkedBy: string[];
  stillToCheck: Localized | null;
  evidence: string[];
  /** The errors that make the clause violated. */
  findings: Diagnostic[];
  /** Warnings and infos citing the clause: remarks, never a reason for 不符合. */
  remarks: Diagnostic[];
  /** The waived findings citing the clause: hints whose message and `data.waived` carry the waiver's justification,
   * approver and expiry. */
  waived: Diagnostic[];
  /** The applicant's own explanation (自评说明, the dossier's `self_assessment`), or null. */
  selfAssessment: string | null;
}

export interface ChecklistAnswer {
  editionId: string;
  category: string | undefined;
  level: Level;
  drClass: string | undefined;
  asOf: string;
  locale: Locale;
  counts: StatusCounts;
  /** The counts in words, worst first ("不符合 2，需人工判断 3，符合 10"). */
  countsText: string;
  /** How many values are still to fill in (fill.empty findings). */
  toFill: number;
  rows: ChecklistAnswerRow[];
}

/** The diff request: an open dossier (`uri`, the later submission) against the text of an earlier one. */
export interface DiffParams {
  uri: string;
  /** The earlier submission's text (another file, or the file as in the last git commit). */
  beforeText: string;
  /** How the earlier submission is named in the document ("HEAD:a.dossier.yaml", a file's path). */
  beforeName: string;
  /** How the open dossier is named (default: its file name). */
  afterName?: string;
}

export interface DiffAnswer {
  /** The diff as a Markdown document in the dossier's locale (the CLI's `diff --format md`). */
  markdown: string;
  /** The clause ids that went from satisfied to violated. */
  regressions: string[];
  /** Each changed clause with its statuses before and after (null: not judged in that submission). */
  clauses: Array<{ clauseId: string; before: ClauseStatus | null; after: ClauseStatus | null }>;
}
