// "Compare with previous submission…" in a real editor: the command is registered, compares two given files and
// the file with its last git commit, and shows the diff as a Markdown document whose headings name the changed
// clauses (the one that regressed marked). Asserts clause labels and paths, never message text.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { closeAllEditors, extensionApi, openDossier, workspaceFile } from "./helpers";

const SAMPLE = ["samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml"];

function headings(text: string): string[] {
  return text.split("\n").filter((line) => line.startsWith("## "));
}

async function diffText(uri: string | undefined): Promise<string> {
  assert.ok(uri, "the command produced a document");
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  assert.equal(document.languageId, "markdown");
  return document.getText();
}

describe("Compare with previous submission", () => {
  let scratch = "";

  before(async function () {
    this.timeout(120_000);
    await extensionApi();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "isv-compare-"));
  });

  after(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  afterEach(closeAllEditors);

  it("is registered", async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes("isvDossier.compareWithPrevious"));
  });

  it("compares two given files: the regressed clause and the changed field", async () => {
    const original = workspaceFile(...SAMPLE);
    const text = fs.readFileSync(original.fsPath, "utf8");
    assert.ok(text.includes("service_since: 2024-11-05"));
    const broken = vscode.Uri.file(path.join(path.dirname(original.fsPath), "compare-broken.dossier.yaml"));
    fs.writeFileSync(broken.fsPath, text.replace("service_since: 2024-11-05", "service_since: 2026-01-05"));
    try {
      await openDossier(broken);
      const uri = await vscode.commands.executeCommand<string | undefined>(
        "isvDossier.compareWithPrevious",
        broken,
        original,
        { preview: false },
      );
      const markdown = await diffText(uri);
      const lines = headings(markdown);
      assert.ok(
        lines.some((line) => line.startsWith("## ❗ 4.1.3 a) ")),
        lines.join("\n"),
      );
      assert.ok(!lines.some((line) => line.includes("4.1.2")), "an unchanged clause has no heading");
      assert.match(markdown, /performance\.service\\?_since/);
    } finally {
      fs.rmSync(broken.fsPath, { force: true });
    }
  });

  it("compares a file with its last git commit, and refuses a file outside any repository", async () => {
    const repository = path.join(scratch, "repository");
    fs.mkdirSync(repository);
    const file = path.join(repository, "a.dossier.yaml");
    const text = fs.readFileSync(workspaceFile(...SAMPLE).fsPath, "utf8");
    fs.writeFileSync(file, text);
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", ...args], {
        cwd: repository,
        stdio: "pipe",
      });
    git("init", "-q");
    git("add", "a.dossier.yaml");
    git("commit", "-q", "-m", "first submission");
    fs.writeFileSync(file, text.replace("service_since: 2024-11-05", "service_since: 2026-01-05"));
    const uri = vscode.Uri.file(file);
    await openDossier(uri);
    const produced = await vscode.commands.executeCommand<string | undefined>(
      "isvDossier.compareWithPrevious",
      uri,
      "HEAD",
      { preview: false },
    );
    const lines = headings(await diffText(produced));
    assert.ok(
      lines.some((line) => line.startsWith("## ❗ 4.1.3 a) ")),
      lines.join("\n"),
    );

    const outside = path.join(scratch, "outside.dossier.yaml");
    fs.writeFileSync(outside, text);
    const refused = await vscode.commands.executeCommand<string | undefined>(
      "isvDossier.compareWithPrevious",
      vscode.Uri.file(outside),
      "HEAD",
      { preview: false },
    );
    assert.equal(refused, undefined, "no document for a file outside any git repository");
  });
});
