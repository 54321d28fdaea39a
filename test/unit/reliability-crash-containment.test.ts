// Crash containment: an exception inside one rule (any kind: an Error, a thrown string, a stack overflow, a rule
// returning nothing) becomes one internal.rule-failed finding for that rule; every other finding is unchanged.
// Through the core with injected rules, and through the server with the test-only rule module.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { RULES } from "../../server/src/core/check/rules";
import type { Rule } from "../../server/src/core/check/rules/rule";
import { createLanguageService } from "../../server/src/core/check/service";
import { todayIso } from "../../server/src/node/today";
import { toDiagnostic } from "../../server/src/lsp/convert";
import { TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const NEEDS_WORK = path.join(ROOT, "samples", "needs-work");
const SAMPLES = fs
  .readdirSync(NEEDS_WORK)
  .filter((name) => name.endsWith(".dossier.yaml"))
  .map((name) => fs.readFileSync(path.join(NEEDS_WORK, name), "utf8"));

function failingRule(id: string, fail: () => unknown): Rule {
  return {
    id,
    clauses: ["4.x.2", "4.x.3.b"],
    description: { en: "fails", zh: "失败" },
    messages: {},
    check: () => fail() as never,
  };
}

function recurseForever(depth: number): number {
  return recurseForever(depth + 1) + 1;
}

const FAILURES: Array<[string, () => unknown]> = [
  [
    "throws an Error",
    () => {
      throw new Error("boom");
    },
  ],
  [
    "throws a string",
    () => {
      throw "boom";
    },
  ],
  [
    "throws undefined",
    () => {
      throw undefined;
    },
  ],
  ["overflows the stack", () => recurseForever(0)],
  ["returns undefined", () => undefined],
  ["reads a property of undefined", () => (undefined as unknown as { x: { y: number } }).x.y],
];

test("core: one failing rule, whatever the failure, gives one internal.rule-failed finding; all other findings are unchanged", () => {
  const service = createLanguageService({ today: "2026-03-18" });
  for (const text of SAMPLES) {
    const expected = service.validate(text).findings;
    for (const [name, fail] of FAILURES) {
      for (const position of [0, Math.floor(RULES.length / 2), RULES.length]) {
        const rules = [...RULES.slice(0, position), failingRule("test.failing", fail), ...RULES.slice(position)];
        const report = createLanguageService({ today: "2026-03-18", rules }).validate(text);
        const internal = report.findings.filter((finding) => finding.messageId === "internal.rule-failed");
        assert.equal(internal.length, 1, name);
        assert.equal(internal[0].ruleId, "test.failing");
        assert.deepEqual(internal[0].args, { rule: "test.failing" });
        assert.equal(internal[0].severity, "error");
        assert.deepEqual(internal[0].clauseIds, [
          report.edition.resolveClause("4.x.2", report.level),
          report.edition.resolveClause("4.x.3.b", report.level),
        ]);
        assert.deepEqual(
          report.findings.filter((finding) => finding !== internal[0]),
          expected,
          `${name}, at position ${position}`,
        );
      }
    }
  }
});

test("core: several failing rules give one finding each", () => {
  const text = SAMPLES[0];
  const rules = [failingRule("test.first", FAILURES[0][1]), ...RULES, failingRule("test.second", FAILURES[3][1])];
  const report = createLanguageService({ today: "2026-03-18", rules }).validate(text);
  const internal = report.findings
    .filter((finding) => finding.messageId === "internal.rule-failed")
    .map((finding) => finding.ruleId);
  assert.deepEqual(internal.sort(), ["test.first", "test.second"]);
});

test(
  "server: a rule that throws gives one internal-error diagnostic; every other diagnostic is published",
  { timeout: 60_000 },
  async () => {
    const client = new TestLspClient([], {
      ...process.env,
      ISV_DOSSIER_TEST_RULES: path.join(ROOT, "test", "support", "trap-rules.cjs"),
    });
    try {
      await client.initialize("zh-cn");
      for (const [index, sample] of SAMPLES.entries()) {
        const text = "# test: throw\n" + sample;
        const uri = `untitled:throwing-${index}.dossier.yaml`;
        const published = client.diagnostics(uri, (next) => next.version === 1);
        await client.open(uri, text);
        const diagnostics = (await published).diagnostics as Array<{
          data?: { ruleId?: string };
          code?: string | number;
        }>;
        const internal = diagnostics.filter((diagnostic) => diagnostic.data?.ruleId === "test.throws");
        assert.equal(internal.length, 1);
        const report = createLanguageService({ locale: "zh-cn", today: todayIso() }).validate(text);
        const lines = new LineIndex(text);
        const expected = report.findings.map((finding) => toDiagnostic(finding, lines, uri, report.edition, "zh-cn"));
        assert.deepEqual(
          diagnostics.filter((diagnostic) => diagnostic !== internal[0]),
          JSON.parse(JSON.stringify(expected)),
        );
        // other requests on the same document still work
        const symbols = await client.request<unknown[]>("textDocument/documentSymbol", { textDocument: { uri } });
        assert.ok(symbols.length > 0);
      }
      assert.equal(client.stderr.join(""), "", "the failure is reported as a diagnostic, not logged");
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);
