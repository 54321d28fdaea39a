// The language server crashing in a real editor: after a SIGKILL the client starts a new server, which receives
// the unsaved text of the open dossier and publishes the same diagnostics and answers hovers again. The server is
// found as the extension host's child process running dist/server/main.js (Linux /proc). That process is started
// without NODE_EXTRA_CA_CERTS (client/src/server-environment.ts), which the runners give the extension host.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  codeOf,
  describeDiagnostic,
  extensionApi,
  hoverText,
  isError,
  openDossier,
  waitForDiagnostics,
  workspaceFile,
} from "./helpers";

const SAMPLE = ["samples", "needs-work", "invalid-enum-tenure.dossier.yaml"];
/** The beginning of clause 4.1.1's text in the catalog (schemas/ccrc-isv-c01-2025/clauses.yaml). */
const CLAUSE_4_1_1_TEXT = "拥有长期固定办公场所和相适应的办公条件";
const SERVER_SCRIPT = path.join("dist", "server", "main.js");

/** The language servers this extension host runs: its child processes whose arguments name dist/server/main.js. */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so the fields are read after the last ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== process.pid) continue;
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args.some((arg) => arg.endsWith(`${path.sep}${SERVER_SCRIPT}`))) pids.push(Number(entry));
    } catch {
      // The process ended while it was being read.
    }
  }
  return pids;
}

/** The one server process other than `previous`, polling /proc until it appears (a process start has no event). */
async function waitForServerPid(previous: number | undefined, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = serverPids().filter((pid) => pid !== previous);
    if (pids.length > 1) throw new Error(`more than one language server runs: ${pids.join(", ")}`);
    if (pids.length === 1) return pids[0];
    if (Date.now() > deadline)
      throw new Error(`no language server process (other than ${previous}) appeared in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Resolves at the first change of the URI's diagnostics that satisfies the predicate and comes after they were
 * emptied: a restarting client drops the crashed server's diagnostics, so what follows is the new server's. Call it
 * before the crash.
 */
function waitForRepublishedDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let cleared = false;
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (diagnostics.length === 0) cleared = true;
      else if (cleared && predicate(diagnostics)) {
        cleanup();
        resolve(diagnostics);
      }
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      const stage = cleared
        ? "were cleared but not published again as expected"
        : "were never cleared (no restart seen)";
      reject(new Error(`diagnostics of ${uri.toString()} ${stage} in ${timeoutMs} ms; now: ${JSON.stringify(now)}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
  });
}

function lineStartingWith(document: vscode.TextDocument, prefix: string): number {
  const line = document
    .getText()
    .split("\n")
    .findIndex((text) => text.startsWith(prefix));
  assert.ok(line >= 0, `the sample has a line starting with ${JSON.stringify(prefix)}`);
  return line;
}

async function hoverOn(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, position);
  return hoverText(hovers);
}

/** Codes, severities and ranges (sorted): what must survive a restart. */
function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(describeDiagnostic).sort();
}

describe("ISV Dossier language server restart", () => {
  before(async function () {
    this.timeout(120_000); // the first activation starts the language server
    await extensionApi();
  });

  it("keeps the unsaved edits and publishes the same diagnostics after the server is killed", async function () {
    this.timeout(120_000);
    const uri = workspaceFile(...SAMPLE);
    const editor = await openDossier(uri);
    const document = editor.document;
    try {
      const tenureLine = lineStartingWith(document, "  tenure: rented");
      const levelLine = lineStartingWith(document, "  level: 3");
      const onTenure = (diagnostic: vscode.Diagnostic): boolean =>
        codeOf(diagnostic) === "4.1.1" && diagnostic.range.start.line === tenureLine;
      await waitForDiagnostics(uri, (all) => all.some((diagnostic) => isError(diagnostic) && onTenure(diagnostic)));

      // Unsaved edits: tenure: rented → owned, level: 3 → 5 (not one of the levels).
      const rented = document.lineAt(tenureLine).text.indexOf("rented");
      const three = document.lineAt(levelLine).text.indexOf("3");
      const levelValue = new vscode.Position(levelLine, three);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(tenureLine, rented, tenureLine, rented + "rented".length), "owned");
      edit.replace(uri, new vscode.Range(levelValue, levelValue.translate(0, 1)), "5");
      const expectedText = document
        .getText()
        .replace(/^ {2}tenure: rented/m, "  tenure: owned")
        .replace(/^ {2}level: 3/m, "  level: 5");
      assert.ok(await vscode.workspace.applyEdit(edit), "the edit is applied");
      assert.equal(document.getText(), expectedText);
      assert.ok(document.isDirty, "the edited document is dirty");

      const edited = (all: vscode.Diagnostic[]): boolean =>
        !all.some(onTenure) &&
        all.some((diagnostic) => diagnostic.range.start.line === levelLine && diagnostic.range.contains(levelValue));
      const before = await waitForDiagnostics(uri, edited);
      const tenureKey = new vscode.Position(
        tenureLine,
        document.lineAt(tenureLine).firstNonWhitespaceCharacterIndex + 2,
      );
      const hoverBefore = await hoverOn(uri, tenureKey);
      assert.ok(hoverBefore.includes(CLAUSE_4_1_1_TEXT), `the hover on tenure quotes 4.1.1: ${hoverBefore}`);

      const servers = serverPids();
      assert.equal(
        servers.length,
        1,
        `one language server runs as a child of the extension host (${process.pid}): ${servers.join(", ")}`,
      );
      const [killed] = servers;
      const republished = waitForRepublishedDiagnostics(uri, edited);
      process.kill(killed, "SIGKILL");

      const [restarted, after] = await Promise.all([waitForServerPid(killed), republished]);
      assert.notEqual(restarted, killed);
      assert.ok(!serverPids().includes(killed), "the killed server is gone");

      assert.ok(document.isDirty, "the document is still dirty");
      assert.equal(document.getText(), expectedText, "the document keeps the unsaved edits");
      assert.deepEqual(summary(after), summary(before), "the new server publishes the same diagnostics");
      const hoverAfter = await hoverOn(uri, tenureKey);
      assert.ok(hoverAfter.includes("4.1.1"), `the hover on tenure names 4.1.1: ${hoverAfter}`);
      assert.ok(hoverAfter.includes(CLAUSE_4_1_1_TEXT), `the hover on tenure quotes 4.1.1's text: ${hoverAfter}`);
    } finally {
      // Drop the unsaved edits (the sample on disk is never written) and close the editor.
      await vscode.window.showTextDocument(document, { preview: false });
      await vscode.commands.executeCommand("workbench.action.files.revert");
      await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
    }
    assert.ok(!document.isDirty, "the document was reverted");
  });

  it("starts the server without NODE_EXTRA_CA_CERTS, which the extension host has", async function () {
    this.timeout(60_000);
    // set by the runners (test/e2e/run-e2e.mjs, electron.mjs): without it here the check below would prove nothing
    assert.ok(process.env.NODE_EXTRA_CA_CERTS, "the extension host has NODE_EXTRA_CA_CERTS");
    const uri = workspaceFile(...SAMPLE);
    await openDossier(uri);
    await waitForDiagnostics(uri, (all) => all.length > 0);
    const pid = await waitForServerPid(undefined);
    const variables = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
    assert.ok(
      !variables.some((variable) => variable.startsWith("NODE_EXTRA_CA_CERTS=")),
      "the server has no NODE_EXTRA_CA_CERTS",
    );
    assert.ok(
      variables.includes(`PATH=${process.env.PATH}`),
      "the server has the extension host's other variables (PATH)",
    );
  });
});
