// Hostile structure: many keys in one mapping (45,000 `kN: 1` lines; a 1 MB one-line flow mapping). Duplicate keys
// are found in one pass, keys are located through an index, the time budget stops work inside the schema check, and
// the schema findings listed are capped. Work is counted (a fake clock, a counting items array), never timed; the
// runs through the CLI and the server are bounded by a kill timer far above the time budget and assert they finished.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isMap, parseDocument, YAMLError } from "yaml";
import { LIMITS } from "../../server/src/core/parse/limits";
import { keyRange } from "../../server/src/core/parse/locate";
import { PARSE_OPTIONS, parseYamlDocument } from "../../server/src/core/parse/parse";
import { RULES } from "../../server/src/core/check/rules";
import { createLanguageService, DossierReport } from "../../server/src/core/check/service";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const CLI = path.join(ROOT, "dist", "server", "cli.js");
/** The server's default time budget; the kill timers below are 30 times it. */
const BUDGET_MS = LIMITS.defaultTimeBudgetMs;
const KILL_AFTER_MS = 30 * BUDGET_MS;

function manyKeyLines(count: number): string {
  let text = "";
  for (let index = 0; index < count; index++) text += `k${index}: 1\n`;
  return text;
}

/** A one-line flow mapping `{k0: 1, k1: 1, …}` of at least `bytes` bytes. */
function flowMapping(bytes: number): string {
  const parts: string[] = [];
  let length = 2;
  for (let index = 0; length < bytes; index++) {
    const part = `k${index}: 1`;
    parts.push(part);
    length += part.length + 2;
  }
  return `{${parts.join(", ")}}\n`;
}

const service = createLanguageService({ locale: "en", today: "2026-03-18" });

function ruleIds(report: DossierReport): string[] {
  return report.findings.map((finding) => finding.ruleId);
}

// ---------------------------------------------------------------------------------------------------------------
// Duplicate keys

test("core: duplicate keys are the ones yaml's own check finds, at the later key, in block and flow mappings", () => {
  const cases: Array<[string, string[]]> = [
    ["a: 1\nb: 2\na: 3\n", ["a"]],
    ["x:\n  a: 1\n  a: 2\n  a: 3\n", ["a", "a"]],
    ["{a: 1, b: 2, a: 3}\n", ["a"]],
    ["- {a: 1, a: 2}\n", ["a"]],
    ["'a': 1\n\"a\": 2\n", ['"a"']],
    ["1: x\n1.0: y\n", ["1.0"]],
    ["a: 1\n&x a: 2\n", ["a"]],
    ["? {a: 1, a: 2}\n: x\n", ["a"]],
    // not duplicates: different types, NaN, aliases, one-pair mappings in a flow list
    ["1: x\n'1': y\n", []],
    [".nan: 1\n.nan: 2\n", []],
    ["&k a: 1\n*k : 2\n", []],
    ["[a: 1, a: 2]\n", []],
  ];
  for (const [text, keys] of cases) {
    const findings = service.validate(text).findings.filter((finding) => finding.ruleId === "yaml.duplicate-key");
    assert.deepEqual(
      findings.map((finding) => text.slice(finding.range.start, finding.range.end)),
      keys,
      JSON.stringify(text),
    );
    assert.ok(findings.every((finding) => finding.severity === "error"));
    // the same duplicates, at the same places, as yaml's quadratic check
    const quadratic = parseDocument(text, { ...PARSE_OPTIONS, uniqueKeys: true }).errors.filter(
      (error) => error.code === "DUPLICATE_KEY",
    );
    const linear = parseYamlDocument(text).errors.filter((error) => error.code === "DUPLICATE_KEY");
    assert.deepEqual(
      linear.map((error) => error.pos),
      quadratic.map((error) => error.pos),
      JSON.stringify(text),
    );
  }
});

test("core: yaml's quadratic duplicate-key check is off; with broken text around, the errors are yaml's", () => {
  assert.equal(PARSE_OPTIONS.uniqueKeys, false);
  const problems = (errors: readonly YAMLError[]) =>
    errors.map((error) => `${error.pos[0]}-${error.pos[1]} ${error.code}`).sort();
  for (const text of [
    "a: 1\nb: [1\na: 2\n\tc: 3\n{d: 1, d: 2}\n",
    "a: 1\na: 2\nb:\n  - {c: 1, c: 2\n  - d: 1\n    d: 2\n",
  ]) {
    assert.deepEqual(
      problems(parseYamlDocument(text).errors),
      problems(parseDocument(text, { ...PARSE_OPTIONS, uniqueKeys: true }).errors),
      JSON.stringify(text),
    );
  }
});

test("core: 20,000 keys with one duplicate at the end: found once, at the last key", () => {
  const text = manyKeyLines(20_000) + "k7: 2\n";
  const findings = service.validate(text).findings.filter((finding) => finding.ruleId === "yaml.duplicate-key");
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0].range, { start: text.length - 6, end: text.length - 4 });
});

