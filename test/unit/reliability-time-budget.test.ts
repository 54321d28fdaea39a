// The validation time budget: a validation that would exceed it stops between checks with a limits.time-budget
// finding, and the server keeps answering. Stale versions get no work; a cancelled request does none.
// Core tests use a fake clock; server tests inject slow rules (test/support/trap-rules.cjs, test-only).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CancellationTokenSource } from "vscode-jsonrpc";
import { createLanguageService } from "../../server/src/core/check/service";
import { RULES } from "../../server/src/core/check/rules";
import type { Rule } from "../../server/src/core/check/rules/rule";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const SAMPLE = fs.readFileSync(path.join(ROOT, "samples", "needs-work", "invalid-enum-tenure.dossier.yaml"), "utf8");
const TEST_RULES = path.join(ROOT, "test", "support", "trap-rules.cjs");

function testRule(id: string, check: Rule["check"]): Rule {
  return { id, clauses: ["4.x.1"], description: { en: "test", zh: "测试" }, messages: {}, check };
}

test("core: with a fake clock, validation stops before the rule that would run past the budget", () => {
  let time = 0;
  const advancing = testRule("test.advances-clock", () => {
    time += 100;
    return [];
  });
  const neverRun = testRule("test.never-run", () => {
    throw new Error("must not run after the budget is spent");
  });
  const service = createLanguageService({
    today: "2026-03-18",
    rules: [advancing, neverRun, neverRun],
    timeBudget: { limitMs: 50, now: () => time },
  });
  const report = service.validate(SAMPLE);
  const budget = report.findings.filter((finding) => finding.ruleId === "limits.time-budget");
  assert.equal(budget.length, 1);
  assert.deepEqual(budget[0].args, { limit: 50, next: "test.never-run", skipped: 2 });
  assert.equal(budget[0].severity, "warning");
  assert.ok(!report.findings.some((finding) => finding.messageId === "internal.rule-failed"));
  // the schema check ran before the budget was spent
  assert.ok(report.findings.some((finding) => finding.ruleId.startsWith("schema.")));
});

test("core: a budget spent while parsing stops before the schema check", () => {
  // The clock is read when validation starts, before the parse (a small text is parsed at once), then after it.
  let calls = 0;
  const service = createLanguageService({
    today: "2026-03-18",
    timeBudget: { limitMs: 5, now: () => (calls++ < 2 ? 0 : 1000) },
  });
  const report = service.validate(SAMPLE);
  assert.deepEqual(
    report.findings
      .filter((finding) => !finding.ruleId.startsWith("yaml."))
      .map((finding) => [finding.ruleId, finding.args.next, finding.args.skipped]),
    [["limits.time-budget", "schema", RULES.length + 1]],
  );
});

test("core: a budget spent before parsing stops the parse: one limits.time-budget finding, the text declined", () => {
  let calls = 0;
  const service = createLanguageService({
    today: "2026-03-18",
    timeBudget: { limitMs: 5, now: () => (calls++ === 0 ? 0 : 1000) },
  });
  const report = service.validate(SAMPLE);
  assert.deepEqual(
    report.findings.map((finding) => [finding.ruleId, finding.args.next, finding.args.skipped]),
    [["limits.time-budget", "yaml", RULES.length + 2]],
  );
  assert.equal(report.parsed.declined, "limits.time-budget");
});

test("core: without a budget, or within it, every check runs and nothing is said", () => {
  const unlimited = createLanguageService({ today: "2026-03-18" }).validate(SAMPLE);
  let ticks = 0;
  // a clock that advances 1 ms each time it is read: every check runs within 10,000 reads
  const generous = createLanguageService({
    today: "2026-03-18",
    timeBudget: { limitMs: 10_000, now: () => ticks++ },
  }).validate(SAMPLE);
  assert.deepEqual(generous.findings, unlimited.findings);
  assert.ok(!unlimited.findings.some((finding) => finding.ruleId === "limits.time-budget"));
});

