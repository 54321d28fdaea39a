// The extension's entry point: starts the language server and wires the editor UI (spec document, Clauses view,
// language status item, commands). Returns the API that the end-to-end tests use. Owns no checking logic.
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ActiveDossier } from "./active-dossier";
import type { IsvDossierApi } from "./api";
import { CHECKLIST_SCHEME, ChecklistDocuments, showChecklist } from "./checklist-document";
import { CLAUSES_VIEW_ID, ClauseNode, ClausesTreeProvider, createClausesView, revealFinding } from "./clauses-view";
import { compareWithPrevious, DIFF_SCHEME, DiffDocuments } from "./compare-submission";
import { Editions, ServerRequests } from "./editions";
import { dossierOf, exportChecklistDocx } from "./export-checklist";
import { goToClause } from "./go-to-clause";
import { registerMcpServer } from "./mcp-provider";
import { createLanguageClient } from "./language-client";
import { newDossier, NewDossierArguments } from "./new-dossier";
import { SPEC_SCHEME, SpecDocuments, specReferenceProvider } from "./spec-documents";
import { DossierLanguageStatus } from "./language-status";
import { waiveFinding, WaiveArguments } from "./waive-finding";

let client: LanguageClient | undefined;

/** A clause id from a command argument: a string, or the Clauses view's node (context menu). */
function clauseIdOf(argument: unknown): string | undefined {
  if (typeof argument === "string") return argument;
  const node = argument as Partial<ClauseNode> | undefined;
  return node?.kind === "clause" ? node.clause?.id : undefined;
}

function uriOf(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument === "string") return vscode.Uri.parse(argument);
  return undefined;
}

export function activate(context: vscode.ExtensionContext): IsvDossierApi {
  // Requests wait until the server runs, so commands may be used while it starts.
  let started: Promise<void> = Promise.resolve();
  const server: ServerRequests = {
    sendRequest: async <R>(method: string, params?: unknown): Promise<R> => {
      await started;
      return client!.sendRequest<R>(method, params);
    },
  };
  const editions = new Editions(server);
  const specDocuments = new SpecDocuments(server, editions);
  const checklistDocuments = new ChecklistDocuments(server);
  const diffDocuments = new DiffDocuments();
  const dossier = new ActiveDossier(server);
  const clauses = new ClausesTreeProvider(editions, dossier);
  const languageStatus = new DossierLanguageStatus(dossier, editions);

  const mcpRegistered = registerMcpServer(context);
  client = createLanguageClient(context, specDocuments);
  started = client.start();

  const register = (command: string, callback: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(command, callback));
  };
  register("isvDossier.newDossier", (args?: NewDossierArguments) => newDossier(server, editions, args ?? {}));
  register("isvDossier.goToClause", (clauseId?: unknown, options?: { preview?: boolean }) =>
    goToClause(editions, specDocuments, clauseIdOf(clauseId), options),
  );
  register("isvDossier.openClause", (clauseId?: unknown) => goToClause(editions, specDocuments, clauseIdOf(clauseId)));
  // From the rendered specification (or a checklist) to its Markdown source.
  register("isvDossier.showSpecSource", () => vscode.commands.executeCommand("markdown.showSource"));
  register("isvDossier.showChecklist", (uri?: unknown, options?: { preview?: boolean }) => {
    const active = vscode.window.activeTextEditor?.document;
    return showChecklist(uriOf(uri) ?? (active?.languageId === "isv-dossier" ? active.uri : dossier.uri), options);
  });
  register("isvDossier.exportChecklistDocx", (uri?: unknown, target?: unknown) => {
    const active = vscode.window.activeTextEditor?.document;
    const activeDossier =
      active?.languageId === "isv-dossier" || active?.uri.scheme === CHECKLIST_SCHEME ? active.uri : dossier.uri;
    return exportChecklistDocx(server, dossierOf(uriOf(uri) ?? activeDossier), uriOf(target));
  });
  register("isvDossier.compareWithPrevious", (uri?: unknown, previous?: unknown, options?: { preview?: boolean }) => {
    const active = vscode.window.activeTextEditor?.document;
    const target = uriOf(uri) ?? (active?.languageId === "isv-dossier" ? active.uri : dossier.uri);
    return compareWithPrevious(server, diffDocuments, target, previous === "HEAD" ? "HEAD" : uriOf(previous), options);
  });
  register("isvDossier.showClauses", () => vscode.commands.executeCommand(`${CLAUSES_VIEW_ID}.focus`));
  register("isvDossier.refreshClauses", () => dossier.reload().then(() => clauses.rebuild()));
  register(
    "isvDossier.revealFinding",
    (uri: string, startLine: number, startCharacter: number, endLine: number, endCharacter: number) =>
      revealFinding(uri, startLine, startCharacter, endLine, endCharacter),
  );
  register("isvDossier.waiveFinding", (args?: WaiveArguments) => waiveFinding(args));
  register("isvDossier.restartServer", async () => {
    await client?.restart();
    specDocuments.reset();
    await dossier.reload();
  });

  context.subscriptions.push(
    specDocuments,
    checklistDocuments,
    diffDocuments,
    dossier,
    clauses,
    languageStatus,
    vscode.workspace.registerTextDocumentContentProvider(SPEC_SCHEME, specDocuments),
    vscode.languages.registerReferenceProvider({ scheme: SPEC_SCHEME }, specReferenceProvider(server)),
    vscode.workspace.registerTextDocumentContentProvider(CHECKLIST_SCHEME, checklistDocuments),
    vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, diffDocuments),
    createClausesView(clauses, editions),
    dossier.onDidChange(() => void clauses.rebuild()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration("isvDossier.locale") && !event.affectsConfiguration("isvDossier.showEnglish"))
        return;
      specDocuments.reset();
      void dossier.reload().then(() => clauses.rebuild());
    }),
  );
  const ready = started.then(() => clauses.rebuild());
  ready.catch((error: unknown) => {
    void vscode.window.showErrorMessage(
      vscode.l10n.t("The ISV Dossier language server did not start: {0}", String(error)),
    );
  });

  return {
    ready,
    activeDossier: () => dossier.state,
    async refreshClauses(uri?: string) {
      if (uri) await dossier.track(vscode.Uri.parse(uri));
      await dossier.reload();
      await clauses.rebuild();
      return clauses.snapshot();
    },
    clausesSnapshot: () => clauses.snapshot(),
    languageStatus: () => languageStatus.snapshot(),
    specDocument: () => specDocuments.load(),
    mcpServerRegistered: () => mcpRegistered,
  };
}

export function deactivate(): Thenable<void> | undefined {
  const stopping = client?.stop();
  client = undefined;
  return stopping;
}
