// `isv-dossier checklist`: one row per clause that applies to the dossier's category and level, in every format;
// the HTML is a standalone page (no external resources) that renders in headless Chromium (via playwright-core,
// when both are installed — test/e2e/install-tools.sh puts them in place).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { ClauseStatus, STATUS_LABELS } from "../../server/src/core/verdicts/checklist";
import { verdictClauses } from "../../server/src/core/catalog/clause-applicability";
import { defaultEdition, Level } from "../../server/src/core/catalog/edition";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";
import { csvRecords } from "../support/csv";

const DOSSIERS = [
  "samples/guizhou-zhuling/guizhou-zhuling.dossier.yaml",
  "samples/jinan-luoqiao/jinan-luoqiao.dossier.yaml",
  "samples/needs-work/lease-expired.dossier.yaml",
];

interface ChecklistJson {
  category: string | null;
  level: Level;
  rows: Array<{
    number: number;
    clauseId: string;
    status: ClauseStatus;
    basis: string;
    conclusion: string;
    findings: unknown[];
    evidence: string[];
  }>;
}

let scratch = "";

before(() => {
  assertBuilt();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "isv-checklist-"));
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

async function checklistJson(dossier: string): Promise<ChecklistJson> {
  const run = await runCli(["checklist", dossier, "--format", "json", "--lang", "zh-CN", "--as-of", AS_OF]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as ChecklistJson;
}

describe("checklist rows", { concurrency: 3 }, () => {
  for (const dossier of DOSSIERS) {
    test(`${path.basename(dossier)}: one row per applicable clause in json, md and csv`, async () => {
      const data = await checklistJson(dossier);
      const expected = verdictClauses(defaultEdition(), data.level, data.category ?? undefined).map(
        ({ clause }) => clause.id,
      );
      assert.deepEqual(
        data.rows.map((row) => row.clauseId),
        expected,
      );
      assert.deepEqual(
        data.rows.map((row) => row.number),
        expected.map((_, index) => index + 1),
      );
      const [markdown, csv] = await Promise.all([
        runCli(["checklist", dossier, "--format", "md", "--lang", "zh-CN", "--as-of", AS_OF]),
        runCli(["checklist", dossier, "--format", "csv", "--lang", "zh-CN", "--as-of", AS_OF]),
      ]);
      assert.match(
        markdown.stdout,
        /\| 序号 \| 评价要点 \| 条款 \| 所需证明材料 \| 结论 \| 证明材料清单 \| 自评说明 \|/,
      );
      assert.equal(markdown.stdout.split("\n").filter((line) => /^\| \d+ \|/.test(line)).length, expected.length);
      assert.ok(
        csv.stdout.startsWith("\ufeff序号,评价要点,条款,所需证明材料,结论,证明材料清单,自评说明,clause_id,status"),
      );
      const records = csvRecords(csv.stdout.slice(1));
      assert.equal(records.length, expected.length + 1);
      assert.ok(records.every((record) => record.length === 10));
      assert.deepEqual(
        records.slice(1).map((record) => [record[7], record[8], record[9]]),
        data.rows.map((row) => [row.clauseId, row.status, row.basis]),
      );
    });
  }

  test("conclusions: a violated clause carries its findings; the expired lease violates 4.1.1", async () => {
    const data = await checklistJson("samples/needs-work/lease-expired.dossier.yaml");
    const premises = data.rows.find((row) => row.clauseId === "4.1.1");
    assert.equal(premises?.status, "violated");
    assert.equal(premises?.conclusion, STATUS_LABELS.violated.zh);
    assert.ok((premises?.findings.length ?? 0) > 0);
    // Every conclusion starts with its status; only a fully checked clause says nothing more.
    for (const row of data.rows) {
      assert.ok(row.conclusion.startsWith(STATUS_LABELS[row.status].zh), row.clauseId);
      if (row.basis === "checked" || row.status === "not-applicable")
        assert.equal(row.conclusion, STATUS_LABELS[row.status].zh, row.clauseId);
    }
  });

  test("--output writes the checklist to a file", async () => {
    const target = path.join(scratch, "checklist.md");
    const [toFile, toStdout] = await Promise.all([
      runCli(["checklist", DOSSIERS[0], "--output", target, "--lang", "en", "--as-of", AS_OF]),
      runCli(["checklist", DOSSIERS[0], "--lang", "en", "--as-of", AS_OF]),
    ]);
    assert.equal(toFile.code, 0);
    assert.equal(toFile.stdout, "");
    assert.equal(fs.readFileSync(target, "utf8"), toStdout.stdout);
    assert.match(
      toStdout.stdout,
      /\| No\. \| Key point \| Clause \| Evidence required \| Conclusion \| Evidence list \|/,
    );
  });

  test("a missing dossier, two dossiers or a bad format exit 2 with one line", async () => {
    const runs = await Promise.all([
      runCli(["checklist", "samples/nope.dossier.yaml"]),
      runCli(["checklist", DOSSIERS[0], DOSSIERS[1]]),
      runCli(["checklist", DOSSIERS[0], "--format", "pdf"]),
      runCli(["checklist", "samples"]),
    ]);
    for (const run of runs) {
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^isv-dossier: [^\n]+\n$/);
    }
  });
});

