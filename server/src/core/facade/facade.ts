// The language service as one façade: every feature is a method taking a session (session.ts), in the manner of
// vscode-json-languageservice. The methods wrap the pure feature functions (hover.ts, completion.ts, …) with the
// session's report, made once per text and settings; positions stay offsets (the LSP edge converts, lsp/convert.ts).
import { buildChecklist, Checklist } from "../verdicts/checklist";
import { quickFixes, QuickFix, waiveActions, WaiveAction } from "../features/code-actions";
import { complete, CompletionEntry } from "../features/completion";
import { definition, DefinitionTarget } from "../features/definition";
import { foldingRanges, FoldingOffsets } from "../features/folding";
import { hover, HoverResult } from "../features/hover";
import { Deadline, TimeBudget } from "../parse/limits";
import { evidenceLinks, EvidenceLink } from "../features/links";
import { withParseDeadline } from "../parse/parse";
import type { Rule } from "../check/rules/rule";
import { createLanguageService, DossierLanguageService, DossierReport, SeverityOverride } from "../check/service";
import { DossierSession, EvidenceAnswersFor } from "./session";
import { documentSymbols, OutlineSymbol } from "../features/symbols";
import { clauseAtOffset, clauseReferences, ClauseReference } from "../features/clause-references";
import { inlayHints, InlayHintEntry } from "../features/inlay-hints";
import { evidenceRenameEdits } from "../features/evidence-rename";
import { personIndex, PersonOccurrence, prepareRename, renamePerson } from "../features/person-index";
import { sectionLenses, SectionLens } from "../verdicts/section-lens";
import type { Locale, OffsetRange } from "../types";
import type { WaiverSource } from "../check/waiver-entry";

/** What a session is checked with: a document's settings, resolved. */
export interface SessionSettings {
  /** Identifies the settings: a report made with other settings is not reused. */
  key: string;
  locale: Locale;
  leaseWarningMonths: number;
  severityOverrides: { [ruleOrClauseId: string]: SeverityOverride };
  checkEvidence: boolean;
  /** Larger texts (in UTF-8 bytes) are not checked: one limits.file-size finding (limits.ts) says so. */
  maxFileSizeBytes: number;
  timeBudget: TimeBudget;
  /** File-form waivers (the configuration file's `waivers`); `key` must tell lists apart. */
  waivers?: readonly WaiverSource[];
  /** The dossier's file path, for the file-form waivers' `dossier` globs; undefined for a document not on disk. */
  dossierPath?: string;
  /** Ignore every waiver, inline and file form. */
  ignoreWaivers?: boolean;
  /** English renderings of the specification in Chinese hovers and the specification document too. */
  showEnglish?: boolean;
}

export interface FacadeOptions {
  /** Today's date (YYYY-MM-DD), asked at each validation. */
  today: () => string;
  /** The rules (default: all of them). */
  rules?: Rule[];
}

export class DossierFacade {
  constructor(private readonly options: FacadeOptions) {}

  /** A session for a document just opened; `arrival` orders its texts among all documents' (session.ts). */
  open(uri: string, text: string, arrival: number, evidenceAnswers?: EvidenceAnswersFor): DossierSession {
    return new DossierSession(uri, text, arrival, evidenceAnswers);
  }

  /** The report of the session's latest text with these settings: the last one when it is of them, else made now
   * (parsed incrementally; the time budget counts from before parsing). Never throws. */
  validate(session: DossierSession, settings: SessionSettings): DossierReport {
    const cached = session.reportFor(settings.key);
    if (cached) return cached;
    const service = this.service(settings, settings.checkEvidence ? session.evidenceAnswers : undefined);
    const deadline = new Deadline(settings.timeBudget);
    const text = session.text;
    const report = service.validateParsed(
      withParseDeadline(deadline, () => session.parser.update(text)),
      deadline,
    );
    session.keepReport(settings.key, report);
    return report;
  }

  /** The report of a text checked once, with no session (a dossier not open): parsed whole, without the pieces an
   * incremental parse keeps for the next edit — the same report as validate's. */
  validateText(text: string, settings: SessionSettings, evidenceAnswers?: EvidenceAnswersFor): DossierReport {
    return this.service(settings, settings.checkEvidence ? evidenceAnswers : undefined).validate(text);
  }

