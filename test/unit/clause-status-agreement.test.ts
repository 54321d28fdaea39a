// One model of a clause's status, everywhere: for every sample and fixture dossier, the checklist (JSON), the
// Clauses view's request (isvDossier/checklist, through a real server) and the SARIF log (each artifact's
// clauseVerdicts) agree row by row with the status function (core/verdicts/clause-status.ts) — clause ids, statuses, bases
// and conclusions — and every heading's status is the worst of its own errors and its items'.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { buildChecklistTable } from "../../server/src/cli/checklist-table";
import { renderChecklistJson } from "../../server/src/cli/checklist-json";
import { buildChecklist } from "../../server/src/core/verdicts/checklist";
import {
  ClauseVerdict,
  conclusionText,
  dossierVerdicts,
  STATUS_ORDER,
} from "../../server/src/core/verdicts/clause-status";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { decodeDossierBytes } from "../../server/src/core/parse/encoding";
import { createLanguageService } from "../../server/src/core/check/service";
import type { Finding, Locale } from "../../server/src/core/types";
import { evidenceExistsIn } from "../../server/src/node/evidence-files";
import { todayIso } from "../../server/src/node/today";
import { commandLineSettings, RunConfigurations } from "../../server/src/cli/config-options";
import { AS_OF, assertBuilt, runCli } from "../support/cli-harness";
import { TestLspClient } from "../support/lsp-client";
import { filesUnder, repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const FILES = [
  ...filesUnder(path.join(ROOT, "samples"), [".yaml", ".yml"]),
  ...filesUnder(path.join(ROOT, "test", "fixtures"), [".yaml", ".yml"]),
]
  .filter((file) => !file.endsWith("config.yaml")) // configuration files and their fixtures, not dossiers
  .sort();
const LOCALE: Locale = "zh-cn";

interface RowView {
  clauseId: string;
  status: string;
  basis: string;
  conclusion: string;
}

function textOf(file: string): string {
  return decodeDossierBytes(fs.readFileSync(file)).text;
}

/** Each dossier's configuration file (a sample has one, with a waiver), as the CLI and the server read it. */
const CONFIGURATIONS = new RunConfigurations({ kind: "discover" }, ROOT, commandLineSettings(undefined));

function expectedVerdicts(file: string, today: string): ClauseVerdict<Finding>[] {
  const { settings, waivers } = CONFIGURATIONS.forDossier(file);
  const service = createLanguageService({
    locale: LOCALE,
    today,
    evidenceExists: settings.checkEvidence ? evidenceExistsIn(path.dirname(file)) : undefined,
    leaseWarningMonths: settings.leaseWarningMonths,
    severityOverrides: settings.severity,
    waivers,
    dossierPath: file,
  });
  return dossierVerdicts(service.validate(textOf(file)));
}

function view(verdicts: ClauseVerdict<Finding>[]): RowView[] {
  return verdicts.map((verdict) => ({
    clauseId: verdict.clauseId,
    status: verdict.status,
    basis: verdict.basis,
    conclusion: conclusionText(verdict, LOCALE),
  }));
}

function pickView(rows: RowView[]): RowView[] {
  return rows.map(({ clauseId, status, basis, conclusion }) => ({ clauseId, status, basis, conclusion }));
}

/** Runs `work` over `items`, `width` at a time. */
async function eachLimited<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

test("the walk covers every sample and fixture dossier", () => {
  assert.ok(FILES.length > 100, `${FILES.length} files`);
});

test("headings agree with their items: a heading is the worst of its own errors and its items' statuses", () => {
  const edition = defaultEdition();
  for (const file of FILES) {
    const verdicts = expectedVerdicts(file, AS_OF);
    const byId = new Map(verdicts.map((verdict) => [verdict.clauseId, verdict]));
    for (const verdict of verdicts) {
      const items = edition
        .children(verdict.clauseId)
        .flatMap((child) => byId.get(child.id) ?? [])
        .filter((item) => item.status !== "not-applicable");
      if (items.length === 0 || verdict.status === "not-applicable") continue;
      const own = verdict.findings.some((finding) => finding.severity === "error")
        ? "violated"
        : verdict.findings.length > 0
          ? "unfilled"
          : "satisfied";
      const statuses = [own, ...items.map((item) => item.status)];
      const worst = STATUS_ORDER.find((status) => statuses.includes(status));
      assert.equal(verdict.status, worst, `${path.relative(ROOT, file)}: ${verdict.clauseId}`);
    }
    for (const verdict of verdicts) {
      assert.ok(
        verdict.findings.every((finding) => finding.severity === "error" || finding.ruleId === "fill.empty"),
        `${verdict.clauseId}: findings are errors and values to fill in`,
      );
      assert.ok(
        verdict.remarks.every((finding) => finding.severity !== "error"),
        `${verdict.clauseId}: remarks are warnings and infos`,
      );
      if (verdict.status === "unfilled")
        assert.ok(
          verdict.findings.some((finding) => finding.ruleId === "fill.empty") ||
            edition.children(verdict.clauseId).some((child) => byId.get(child.id)?.status === "unfilled"),
        );
      else if (verdict.status === "violated")
        assert.ok(
          verdict.findings.length > 0 ||
            edition.children(verdict.clauseId).some((child) => byId.get(child.id)?.status === "violated"),
        );
      else
        assert.deepEqual(
          verdict.findings,
          [],
          `${path.relative(ROOT, file)}: ${verdict.clauseId} has errors but is ${verdict.status}`,
        );
    }
  }
});

describe("every surface agrees with the status function", () => {
  before(() => assertBuilt());

  test("the checklist as JSON, for every dossier (the CLI's formatter in process)", () => {
    for (const file of FILES) {
      const service = createLanguageService({
        locale: LOCALE,
        today: AS_OF,
        evidenceExists: evidenceExistsIn(path.dirname(file)),
      });
      const report = service.validate(textOf(file));
      const checklist = buildChecklist(report);
      const json = renderChecklistJson(
        buildChecklistTable(report, checklist, LOCALE),
        checklist,
        path.relative(ROOT, file),
      );
      const rows = (JSON.parse(json) as { rows: RowView[] }).rows;
      assert.deepEqual(pickView(rows), view(expectedVerdicts(file, AS_OF)), path.relative(ROOT, file));
    }
  });

  test("the checklist (the real CLI, JSON), for every sample", async () => {
    const samples = FILES.filter((file) => file.startsWith(path.join(ROOT, "samples") + path.sep));
    assert.ok(samples.length >= 20);
    await eachLimited(samples, 2, async (file) => {
      const run = await runCli(["checklist", file, "--format", "json", "--lang", "zh-CN", "--as-of", AS_OF]);
      assert.equal(run.code, 0, `${file}: ${run.stderr}`);
      const rows = (JSON.parse(run.stdout) as { rows: RowView[] }).rows;
      assert.deepEqual(pickView(rows), view(expectedVerdicts(file, AS_OF)), path.relative(ROOT, file));
    });
  });

  test("the SARIF log (each artifact's clause verdicts)", async () => {
    const dossiers = FILES.filter((file) => /\.dossier\.ya?ml$/.test(file));
    const run = await runCli([
      "lint",
      ...dossiers.map((file) => path.relative(ROOT, file)),
      "--format",
      "sarif",
      "--lang",
      "zh-CN",
      "--as-of",
      AS_OF,
      "--exit-zero",
    ]);
    assert.equal(run.code, 0, run.stderr);
    const log = JSON.parse(run.stdout) as {
      runs: Array<{
        artifacts: Array<{ location: { uri: string }; properties?: { clauseVerdicts: RowView[] } }>;
        results: Array<{
          locations: Array<{ physicalLocation: { artifactLocation: { index: number } } }>;
          taxa?: Array<{ id: string; properties?: { status: string; basis: string } }>;
        }>;
      }>;
    };
    const { artifacts, results } = log.runs[0];
    assert.equal(artifacts.length, dossiers.length);
    const expectedByArtifact = artifacts.map((artifact) => {
      const file = path.join(ROOT, ...decodeURIComponent(artifact.location.uri).split("/"));
      assert.ok(dossiers.includes(file), artifact.location.uri);
      const expected = view(expectedVerdicts(file, AS_OF));
      assert.deepEqual(pickView(artifact.properties?.clauseVerdicts ?? []), expected, artifact.location.uri);
      return new Map(expected.map((row) => [row.clauseId, row]));
    });
    // Each result's clause references carry that clause's status in that dossier.
    for (const result of results) {
      const expected = expectedByArtifact[result.locations[0].physicalLocation.artifactLocation.index];
      for (const taxon of result.taxa ?? []) {
        const row = expected.get(taxon.id);
        assert.deepEqual(taxon.properties, row ? { status: row.status, basis: row.basis } : undefined, taxon.id);
      }
    }
  });

  describe("the Clauses view's request (a real server)", () => {
    const client = new TestLspClient();
    before(async () => {
      await client.initialize("zh-cn");
    });
    after(async () => {
      if (client.child.exitCode === null) await client.stop();
    });

    test("isvDossier/checklist answers every dossier as the status function does", async () => {
      const unchecked: string[] = [];
      for (const file of FILES) {
        const uri = pathToFileURL(file).toString();
        const published = client.diagnostics(uri);
        await client.open(uri, textOf(file));
        await published;
        const answer = await client.request<{
          asOf: string;
          rows: Array<RowView & { findings: unknown[]; remarks: unknown[] }>;
        } | null>("isvDossier/checklist", { uri });
        // The server does not check a document its limits refuse (it says so in the view): nothing to compare.
        if (answer === null) {
          unchecked.push(path.relative(ROOT, file));
          continue;
        }
        // the server's today: the as-of date of a dossier without application.date, and what waivers expire against
        const expected = expectedVerdicts(file, todayIso());
        assert.deepEqual(pickView(answer.rows), view(expected), path.relative(ROOT, file));
        assert.deepEqual(
          answer.rows.map((row) => [row.findings.length, row.remarks.length]),
          expected.map((verdict) => [verdict.findings.length, verdict.remarks.length]),
          path.relative(ROOT, file),
        );
        await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
      }
      assert.deepEqual(unchecked, ["test/fixtures/security/nesting-depth.dossier.yaml"]);
    });
  });
});
