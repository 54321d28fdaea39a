// "Compare with previous submission…": an open dossier against an earlier submission — another dossier file, or the
// file as in the last git commit (`git show HEAD:./<name>`, run without a shell in the file's folder) — through the
// server's diff request (server/src/lsp/requests.ts), shown as a read-only Markdown document
// (`isv-diff:/<name>.diff.md`), like the checklist.
import { execFile } from "node:child_process";
import * as path from "node:path";
import * as vscode from "vscode";
import type { ServerRequests } from "./editions";
import { DiffAnswer, REQUESTS } from "./protocol";
import { showMarkdownDocument } from "./markdown-document";

export const DIFF_SCHEME = "isv-diff";

/** Git's answer is read up to this size (a dossier larger than the server checks is refused there anyway). */
const GIT_MAX_BUFFER = 64 * 1024 * 1024;
const GIT_TIMEOUT_MS = 15_000;

/** The diff documents shown in this window, by URI. */
export class DiffDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }
}

class CompareError extends Error {}

/** The file as in the last commit of its git repository, or a CompareError saying in words why it cannot be had. */
export function gitHeadText(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["show", `HEAD:./${path.basename(file)}`],
      {
        cwd: path.dirname(file),
        maxBuffer: GIT_MAX_BUFFER,
        timeout: GIT_TIMEOUT_MS,
        encoding: "utf8",
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        const said = String(stderr);
        if (code === "ENOENT") reject(new CompareError(vscode.l10n.t("Git is not installed (or not on PATH).")));
        else if (/not a git repository/i.test(said))
          reject(new CompareError(vscode.l10n.t("{0} is not in a git repository.", path.basename(file))));
        else if (
          /invalid object name 'HEAD'|does not exist in 'HEAD'|exists on disk, but not in 'HEAD'|bad revision/i.test(
            said,
          )
        )
          reject(
            new CompareError(
              vscode.l10n.t("{0} is not in the last commit (HEAD) of its repository.", path.basename(file)),
            ),
          );
        else
          reject(
            new CompareError(vscode.l10n.t("Git could not show the last commit: {0}", said.trim() || error.message)),
          );
      },
    );
  });
}

async function lastCommit(dossier: vscode.Uri): Promise<{ text: string; name: string }> {
  if (dossier.scheme !== "file")
    throw new CompareError(vscode.l10n.t("{0} is not in a git repository.", path.basename(dossier.path)));
  return { text: await gitHeadText(dossier.fsPath), name: `HEAD:${path.basename(dossier.fsPath)}` };
}

/** Where the earlier submission comes from, asked of the user when the command was not given one. */
async function pickPrevious(dossier: vscode.Uri): Promise<{ text: string; name: string } | undefined> {
  const otherFile = vscode.l10n.t("Another dossier file…");
  const lastCommitLabel = vscode.l10n.t("The last commit (git HEAD)");
  const items: vscode.QuickPickItem[] = [{ label: otherFile }];
  if (dossier.scheme === "file")
    items.push({ label: lastCommitLabel, description: `HEAD:${path.basename(dossier.fsPath)}` });
  const choice = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t("Compare {0} with…", path.basename(dossier.path)),
  });
  if (!choice) return undefined;
  if (choice.label === lastCommitLabel) return lastCommit(dossier);
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(dossier, ".."),
    filters: { [vscode.l10n.t("Dossiers")]: ["yaml", "yml"] },
    openLabel: vscode.l10n.t("Compare"),
  });
  return picked?.[0] ? readPrevious(picked[0]) : undefined;
}

/** The largest earlier submission read (the largest `isvDossier.maxFileSizeBytes`; the server applies the setting). */
const MAX_PREVIOUS_BYTES = 256 * 1024 * 1024;

async function readPrevious(uri: vscode.Uri): Promise<{ text: string; name: string }> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.File) || stat.size > MAX_PREVIOUS_BYTES)
    throw new CompareError(
      vscode.l10n.t("{0} is not a dossier file that can be read.", vscode.workspace.asRelativePath(uri)),
    );
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { text: new TextDecoder("utf-8").decode(bytes), name: vscode.workspace.asRelativePath(uri) };
}

export function diffUri(dossier: vscode.Uri): vscode.Uri {
  const name =
    dossier.path
      .split("/")
      .pop()
      ?.replace(/\.dossier\.ya?ml$/, "") || "dossier";
  return vscode.Uri.from({ scheme: DIFF_SCHEME, path: `/${name}.diff.md`, query: dossier.toString() });
}

/**
 * Compares `dossier` with `previous` (a file, or "HEAD": the file in the last git commit), or with what the user
 * picks; opens the diff as a Markdown preview (or as text with `preview: false`). Returns the document's URI, or
 * undefined when nothing was compared (an error message then says why).
 */
export async function compareWithPrevious(
  server: ServerRequests,
  documents: DiffDocuments,
  dossier: vscode.Uri | undefined,
  previous: vscode.Uri | "HEAD" | undefined,
  options: { preview?: boolean } = {},
): Promise<string | undefined> {
  if (!dossier) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Open a dossier (*.dossier.yaml) to compare it."));
    return undefined;
  }
  try {
    const before =
      previous === "HEAD"
        ? await lastCommit(dossier)
        : previous
          ? await readPrevious(previous)
          : await pickPrevious(dossier);
    if (!before) return undefined;
    await vscode.workspace.openTextDocument(dossier); // the server answers for open dossiers
    const answer = await server.sendRequest<DiffAnswer | null>(REQUESTS.diff, {
      uri: dossier.toString(),
      beforeText: before.text,
      beforeName: before.name,
      afterName: vscode.workspace.asRelativePath(dossier),
    });
    if (!answer) {
      void vscode.window.showWarningMessage(vscode.l10n.t("This dossier is not open or not checked (too large)."));
      return undefined;
    }
    const uri = diffUri(dossier);
    documents.set(uri, answer.markdown);
    return await showMarkdownDocument(uri, options.preview);
  } catch (error) {
    const message =
      error instanceof CompareError ? error.message : error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t("Could not compare: {0}", message));
    return undefined;
  }
}