// ---------------------------------------------------------------------------------------------------------------
// Locating keys

test("core: locating every key of a mapping of 3,000 keys reads its items a number of times linear in its size", () => {
  const count = 3000;
  const text = manyKeyLines(count);
  const document = parseYamlDocument(text);
  const map = document.contents;
  assert.ok(isMap(map));
  let reads = 0;
  const items = map.items;
  // Counts every read of an item by index (find, for…of and the like all read items so).
  map.items = new Proxy(items, {
    get(target, property, receiver) {
      if (typeof property === "string" && /^\d+$/.test(property)) reads++;
      return Reflect.get(target, property, receiver);
    },
  });
  for (let index = 0; index < count; index++) {
    const range = keyRange(document, [`k${index}`], text);
    assert.equal(text.slice(range.start, range.end), `k${index}`);
  }
  // A search per key would read about count² / 2 = 4,500,000 items.
  assert.ok(reads <= 4 * count, `${reads} item reads for ${count} keys`);
});

test("core: keys added to a mapping after it was indexed are found; the first of two equal keys is located", () => {
  const text = manyKeyLines(40) + "k3: 2\n";
  const document = parseYamlDocument(text);
  const range = keyRange(document, ["k3"], text);
  assert.equal(range.start, text.indexOf("k3: 1"));
  const map = document.contents;
  assert.ok(isMap(map));
  const extra = parseYamlDocument(text + "late: 1\n").contents;
  assert.ok(isMap(extra));
  map.items = [...map.items, extra.items[extra.items.length - 1]];
  const late = keyRange(document, ["late"], text + "late: 1\n");
  assert.equal(late.start, text.length);
});

// ---------------------------------------------------------------------------------------------------------------
// The time budget inside the schema check, and the cap on schema findings

test("core: the time budget stops the schema check in the middle: a clock that advances once per look", () => {
  const text = "spec: CCRC-ISV-C01:2025\n" + manyKeyLines(5000);
  let looks = 0;
  const report = createLanguageService({
    locale: "en",
    today: "2026-03-18",
    timeBudget: { limitMs: 200, now: () => looks++ },
  }).validate(text);
  const budget = report.findings.filter((finding) => finding.ruleId === "limits.time-budget");
  assert.equal(budget.length, 1, ruleIds(report).slice(0, 5).join(", "));
  assert.deepEqual(budget[0].args, { limit: 200, next: "schema", skipped: RULES.length + 1 });
  const schema = report.findings.filter((finding) => finding.ruleId.startsWith("schema."));
  // Stopped after about 200 looks at the clock, one per error: some findings, far fewer than the 5,000 errors.
  assert.ok(schema.length > 0 && schema.length <= 200, `${schema.length} schema findings`);
  assert.ok(looks <= 205, `${looks} looks at the clock`);
});

test("core: the time budget stops the parse itself: a clock that advances once per look, on 45,000 keys and a 1 MB flow mapping", () => {
  for (const text of [manyKeyLines(45_000), flowMapping(1024 * 1024)]) {
    let looks = 0;
    const report = createLanguageService({
      locale: "en",
      today: "2026-03-18",
      timeBudget: { limitMs: 3, now: () => looks++ },
    }).validate(text);
    assert.deepEqual(ruleIds(report), ["limits.time-budget"]);
    assert.deepEqual(report.findings[0].args, { limit: 3, next: "yaml", skipped: RULES.length + 2 });
    assert.equal(report.parsed.declined, "limits.time-budget");
    // the deadline's start, a look before parsing, then one every 4,096 lexical tokens: stopped at the fourth of
    // those, far from the end of the text
    assert.equal(looks, 5);
  }
});

test("core: parsed step by step under a deadline that does not pass, a large text gives the findings of a parse at once", () => {
  const sample = fs.readFileSync(
    path.join(ROOT, "samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml"),
    "utf8",
  );
  const padding = "# " + "合同条款正文，逐条粘贴。".repeat(20) + "\n";
  const texts = [
    sample + padding.repeat(400),
    manyKeyLines(20_000) + "k7: 2\n\tk8: [1\n",
    "spec: CCRC-ISV-C01:2025\npersonnel:\n" + "  - {id: p1, name: 张三, role: x}\n".repeat(3000) + "---\nx: 1\n",
    flowMapping(200 * 1024),
  ];
  const never = createLanguageService({ locale: "en", today: "2026-03-18", timeBudget: { limitMs: 1, now: () => 0 } });
  for (const [index, text] of texts.entries()) {
    assert.ok(text.length > 64 * 1024, `text ${index} is parsed step by step`);
    assert.deepEqual(never.validate(text).findings, service.validate(text).findings, `text ${index}`);
  }
});