  private service(settings: SessionSettings, evidenceAnswers: EvidenceAnswersFor | undefined): DossierLanguageService {
    return createLanguageService({
      locale: settings.locale,
      today: this.options.today(),
      evidenceExists: evidenceAnswers?.(),
      leaseWarningMonths: settings.leaseWarningMonths,
      severityOverrides: settings.severityOverrides,
      timeBudget: settings.timeBudget,
      rules: this.options.rules,
      waivers: settings.waivers,
      dossierPath: settings.dossierPath,
      ignoreWaivers: settings.ignoreWaivers,
    });
  }

  hover(session: DossierSession, settings: SessionSettings, offset: number): HoverResult | undefined {
    return hover(this.validate(session, settings), offset, settings.locale, { english: settings.showEnglish });
  }

  /** `evidenceFiles`: the files of the dossier's folder, asked only when the cursor is in an evidence field. */
  complete(
    session: DossierSession,
    settings: SessionSettings,
    offset: number,
    evidenceFiles?: () => readonly string[],
  ): CompletionEntry[] {
    return complete(this.validate(session, settings), offset, settings.locale, evidenceFiles);
  }

  symbols(session: DossierSession, settings: SessionSettings): OutlineSymbol[] {
    return documentSymbols(this.validate(session, settings), settings.locale);
  }

  folding(session: DossierSession, settings: SessionSettings): FoldingOffsets[] {
    return foldingRanges(this.validate(session, settings));
  }

  links(session: DossierSession, settings: SessionSettings): EvidenceLink[] {
    return evidenceLinks(this.validate(session, settings));
  }

  definition(session: DossierSession, settings: SessionSettings, offset: number): DefinitionTarget | undefined {
    return definition(this.validate(session, settings), offset, settings.locale, { english: settings.showEnglish });
  }

  codeActions(session: DossierSession, settings: SessionSettings, range: OffsetRange): QuickFix[] {
    return quickFixes(this.validate(session, settings), range, settings.locale);
  }

  /** The person id under an offset and every occurrence of it in the dossier (definitions first). */
  personOccurrences(session: DossierSession, settings: SessionSettings, offset: number): PersonOccurrence[] {
    const index = personIndex(this.validate(session, settings));
    const occurrence = index.at(offset);
    return occurrence ? index.of(occurrence.personId) : [];
  }

  /** The clause mentioned in a comment under an offset. */
  clauseAt(session: DossierSession, settings: SessionSettings, offset: number): string | undefined {
    return clauseAtOffset(this.validate(session, settings), offset);
  }

  /** The fields of the session's dossier that rest on a clause, and the findings citing it. */
  clauseReferences(session: DossierSession, settings: SessionSettings, clauseId: string): ClauseReference[] {
    return clauseReferences(this.validate(session, settings), clauseId);
  }

  prepareRename(session: DossierSession, settings: SessionSettings, offset: number): ReturnType<typeof prepareRename> {
    return prepareRename(this.validate(session, settings), offset, settings.locale);
  }

  rename(
    session: DossierSession,
    settings: SessionSettings,
    offset: number,
    newId: string,
  ): ReturnType<typeof renamePerson> {
    return renamePerson(this.validate(session, settings), offset, newId, settings.locale);
  }

  /** The edits of the dossier's evidence paths that follow a rename of `from` to `to` (relative to its folder). */
  evidenceRenameEdits(
    session: DossierSession,
    settings: SessionSettings,
    from: string,
    to: string,
  ): Array<{ range: OffsetRange; newText: string }> {
    return evidenceRenameEdits(this.validate(session, settings), from, to);
  }

  inlayHints(session: DossierSession, settings: SessionSettings, range?: OffsetRange): InlayHintEntry[] {
    return inlayHints(this.validate(session, settings), settings.locale, range);
  }

  /** Above each top-level section, its clauses and their verdicts. */
  sectionLenses(session: DossierSession, settings: SessionSettings): SectionLens[] {
    return sectionLenses(this.validate(session, settings), settings.locale);
  }

  /** "Waive this finding…" for the findings overlapping a range (the editor asks for the waiver's record). */
  waiveActions(session: DossierSession, settings: SessionSettings, range: OffsetRange): WaiveAction[] {
    return waiveActions(this.validate(session, settings), range, settings.locale);
  }

  /** The per-clause checklist (自评估表) of the session's dossier. */
  checklist(session: DossierSession, settings: SessionSettings): Checklist {
    return buildChecklist(this.validate(session, settings));
  }
}