test("core: rules that each take 40 ms of a 100 ms budget: three run, the other 22 are skipped", () => {
  let time = 0;
  const ran: string[] = [];
  const slow = (index: number): Rule =>
    testRule(`test.slow-${index}`, () => {
      ran.push(`test.slow-${index}`);
      time += 40;
      return [];
    });
  const report = createLanguageService({
    today: "2026-03-18",
    rules: Array.from({ length: 25 }, (_, index) => slow(index)),
    timeBudget: { limitMs: 100, now: () => time },
  }).validate(SAMPLE);
  assert.deepEqual(ran, ["test.slow-0", "test.slow-1", "test.slow-2"]);
  const budget = report.findings.filter((finding) => finding.ruleId === "limits.time-budget");
  assert.deepEqual(
    budget.map((finding) => finding.args),
    [{ limit: 100, next: "test.slow-3", skipped: 22 }],
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Through the server, with test-only slow rules

const SLOW_RULE_MS = 150;
const BUDGET_MS = 1000;

function startServerWithTestRules(): TestLspClient {
  const client = new TestLspClient([], { ...process.env, ISV_DOSSIER_TEST_RULES: TEST_RULES });
  client.configuration = { timeBudgetMs: BUDGET_MS };
  return client;
}

/** Resolves when the server's stderr says that test.mark ran on the text marked `word`. */
function markSeen(client: TestLspClient, word: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (client.stderr.join("").includes(`test-rule ran: ${word}\n`)) {
        client.child.stderr!.off("data", check);
        resolve();
      }
    };
    client.child.stderr!.on("data", check);
    check();
  });
}

function marks(client: TestLspClient): string[] {
  return [...client.stderr.join("").matchAll(/test-rule ran: (\w+)\n/g)]
    .map((match) => match[1])
    .filter((word) => word !== "slow");
}

/** How many times a slow rule has run (each says `test-rule ran: slow`). */
function slowRulesRun(client: TestLspClient): number {
  return client.stderr.join("").split("test-rule ran: slow\n").length - 1;
}

function ruleIdsOf(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map(
    (diagnostic) => (diagnostic as { data?: { ruleId?: string } }).data?.ruleId ?? String(diagnostic.code),
  );
}

function slowText(word: string): string {
  return `# test: mark ${word}\n# test: slow ${SLOW_RULE_MS}\n${SAMPLE}`;
}

test(
  "server: a slow validation is cut at the budget with limits.time-budget, and requests sent meanwhile are answered",
  { timeout: 60_000 },
  async () => {
    const client = startServerWithTestRules();
    try {
      await client.initialize("en");
      const uri = "untitled:slow.dossier.yaml";
      const published = client.diagnostics(uri, (next) => next.version === 1);
      await client.open(uri, slowText("cut"));
      await markSeen(client, "cut"); // the slow rules are running now
      const editions = await client.request<unknown[]>("isvDossier/editions", {});
      assert.ok(editions.length > 0);
      const diagnostics = await published;
      assert.ok(ruleIdsOf(diagnostics).includes("limits.time-budget"), ruleIdsOf(diagnostics).join(", "));
      // what ran before the cut is published: the real rules' finding on the tenure
      assert.ok(diagnostics.diagnostics.some((diagnostic) => diagnostic.code === "4.1.1"));
      const closed = new Promise((resolve) => client.child.once("close", resolve)); // all of stderr read
      assert.equal(await client.stop(), 0);
      await closed;
      // Each slow rule takes at least SLOW_RULE_MS: at most BUDGET_MS / SLOW_RULE_MS + 1 of the 20 run before the cut.
      const ran = slowRulesRun(client);
      assert.ok(ran >= 1 && ran <= Math.floor(BUDGET_MS / SLOW_RULE_MS) + 1, `${ran} slow rules ran`);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);

test(
  "server: versions that are stale before their validation starts get no work; a cancelled request does none",
  { timeout: 60_000 },
  async () => {
    const client = startServerWithTestRules();
    try {
      await client.initialize("en");
      const uri = "untitled:stale.dossier.yaml";
      const text = slowText("v1");
      await client.open(uri, text);
      await markSeen(client, "v1"); // v1 is being validated (slowly); v2–v4 arrive meanwhile
      const firstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: "# test: mark v1".length } };
      const last = client.diagnostics(uri, (next) => next.version === 4);
      await client.change(uri, 2, [{ range: firstLine, text: "# test: mark v2" }]);
      await client.change(uri, 3, [{ range: firstLine, text: "# test: mark v3" }]);
      await client.change(uri, 4, [{ range: firstLine, text: "# test: mark v4" }]);

      // Meanwhile: another document is opened, asked for a hover that is cancelled at once, and closed.
      const other = "untitled:cancelled.dossier.yaml";
      await client.open(other, slowText("cancelled"));
      const source = new CancellationTokenSource();
      const hoverAnswer = client.connection.sendRequest(
        "textDocument/hover",
        { textDocument: { uri: other }, position: { line: 3, character: 2 } },
        source.token,
      );
      source.cancel();
      await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: other } });
      await assert.rejects(hoverAnswer, (error: { code?: number }) => error.code === -32800);

      await last;
      assert.deepEqual(marks(client), ["v1", "v4"]);
      const versions = client.published
        .filter((published) => published.uri === uri)
        .map((published) => published.version);
      assert.deepEqual(versions, [1, 4]);
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);
