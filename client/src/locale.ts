// The language the extension shows dossier data in (the `isvDossier.locale` setting, else the editor's display
// language), and the small labels built from it: clause numbers, levels, statuses, categories.
import * as vscode from "vscode";
import type { CategoryInfo, ClauseStatus, Localized } from "./protocol";

export type DataLocale = "en" | "zh-cn";

export function normalizeLocale(language: string | undefined): DataLocale {
  return language && language.toLowerCase().startsWith("zh") ? "zh-cn" : "en";
}

/** The locale for dossier data: the setting when it is not "auto", else the display language. */
export function dataLocale(scope?: vscode.Uri): DataLocale {
  const setting = vscode.workspace.getConfiguration("isvDossier", scope).get<string>("locale", "auto");
  return setting === "en" || setting === "zh-cn" ? setting : normalizeLocale(vscode.env.language);
}

export function pick(text: Localized | null | undefined, locale: DataLocale): string {
  if (!text) return "";
  return locale === "zh-cn" ? text.zh : text.en;
}

/** "4.2.3 b)" for an item, "4.2.3" for a section, "附录 H" / "Annex H" for an annex (as the server labels them). */
export function clauseLabel(clauseId: string, locale: DataLocale): string {
  if (/^[A-Z]$/.test(clauseId)) return locale === "zh-cn" ? `附录 ${clauseId}` : `Annex ${clauseId}`;
  const item = /^(.*)\.([a-z])$/.exec(clauseId);
  return item ? `${item[1]} ${item[2]})` : clauseId;
}

export function levelLabel(level: number): string {
  switch (level) {
    case 1:
      return vscode.l10n.t("Level 1");
    case 2:
      return vscode.l10n.t("Level 2");
    case 3:
      return vscode.l10n.t("Level 3");
    default:
      return vscode.l10n.t("Level {0}", level);
  }
}

export function drClassLabel(drClass: string): string {
  return vscode.l10n.t("Class {0}", drClass);
}

/** What a disaster recovery class is (3.5 note): A resource services, B technical services. */
export function drClassKind(drClass: string): string {
  if (drClass === "A") return vscode.l10n.t("resource services");
  if (drClass === "B") return vscode.l10n.t("technical services");
  return drClass;
}

export function statusLabel(status: ClauseStatus): string {
  switch (status) {
    case "satisfied":
      return vscode.l10n.t("Satisfied");
    case "violated":
      return vscode.l10n.t("Violated");
    case "unfilled":
      return vscode.l10n.t("To fill in");
    case "not-applicable":
      return vscode.l10n.t("Not applicable");
    case "manual":
      return vscode.l10n.t("Reviewer must check");
    case "waived":
      return vscode.l10n.t("Waived");
  }
}

export function categoryLabel(categories: CategoryInfo[], categoryId: string | undefined, locale: DataLocale): string {
  if (!categoryId) return vscode.l10n.t("No category");
  const category = categories.find((candidate) => candidate.id === categoryId);
  return category ? pick(category.label, locale) : categoryId;
}
