// One open dossier, as the language service sees it: the latest text the client sent (with its order of arrival —
// texts are ordered as they arrive, never by the version numbers a client gives), its line index, its incremental
// parse, the last report with the settings it was made with, and the answers about which evidence files exist
// (a function given by whoever opens the session: the core reads no files). Pure: no fs, no LSP.
import { IncrementalParser } from "../parse/incremental";
import { LineIndex } from "../parse/line-index";
import type { DossierReport } from "../check/service";

/** Whether an evidence file exists, relative to the dossier's folder; undefined when existence is not checked. */
export type EvidenceAnswersFor = () => ((relativePath: string) => boolean) | undefined;

interface LastReport {
  /** The text the report is of (compared by value: the same version number may come with another text). */
  text: string;
  /** The settings it was made with (compared by value). */
  settingsKey: string;
  report: DossierReport;
}

export class DossierSession {
  private currentText: string;
  private currentArrival: number;
  private lineIndex: LineIndex | undefined;
  private last: LastReport | undefined;
  /** The incremental parse: reuses what an edit did not change. */
  readonly parser = new IncrementalParser();

  /**
   * @param arrival the text's place in the order of arrival (over all documents: each open and each change).
   * @param evidenceAnswers which evidence files exist, asked at each validation.
   */
  constructor(
    readonly uri: string,
    text: string,
    arrival: number,
    readonly evidenceAnswers: EvidenceAnswersFor = () => undefined,
  ) {
    this.currentText = text;
    this.currentArrival = arrival;
  }

  /** The latest text. */
  get text(): string {
    return this.currentText;
  }

  /** When the latest text arrived: a later text has a larger number. */
  get arrival(): number {
    return this.currentArrival;
  }

  /** The latest text replaces the one held (whatever version number it came with). */
  update(text: string, arrival: number): void {
    if (text !== this.currentText) this.lineIndex = undefined;
    this.currentText = text;
    this.currentArrival = arrival;
  }

  /** The line index of the latest text, built once per text. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.currentText));
  }

  /** The last report, if it is of the latest text and made with these settings. */
  reportFor(settingsKey: string): DossierReport | undefined {
    const last = this.last;
    return last && last.text === this.currentText && last.settingsKey === settingsKey ? last.report : undefined;
  }

  /** The last report made, of whichever text and settings. */
  get lastReport(): DossierReport | undefined {
    return this.last?.report;
  }

  /** Keeps a report of the latest text, made with these settings. */
  keepReport(settingsKey: string, report: DossierReport): void {
    this.last = { text: this.currentText, settingsKey, report };
  }

  /** Forgets the last report (the settings changed). */
  forgetReport(): void {
    this.last = undefined;
  }
}
