// "Export as Word…": the dossier's self-assessment table (自评估表) as a .docx to print, stamp and submit. The server
// builds the bytes with the CLI's own code (`checklist --format docx`); the extension asks where to save them
// (default 自评估表.docx beside the dossier) and writes them through a temporary file, never over a dossier.
import * as vscode from "vscode";
import { CHECKLIST_SCHEME } from "./checklist-document";
import type { ServerRequests } from "./editions";
import { REQUESTS } from "./protocol";

/** The dossier a command argument names: the dossier itself, or an open checklist (`isv-checklist:…?<dossier>`). */
export function dossierOf(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri?.scheme === CHECKLIST_SCHEME && uri.query) return vscode.Uri.parse(uri.query);
  return uri;
}

function isDossierFile(target: vscode.Uri, dossier: vscode.Uri): boolean {
  return /\.dossier\.ya?ml$/i.test(target.path) || target.toString() === dossier.toString();
}

/** Saves the Word table of `dossier` to `target` (asked for when not given); resolves with where it went. */
export async function exportChecklistDocx(
  server: ServerRequests,
  dossier: vscode.Uri | undefined,
  target?: vscode.Uri,
): Promise<string | undefined> {
  if (!dossier) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Open a dossier (*.dossier.yaml) to see its checklist."));
    return undefined;
  }
  const destination =
    target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t("Export the self-assessment table as a Word document"),
      defaultUri: dossier.scheme === "untitled" ? undefined : vscode.Uri.joinPath(dossier, "..", "自评估表.docx"),
      filters: { [vscode.l10n.t("Word document")]: ["docx"] },
    }));
  if (!destination) return undefined;
  if (isDossierFile(destination, dossier)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t("{0} is a dossier: the table is not written over it.", destination.path.split("/").pop() ?? ""),
    );
    return undefined;
  }
  const result = await server.sendRequest<{ base64: string } | null>(REQUESTS.checklistDocx, {
    uri: dossier.toString(),
  });
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t("This dossier is not open or not checked (too large)."));
    return undefined;
  }
  const temporary = destination.with({ path: `${destination.path}.${Date.now().toString(36)}.tmp` });
  try {
    await vscode.workspace.fs.writeFile(temporary, Buffer.from(result.base64, "base64"));
    await vscode.workspace.fs.rename(temporary, destination, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    void vscode.window.showErrorMessage(vscode.l10n.t("Could not save {0}.", destination.fsPath) + ` ${String(error)}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t("Saved the self-assessment table as {0}.", destination.fsPath),
  );
  return destination.toString();
}
