// Helpers for the end-to-end suite: the workspace's files, opening dossiers, waiting for diagnostics (on events,
// never on a fixed sleep) and the extension's API.
import * as vscode from "vscode";
import type { IsvDossierApi } from "../../../client/src/api";

export const EXTENSION_ID = "isv-dossier.isv-dossier";

export async function extensionApi(): Promise<IsvDossierApi> {
  const extension = vscode.extensions.getExtension<IsvDossierApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** A file of the test workspace (a copy of samples/ and test/e2e/fixtures/, see run-e2e.mjs). */
export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("no workspace folder is open");
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openDossier(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Resolves when the predicate holds for the document's diagnostics (checked now and on every change). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      cleanup();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(
        new Error(
          `diagnostics of ${uri.toString()} did not reach the expected state in ${timeoutMs} ms; now: ${JSON.stringify(now)}`,
        ),
      );
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === "object" ? String(code.value) : String(code);
}

export function codeTarget(diagnostic: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof diagnostic.code === "object" ? diagnostic.code.target : undefined;
}

export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  const severity = ["error", "warning", "info", "hint"][diagnostic.severity];
  return `${codeOf(diagnostic)} ${severity} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

export const isError = (diagnostic: vscode.Diagnostic): boolean =>
  diagnostic.severity === vscode.DiagnosticSeverity.Error;

/** The text of hover results (Markdown or plain). */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : content.value))
    .join("\n\n");
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}
