// Starts the bundled language server (dist/server/main.js over Node IPC) for `isv-dossier` documents and the
// configuration files (isv-dossier.config.yaml, whatever language the editor gives them), with the
// display language and the `isvDossier` settings (without the variables and with the V8 flags in
// server-environment.ts); diagnostic code links are made to open the spec at the clause.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";
import { serverEnvironment, serverExecArgv } from "./server-environment";
import { SpecDocuments } from "./spec-documents";

export const LANGUAGE_ID = "isv-dossier";
/** The configuration file's name (server/src/core/check/config/config-model.ts CONFIG_FILE_NAME). */
export const CONFIG_FILE_NAME = "isv-dossier.config.yaml";

export function createLanguageClient(context: vscode.ExtensionContext, specDocuments: SpecDocuments): LanguageClient {
  let diagnosticsQueue: Promise<void> = Promise.resolve();
  const serverModule = context.asAbsolutePath("dist/server/main.js");
  const serverOptions: ServerOptions = {
    run: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { env: serverEnvironment(), execArgv: serverExecArgv() },
    },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { env: serverEnvironment(), execArgv: [...serverExecArgv(), "--nolazy", "--inspect=6019"] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, { scheme: "file", pattern: `**/${CONFIG_FILE_NAME}` }],
    // The server asks for `isvDossier` per document (workspace/configuration); this tells it when to ask again.
    synchronize: { configurationSection: "isvDossier" },
    // The server's fallback display language (InitializeParams.locale carries the same).
    initializationOptions: { locale: vscode.env.language },
    diagnosticCollectionName: "isv-dossier",
    // The server answers pulls (textDocument/diagnostic): a document is pulled again on each change and save, the
    // workspace's other dossiers through workspace/diagnostic.
    diagnosticPullOptions: { onChange: true, onSave: true },
    markdown: { isTrusted: false, supportHtml: false },
    middleware: {
      // Diagnostics pass through one queue, in the order they arrive: the first batch may wait for the spec's
      // anchors (needed to rewrite the links), and no later batch may overtake it.
      handleDiagnostics: (uri, diagnostics, next) => {
        diagnosticsQueue = diagnosticsQueue
          .then(() => (diagnostics.some(hasClauseLink) ? specDocuments.prepare() : undefined))
          .then(() =>
            next(
              uri,
              diagnostics.map((diagnostic) => withLineLink(diagnostic, specDocuments)),
            ),
          )
          .catch(() => next(uri, diagnostics));
      },
      // Pulled diagnostics (the server answers textDocument/diagnostic and workspace/diagnostic to a client that
      // pulls, as this one does) get the same links, through the same queue.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        return report && "items" in report ? { ...report, items: await linked(report.items) } : report;
      },
      provideWorkspaceDiagnostics: (resultIds, token, resultReporter, next) =>
        next(resultIds, token, (chunk) => {
          if (!chunk) return resultReporter(chunk);
          diagnosticsQueue = diagnosticsQueue
            .then(async () => {
              const items = [];
              for (const item of chunk.items)
                items.push("items" in item ? { ...item, items: await linked(item.items) } : item);
              resultReporter({ items });
            })
            .catch(() => resultReporter(chunk));
        }),
    },
  };
  /** Diagnostics with their clause links rewritten to lines of the spec document (once its anchors are known). */
  const linked = async (diagnostics: vscode.Diagnostic[]): Promise<vscode.Diagnostic[]> => {
    try {
      if (diagnostics.some(hasClauseLink)) await specDocuments.prepare();
      return diagnostics.map((diagnostic) => withLineLink(diagnostic, specDocuments));
    } catch {
      return diagnostics;
    }
  };
  return new LanguageClient("isvDossier", vscode.l10n.t("ISV Dossier Language Server"), serverOptions, clientOptions);
}

function hasClauseLink(diagnostic: vscode.Diagnostic): boolean {
  return typeof diagnostic.code === "object" && diagnostic.code.target.scheme === "isv-spec";
}

function withLineLink(diagnostic: vscode.Diagnostic, specDocuments: SpecDocuments): vscode.Diagnostic {
  if (typeof diagnostic.code !== "object") return diagnostic;
  diagnostic.code = { value: diagnostic.code.value, target: specDocuments.lineLink(diagnostic.code.target) };
  return diagnostic;
}
