// Hostile YAML: alias bombs, 10,000 levels of nesting (flow and block), a 10 MB dossier, several documents in one
// file. The core never throws and its work is bounded by construction — alias expansion stops at the limit, deep
// text never reaches the parser — which the findings show (no clock is read: a loaded machine changes nothing); the
// server publishes one clear finding and keeps going, within generous timeouts.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { buildChecklist } from "../../server/src/core/verdicts/checklist";
import { quickFixes } from "../../server/src/core/features/code-actions";
import { complete } from "../../server/src/core/features/completion";
import { definition } from "../../server/src/core/features/definition";
import { foldingRanges } from "../../server/src/core/features/folding";
import { hover } from "../../server/src/core/features/hover";
import { LIMITS } from "../../server/src/core/parse/limits";
import { evidenceLinks } from "../../server/src/core/features/links";
import { MAX_ALIAS_COUNT } from "../../server/src/core/parse/parse";
import { createLanguageService, DossierReport } from "../../server/src/core/check/service";
import { documentSymbols } from "../../server/src/core/features/symbols";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const VALID_SAMPLE = path.join(ROOT, "samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml");
const SAMPLE_TEXT = fs.readFileSync(VALID_SAMPLE, "utf8");
const DEPTH = 10_000;

const service = createLanguageService({ locale: "en", today: "2026-03-18" });

function ruleIds(report: DossierReport): string[] {
  return report.findings.map((finding) => finding.ruleId);
}

const BILLION_LAUGHS = [
  "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
  "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
  "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
  "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]",
  "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]",
  "",
].join("\n");

const ALIAS_BOMBS: { [name: string]: string } = {
  "billion laughs": "spec: CCRC-ISV-C01:2025\n" + BILLION_LAUGHS,
  "block-style laughs":
    "spec: CCRC-ISV-C01:2025\nx: &x\n" +
    "  - lol\n".repeat(50) +
    "y: &y\n" +
    "  - *x\n".repeat(50) +
    "z:\n" +
    "  - *y\n".repeat(50),
  "one big anchor, many aliases": `personnel: &p [${Array.from({ length: 5000 }, (_, index) => `{id: p${index}}`).join(", ")}]\nprojects: [${"*p, ".repeat(200)}*p]\n`,
  "aliases as keys":
    "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b {*a: 1, [*a, *a]: 2}\nc: [" + "*b, ".repeat(100) + "*b]\n",
};

/** Texts nested DEPTH levels deep, flow and block; and the shapes that once crashed the process. */
function deeplyNested(): { [name: string]: string } {
  let blockMaps = "spec: CCRC-ISV-C01:2025\nx:\n";
  for (let level = 1; level <= DEPTH; level++) blockMaps += " ".repeat(level) + "k:\n";
  return {
    "flow lists": "spec: CCRC-ISV-C01:2025\nx: " + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "\n",
    "flow mappings": "spec: CCRC-ISV-C01:2025\nx: " + "{a: ".repeat(DEPTH) + "1" + "}".repeat(DEPTH) + "\n",
    "flow under a known key":
      "spec: CCRC-ISV-C01:2025\npersonnel: " + "[{id: ".repeat(DEPTH / 2) + "x" + "}]".repeat(DEPTH / 2) + "\n",
    "unclosed flow": "personnel: " + "[".repeat(DEPTH),
    "unclosed flow mappings": "{".repeat(DEPTH),
    "compact block lists": "- ".repeat(DEPTH) + "x\n",
    "block mappings by indentation": blockMaps,
    "explicit keys": "? ".repeat(DEPTH) + "x\n",
    "two lists 999 deep (aborted V8 once)": ("- " + "[".repeat(999) + "]".repeat(999) + "\n").repeat(3),
    "just under the limit, many times": (
      "- " +
      "[".repeat(LIMITS.maxNestingDepth - 2) +
      "]".repeat(LIMITS.maxNestingDepth - 2) +
      "\n"
    ).repeat(2000),
  };
}

/** Every editor feature of the core on a report: none may throw. */
function exerciseFeatures(report: DossierReport, offsets: number[]): void {
  documentSymbols(report, "en");
  foldingRanges(report);
  evidenceLinks(report);
  buildChecklist(report);
  quickFixes(report, { start: 0, end: report.parsed.text.length }, "en");
  for (const offset of offsets) {
    complete(report, offset, "en");
    hover(report, offset, "en");
    definition(report, offset, "en");
  }
}

