// The configuration file in the language server, over stdio with a real LSP client: a file next to a dossier
// changes its diagnostics (written on disk and announced with workspace/didChangeWatchedFiles, or open and edited),
// a broken file gets diagnostics of its own, and the editor and the CLI give the same findings for a dossier and its
// configuration. Rule ids, severities and ranges only.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";

const SAMPLE = path.join(ROOT, "samples", "nanjing-qiyuan", "nanjing-qiyuan.dossier.yaml");
let folder: string;
let client: TestLspClient;

before(async () => {
  assertBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-server-config-"));
  fs.mkdirSync(path.join(folder, ".git"));
  client = new TestLspClient();
  await client.initialize("en", pathToFileURL(folder).href);
});
after(async () => {
  await client.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

type Diagnostic = PublishedDiagnostics["diagnostics"][number] & { data?: { ruleId?: string } };

function rules(published: PublishedDiagnostics): string[] {
  return (published.diagnostics as Diagnostic[]).map((diagnostic) => diagnostic.data?.ruleId ?? "");
}

const SEVERITY_NAMES = ["", "error", "warning", "info", "info"];

/** What the editor shows, in the CLI's terms: rule, severity, range (0-based). */
function editorFindings(published: PublishedDiagnostics): string[] {
  return (published.diagnostics as Diagnostic[])
    .map((diagnostic) =>
      [
        diagnostic.data?.ruleId,
        SEVERITY_NAMES[diagnostic.severity ?? 0],
        diagnostic.range.start.line,
        diagnostic.range.start.character,
        diagnostic.range.end.line,
        diagnostic.range.end.character,
      ].join(" "),
    )
    .sort();
}

test("a configuration file next to a dossier changes its diagnostics; a broken one gets its own", async () => {
  const dossier = path.join(folder, "a", "nanjing.dossier.yaml");
  fs.mkdirSync(path.dirname(dossier), { recursive: true });
  fs.copyFileSync(SAMPLE, dossier);
  const dossierUri = pathToFileURL(dossier).href;
  const first = client.diagnostics(dossierUri);
  await client.open(dossierUri, fs.readFileSync(dossier, "utf8"));
  assert.ok(rules(await first).includes("evidence.exists"), "without a configuration, missing evidence is an error");

  // on disk, announced as the editor's file watcher does
  const configFile = path.join(folder, "isv-dossier.config.yaml");
  fs.writeFileSync(configFile, "checkEvidence: false\n");
  const configUri = pathToFileURL(configFile).href;
  const second = client.diagnostics(dossierUri, (published) => !rules(published).includes("evidence.exists"));
  await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
    changes: [{ uri: configUri, type: 1 }],
  });
  await second;

  // open and edited: a broken file's diagnostics, the dossier checked again with what is well-formed in it
  const text = "checkEvidence: true\nseverity:\n  evidence.missing: off\nbogus: 1\n";
  const configDiagnostics = client.diagnostics(configUri, (published) => published.diagnostics.length > 0);
  const third = client.diagnostics(dossierUri, (published) => rules(published).includes("evidence.exists"));
  await client.connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri: configUri, languageId: "yaml", version: 1, text },
  });
  const published = await configDiagnostics;
  assert.deepEqual(
    (published.diagnostics as Diagnostic[]).map((diagnostic) => [
      diagnostic.data?.ruleId,
      diagnostic.code,
      diagnostic.range.start.line,
      diagnostic.range.start.character,
      diagnostic.range.end.character,
    ]),
    [
      ["config.unknown-id", "config.unknown-id", 2, 2, 18],
      ["config.unknown-key", "config.unknown-key", 3, 0, 5],
    ],
  );
  await third;

  // hovers and completion in the configuration file
  const hover = await client.request<{ range: { start: { line: number; character: number } } } | null>(
    "textDocument/hover",
    { textDocument: { uri: configUri }, position: { line: 0, character: 3 } },
  );
  assert.deepEqual(hover?.range.start, { line: 0, character: 0 });
  const completion = await client.request<Array<{ label: string }>>("textDocument/completion", {
    textDocument: { uri: configUri },
    position: { line: 2, character: 2 },
  });
  assert.ok(completion.some((item) => item.label === "evidence.exists"));

  await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: configUri } });
  fs.rmSync(configFile);
});

test("the editor and the CLI give the same findings for a dossier and its configuration", async () => {
  const dossier = path.join(folder, "b", "nanjing.dossier.yaml");
  fs.mkdirSync(path.dirname(dossier), { recursive: true });
  fs.copyFileSync(SAMPLE, dossier);
  fs.writeFileSync(
    path.join(folder, "b", "isv-dossier.config.yaml"),
    "severity:\n  evidence.exists: warning\n  tools.source-evidence: error\n  4.2.4: info\nleaseWarningMonths: 24\n",
  );
  // the editor's own settings would turn evidence off: the file wins for what changes verdicts
  client.configuration = { checkEvidence: false, severity: { "evidence.exists": "off" } };
  await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
  const uri = pathToFileURL(dossier).href;
  const diagnostics = client.diagnostics(uri);
  // the dossier's application.date decides the time windows, so that the editor's today does not matter
  await client.open(uri, fs.readFileSync(dossier, "utf8"));
  const editor = editorFindings(await diagnostics);
  const run = await runCli(["lint", "--format", "json", "--as-of", AS_OF, "--lang", "en", dossier], {
    cwd: folder,
  });
  const report = JSON.parse(run.stdout) as {
    files: Array<{
      findings: Array<{
        rule: string;
        severity: string;
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
      }>;
    }>;
  };
  const cli = report.files[0].findings
    .map((finding) =>
      [
        finding.rule,
        finding.severity,
        finding.range.start.line,
        finding.range.start.character,
        finding.range.end.line,
        finding.range.end.character,
      ].join(" "),
    )
    .sort();
  assert.ok(
    cli.some((line) => line.startsWith("evidence.exists warning")),
    "the file's severity is applied",
  );
  assert.deepEqual(editor, cli);
});
