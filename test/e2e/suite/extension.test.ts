// The extension in a real editor (code-server here, desktop VS Code through @vscode/test-electron): findings with
// clause codes, hovers, the Clauses view, "New dossier…", the checklist and the isv-spec document. Asserts ids,
// ranges and statuses, never message text.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { parse as parseYaml } from "yaml";
import { parseExpectations } from "../../support/fixture";
import { DEFAULT_SETTINGS } from "../../../server/src/lsp/settings";
import type { IsvDossierApi, TreeSnapshot } from "../../../client/src/api";
import {
  closeAllEditors,
  codeOf,
  EXTENSION_ID,
  codeTarget,
  describeDiagnostic,
  extensionApi,
  hoverText,
  isError,
  openDossier,
  waitForDiagnostics,
  workspaceFile,
} from "./helpers";

const FAULTY = ["fixtures", "faulty.dossier.yaml"];
const NEEDS_WORK = ["samples", "needs-work", "l3-service-too-short.dossier.yaml"];
const VALID = ["samples", "guizhou-zhuling", "guizhou-zhuling.dossier.yaml"];

function flatten(nodes: TreeSnapshot[]): TreeSnapshot[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The catalog's Chinese text of a clause, read from the repository (schemas/). */
function catalogText(clauseId: string): string {
  let directory = __dirname;
  while (!fs.existsSync(path.join(directory, "schemas", "ccrc-isv-c01-2025", "clauses.yaml"))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error("schemas/ not found above the test folder");
    directory = parent;
  }
  const catalog = parseYaml(
    fs.readFileSync(path.join(directory, "schemas", "ccrc-isv-c01-2025", "clauses.yaml"), "utf8"),
  ) as {
    clauses: Array<{ id: string; text?: { zh: string } }>;
  };
  const text = catalog.clauses.find((clause) => clause.id === clauseId)?.text?.zh;
  if (!text) throw new Error(`clause ${clauseId} has no text in the catalog`);
  return text;
}

describe("ISV Dossier extension in a real editor", () => {
  let api: IsvDossierApi;

  before(async function () {
    this.timeout(120_000); // the first activation starts the language server
    api = await extensionApi();
  });

  afterEach(closeAllEditors);

  it("contributes every setting the server reads, with the server's defaults, under isvDossier (scope resource)", () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const properties = (
      extension?.packageJSON as {
        contributes: { configuration: { properties: { [key: string]: { default: unknown; scope: string } } } };
      }
    ).contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      const contributed = properties[`isvDossier.${key}`];
      assert.ok(contributed, `isvDossier.${key} is contributed`);
      assert.deepEqual(contributed.default, value, `isvDossier.${key} has the server's default`);
      // showEnglish is one per window: the specification document the client asks for and the definitions the
      // server answers must agree, and neither belongs to one folder.
      assert.equal(contributed.scope, key === "showEnglish" ? "window" : "resource", key);
      assert.deepEqual(vscode.workspace.getConfiguration("isvDossier").get(key), value);
    }
    assert.ok(properties["isvDossier.trace.server"], "isvDossier.trace.server is contributed");
  });

  it("offers a did-you-mean quick fix for a misspelt key, and the fix renames the key", async function () {
    this.timeout(60_000);
    const original = Buffer.from(await vscode.workspace.fs.readFile(workspaceFile(...VALID))).toString("utf8");
    const misspelt = original.replace(/^(\s+)tenure:/m, "$1tenur:");
    assert.notEqual(misspelt, original);
    // beside the sample, so that its evidence paths resolve
    const uri = workspaceFile(VALID[0], VALID[1], "misspelt-key.dossier.yaml");
    await vscode.workspace.fs.writeFile(uri, Buffer.from(misspelt, "utf8"));
    try {
      const editor = await openDossier(uri);
      const diagnostics = await waitForDiagnostics(uri, (found) =>
        found.some((diagnostic) => editor.document.getText(diagnostic.range) === "tenur"),
      );
      const typo = diagnostics.find((diagnostic) => editor.document.getText(diagnostic.range) === "tenur");
      assert.ok(typo);
      assert.equal(codeOf(typo), "4.3.1", describeDiagnostic(typo));
      assert.ok(isError(typo));
      // one finding for the misspelt required key: no second one for the missing `tenure`
      assert.equal(diagnostics.filter((diagnostic) => diagnostic.range.start.line === typo.range.start.line).length, 1);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        "vscode.executeCodeActionProvider",
        uri,
        typo.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const rename = actions.find((action) =>
        (action.edit?.entries() ?? []).some(([, edits]) => edits.some((edit) => edit.newText === "tenure")),
      );
      assert.ok(rename, `a rename among ${actions.length} quick fixes`);
      assert.equal(rename.isPreferred, true);
      assert.ok(rename.edit && (await vscode.workspace.applyEdit(rename.edit)), "the edit is applied");
      assert.equal(editor.document.getText(), original);
      await waitForDiagnostics(
        uri,
        (found) => !found.some((diagnostic) => editor.document.getText(diagnostic.range).startsWith("tenur")),
      );
      await editor.document.save();
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it("gives *.dossier.yaml files the isv-dossier language and shows a sample's findings with clause codes", async () => {
    const uri = workspaceFile(...NEEDS_WORK);
    const editor = await openDossier(uri);
    assert.equal(editor.document.languageId, "isv-dossier");
    const diagnostics = await waitForDiagnostics(uri, (all) => all.some(isError));
    const errors = diagnostics.filter(isError);
    assert.deepEqual(errors.map(codeOf), ["4.1.3.a"], `errors: ${errors.map(describeDiagnostic).join(", ")}`);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, "isv-dossier");
      const target = codeTarget(diagnostic);
      assert.ok(target, `${describeDiagnostic(diagnostic)} has no code link`);
      assert.equal(target.scheme, "isv-spec");
      assert.match(target.fragment, /^L\d+$/, "the code link opens the spec at a line");
    }
  });

  it("lists the findings of a dossier never opened (workspace diagnostics, the Problems panel)", async function () {
    this.timeout(120_000);
    const uri = workspaceFile("samples", "needs-work", "lease-expired.dossier.yaml");
    assert.ok(
      vscode.workspace.textDocuments.every((document) => document.uri.toString() !== uri.toString()),
      "the dossier is not open",
    );
    const diagnostics = await waitForDiagnostics(uri, (all) => all.some(isError), 90_000);
    const errors = diagnostics.filter(isError);
    assert.deepEqual(
      errors.map((diagnostic) => [codeOf(diagnostic), diagnostic.range.start.line, diagnostic.range.start.character]),
      [["4.1.1", 30, 15]],
    );
  });

  it("warns of an engineer listed by two applicants, the related information in the other dossier", async function () {
    this.timeout(120_000);
    // fixtures/cross/: two dossiers never opened, of two applicants listing one certificate number
    const first = workspaceFile("fixtures", "cross", "first.dossier.yaml");
    const second = workspaceFile("fixtures", "cross", "second", "second.dossier.yaml");
    const cross = (all: vscode.Diagnostic[]): vscode.Diagnostic | undefined =>
      all.find(
        (diagnostic) =>
          codeOf(diagnostic) === "4.1.2" &&
          (diagnostic.relatedInformation ?? []).some((item) => item.location.uri.toString() === second.toString()),
      );
    const diagnostics = await waitForDiagnostics(first, (all) => cross(all) !== undefined, 90_000);
    const warning = cross(diagnostics);
    assert.equal(warning?.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([warning?.range.start.line, warning?.range.start.character], [11, 21]);
    const related = warning?.relatedInformation?.find((item) => item.location.uri.toString() === second.toString());
    assert.deepEqual([related?.location.range.start.line, related?.location.range.start.character], [11, 21]);
  });

  it("shows no errors for a valid sample", async () => {
    const uri = workspaceFile(...VALID);
    await openDossier(uri);
    // This sample has one informational finding: its arrival shows that the document has been checked.
    const diagnostics = await waitForDiagnostics(uri, (all) => all.length > 0);
    assert.deepEqual(diagnostics.filter(isError).map(describeDiagnostic), []);
  });

  it("shows the expected clause codes at the ranges marked in a faulty fixture", async () => {
    const uri = workspaceFile(...FAULTY);
    const editor = await openDossier(uri);
    const document = editor.document;
    const expectations = parseExpectations(document.getText());
    assert.ok(expectations.length >= 5, "the fixture marks its findings");
    const diagnostics = await waitForDiagnostics(uri, (all) => all.filter(isError).length >= expectations.length);
    const unmatched = new Set(diagnostics.filter(isError));
    for (const expectation of expectations) {
      const range = new vscode.Range(document.positionAt(expectation.start), document.positionAt(expectation.end));
      const clauseIds = expectation.ids.filter((id) => /^[\dA-Z]/.test(id));
      const found = diagnostics.find(
        (diagnostic) => diagnostic.range.isEqual(range) && clauseIds.includes(codeOf(diagnostic) ?? ""),
      );
      assert.ok(
        found,
        `no diagnostic ${clauseIds.join("|")} at line ${range.start.line + 1}:${range.start.character + 1} (annotation line ${expectation.annotationLine}); got ${diagnostics.map(describeDiagnostic).join(", ")}`,
      );
      unmatched.delete(found);
    }
    assert.deepEqual([...unmatched].map(describeDiagnostic), [], "errors the fixture does not mark");
  });

  it("shows the clause's text in a hover", async () => {
    const uri = workspaceFile(...FAULTY);
    const editor = await openDossier(uri);
    const line = editor.document
      .getText()
      .split("\n")
      .findIndex((text) => text.trimStart().startsWith("service_since:"));
    assert.ok(line >= 0);
    const position = new vscode.Position(line, editor.document.lineAt(line).firstNonWhitespaceCharacterIndex + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, position);
    const text = hoverText(hovers);
    assert.ok(text.includes("4.1.3 a)"), `hover names the clause: ${text}`);
    assert.ok(text.includes(catalogText("4.1.3.a")), `hover quotes the clause's text: ${text}`);
  });

  it("opens the isv-spec document at a clause: Go to clause, code links and go-to-definition", async () => {
    const spec = await api.specDocument();
    const clauseLine = spec.anchors["4.2.3.b"];
    assert.ok(clauseLine !== undefined, "the spec document has an anchor for 4.2.3.b");

    const opened = await vscode.commands.executeCommand<{ uri: vscode.Uri; line: number }>(
      "isvDossier.goToClause",
      "4.2.3.b",
      { preview: false },
    );
    assert.equal(opened.line, clauseLine);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, "an editor is active");
    assert.equal(editor.document.uri.scheme, "isv-spec");
    assert.equal(editor.document.languageId, "markdown");
    assert.equal(editor.selection.active.line, clauseLine);
    assert.match(editor.document.lineAt(clauseLine).text, /^#+ 4\.2\.3 b\)/);
    assert.ok(editor.visibleRanges[0].contains(new vscode.Position(clauseLine, 0)), "the clause is visible");

    // Diagnostic code links point at the heading line of their clause.
    const faulty = workspaceFile(...FAULTY);
    await openDossier(faulty);
    const diagnostics = await waitForDiagnostics(faulty, (all) => all.some(isError));
    const duration = diagnostics.find((diagnostic) => codeOf(diagnostic) === "4.1.3.a");
    assert.ok(duration);
    assert.equal(codeTarget(duration)?.fragment, `L${spec.anchors["4.1.3.a"] + 1}`);

    // Go to definition on a clause mentioned in a comment.
    const document = await vscode.workspace.openTextDocument(faulty);
    const mentionLine = document
      .getText()
      .split("\n")
      .findIndex((text) => text.startsWith("#") && text.includes("4.1.3 a)"));
    const mention = new vscode.Position(mentionLine, document.lineAt(mentionLine).text.indexOf("4.1.3 a)") + 1);
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      "vscode.executeDefinitionProvider",
      faulty,
      mention,
    );
    assert.equal(definitions.length, 1);
    const definition = definitions[0];
    const targetUri = "targetUri" in definition ? definition.targetUri : definition.uri;
    const targetRange = "targetRange" in definition ? definition.targetRange : definition.range;
    assert.equal(targetUri.scheme, "isv-spec");
    assert.equal(targetRange.start.line, spec.anchors["4.1.3.a"]);
    const specDocument = await vscode.workspace.openTextDocument(targetUri);
    assert.match(specDocument.lineAt(targetRange.start.line).text, /4\.1\.3 a\)/);
  });

  it("lists the dossier's clause statuses in the Clauses view, findings under violated clauses", async () => {
    const uri = workspaceFile(...FAULTY);
    await openDossier(uri);
    await waitForDiagnostics(uri, (all) => all.filter(isError).length >= 5);
    const tree = flatten(await api.refreshClauses(uri.toString()));
    const byLabel = (prefix: string): TreeSnapshot | undefined => tree.find((node) => node.label.startsWith(prefix));

    const duration = byLabel("4.1.3 a)");
    assert.ok(duration, "4.1.3 a) is listed");
    assert.equal(duration.contextValue, "clause.violated");
    assert.ok(
      duration.children.some((child) => child.contextValue === "finding"),
      "its finding is a child",
    );
    // A heading agrees with its items: 4.1.3 is violated because its a) is.
    const heading = tree.find((node) => node.label.startsWith("4.1.3 ") && !/^4\.1\.3 [a-z]\)/.test(node.label));
    assert.equal(heading?.contextValue, "clause.violated", "4.1.3 agrees with 4.1.3 a)");
    const statuses = new Set(tree.map((node) => node.contextValue));
    for (const status of ["clause.violated", "clause.satisfied", "clause.section"])
      assert.ok(statuses.has(status), `some clause is ${status}`);
    assert.ok(
      !tree.some((node) => node.label.startsWith("4.2.3")),
      "level-2 clauses are not listed for a level-3 dossier",
    );

    const state = api.activeDossier();
    assert.equal(state?.uri.toString(), uri.toString());
    assert.equal(state?.checklist?.category, "risk-assessment");
    assert.equal(state?.checklist?.level, 3);
    // Every clause the fixture breaks is violated in the view, including 3.5 (a definition, not on the checklist).
    const violated = tree.filter((node) => node.contextValue === "clause.violated").map((node) => node.label);
    for (const label of ["3.5 ", "4.1.1 ", "4.1.2 ", "4.1.3 a)", "4.1.4 c)"]) {
      assert.ok(
        violated.some((candidate) => candidate.startsWith(label)),
        `${label.trim()} is violated (violated: ${violated.join(", ")})`,
      );
    }

    // The language status item: category · level, an error severity (violated clauses), a link to the view.
    const status = await api.languageStatus();
    // category · level (· DR class: the fixture names one, wrongly)
    const parts = status.text.split(" · ");
    assert.ok(parts.length >= 2 && parts[0].length > 0, status.text);
    assert.match(parts[1], /3|三/, "the level");
    assert.equal(status.severity, "error");
    assert.equal(status.command, "isvDossier.showClauses");
  });

  it("opens the specification rendered (Markdown preview) by default, its source on request", async () => {
    const opened = await vscode.commands.executeCommand<{ uri: vscode.Uri; line: number } | undefined>(
      "isvDossier.goToClause",
      "4.1.1",
    );
    assert.equal(opened?.uri.scheme, "isv-spec");
    await vscode.commands.executeCommand("isvDossier.showSpecSource");
  });

  it("contributes a walkthrough for applicants whose media are in the package, and opens it", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const walkthroughs = (
      extension.packageJSON as {
        contributes: { walkthroughs: Array<{ id: string; steps: Array<{ id: string; media: { image: string } }> }> };
      }
    ).contributes.walkthroughs;
    assert.equal(walkthroughs.length, 1);
    const [walkthrough] = walkthroughs;
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      ["newDossier", "fillIn", "fixFindings", "export"],
    );
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(extension.extensionPath, step.media.image)), step.media.image);
    }
    await vscode.commands.executeCommand(
      "workbench.action.openWalkthrough",
      `${EXTENSION_ID}#${walkthrough.id}`,
      false,
    );
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });

  it("shows the checklist as a Markdown document", async () => {
    const uri = workspaceFile(...FAULTY);
    await openDossier(uri);
    await waitForDiagnostics(uri, (all) => all.some(isError));
    const checklistUri = await vscode.commands.executeCommand<string>("isvDossier.showChecklist", uri, {
      preview: false,
    });
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(checklistUri));
    assert.equal(document.languageId, "markdown");
    const rows = document
      .getText()
      .split("\n")
      .filter((line) => /^\| \d+ \|/.test(line));
    assert.ok(rows.length > 10, "one table row per clause");
    // The CLI's table (requirement text, evidence, conclusion), each finding's line a link into the dossier.
    const duration = rows.find((row) => row.includes("| 4.1.3 a) |"));
    assert.ok(duration, "4.1.3 a) has a row");
    assert.ok(duration.includes(`](${uri.toString()}#L`), "its finding links to its line");
    assert.doesNotMatch(document.getText(), /[\u{1F300}-\u{1FAFF}\u2705\u274C\u2796]/u, "no emoji");
  });

  for (const choice of [
    { category: "risk-assessment", level: 3 },
    { category: "security-operations", level: 2 },
    { category: "disaster-recovery", level: 1, drClass: "B" },
  ] as const) {
    const name = `${choice.category}-level${choice.level}${"drClass" in choice ? `-${choice.drClass}` : ""}`;
    it(`New dossier… (${name}) creates a file whose only findings are values to fill in, on "" placeholders`, async () => {
      const target = workspaceFile("new", `${name}.dossier.yaml`);
      const created = await vscode.commands.executeCommand<string>("isvDossier.newDossier", {
        ...choice,
        uri: target.toString(),
        save: true,
      });
      const uri = vscode.Uri.parse(created);
      assert.equal(uri.scheme, "file");
      assert.ok(fs.existsSync(uri.fsPath), "the file is saved");
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.languageId, "isv-dossier");
      const diagnostics = await waitForDiagnostics(uri, (all) => all.length > 0);
      assert.ok(!document.getText().includes("${"), "the snippet was expanded");
      assert.deepEqual(diagnostics.filter(isError).map(describeDiagnostic), [], "no errors");
      const notOnPlaceholder = diagnostics.filter((diagnostic) => document.getText(diagnostic.range) !== '""');
      assert.deepEqual(
        notOnPlaceholder.map(
          (diagnostic) => `${describeDiagnostic(diagnostic)} "${document.getText(diagnostic.range)}"`,
        ),
        [],
      );
    });
  }

  it("shows a waived finding as a hint and offers Waive this finding… on a finding", async () => {
    const waived = workspaceFile("samples", "with-waivers", "with-waivers.dossier.yaml");
    await openDossier(waived);
    const hints = (all: vscode.Diagnostic[]): vscode.Diagnostic[] =>
      all.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Hint);
    const diagnostics = await waitForDiagnostics(waived, (all) => hints(all).length > 0);
    assert.deepEqual(hints(diagnostics).map(codeOf), ["4.1.5", "4.1.5"]);
    assert.deepEqual(
      diagnostics
        .filter((diagnostic) => diagnostic.severity !== vscode.DiagnosticSeverity.Hint)
        .map(describeDiagnostic),
      [],
    );

    // the Clauses view lists the waived findings under their clause
    const tree = flatten(await api.refreshClauses(waived.toString()));
    const tools = tree.find((node) => node.label.startsWith("4.1.5 "));
    assert.deepEqual(
      tools?.children.filter((child) => child.contextValue === "finding.waived").length,
      2,
      "the two waived findings are listed under 4.1.5",
    );

    const uri = workspaceFile(...NEEDS_WORK);
    await openDossier(uri);
    const [error] = (await waitForDiagnostics(uri, (all) => all.some(isError))).filter(isError);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      uri,
      error.range,
    );
    const waive = actions.filter((action) => action.command?.command === "isvDossier.waiveFinding");
    assert.equal(waive.length, 1, actions.map((action) => action.title).join(", "));
    const [argument] = (waive[0].command?.arguments ?? []) as Array<{ line: number; ids: string }>;
    assert.equal(argument.line, error.range.start.line);
    assert.match(argument.ids, new RegExp(`^[a-z.-]+ ${codeOf(error)!.replace(/\./g, "\\.")}$`));
  });

  it("New dossier… inserts a snippet: Tab goes from one value to fill in to the next; the status counts them", async () => {
    const target = workspaceFile("new", "snippet.dossier.yaml");
    await vscode.commands.executeCommand<string>("isvDossier.newDossier", {
      category: "risk-assessment",
      level: 2,
      uri: target.toString(),
    });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, "the new dossier is in front");
    const document = editor.document;
    const around = (position: vscode.Position): string =>
      document.getText(new vscode.Range(position.translate(0, -1), position.translate(0, 1)));
    const first = editor.selection.active;
    assert.equal(around(first), '""', "the cursor is in the first placeholder");
    assert.match(document.lineAt(first.line).text, /^\s+name: ""/);
    await vscode.commands.executeCommand("jumpToNextSnippetPlaceholder");
    const second = editor.selection.active;
    assert.equal(second.line, first.line + 1);
    assert.equal(around(second), '""', "Tab goes to the next placeholder");
    await waitForDiagnostics(document.uri, (all) => all.length > 0);
    await api.refreshClauses(document.uri.toString());
    const status = await api.languageStatus();
    assert.equal(status.severity, "warning", "values to fill in: a warning");
    assert.ok((api.activeDossier()?.checklist?.toFill ?? 0) > 20, "the values to fill in are counted");
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  });

  it("passes the language setting to the server (findings in Chinese with isvDossier.locale = zh-cn)", async () => {
    const uri = workspaceFile(...FAULTY);
    await openDossier(uri);
    const han = /[\u4e00-\u9fff]/;
    const tenure = (all: vscode.Diagnostic[]): vscode.Diagnostic | undefined =>
      all.find((diagnostic) => codeOf(diagnostic) === "4.1.1");
    const english = await waitForDiagnostics(uri, (all) => tenure(all) !== undefined);
    assert.doesNotMatch(tenure(english)!.message, han);
    const configuration = vscode.workspace.getConfiguration("isvDossier");
    await configuration.update("locale", "zh-cn", vscode.ConfigurationTarget.Global);
    try {
      await waitForDiagnostics(uri, (all) => han.test(tenure(all)?.message ?? ""));
    } finally {
      await configuration.update("locale", undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(uri, (all) => !han.test(tenure(all)?.message ?? "是"));
  });

  it("checks a configuration file (isv-dossier.config.yaml) and the dossiers it governs", async () => {
    // a dossier's YAML without its evidence folder: its only errors are missing evidence, unless the file turns them off
    const folder = workspaceFile("new", "configured");
    fs.mkdirSync(folder.fsPath, { recursive: true });
    const dossier = vscode.Uri.joinPath(folder, "guizhou.dossier.yaml");
    fs.copyFileSync(workspaceFile(...VALID).fsPath, dossier.fsPath);
    const config = vscode.Uri.joinPath(folder, "isv-dossier.config.yaml");
    const text =
      "checkEvidence: false\nseverity:\n  evidence.missing: off\n  tools.source-evidence: warning\nbogus: 1\n";
    fs.writeFileSync(config.fsPath, text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(config), { preview: false });
    const problems = await waitForDiagnostics(config, (all) => all.length >= 2);
    assert.deepEqual(problems.map(describeDiagnostic).sort(), [
      "config.unknown-id error 3:3-3:19",
      "config.unknown-key error 5:1-5:6",
    ]);
    await openDossier(dossier);
    // no missing evidence (checkEvidence: false), and the tool without evidence of its source a warning, not an info
    const governed = await waitForDiagnostics(dossier, (all) => all.length > 0 && !all.some(isError));
    assert.deepEqual(
      governed.map((diagnostic) => [codeOf(diagnostic), diagnostic.severity]),
      [["4.3.5", vscode.DiagnosticSeverity.Warning]],
    );
  });
});