test("core: alias bombs are stopped by the alias limit with one clear finding", () => {
  for (const [name, text] of Object.entries(ALIAS_BOMBS)) {
    const report = service.validate(text);
    const limit = report.findings.filter((finding) => finding.ruleId === "yaml.alias-limit");
    assert.equal(limit.length, 1, `${name}: ${ruleIds(report).join(", ")}`);
    assert.equal(limit[0].args.limit, MAX_ALIAS_COUNT);
    assert.equal(report.parsed.value, undefined, name);
    exerciseFeatures(report, [0, Math.floor(text.length / 2), text.length]);
  }
});

test(`core: ${DEPTH} levels of nesting, flow and block, are declined with limits.nesting-depth; nothing overflows the stack`, () => {
  for (const [name, text] of Object.entries(deeplyNested())) {
    const report = service.validate(text);
    if (name.startsWith("just under")) {
      assert.ok(
        !ruleIds(report).includes("limits.nesting-depth"),
        `${name}: ${ruleIds(report).slice(0, 5).join(", ")}`,
      );
    } else {
      assert.deepEqual(ruleIds(report), ["limits.nesting-depth"], name);
      assert.equal(report.parsed.declined, "limits.nesting-depth", name);
      const finding = report.findings[0];
      assert.ok(
        finding.range.start >= 0 && finding.range.end <= text.length && finding.range.end > finding.range.start,
        name,
      );
    }
    // Completion reads the text around the cursor itself (cursor-context.ts); it is exercised where it is cheap
    // (the server does not offer completion on a declined document).
    exerciseFeatures(report, [0, Math.min(text.length, 200)]);
  }
});

test("core: a document nested deeper than the limit, but below what the text check sees, is declined after parsing", () => {
  // 60 levels of flow in block lists 60 deep: no line starts past the column limit, no flow deeper than the limit.
  const depth = 60;
  let text = "";
  for (let level = 0; level < depth; level++) text += "  ".repeat(level) + "-\n";
  text += "  ".repeat(depth) + "[".repeat(depth) + "]".repeat(depth) + "\n";
  const report = service.validate(text);
  assert.deepEqual(ruleIds(report), ["limits.nesting-depth"]);
  // and at the limit exactly, it is checked
  let atLimit = "";
  for (let level = 0; level < 50; level++) atLimit += "  ".repeat(level) + "-\n";
  atLimit += "  ".repeat(50) + "[".repeat(LIMITS.maxNestingDepth - 50) + "]".repeat(LIMITS.maxNestingDepth - 50) + "\n";
  assert.ok(!ruleIds(service.validate(atLimit)).includes("limits.nesting-depth"));
});

test("core: brackets in block scalars and comments do not count as nesting", () => {
  const brackets = "[".repeat(LIMITS.maxNestingDepth * 2);
  const text = `${SAMPLE_TEXT}\n# ${brackets}\nnotes: |\n  ${brackets}\n  more ${brackets}\n`;
  assert.ok(!ruleIds(service.validate(text)).includes("limits.nesting-depth"));
});

test("core: several documents in one file: yaml.multiple-documents at the second `---`; only the first is checked", () => {
  const text = SAMPLE_TEXT + "---\nspec: CCRC-ISV-C01:2025\nunknown_key: 1\n";
  const report = service.validate(text);
  const multiple = report.findings.filter((finding) => finding.ruleId === "yaml.multiple-documents");
  assert.equal(multiple.length, 1);
  assert.equal(text.slice(multiple[0].range.start, multiple[0].range.end), "---");
  assert.equal(multiple[0].range.start, SAMPLE_TEXT.length);
  assert.equal(multiple[0].severity, "error");
  // the second document is not checked: the rest equals the first document alone
  const alone = service.validate(SAMPLE_TEXT).findings.map((finding) => finding.ruleId);
  assert.deepEqual(
    report.findings.filter((finding) => finding !== multiple[0]).map((finding) => finding.ruleId),
    alone,
  );
  // an explicit start marker, and comments before it, are one document
  assert.ok(!ruleIds(service.validate("# header\n---\n" + SAMPLE_TEXT)).includes("yaml.multiple-documents"));
  // a document end marker followed by more content is a second document
  assert.ok(ruleIds(service.validate(SAMPLE_TEXT + "...\nspec: x\n")).includes("yaml.multiple-documents"));
});

// ---------------------------------------------------------------------------------------------------------------
// Through the server

function ruleIdsOf(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map(
    (diagnostic) => (diagnostic as { data?: { ruleId?: string } }).data?.ruleId ?? String(diagnostic.code),
  );
}

async function openAndWait(
  client: TestLspClient,
  uri: string,
  text: string,
  timeoutMs = 20_000,
): Promise<PublishedDiagnostics> {
  const published = client.diagnostics(uri, (next) => next.version === 1, timeoutMs);
  await client.open(uri, text);
  return published;
}