interface PlaywrightPage {
  on(event: "request", listener: (request: { url(): string }) => void): void;
  goto(url: string): Promise<unknown>;
  emulateMedia(options: { media: "print" | "screen" }): Promise<void>;
  locator(selector: string): { count(): Promise<number>; allTextContents(): Promise<string[]> };
  evaluate<T>(script: string): Promise<T>;
  pdf(options: { format: string; landscape: boolean }): Promise<Buffer>;
}
interface PlaywrightBrowser {
  newPage(): Promise<PlaywrightPage>;
  close(): Promise<void>;
}
interface PlaywrightModule {
  chromium: {
    launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<PlaywrightBrowser>;
  };
}

function findPlaywright(): { module: PlaywrightModule; chromium: string } | string {
  const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => fs.existsSync(candidate));
  if (!chromium) return "no /usr/bin/chromium (install it with test/e2e/install-tools.sh)";
  const candidates = [
    path.join(ROOT, ".tools", "playwright", "node_modules", "playwright-core"),
    path.join(ROOT, "node_modules", "playwright-core"),
  ];
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, "package.json")));
  if (!found) return "playwright-core is not installed (test/e2e/install-tools.sh puts it in .tools/playwright)";
  return { module: createRequire(__filename)(found) as PlaywrightModule, chromium };
}

test("the HTML checklist is standalone and renders one row per clause in headless Chromium", async (context) => {
  const dossier = "samples/needs-work/lease-expired.dossier.yaml";
  const [html, data] = await Promise.all([
    runCli(["checklist", dossier, "--format", "html", "--lang", "zh-CN", "--as-of", AS_OF]),
    checklistJson(dossier),
  ]);
  assert.equal(html.code, 0);
  assert.match(html.stdout, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html.stdout, /<script|<link|<img|<iframe|\b(src|href)=|url\(|@import/i, "no external resources");
  const file = path.join(scratch, "checklist.html");
  fs.writeFileSync(file, html.stdout);
  const playwright = findPlaywright();
  if (typeof playwright === "string") return context.skip(playwright);
  const browser = await playwright.module.chromium.launch({
    executablePath: playwright.chromium,
    headless: true,
    args: ["--no-sandbox"],
  });
  try {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    await page.emulateMedia({ media: "print" });
    assert.deepEqual(requested, [url], "the page loads nothing but itself");
    assert.equal(await page.locator("table.checklist tbody tr").count(), data.rows.length);
    assert.deepEqual(await page.locator("table.checklist thead th").allTextContents(), [
      "序号",
      "评价要点",
      "条款",
      "所需证明材料",
      "结论",
      "证明材料清单",
      "自评说明",
    ]);
    const statuses = await page.locator("table.checklist tbody tr .status").allTextContents();
    assert.deepEqual(
      statuses,
      data.rows.map((row) => row.conclusion),
    );
    const tableWidth = await page.evaluate<number>(
      "document.querySelector('table.checklist').getBoundingClientRect().width",
    );
    assert.ok(tableWidth > 300, "the table is laid out");
    const pdf = await page.pdf({ format: "A4", landscape: true });
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-", "it prints");
  } finally {
    await browser.close();
  }
});
