// The language status item of the dossier in front (the `{}` beside the language mode in the status bar): its
// category and level, how many values are still to fill in ("还有 23 项待填写") or the clause counts, a severity
// from the dossier's clause statuses (a violated clause: error; a clause to fill in: warning), and a link to the
// Clauses view. VS Code shows it for isv-dossier editors only; the error and warning counts are VS Code's own.
import * as vscode from "vscode";
import type { ActiveDossier } from "./active-dossier";
import type { Editions } from "./editions";
import { LANGUAGE_ID } from "./language-client";
import { categoryLabel, dataLocale, drClassLabel, levelLabel } from "./locale";

/** What the item shows, as plain data (the extension's API hands it to tests). */
export interface LanguageStatusSnapshot {
  text: string;
  detail: string;
  severity: "information" | "warning" | "error";
  command: string | undefined;
}

const SEVERITY_NAMES = {
  [vscode.LanguageStatusSeverity.Information]: "information",
  [vscode.LanguageStatusSeverity.Warning]: "warning",
  [vscode.LanguageStatusSeverity.Error]: "error",
} as const;

export class DossierLanguageStatus implements vscode.Disposable {
  readonly item = vscode.languages.createLanguageStatusItem("isvDossier.status", { language: LANGUAGE_ID });
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly dossier: ActiveDossier,
    private readonly editions: Editions,
  ) {
    this.item.name = vscode.l10n.t("ISV Dossier");
    this.item.command = { title: vscode.l10n.t("Clauses"), command: "isvDossier.showClauses" };
    this.item.text = vscode.l10n.t("Not checked");
    this.subscriptions.push(
      this.item,
      dossier.onDidChange(() => void this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
    );
    void this.update();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  async update(): Promise<void> {
    const state = this.dossier.state;
    const active = vscode.window.activeTextEditor?.document;
    const checklist =
      state && active?.languageId === LANGUAGE_ID && active.uri.toString() === state.uri.toString()
        ? state.checklist
        : null;
    if (!checklist) {
      this.item.text = vscode.l10n.t("Not checked");
      this.item.detail = "";
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const locale = dataLocale(state!.uri);
    const edition = await this.editions.byId(checklist.editionId);
    const parts = [categoryLabel(edition?.categories ?? [], checklist.category, locale), levelLabel(checklist.level)];
    if (checklist.drClass) parts.push(drClassLabel(checklist.drClass));
    this.item.text = parts.join(" · ");
    this.item.detail = checklist.toFill > 0 ? vscode.l10n.t("{0} to fill in", checklist.toFill) : checklist.countsText;
    this.item.severity =
      checklist.counts.violated > 0
        ? vscode.LanguageStatusSeverity.Error
        : checklist.counts.unfilled > 0
          ? vscode.LanguageStatusSeverity.Warning
          : vscode.LanguageStatusSeverity.Information;
    this.item.accessibilityInformation = { label: `${this.item.text}, ${this.item.detail}` };
  }

  /** The item as it is after an update. */
  async snapshot(): Promise<LanguageStatusSnapshot> {
    await this.update();
    return {
      text: this.item.text,
      detail: this.item.detail ?? "",
      severity: SEVERITY_NAMES[this.item.severity],
      command: this.item.command?.command,
    };
  }
}
