// The status bar item for the dossier in front: its category and level, and its error and warning counts.
// Clicking it opens the Clauses view. Hidden when no dossier editor is active.
import * as vscode from "vscode";
import type { ActiveDossier } from "./active-dossier";
import type { Editions } from "./editions";
import { LANGUAGE_ID } from "./language-client";
import { categoryLabel, dataLocale, drClassLabel, levelLabel } from "./locale";

export class DossierStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem("isvDossier.status", vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown = false;

  constructor(
    private readonly dossier: ActiveDossier,
    private readonly editions: Editions,
  ) {
    this.item.name = vscode.l10n.t("ISV Dossier");
    this.item.command = "isvDossier.showClauses";
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
    if (!state || active?.languageId !== LANGUAGE_ID || active.uri.toString() !== state.uri.toString()) {
      this.item.hide();
      this.shown = false;
      return;
    }
    const { checklist, errors, warnings } = state;
    const locale = dataLocale(state.uri);
    let summary = vscode.l10n.t("Not checked");
    if (checklist) {
      const edition = await this.editions.byId(checklist.editionId);
      const parts = [categoryLabel(edition?.categories ?? [], checklist.category, locale), levelLabel(checklist.level)];
      if (checklist.drClass) parts.push(drClassLabel(checklist.drClass));
      summary = parts.join(" · ");
    }
    this.item.text = `$(shield) ${summary}  $(error) ${errors}  $(warning) ${warnings}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(summary);
    tooltip.appendMarkdown("\n\n").appendText(vscode.l10n.t("{0} errors, {1} warnings", errors, warnings));
    if (checklist) tooltip.appendMarkdown("\n\n").appendText(checklist.countsText);
    tooltip.appendMarkdown("\n\n").appendText(vscode.l10n.t("Click to open the Clauses view."));
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: `${summary}, ${vscode.l10n.t("{0} errors, {1} warnings", errors, warnings)}`,
    };
    this.item.show();
    this.shown = true;
  }

  /** The item's text after an update, or undefined when it is hidden. */
  async visibleText(): Promise<string | undefined> {
    await this.update();
    return this.shown ? this.item.text : undefined;
  }
}
