// "Show checklist": the self-assessment table (自评估表) of a dossier as a read-only Markdown document
// (`isv-checklist:/<name>.checklist.md?<dossier uri>`), kept up to date while the dossier changes. Its text is the
// CLI's `checklist --format md` table, made by the server (isvDossier/checklistMarkdown: requirement text, evidence
// required and listed, conclusion with its findings), each finding's line a link to its place in the dossier.
import * as vscode from "vscode";
import type { ServerRequests } from "./editions";
import { REQUESTS } from "./protocol";
import { showMarkdownDocument } from "./markdown-document";

export const CHECKLIST_SCHEME = "isv-checklist";

/** The link a finding's line gets: the dossier at that line (the Markdown preview opens `#L<line>,<column>`). */
export function lineLinkTemplate(dossier: vscode.Uri): string {
  return `${dossier.with({ fragment: "" }).toString()}#L{line},{column}`;
}

export function checklistUri(dossier: vscode.Uri): vscode.Uri {
  const name =
    dossier.path
      .split("/")
      .pop()
      ?.replace(/\.dossier\.ya?ml$/, "") || "dossier";
  return vscode.Uri.from({ scheme: CHECKLIST_SCHEME, path: `/${name}.checklist.md`, query: dossier.toString() });
}

export class ChecklistDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly server: ServerRequests) {
    // An open checklist follows its dossier: the server re-checks it on every change and publishes diagnostics.
    this.subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme !== CHECKLIST_SCHEME) continue;
        if (event.uris.some((uri) => uri.toString() === document.uri.query)) this.changed.fire(document.uri);
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const dossier = vscode.Uri.parse(uri.query);
    const answer = await this.server.sendRequest<{ markdown: string } | null>(REQUESTS.checklistMarkdown, {
      uri: dossier.toString(),
      link: lineLinkTemplate(dossier),
    });
    if (!answer) {
      const name = vscode.workspace.asRelativePath(dossier);
      return `# ${vscode.l10n.t("Checklist: {0}", name)}\n\n${vscode.l10n.t("This dossier is not open or not checked (too large).")}\n`;
    }
    return answer.markdown;
  }
}

/** Opens the checklist of a dossier (default: the active one) as a Markdown preview, or as text. */
export async function showChecklist(
  dossier: vscode.Uri | undefined,
  options: { preview?: boolean } = {},
): Promise<string | undefined> {
  if (!dossier) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Open a dossier (*.dossier.yaml) to see its checklist."));
    return undefined;
  }
  return showMarkdownDocument(checklistUri(dossier), options.preview);
}
