// One configuration file, the same answer everywhere: for samples of four categories and samples/with-waivers, each
// copied with its evidence folder into a temporary folder (three evidence files removed, so that there are errors to
// override and waive) beside a configuration file that overrides two severities (a check id, a clause id) and lists
// four waivers — one that applies, one expired (yesterday), one that matches nothing (naming the dossier, so it is
// reported) and one without a justification — plus an inline waiver comment above a finding's line. The CLI's
// `lint --format json`, `lint --format sarif` (results, suppressions, clause verdicts), `checklist --format json` and
// the language server over stdio (diagnostics, the isvDossier/checklist request) must agree finding by finding
// (check id, clause ids, range, severity, waived or not) and clause by clause (status). Ids, ranges and statuses only.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { todayIso } from "../../server/src/node/today";
import { assertBuilt, ROOT, runCli } from "../support/cli-harness";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";

/** Four categories, and the sample with inline waivers of its own. */
// every complete sample (the needs-work files share one evidence folder and are made to fail one way each)
const SAMPLES = fs
  .readdirSync(path.join(ROOT, "samples"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "needs-work")
  .map((entry) => entry.name)
  .sort();
const CONFIG = "isv-dossier.config.yaml";

/** The CLI's today (--as-of) is the server's: waivers expire against the real date in the editor. */
const TODAY = todayIso();
function shiftDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
const YESTERDAY = shiftDays(TODAY, -1);
const NEXT_YEAR = shiftDays(TODAY, 365);

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface JsonFinding {
  rule: string;
  clauses: string[];
  severity: string;
  range: Range;
  waived?: { origin: { kind: string } };
}
interface JsonReport {
  files: Array<{ path: string; findings: JsonFinding[] }>;
}
interface SarifResult {
  ruleId: string;
  level: string;
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; index: number };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }>;
  suppressions?: Array<{ kind: string; status: string }>;
  properties: { clauses: string[] };
}
interface SarifLog {
  runs: Array<{
    artifacts: Array<{ location: { uri: string }; properties?: { clauseVerdicts?: ClauseRow[] } }>;
    results: SarifResult[];
  }>;
}
interface ClauseRow {
  clauseId: string;
  status: string;
}
type Diagnostic = PublishedDiagnostics["diagnostics"][number] & {
  data: { ruleId: string; clauseIds: string[]; waived?: { origin: string } };
};

/** A finding in every output's common terms: rule, clauses, 0-based range, severity or `waived`. */
function key(rule: string, clauses: string[], range: Range, severity: string): string {
  const { start, end } = range;
  return `${rule} [${clauses.join(",")}] ${start.line}:${start.character}-${end.line}:${end.character} ${severity}`;
}

const SARIF_LEVELS: { [level: string]: string } = { error: "error", warning: "warning", note: "info" };
const LSP_SEVERITIES = ["", "error", "warning", "info"];

let top = "";
let client: TestLspClient;

before(async () => {
  assertBuilt();
  top = fs.mkdtempSync(path.join(os.tmpdir(), "isv-config-agreement-"));
  fs.mkdirSync(path.join(top, ".git")); // the configuration file is looked for up to here, not above
  client = new TestLspClient();
  await client.initialize("en");
});
after(async () => {
  if (client.child.exitCode === null) await client.stop();
  if (top) fs.rmSync(top, { recursive: true, force: true });
});

/** Copies the sample with its evidence folder and removes three evidence files; returns the dossier's path. */
function copySample(name: string): string {
  const folder = path.join(top, name);
  fs.mkdirSync(folder);
  const dossier = path.join(folder, `${name}.dossier.yaml`);
  fs.copyFileSync(path.join(ROOT, "samples", name, `${name}.dossier.yaml`), dossier);
  fs.cpSync(path.join(ROOT, "samples", name, "evidence"), path.join(folder, "evidence"), { recursive: true });
  const data = parse(fs.readFileSync(dossier, "utf8")) as {
    applicant: { evidence: string[] };
    premises: { evidence: string[] };
    personnel: Array<{ competence: Array<{ evidence: string[] }> }>;
  };
  for (const evidence of [
    data.applicant.evidence[0],
    data.premises.evidence[0],
    data.personnel[0].competence[0].evidence[0],
  ])
    fs.rmSync(path.join(folder, evidence));
  return dossier;
}

async function lintJson(dossier: string, extra: string[], code = 0): Promise<JsonReport> {
  const run = await runCli(
    ["lint", path.basename(dossier), "--format", "json", "--as-of", TODAY, "--lang", "en", "--exit-zero", ...extra],
    { cwd: path.dirname(dossier) },
  );
  assert.equal(run.code, code, run.stderr);
  return JSON.parse(run.stdout) as JsonReport;
}