/** The requests an editor sends on open; each must be answered. */
async function askEverything(client: TestLspClient, uri: string): Promise<void> {
  const textDocument = { uri };
  const position = { line: 0, character: 3 };
  await Promise.all([
    client.request("textDocument/hover", { textDocument, position }),
    client.request("textDocument/completion", { textDocument, position }),
    client.request("textDocument/documentSymbol", { textDocument }),
    client.request("textDocument/foldingRange", { textDocument }),
    client.request("textDocument/documentLink", { textDocument }),
    client.request("textDocument/codeAction", {
      textDocument,
      range: { start: position, end: position },
      context: { diagnostics: [] },
    }),
    client.request("isvDossier/checklist", { uri }),
  ]);
}

test(
  "server: alias bombs and 10,000 levels of nesting get one finding each; every request is answered; the server lives on",
  { timeout: 120_000 },
  async () => {
    const client = new TestLspClient();
    try {
      await client.initialize("en");
      const cases: Array<[string, string, string]> = [
        ...Object.entries(ALIAS_BOMBS).map(([name, text]): [string, string, string] => [
          name,
          text,
          "yaml.alias-limit",
        ]),
        ...Object.entries(deeplyNested())
          .filter(([name]) => !name.startsWith("just under") && !name.startsWith("block mappings")) // 50 MB: declined for its size
          .map(([name, text]): [string, string, string] => [name, text, "limits.nesting-depth"]),
      ];
      for (const [index, [name, text, ruleId]] of cases.entries()) {
        const uri = `untitled:hostile-${index}.dossier.yaml`;
        const published = await openAndWait(client, uri, text);
        assert.ok(ruleIdsOf(published).includes(ruleId), `${name}: ${ruleIdsOf(published).join(", ")}`);
        await askEverything(client, uri);
      }
      const uri = pathToFileURL(VALID_SAMPLE).toString();
      const published = await openAndWait(client, uri, SAMPLE_TEXT);
      assert.deepEqual(
        published.diagnostics.filter((diagnostic) => diagnostic.severity === 1),
        [],
      );
      assert.equal(client.stderr.join(""), "");
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);

/** The valid sample padded to `bytes` with comment lines (a pasted contract, say): it parses quickly. */
function paddedDossier(bytes: number): string {
  const line = "# " + "合同条款正文，逐条粘贴。".repeat(20) + "\n";
  const lineBytes = Buffer.byteLength(line);
  return SAMPLE_TEXT + line.repeat(Math.ceil((bytes - Buffer.byteLength(SAMPLE_TEXT)) / lineBytes));
}

test(
  "server: a 10 MB dossier is declined with limits.file-size by default, and checked when the setting allows it",
  { timeout: 120_000 },
  async () => {
    const text = paddedDossier(10 * 1024 * 1024);
    assert.ok(Buffer.byteLength(text) >= 10 * 1024 * 1024);
    const client = new TestLspClient();
    try {
      await client.initialize("en");
      const uri = pathToFileURL(path.join(path.dirname(VALID_SAMPLE), "big.dossier.yaml")).toString();
      const declined = await openAndWait(client, uri, text);
      assert.deepEqual(ruleIdsOf(declined), ["limits.file-size"]);
      // the core's finding (core/parse/limits.ts, as in the CLI): a warning at the start, without a clause
      assert.deepEqual(
        declined.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.code, diagnostic.range]),
        [[2, "limits.file-size", { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]],
      );
      const symbols = await client.request<unknown[]>("textDocument/documentSymbol", { textDocument: { uri } });
      assert.deepEqual(symbols, []);
      await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });

      // With a limit above its size, it is checked: the padding changes nothing, within a bounded time.
      // (and a budget that parsing 10 MB cannot spend on a loaded machine: the padding must change no finding)
      client.configuration = { maxFileSizeBytes: 20 * 1024 * 1024, timeBudgetMs: 60_000 };
      await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
      const small = await openAndWait(client, pathToFileURL(VALID_SAMPLE).toString(), SAMPLE_TEXT);
      // Bounded by the wait (60 s, 30 times the time budget): the diagnostics must come, however loaded the machine.
      const checked = await openAndWait(client, uri, text, 60_000);
      assert.deepEqual(ruleIdsOf(checked), ruleIdsOf(small));
      const hoverAnswer = await client.request("textDocument/hover", {
        textDocument: { uri },
        position: { line: 13, character: 4 },
      });
      assert.ok(hoverAnswer);
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);
