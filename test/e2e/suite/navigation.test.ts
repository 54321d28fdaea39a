// Navigation in a real editor: rename of a person id (prepareRename, then the edit of every occurrence), the
// references of a clause from the spec document, an inlay hint after service_since and a code lens above a section
// whose command reveals its clause in the Clauses view. Asserts lines, columns, clause ids — never message text.
import assert from "node:assert/strict";
import * as vscode from "vscode";
import { closeAllEditors, extensionApi, openDossier, waitForDiagnostics, workspaceFile } from "./helpers";

const VALID = ["samples", "guizhou-zhuling", "guizhou-zhuling.dossier.yaml"];

function linesWith(document: vscode.TextDocument, pattern: RegExp): number[] {
  return document
    .getText()
    .split("\n")
    .flatMap((line, index) => (pattern.test(line) ? [index] : []));
}

describe("Navigation in a real editor", () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async function () {
    this.timeout(120_000);
    await extensionApi();
  });

  beforeEach(async () => {
    uri = workspaceFile(...VALID);
    document = (await openDossier(uri)).document;
    await waitForDiagnostics(uri, (all) => all.length > 0);
  });

  afterEach(closeAllEditors);

  it("renames a person id: every occurrence in the dossier is edited", async () => {
    const leadLine = linesWith(document, /^\s+lead: wu-wenbo$/)[0];
    const position = new vscode.Position(leadLine, document.lineAt(leadLine).text.indexOf("wu-wenbo") + 2);
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>(
      "vscode.prepareRename",
      uri,
      position,
    );
    assert.equal(prepared.placeholder, "wu-wenbo");
    assert.equal(prepared.range.start.line, leadLine);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      "vscode.executeDocumentRenameProvider",
      uri,
      position,
      "wu-wb",
    );
    const edits = edit.get(uri);
    const expected = linesWith(document, /^[^#]*\bwu-wenbo\b/);
    assert.deepEqual(
      edits.map((each) => each.range.start.line).sort((a, b) => a - b),
      expected,
    );
    assert.ok(edits.every((each) => each.newText === "wu-wb" && document.getText(each.range) === "wu-wenbo"));
  });

  it("shows an inlay hint after service_since", async () => {
    const line = linesWith(document, /^\s+service_since: /)[0];
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      "vscode.executeInlayHintProvider",
      uri,
      new vscode.Range(0, 0, document.lineCount, 0),
    );
    const end = document.lineAt(line).text.indexOf("2014-09-01") + "2014-09-01".length;
    assert.ok(
      hints.some((hint) => hint.position.line === line && hint.position.character === end),
      `hints at ${hints.map((hint) => `${hint.position.line}:${hint.position.character}`).join(", ")}`,
    );
  });

  it("shows code lenses above a section; one reveals its clause in the Clauses view", async () => {
    const performance = linesWith(document, /^performance:/)[0];
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", uri);
    const above = lenses.filter((lens) => lens.range.start.line === performance);
    assert.deepEqual(
      above.map((lens) => lens.command?.arguments?.[0]),
      ["4.3.2", "4.3.3.a", "4.3.3.b"],
    );
    assert.ok(above.every((lens) => lens.command?.command === "isvDossier.revealClause"));
    await vscode.commands.executeCommand(above[2].command!.command, ...(above[2].command!.arguments ?? []));
  });

  it("finds the references of a clause from the spec document: the open dossier's fields resting on it", async () => {
    const api = await extensionApi();
    const spec = await api.specDocument();
    const line = spec.anchors["4.3.3.b"];
    const references = await vscode.commands.executeCommand<vscode.Location[]>(
      "vscode.executeReferenceProvider",
      vscode.Uri.parse(spec.uri),
      new vscode.Position(line, 2),
    );
    const projects = linesWith(document, /^\s+projects:/)[0];
    assert.ok(
      references.some(
        (location) => location.uri.toString() === uri.toString() && location.range.start.line === projects,
      ),
      `references: ${references.map((location) => `${location.uri.toString()}:${location.range.start.line}`).join(", ")}`,
    );
  });
});
