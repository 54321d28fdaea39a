// A virtual Markdown document (the checklist, the diff between two submissions) shown rendered, as the Markdown
// preview shows it, or as text when the preview is not wanted or the built-in Markdown extension is disabled.
import * as vscode from "vscode";

/** Opens the document at `uri` rendered (unless `preview` is false); returns the URI shown. */
export async function showMarkdownDocument(uri: vscode.Uri, preview: boolean | undefined): Promise<string> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== "markdown") await vscode.languages.setTextDocumentLanguage(document, "markdown");
  if (preview !== false) {
    try {
      await vscode.commands.executeCommand("markdown.showPreview", uri);
      return uri.toString();
    } catch {
      // No Markdown preview (the built-in extension is disabled): show the text instead.
    }
  }
  await vscode.window.showTextDocument(document, { preview: false });
  return uri.toString();
}