/** The JSON report's findings as keys, with their file; a waived one as `waived`, or its severity and origin. */
function jsonKeysOf(report: JsonReport, waivedSeverity: boolean): string[] {
  return report.files
    .flatMap((file) =>
      file.findings.map((finding) =>
        [
          file.path,
          key(
            finding.rule,
            finding.clauses,
            finding.range,
            finding.waived && !waivedSeverity ? "waived" : finding.severity,
          ),
          waivedSeverity && finding.waived ? finding.waived.origin.kind : "",
        ].join(" "),
      ),
    )
    .sort();
}

/** `lint --format sarif`: the run, and its results as keys (a suppression is a waiver, by origin). */
async function lintSarif(dossier: string, code: number): Promise<{ sarif: SarifLog["runs"][number]; keys: string[] }> {
  const run = await runCli(
    ["lint", path.basename(dossier), "--format", "sarif", "--as-of", TODAY, "--lang", "en", "--exit-zero"],
    { cwd: path.dirname(dossier) },
  );
  assert.equal(run.code, code, run.stderr);
  const sarif = (JSON.parse(run.stdout) as SarifLog).runs[0];
  const keys = sarif.results
    .map((result) => {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      const range = {
        start: { line: region.startLine - 1, character: region.startColumn - 1 },
        end: { line: region.endLine - 1, character: region.endColumn - 1 },
      };
      const suppression = result.suppressions?.[0];
      if (suppression) assert.equal(suppression.status, "accepted");
      return [
        decodeURIComponent(artifactLocation.uri),
        key(result.ruleId, result.properties.clauses, range, SARIF_LEVELS[result.level]),
        suppression ? (suppression.kind === "inSource" ? "inline" : "config") : "",
      ].join(" ");
    })
    .sort();
  return { sarif, keys };
}

function lspKey(diagnostic: Diagnostic): string {
  return key(
    diagnostic.data.ruleId,
    diagnostic.data.clauseIds,
    diagnostic.range,
    diagnostic.data.waived ? "waived" : LSP_SEVERITIES[diagnostic.severity ?? 0],
  );
}

