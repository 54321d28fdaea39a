// "New dossier…": pick a category, a level and (for disaster recovery) a DR class, and get a scaffold from the
// server with every required section and comments citing clauses, inserted as a snippet: Tab goes from one value to
// fill in to the next (core/features/skeleton.ts, the same text `isv-dossier init` writes). Called with arguments,
// it asks nothing.
import * as path from "node:path";
import * as vscode from "vscode";
import type { Editions, ServerRequests } from "./editions";
import { LANGUAGE_ID } from "./language-client";
import { DataLocale, dataLocale, drClassKind, drClassLabel, levelLabel, pick } from "./locale";
import { DossierLevel, NewDossierParams, REQUESTS } from "./protocol";

export interface NewDossierArguments {
  category?: string;
  level?: DossierLevel;
  drClass?: string;
  locale?: DataLocale;
  /** Where the dossier will be saved (a URI string); default: a new file in the first workspace folder. */
  uri?: string;
  /** Save it right away (otherwise it stays an unsaved editor). */
  save?: boolean;
}

const LEVEL_DESCRIPTIONS: { [level in DossierLevel]: () => string } = {
  3: () => vscode.l10n.t("the lowest level (§4.1)"),
  2: () => vscode.l10n.t("§4.2"),
  1: () => vscode.l10n.t("the highest level (§4.3)"),
};

async function pickChoices(
  editions: Editions,
  given: NewDossierArguments,
  locale: DataLocale,
): Promise<NewDossierParams | undefined> {
  const edition = await editions.byId(undefined);
  if (!edition) return undefined;
  const categoryId =
    given.category ??
    (
      await vscode.window.showQuickPick(
        edition.categories.map((category) => ({
          label: pick(category.label, locale),
          description: category.id,
          id: category.id,
        })),
        {
          title: vscode.l10n.t("New dossier (1/3): service category"),
          placeHolder: vscode.l10n.t("Which service category is the application for?"),
          matchOnDescription: true,
        },
      )
    )?.id;
  if (!categoryId) return undefined;
  const level =
    given.level ??
    (
      await vscode.window.showQuickPick(
        ([3, 2, 1] as DossierLevel[]).map((value) => ({
          label: levelLabel(value),
          description: LEVEL_DESCRIPTIONS[value](),
          value,
        })),
        {
          title: vscode.l10n.t("New dossier (2/3): level"),
          placeHolder: vscode.l10n.t("Which level? Level 1 is the highest."),
        },
      )
    )?.value;
  if (!level) return undefined;
  const classes = edition.categories.find((category) => category.id === categoryId)?.classes ?? [];
  let drClass = given.drClass;
  if (!drClass && classes.length > 0) {
    drClass = (
      await vscode.window.showQuickPick(
        classes.map((value) => ({ label: drClassLabel(value), description: drClassKind(value), value })),
        {
          title: vscode.l10n.t("New dossier (3/3): disaster-recovery class"),
          placeHolder: vscode.l10n.t("Class A provides resources, class B technical services (§3.5 note)."),
        },
      )
    )?.value;
    if (!drClass) return undefined;
  }
  return { category: categoryId, level, drClass, locale };
}

/** A file name in the folder that does not exist yet: `<category>-level<n>.dossier.yaml`, `…-2.dossier.yaml`, … */
async function freeTarget(folder: vscode.Uri, stem: string): Promise<vscode.Uri> {
  for (let index = 1; ; index++) {
    const candidate = vscode.Uri.joinPath(folder, `${stem}${index === 1 ? "" : `-${index}`}.dossier.yaml`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      const open = vscode.workspace.textDocuments.some((document) => document.uri.path === candidate.path);
      if (!open) return candidate;
    }
  }
}

/** Runs the command; resolves with the new document's URI (undefined when cancelled). */
export async function newDossier(
  server: ServerRequests,
  editions: Editions,
  given: NewDossierArguments = {},
): Promise<string | undefined> {
  const locale = given.locale ?? dataLocale();
  const params = await pickChoices(editions, given, locale);
  if (!params) return undefined;
  const snippet = await server.sendRequest<string>(REQUESTS.newDossier, { ...params, snippet: true });
  const stem = `${params.category}-level${params.level}${params.drClass ? `-${params.drClass.toLowerCase()}` : ""}`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  let document: vscode.TextDocument;
  if (given.uri || folder) {
    const target = given.uri ? vscode.Uri.parse(given.uri) : await freeTarget(folder!, stem);
    // An unsaved editor that already knows its file: saving writes there without asking.
    document = await vscode.workspace.openTextDocument(target.with({ scheme: "untitled" }));
  } else {
    document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: "" });
  }
  if (document.languageId !== LANGUAGE_ID)
    document = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const inserted = await editor.insertSnippet(new vscode.SnippetString(snippet), whole, {
    undoStopBefore: false,
    undoStopAfter: true,
  });
  if (!inserted) throw new Error(vscode.l10n.t("Could not insert the new dossier."));
  if (given.save) {
    const saved = await vscode.workspace.save(document.uri);
    if (!saved) throw new Error(vscode.l10n.t("Could not save {0}.", path.basename(document.uri.path)));
    await vscode.window.showTextDocument(saved, { preview: false });
    return saved.toString();
  }
  return document.uri.toString();
}
