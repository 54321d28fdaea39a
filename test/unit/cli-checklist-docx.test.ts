// `isv-dossier checklist --format docx`: the Word self-assessment table, opened by a real consumer — LibreOffice
// (headless, a private profile) converts it to PDF, text and flat ODF; poppler measures the PDF. Rows (序号), their
// conclusions, the Chinese texts, the repeated header row, the named fonts and the landscape page are checked in
// Chinese and English; the language server's export (the editor's *Export as Word…*) is the same table. Also: the
// refusals (no --output; over a dossier) and the atomic write.
// UPDATE_SCREENSHOT=1 also renders page 1 to docs/checklist-docx.png (the README's picture; needs a CJK font, e.g.
// Debian's fonts-noto-cjk, to show the Chinese).
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { STATUS_LABELS, type ClauseStatus } from "../../server/src/core/verdicts/checklist";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";
import { TestLspClient } from "../support/lsp-client";

const SAMPLE = "samples/nanjing-qiyuan/nanjing-qiyuan.dossier.yaml";
const VIOLATED = "samples/needs-work/lease-expired.dossier.yaml";

function commandExists(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

const missingTools = ["soffice", "pdfinfo", "pdftotext", "pdftoppm"].filter((command) => !commandExists(command));
const CONSUMER_SKIP =
  missingTools.length > 0
    ? `${missingTools.join(", ")} not installed (.ci/run installs Debian's libreoffice-writer-nogui and poppler-utils)`
    : false;

interface ChecklistJson {
  facts: Array<{ label: string; value: string }>;
  rows: Array<{ number: number; clauseId: string; status: ClauseStatus; keyPoint: string; selfAssessment: string }>;
}

let scratch = "";

before(() => {
  assertBuilt();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "isv-checklist-docx-"));
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

async function checklistJson(dossier: string, lang: string): Promise<ChecklistJson> {
  const run = await runCli(["checklist", dossier, "--format", "json", "--lang", lang, "--as-of", AS_OF]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as ChecklistJson;
}

async function writeDocx(dossier: string, lang: string, output: string): Promise<void> {
  const run = await runCli([
    "checklist",
    dossier,
    "--format",
    "docx",
    "--lang",
    lang,
    "--as-of",
    AS_OF,
    "--output",
    output,
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, "");
}

/** The Word table as the editor's *Export as Word…* gets it: the server's `isvDossier/checklistDocx`, base64. */
async function serverDocx(dossier: string, locale: string): Promise<Buffer> {
  const client = new TestLspClient();
  try {
    await client.initialize(locale);
    const file = path.join(ROOT, dossier);
    const uri = pathToFileURL(file).toString();
    const published = client.diagnostics(uri, (next) => next.version === 1, 30_000);
    await client.open(uri, fs.readFileSync(file, "utf8"));
    await published;
    const result = await client.request<{ base64: string } | null>("isvDossier/checklistDocx", { uri });
    assert.ok(result);
    const closed = await client.request<{ base64: string } | null>("isvDossier/checklistDocx", {
      uri: pathToFileURL(path.join(ROOT, VIOLATED)).toString(),
    });
    assert.equal(closed, null, "a dossier that is not open has no table");
    return Buffer.from(result.base64, "base64");
  } finally {
    await client.stop();
  }
}

/** Converts with LibreOffice into `folder`, with a private profile (no user settings, no clash with a running one). */
function convert(files: string[], format: string, folder: string): void {
  const profile = path.join(scratch, "libreoffice-profile");
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", format, "--outdir", folder, ...files],
    {
      stdio: "ignore",
      timeout: 180_000,
    },
  );
}

/** The lines of LibreOffice's plain-text export (a table cell's paragraphs are lines of their own). */
function textLines(file: string): string[] {
  return fs
    .readFileSync(file, "utf8")
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .map((line) => line.trim());
}

function conclusionLabels(lines: string[], locale: "zh" | "en"): string[] {
  const labels = Object.values(STATUS_LABELS).map((label) => label[locale]);
  // "不符合" before "符合": the longest label a line starts with
  const sorted = [...labels].sort((a, b) => b.length - a.length);
  return lines.flatMap((line) => {
    const label = sorted.find(
      (candidate) => line === candidate || line.startsWith(candidate + (locale === "zh" ? "（" : " (")),
    );
    return label ? [label] : [];
  });
}

test("--format docx without --output is refused (a binary file to a terminal): exit 2, one line", async () => {
  const run = await runCli(["checklist", SAMPLE, "--format", "docx", "--lang", "zh-CN", "--as-of", AS_OF]);
  assert.equal(run.code, 2);
  assert.equal(run.stdout, "");
  assert.equal(run.stderr.trim().split("\n").length, 1);
});

test("the table is never written over the dossier or another *.dossier.yaml; a write leaves no temporary file", async () => {
  const folder = path.join(scratch, "refusals");
  fs.mkdirSync(folder);
  const dossier = path.join(folder, "acme.dossier.yaml");
  const other = path.join(folder, "other.dossier.yaml");
  const text = fs.readFileSync(path.join(ROOT, SAMPLE), "utf8");
  fs.writeFileSync(dossier, text);
  fs.writeFileSync(other, "spec: CCRC-ISV-C01:2025\n");
  for (const [format, output] of [
    ["docx", dossier],
    ["docx", other],
    ["docx", "new.dossier.yml"],
    ["md", dossier],
  ]) {
    const run = await runCli(["checklist", dossier, "--format", format, "--output", output, "--as-of", AS_OF], {
      cwd: folder,
    });
    assert.equal(run.code, 2, `${format} → ${output}`);
    assert.equal(run.stderr.trim().split("\n").length, 1);
  }
  assert.equal(fs.readFileSync(dossier, "utf8"), text);
  assert.equal(fs.readFileSync(other, "utf8"), "spec: CCRC-ISV-C01:2025\n");
  const output = path.join(folder, "自评估表.docx");
  fs.writeFileSync(output, "an older table");
  await writeDocx(dossier, "zh-CN", output);
  assert.equal(fs.readFileSync(output).subarray(0, 2).toString("latin1"), "PK", "replaced by a .docx (a ZIP package)");
  assert.deepEqual(fs.readdirSync(folder).sort(), ["acme.dossier.yaml", "other.dossier.yaml", "自评估表.docx"].sort());
  const missingFolder = await runCli([
    "checklist",
    dossier,
    "--format",
    "docx",
    "--output",
    path.join(folder, "no-such-folder", "t.docx"),
    "--as-of",
    AS_OF,
  ]);
  assert.equal(missingFolder.code, 2);
  assert.equal(missingFolder.stderr.trim().split("\n").length, 1);
});

describe("LibreOffice opens the Word table", { skip: CONSUMER_SKIP }, () => {
  const cases = [
    { lang: "zh-CN", locale: "zh" as const, dossier: SAMPLE, name: "nanjing-zh" },
    { lang: "en", locale: "en" as const, dossier: SAMPLE, name: "nanjing-en" },
    { lang: "zh-CN", locale: "zh" as const, dossier: VIOLATED, name: "lease-zh" },
  ];
  const folder = (): string => path.join(scratch, "consumer");
  let converted = false;

  async function convertAll(): Promise<void> {
    if (converted) return;
    fs.mkdirSync(folder(), { recursive: true });
    const files = [];
    for (const entry of cases) {
      const file = path.join(folder(), `${entry.name}.docx`);
      await writeDocx(entry.dossier, entry.lang, file);
      files.push(file);
    }
    const fromServer = path.join(folder(), "server-zh.docx");
    fs.writeFileSync(fromServer, await serverDocx(SAMPLE, "zh-cn"));
    files.push(fromServer);
    convert(files, "pdf", folder());
    convert(files, "txt:Text", folder());
    convert([files[0]], "fodt", folder());
    converted = true;
  }

  for (const entry of cases) {
    test(`${entry.name}: every row (序号) with its conclusion, the facts and the signature block; A4 landscape`, async () => {
      await convertAll();
      const data = await checklistJson(entry.dossier, entry.lang);
      const lines = textLines(path.join(folder(), `${entry.name}.txt`));
      // every row: its number, then the first line of its key point
      for (const row of data.rows) {
        const at = lines.findIndex(
          (line, index) => line === String(row.number) && lines[index + 1] === row.keyPoint.split("\n")[0].trim(),
        );
        assert.ok(at >= 0, `row ${row.number} (${row.clauseId})`);
      }
      assert.deepEqual(
        conclusionLabels(lines, entry.locale),
        data.rows.map((row) => STATUS_LABELS[row.status][entry.locale]),
      );
      const all = lines.join("\n");
      for (const fact of data.facts) assert.ok(all.includes(fact.value), `fact ${fact.label}`);
      assert.ok(all.includes("南京栖垣网络科技有限公司") || entry.dossier !== SAMPLE, "the applicant's Chinese name");
      for (const row of data.rows)
        if (row.selfAssessment) assert.ok(all.includes(row.selfAssessment), `自评说明 of ${row.clauseId}`);
      if (entry.dossier === SAMPLE)
        assert.ok(
          data.rows.some((row) => row.selfAssessment),
          "the sample has notes",
        );
      const signature =
        entry.locale === "zh"
          ? ["申请单位（盖章）", "负责人签字", "日期"]
          : ["Applicant (seal)", "Signature of the person in charge", "Date"];
      for (const label of signature) assert.ok(all.includes(label), label);

      const pdf = path.join(folder(), `${entry.name}.pdf`);
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
      assert.ok(size, info);
      const [width, height] = [Number(size[1]), Number(size[2])];
      assert.ok(
        Math.abs(width - 841.89) < 2 && Math.abs(height - 595.28) < 2,
        `A4 landscape, not ${width} × ${height}`,
      );
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      // the header row is repeated on every page the table runs over
      const pdfText = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const header = entry.locale === "zh" ? "证明材料清单" : "Evidence list";
      const pagesWithHeader = pdfText.split("\f").filter((page) => page.includes(header)).length;
      const pagesWithRows = pdfText
        .split("\f")
        .filter((page) => data.rows.some((row) => page.includes(row.keyPoint.slice(0, 12)))).length;
      assert.ok(
        pagesWithRows >= 2 || pages === 1,
        "the table runs over more than one page (the test shows the repetition)",
      );
      assert.equal(pagesWithHeader, pagesWithRows);
    });
  }

  test("the language server's export (Export as Word…) is the same table as the command line's", async () => {
    await convertAll();
    assert.deepEqual(textLines(path.join(folder(), "server-zh.txt")), textLines(path.join(folder(), "nanjing-zh.txt")));
  });

  test("the fonts are named for East Asian text: 宋体 for the body, 黑体 for headings", async () => {
    await convertAll();
    const flat = fs.readFileSync(path.join(folder(), "nanjing-zh.fodt"), "utf8");
    assert.match(flat, /style:font-name-asian="宋体"/);
    assert.match(flat, /style:font-name-asian="黑体"/);
    assert.match(flat, /style:print-orientation="landscape"/);
  });

  test(
    "page 1 as a picture for the README (UPDATE_SCREENSHOT=1)",
    { skip: process.env.UPDATE_SCREENSHOT ? false : "only with UPDATE_SCREENSHOT=1" },
    async () => {
      await convertAll();
      const target = path.join(ROOT, "docs", "checklist-docx");
      fs.mkdirSync(path.dirname(target), { recursive: true });
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        path.join(folder(), "nanjing-zh.pdf"),
        target,
      ]);
      assert.ok(fs.statSync(`${target}.png`).size > 10_000);
    },
  );
});
