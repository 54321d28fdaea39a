// The language service as one façade: every feature is a method taking a session (session.ts), in the manner of
// vscode-json-languageservice. The methods wrap the pure feature functions (hover.ts, completion.ts, …) with the
// session's report, made once per text and settings; positions stay offsets (the LSP edge converts, lsp/convert.ts).
import { buildChecklist, Checklist } from "../verdicts/checklist";
import { quickFixes, QuickFix } from "../features/code-actions";
import { complete, CompletionEntry } from "../features/completion";
import { definition, DefinitionTarget } from "../features/definition";
import { foldingRanges, FoldingOffsets } from "../features/folding";
import { hover, HoverResult } from "../features/hover";
import { Deadline, TimeBudget } from "../parse/limits";
import { evidenceLinks, EvidenceLink } from "../features/links";
import { withParseDeadline } from "../parse/parse";
import type { Rule } from "../check/rules/rule";
import { createLanguageService, DossierReport, SeverityOverride } from "../check/service";
import { DossierSession, EvidenceAnswersFor } from "./session";
import { documentSymbols, OutlineSymbol } from "../features/symbols";
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
  /** The waivers of the configuration file that governs the document (check/config/effective-config.ts); none
   * without one. Part of `key`. */
  waivers: WaiverSource[];
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
    const service = createLanguageService({
      locale: settings.locale,
      today: this.options.today(),
      evidenceExists: settings.checkEvidence ? session.evidenceAnswers() : undefined,
      leaseWarningMonths: settings.leaseWarningMonths,
      severityOverrides: settings.severityOverrides,
      timeBudget: settings.timeBudget,
      rules: this.options.rules,
    });
    const deadline = new Deadline(settings.timeBudget);
    const text = session.text;
    const report = service.validateParsed(
      withParseDeadline(deadline, () => session.parser.update(text)),
      deadline,
    );
    session.keepReport(settings.key, report);
    return report;
  }

  hover(session: DossierSession, settings: SessionSettings, offset: number): HoverResult | undefined {
    return hover(this.validate(session, settings), offset, settings.locale);
  }

  complete(session: DossierSession, settings: SessionSettings, offset: number): CompletionEntry[] {
    return complete(this.validate(session, settings), offset, settings.locale);
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
    return definition(this.validate(session, settings), offset, settings.locale);
  }

  codeActions(session: DossierSession, settings: SessionSettings, range: OffsetRange): QuickFix[] {
    return quickFixes(this.validate(session, settings), range, settings.locale);
  }

  /** The per-clause checklist (自评估表) of the session's dossier. */
  checklist(session: DossierSession, settings: SessionSettings): Checklist {
    return buildChecklist(this.validate(session, settings));
  }
}