for (const name of SAMPLES) {
  test(`${name}: the CLI's JSON, SARIF and checklist and the language server agree under one configuration`, async () => {
    const dossier = copySample(name);
    const base = path.basename(dossier);

    // what the removed evidence files give without a configuration: applicant, premises, personnel, in that order
    const missing = (await lintJson(dossier, ["--no-config"])).files[0].findings
      .filter((finding) => finding.rule === "evidence.exists")
      .sort((a, b) => a.range.start.line - b.range.start.line);
    assert.equal(missing.length, 3, name);
    const [applicant, premises, personnel] = missing;
    const personnelClause = personnel.clauses[0];
    assert.ok(personnelClause && personnelClause !== premises.clauses[0], name);

    // the inline waiver, above the applicant's missing evidence
    const lines = fs.readFileSync(dossier, "utf8").split("\n");
    const target = applicant.range.start.line;
    const indent = /^\s*/.exec(lines[target])![0];
    lines.splice(
      target,
      0,
      `${indent}# isv-dossier-waive evidence.exists -- 原件在途 (approved: 张三, until: ${NEXT_YEAR})`,
    );
    fs.writeFileSync(dossier, lines.join("\n"));
    const waiver = (fields: string): string => `  - dossier: ${base}\n${fields}`;
    fs.writeFileSync(
      path.join(path.dirname(dossier), CONFIG),
      [
        "# severities and waivers for the agreement test",
        "severity:",
        "  tools.source-evidence: warning # a check id",
        `  "${personnelClause}": warning # a clause id`,
        "waivers:",
        waiver(
          `    rule: evidence.exists\n    path: premises.evidence\n    justification: 原件在途\n    approvedBy: 李四\n    expires: ${NEXT_YEAR}`,
        ),
        waiver(
          `    rule: tools.source-evidence\n    justification: 已过期\n    approvedBy: 李四\n    expires: ${YESTERDAY}`,
        ),
        waiver(
          `    rule: premises.lease-term\n    justification: 无对应问题\n    approvedBy: 李四\n    expires: ${NEXT_YEAR}`,
        ),
        waiver(`    rule: evidence.exists\n    approvedBy: 李四\n    expires: ${NEXT_YEAR}`),
        "",
      ].join("\n"),
    );

    // 1. lint --format json
    const json = await lintJson(dossier, []);
    const jsonFindings = json.files.flatMap((file) => file.findings.map((finding) => ({ file: file.path, finding })));
    const jsonKeys = (waivedSeverity: boolean) => jsonKeysOf(json, waivedSeverity);

    // what the configuration does, in the JSON: the test's own premises
    const find = (rule: string, line: number) =>
      jsonFindings.find(({ finding }) => finding.rule === rule && finding.range.start.line === line)?.finding;
    assert.equal(find("evidence.exists", applicant.range.start.line + 1)?.waived?.origin.kind, "inline", name);
    assert.equal(find("evidence.exists", premises.range.start.line + 1)?.waived?.origin.kind, "config", name);
    assert.equal(find("evidence.exists", personnel.range.start.line + 1)?.severity, "warning", name);
    assert.ok(
      jsonFindings
        .filter(({ finding }) => finding.rule === "tools.source-evidence" && !finding.waived)
        .every(({ finding }) => finding.severity === "warning"),
      name,
    );
    assert.deepEqual(
      jsonFindings
        .filter(({ finding }) => finding.rule.startsWith("waiver."))
        .map(({ finding }) => finding.rule)
        .sort(),
      ["waiver.expired", "waiver.invalid", "waiver.unused"],
      name,
    );

    // 2. lint --format sarif: results (suppressed = waived) and each artifact's clause verdicts
    const { sarif, keys: sarifKeys } = await lintSarif(dossier, 0);
    assert.deepEqual(sarifKeys, jsonKeys(true), `${name}: SARIF and JSON`);

    // 3. checklist --format json, against SARIF's clause verdicts
    const checklistRun = await runCli(["checklist", base, "--format", "json", "--as-of", TODAY, "--lang", "en"], {
      cwd: path.dirname(dossier),
    });
    const checklist = (JSON.parse(checklistRun.stdout) as { rows: ClauseRow[] }).rows.map(
      (row) => `${row.clauseId} ${row.status}`,
    );
    const dossierArtifact = sarif.artifacts.find((artifact) => decodeURIComponent(artifact.location.uri) === base);
    assert.deepEqual(
      (dossierArtifact?.properties?.clauseVerdicts ?? []).map((row) => `${row.clauseId} ${row.status}`),
      checklist,
      `${name}: SARIF's clause verdicts and the checklist`,
    );
    assert.ok(checklist.includes(`${premises.clauses[0]} waived`), `${name}: ${premises.clauses[0]} is waived`);

    // 4. the language server: diagnostics and the Clauses view's request
    const uri = pathToFileURL(dossier).href;
    const published = client.diagnostics(uri);
    await client.open(uri, fs.readFileSync(dossier, "utf8"));
    const diagnostics = (await published).diagnostics as Diagnostic[];
    assert.ok(diagnostics.length >= 6, `${name}: ${diagnostics.length} diagnostics`);
    for (const diagnostic of diagnostics)
      if (diagnostic.data.waived) assert.equal(diagnostic.severity, 4, `${name}: a waived finding is a hint`);
    assert.deepEqual(
      diagnostics.map((diagnostic) => `${base} ${lspKey(diagnostic)}`).sort(),
      jsonKeys(false)
        .filter((line) => line.startsWith(`${base} `))
        .map((line) => line.trimEnd())
        .sort(),
      `${name}: the editor and the CLI`,
    );
    const answer = await client.request<{ rows: ClauseRow[] } | null>("isvDossier/checklist", { uri });
    assert.deepEqual(
      answer?.rows.map((row) => `${row.clauseId} ${row.status}`),
      checklist,
      `${name}: the Clauses view and the checklist`,
    );
    await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });

    // the configuration file's own findings (a waiver's problems are reported on the dossier): a misspelt check id
    // makes the file broken (lint exits 2, the checklist refuses), so a second run, the file also open in the editor
    const configFile = path.join(path.dirname(dossier), CONFIG);
    const broken = fs.readFileSync(configFile, "utf8").replace("severity:\n", "severity:\n  no.such-check: info\n");
    fs.writeFileSync(configFile, broken);
    const configKeys = (keys: string[]) =>
      keys.filter((line) => line.startsWith(`${CONFIG} `)).map((line) => line.trimEnd());
    const brokenJson = configKeys(jsonKeysOf(await lintJson(dossier, [], 2), false));
    assert.deepEqual(brokenJson, [`${CONFIG} config.unknown-id [] 2:2-2:15 error`], name);
    assert.deepEqual(configKeys((await lintSarif(dossier, 2)).keys), brokenJson, `${name}: SARIF and JSON`);
    const configUri = pathToFileURL(configFile).href;
    const configPublished = client.diagnostics(configUri);
    await client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: configUri, languageId: "yaml", version: 1, text: broken },
    });
    assert.deepEqual(
      ((await configPublished).diagnostics as Diagnostic[]).map((diagnostic) => `${CONFIG} ${lspKey(diagnostic)}`),
      brokenJson,
      `${name}: the configuration file in the editor and the CLI`,
    );
    await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: configUri } });
  });
}
