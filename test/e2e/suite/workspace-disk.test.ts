// A dossier written on disk by another program (not through the editor), never opened: created, changed and deleted
// with node's fs — each write atomic, a temporary file renamed over the name, as editors and git write — its
// diagnostics appear, follow the change and go (the language server's watched files and workspace diagnostics).
// Waits on diagnostics events with a generous bound, never on the clock; asserts clause codes and ranges.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { codeOf, describeDiagnostic, extensionApi, isError, waitForDiagnostics, workspaceFile } from "./helpers";

/** A sample whose one error is `tenure: rented` (4.1.1), besides an info of 4.1.5 that the fix leaves; its evidence
 * files are in its folder. */
const SAMPLE = ["samples", "needs-work", "invalid-enum-tenure.dossier.yaml"];
/** A sample no test opens. */
const NEVER_OPENED = ["samples", "needs-work", "lease-expired.dossier.yaml"];
/** Bound for each wait: the workspace's dossiers are pulled again every few seconds on a busy machine. */
const WAIT_MS = 90_000;

/** Writes a file as editors and git do: a temporary file in the same folder, renamed over the name. */
function writeAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

function isOpen(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
}

describe("A dossier written on disk, never opened", () => {
  before(async function () {
    this.timeout(120_000); // the first activation starts the language server
    await extensionApi();
    // the workspace's folders searched already (a dossier never opened has its findings): what follows is found
    // through the watched files, not by the first search
    await waitForDiagnostics(workspaceFile(...NEVER_OPENED), (all) => all.some(isError), WAIT_MS);
  });

  it("gets its diagnostics when created, loses the fixed one when changed, and none once deleted", async function () {
    this.timeout(4 * WAIT_MS);
    const text = fs.readFileSync(workspaceFile(...SAMPLE).fsPath, "utf8");
    const uri = workspaceFile(SAMPLE[0], SAMPLE[1], "written-on-disk.dossier.yaml");
    const file = uri.fsPath;
    const lines = text.split("\n");
    const tenureLine = lines.findIndex((line) => /^\s+tenure: rented/.test(line));
    assert.ok(tenureLine > 0, "the sample has its fault");
    try {
      assert.deepEqual(vscode.languages.getDiagnostics(uri), [], "nothing is known of the file before it exists");
      writeAtomically(file, text);
      const created = await waitForDiagnostics(uri, (all) => all.some(isError), WAIT_MS);
      assert.deepEqual(
        created
          .filter(isError)
          .map((diagnostic) => [codeOf(diagnostic), diagnostic.range.start.line, diagnostic.range.start.character]),
        [["4.1.1", tenureLine, lines[tenureLine].indexOf("rented")]],
        created.map(describeDiagnostic).join(", "),
      );

      assert.deepEqual([...new Set(created.map(codeOf))].sort(), ["4.1.1", "4.1.5"]);

      // fixed on disk: the error goes, the info stays (the file is checked again, not forgotten)
      writeAtomically(file, text.replace(/^(\s+tenure: )rented/m, "$1leased")); // the value, not the header's note
      const fixed = await waitForDiagnostics(
        uri,
        (all) => all.length > 0 && !all.some((diagnostic) => codeOf(diagnostic) === "4.1.1"),
        WAIT_MS,
      );
      assert.deepEqual(fixed.filter(isError).map(describeDiagnostic), []);
      assert.deepEqual([...new Set(fixed.map(codeOf))], ["4.1.5"]);

      // deleted: its diagnostics are cleared
      fs.rmSync(file);
      await waitForDiagnostics(uri, (all) => all.length === 0, WAIT_MS);
      assert.equal(isOpen(uri), false, "the dossier was never opened");
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
