// `isv-dossier init` and `isv-dossier clauses`: every skeleton (each category, level and DR class) validates
// with errors only on its "" placeholders; an existing file is never overwritten; the catalog lists every clause
// and one clause shows its text, provenance and the rules that check it.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { defaultEdition, LEVELS } from "../../server/src/core/catalog/edition";
import { RULES } from "../../server/src/core/check/rules";
import { assertBuilt, runCli } from "../support/cli-harness";

let scratch = "";

before(() => {
  assertBuilt();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "isv-init-"));
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

interface JsonLint {
  files: Array<{
    path: string;
    findings: Array<{
      rule: string;
      severity: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
    }>;
  }>;
}

/** Every category (and DR class) once, the levels taking turns so that each level is covered too. */
function combinations(): Array<{ category: string; level: number; drClass?: string }> {
  const edition = defaultEdition();
  const pairs = Object.entries(edition.categories).flatMap(([category, entry]) => {
    const classes = Object.keys(entry.classes ?? {});
    return classes.length > 0 ? classes.map((drClass) => ({ category, drClass })) : [{ category }];
  });
  return pairs.map((pair, index) => ({ ...pair, level: LEVELS[index % LEVELS.length] }));
}

describe("init", { concurrency: 4 }, () => {
  test('skeletons of every category, DR class and level: only values to fill in, on the "" placeholders; lint fails', async () => {
    const folder = path.join(scratch, "skeletons");
    fs.mkdirSync(folder);
    const all = combinations();
    const runs = await Promise.all(
      all.map(({ category, level, drClass }) =>
        runCli(
          [
            "init",
            "--category",
            category,
            "--level",
            String(level),
            ...(drClass ? ["--dr-class", drClass] : []),
            "--lang",
            "zh-CN",
            `${category}-${level}${drClass ?? ""}.dossier.yaml`,
          ],
          { cwd: folder },
        ),
      ),
    );
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const lint = await runCli(["lint", ".", "--format", "json", "--lang", "en"], { cwd: folder });
    // warnings only, but a dossier with values to fill in does not pass
    assert.equal(lint.code, 1, lint.stderr);
    const report = JSON.parse(lint.stdout) as JsonLint;
    assert.equal(report.files.length, all.length);
    for (const file of report.files) {
      const lines = fs.readFileSync(path.join(folder, file.path), "utf8").split("\n");
      assert.deepEqual(
        file.findings.filter((finding) => finding.rule !== "fill.empty" || finding.severity !== "warning"),
        [],
        `${file.path}: nothing but values to fill in`,
      );
      assert.ok(file.findings.length > 0, `${file.path}: the placeholders must be filled in`);
      for (const finding of file.findings) {
        const { start, end } = finding.range;
        const covered =
          start.line === end.line ? lines[start.line].slice(start.character, end.character) : "(several lines)";
        assert.equal(
          covered,
          '""',
          `${file.path}:${start.line + 1}:${start.character + 1} ${finding.rule} is on a placeholder`,
        );
      }
    }
  });

  test("without FILE the skeleton goes to stdout, in the chosen language, with clause comments", async () => {
    const [english, chinese] = await Promise.all([
      runCli(["init", "--category", "security-integration", "--level", "2", "--lang", "en"]),
      runCli(["init", "--category", "security-integration", "--level", "2"], { env: { LANG: "zh_CN.UTF-8" } }),
    ]);
    assert.equal(english.code, 0);
    assert.match(english.stdout, /^# CCRC-ISV-C01:2025 .*qualification dossier\n/);
    assert.match(english.stdout, /^  category: security-integration/m);
    assert.match(english.stdout, /^  level: 2/m);
    assert.match(english.stdout, /# .*\(§4\.2\.1\)/);
    assert.match(english.stdout, /^  supplier_management:/m, "integration needs supplier management");
    assert.match(chinese.stdout, /^# CCRC-ISV-C01:2025《信息安全服务规范》/);
  });

  test("an existing file is never overwritten; bad options exit 2 with one line", async () => {
    const existing = path.join(scratch, "existing.dossier.yaml");
    fs.writeFileSync(existing, "keep me\n");
    const runs = await Promise.all([
      runCli(["init", "--category", "risk-assessment", "--level", "3", existing]),
      runCli(["init", "--level", "3"]),
      runCli(["init", "--category", "risk-assessment"]),
      runCli(["init", "--category", "cooking", "--level", "3"]),
      runCli(["init", "--category", "risk-assessment", "--level", "4"]),
      runCli(["init", "--category", "disaster-recovery", "--level", "2"]),
      runCli(["init", "--category", "risk-assessment", "--level", "2", "--dr-class", "A"]),
      runCli(["init", "--category", "disaster-recovery", "--level", "2", "--dr-class", "C"]),
      runCli([
        "init",
        "--category",
        "risk-assessment",
        "--level",
        "2",
        path.join(scratch, "missing-folder", "x.dossier.yaml"),
      ]),
    ]);
    const patterns = [
      /existing\.dossier\.yaml/,
      /--category/,
      /--level/,
      /cooking/,
      /4/,
      /--dr-class/,
      /--dr-class/,
      /C/,
      /missing-folder/,
    ];
    runs.forEach((run, index) => {
      assert.equal(run.code, 2, `case ${index}: ${run.stderr}`);
      assert.match(run.stderr, /^isv-dossier: [^\n]+\n$/);
      assert.match(run.stderr, patterns[index]);
      assert.equal(run.stdout, "");
    });
    assert.equal(fs.readFileSync(existing, "utf8"), "keep me\n");
  });
});

describe("clauses", { concurrency: 4 }, () => {
  test("the catalog tree lists every clause once", async () => {
    const run = await runCli(["clauses", "--lang", "en"]);
    assert.equal(run.code, 0);
    const lines = run.stdout.trimEnd().split("\n");
    const edition = defaultEdition();
    assert.equal(lines.length, edition.clauses.length + 1);
    assert.match(lines[0], /^CCRC-ISV-C01:2025 信息安全服务规范/);
    assert.match(run.stdout, /4\.3\.3 b\) .*\[public summary\]/);
    assert.match(run.stdout, /4\.2\.5 .*\[text unknown\]/);
  });

  test("one clause: its Chinese text, its provenance, the rules resolved at each level and the fields citing it", async () => {
    const edition = defaultEdition();
    const expectedRules = RULES.filter((rule) =>
      rule.clauses.some((template) => LEVELS.some((level) => edition.resolveClause(template, level) === "4.2.3.b")),
    );
    const [byId, byLabel, summary, unknown] = await Promise.all([
      runCli(["clauses", "4.2.3.b", "--lang", "en"]),
      runCli(["clauses", "4.2.3 b)", "--lang", "en"]),
      runCli(["clauses", "4.3.3.b", "--lang", "zh-CN"]),
      runCli(["clauses", "4.9.9"]),
    ]);
    assert.equal(byId.code, 0);
    assert.equal(byLabel.stdout, byId.stdout);
    assert.ok(byId.stdout.includes(edition.clause("4.2.3.b")?.text?.zh ?? "?"));
    assert.match(byId.stdout, /Quoted from our copy/);
    for (const rule of expectedRules) assert.ok(byId.stdout.includes(`\`${rule.id}\``), rule.id);
    assert.match(byId.stdout, /`performance\.projects`/);
    assert.match(summary.stdout, /非本规范原文/);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^isv-dossier: [^\n]*4\.9\.9[^\n]*\n$/);
  });
});