test("core: schema findings are capped; one limits.schema-findings warning on the first line counts the rest", () => {
  const keys = 5000;
  const text = "spec: CCRC-ISV-C01:2025\n" + manyKeyLines(keys);
  const few = service
    .validate("spec: CCRC-ISV-C01:2025\nk0: 1\n")
    .findings.filter((finding) => finding.ruleId.startsWith("schema.")).length;
  const report = service.validate(text);
  const schema = report.findings.filter((finding) => finding.ruleId.startsWith("schema."));
  assert.equal(schema.length, LIMITS.maxSchemaFindings);
  const cap = report.findings.filter((finding) => finding.ruleId === "limits.schema-findings");
  assert.equal(cap.length, 1);
  assert.equal(cap[0].severity, "warning");
  assert.deepEqual(cap[0].range, { start: 0, end: text.indexOf("\n") });
  // `few` is one unknown key and the missing ones; the others are keys − 1 more unknown keys.
  assert.deepEqual(cap[0].args, {
    limit: LIMITS.maxSchemaFindings,
    omitted: few + keys - 1 - LIMITS.maxSchemaFindings,
  });
  // At the cap exactly, nothing is said.
  const atCap = service.validate("spec: CCRC-ISV-C01:2025\n" + manyKeyLines(LIMITS.maxSchemaFindings - few + 1));
  assert.equal(
    atCap.findings.filter((finding) => finding.ruleId.startsWith("schema.")).length,
    LIMITS.maxSchemaFindings,
  );
  assert.ok(!ruleIds(atCap).includes("limits.schema-findings"));
});

// ---------------------------------------------------------------------------------------------------------------
// Through the CLI and the server, bounded

const HOSTILE: { [name: string]: () => string } = {
  "45,000 keys, one per line": () => manyKeyLines(45_000),
  "a 1 MB one-line flow mapping": () => flowMapping(1024 * 1024),
};

interface BoundedRun {
  code: number | null;
  stdout: string;
  killed: boolean;
}

function runCliBounded(args: string[], killAfterMs: number): Promise<BoundedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, killAfterMs);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.resume();
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(stdout).toString("utf8"), killed });
    });
  });
}

test(
  "CLI: many keys in one mapping get their findings within the budget (kill timer 30× the time budget)",
  { timeout: 4 * KILL_AFTER_MS },
  async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-hostile-keys-"));
    try {
      for (const [name, make] of Object.entries(HOSTILE)) {
        const file = path.join(folder, "many.dossier.yaml");
        fs.writeFileSync(file, make());
        const run = await runCliBounded(["lint", "--format", "json", "--as-of", "2026-03-18", file], KILL_AFTER_MS);
        assert.equal(run.killed, false, `${name}: still running after ${KILL_AFTER_MS} ms`);
        const report = JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ rule: string }> }> };
        const rules = report.files[0].findings.map((finding) => finding.rule);
        // exit 1 for the schema's errors; a parse the budget stopped has its warning alone (exit 0)
        assert.equal(run.code, rules.some((rule) => rule.startsWith("schema.")) ? 1 : 0, name);
        // The CLI has the server's time budget: either the check ran to its cap, or the budget stopped it (a loaded
        // machine) and says so — never nothing, never more than the cap.
        const schemaFindings = rules.filter(
          (rule) => rule === "schema.unknown-key" || rule === "schema.required",
        ).length;
        if (rules.includes("limits.time-budget")) assert.ok(schemaFindings <= LIMITS.maxSchemaFindings, name);
        else {
          assert.equal(schemaFindings, LIMITS.maxSchemaFindings, name);
          assert.equal(rules.filter((rule) => rule === "limits.schema-findings").length, 1, name);
        }
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  },
);

function ruleIdsOf(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map(
    (diagnostic) => (diagnostic as { data?: { ruleId?: string } }).data?.ruleId ?? String(diagnostic.code),
  );
}

test(
  "server: many keys in one mapping get diagnostics, and hovers are answered (bounded 30× the time budget)",
  { timeout: 6 * KILL_AFTER_MS },
  async () => {
    const client = new TestLspClient();
    try {
      await client.initialize("en");
      for (const [index, [name, make]] of Object.entries(HOSTILE).entries()) {
        const uri = `untitled:many-keys-${index}.dossier.yaml`;
        const published = client.diagnostics(uri, (next) => next.version === 1, KILL_AFTER_MS);
        await client.open(uri, make());
        const rules = ruleIdsOf(await published);
        // Either the check ran to its cap, or the budget stopped it (a loaded machine): never nothing.
        assert.ok(
          rules.includes("limits.schema-findings") || rules.includes("limits.time-budget"),
          `${name}: ${rules.slice(0, 5).join(", ")}`,
        );
        assert.ok(rules.length <= LIMITS.maxSchemaFindings + RULES.length + 5, `${name}: ${rules.length} diagnostics`);
        const hover = client.request("textDocument/hover", {
          textDocument: { uri },
          position: { line: 0, character: 1 },
        });
        const answered = await Promise.race([
          hover.then(() => true),
          new Promise((resolve) => setTimeout(() => resolve(false), KILL_AFTER_MS)),
        ]);
        assert.equal(answered, true, `${name}: hover not answered within ${KILL_AFTER_MS} ms`);
        await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
      }
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);
