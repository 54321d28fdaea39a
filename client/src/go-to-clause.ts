// "Go to clause…": a quick pick of every clause of the specification; opens the spec document at the chosen one.
// Called with a clause id, it opens that clause without asking.
import * as vscode from "vscode";
import type { Editions } from "./editions";
import { clauseLabel, dataLocale, pick } from "./locale";
import type { ClauseLocation, SpecDocuments } from "./spec-documents";

interface ClauseItem extends vscode.QuickPickItem {
  clauseId: string;
}

function depthOf(clauseId: string): number {
  return /^[A-Z]$/.test(clauseId) ? 0 : clauseId.split(".").length - 1;
}

export async function goToClause(
  editions: Editions,
  specDocuments: SpecDocuments,
  clauseId?: string,
  options: { preview?: boolean } = {},
): Promise<ClauseLocation | undefined> {
  const edition = await editions.byId(undefined);
  if (!edition) return undefined;
  let chosen = clauseId;
  if (!chosen) {
    const locale = dataLocale();
    const items: ClauseItem[] = edition.clauses.map((clause) => ({
      label: `${"\u2003".repeat(Math.min(depthOf(clause.id), 3))}${clauseLabel(clause.id, locale)}`,
      description: pick(clause.title, locale) || undefined,
      detail:
        clause.provenance === "public-summary"
          ? vscode.l10n.t("Not the specification's words: public summary.")
          : clause.provenance === "structure-only"
            ? vscode.l10n.t("Text unknown: table of contents only.")
            : undefined,
      clauseId: clause.id,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t("Go to clause of {0}", edition.id),
      placeHolder: vscode.l10n.t("Type a clause number (e.g. 4.2.3) or a title"),
      matchOnDescription: true,
    });
    chosen = picked?.clauseId;
  }
  return chosen ? specDocuments.open(chosen, edition.slug, options) : undefined;
}
