"use strict";
const assert = require("assert");
const fs = require("fs");
const vscode = require("vscode");

describe("e2e sample extension", () => {
  it("has the workspace folder open", () => {
    const folders = vscode.workspace.workspaceFolders;
    assert.ok(folders && folders.length === 1, "expected exactly one workspace folder");
    // The extension host runs on the server, so it sees the folder as a local file: URI.
    assert.strictEqual(folders[0].uri.scheme, "file");
    assert.ok(fs.statSync(folders[0].uri.fsPath).isDirectory());
  });

  it("runs the command the extension registers", async () => {
    const ext = vscode.extensions.getExtension("isv-dossier-test.e2e-sample");
    assert.ok(ext, "extension not found");
    await ext.activate();
    const result = await vscode.commands.executeCommand("e2eSample.hello", "e2e");
    assert.strictEqual(result, "hello e2e");
  });
});
