// The configuration file on the command line, as real processes on real files in a temporary folder: found by
// walking up from each dossier (not above a folder holding .git), --config FILE, --no-config, --print-config, and a
// broken file (its findings listed as a file of the report, exit 2; the checklist refuses, one line per finding).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";

const SAMPLE = path.join(ROOT, "samples", "nanjing-qiyuan", "nanjing-qiyuan.dossier.yaml");
let top: string;
let repository: string;
let dossier: string;

interface JsonReport {
  files: Array<{
    path: string;
    findings: Array<{ rule: string; severity: string; range: { start: { line: number; character: number } } }>;
  }>;
}

before(() => {
  assertBuilt();
  top = fs.mkdtempSync(path.join(os.tmpdir(), "isv-cli-config-"));
  repository = path.join(top, "repository");
  // the dossier's YAML alone, without its evidence folder: evidence.exists errors unless checkEvidence is false
  dossier = path.join(repository, "clients", "nanjing", "nanjing.dossier.yaml");
  fs.mkdirSync(path.dirname(dossier), { recursive: true });
  fs.mkdirSync(path.join(repository, ".git"));
  fs.copyFileSync(SAMPLE, dossier);
});
after(() => fs.rmSync(top, { recursive: true, force: true }));

function writeConfig(folder: string, text: string): string {
  const file = path.join(folder, "isv-dossier.config.yaml");
  fs.writeFileSync(file, text);
  return file;
}

async function lintJson(args: string[]): Promise<{ code: number | null; report: JsonReport; stderr: string }> {
  const run = await runCli(["lint", "--format", "json", "--as-of", AS_OF, "--lang", "en", ...args], {
    cwd: repository,
  });
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

function rulesOf(report: JsonReport, file: string): string[] {
  return report.files.find((entry) => entry.path === file)?.findings.map((finding) => finding.rule) ?? [];
}

test("the file is found by walking up from the dossier's folder; --no-config ignores it", async () => {
  const config = writeConfig(repository, "checkEvidence: false\nseverity:\n  tools.source-evidence: warning\n");
  try {
    const withFile = await lintJson(["clients"]);
    const rules = rulesOf(withFile.report, "clients/nanjing/nanjing.dossier.yaml");
    assert.ok(!rules.includes("evidence.exists"));
    const severities = withFile.report.files[0].findings
      .filter((finding) => finding.rule === "tools.source-evidence")
      .map((finding) => finding.severity);
    assert.ok(severities.length > 0 && severities.every((severity) => severity === "warning"));
    assert.equal(withFile.code, 0);
    const without = await lintJson(["clients", "--no-config"]);
    assert.ok(rulesOf(without.report, "clients/nanjing/nanjing.dossier.yaml").includes("evidence.exists"));
    assert.equal(without.code, 1);
  } finally {
    fs.rmSync(config);
  }
});

test("the walk stops at the folder holding .git: a file above the repository governs nothing in it", async () => {
  const above = writeConfig(top, "checkEvidence: false\n");
  try {
    const run = await lintJson(["clients"]);
    assert.ok(rulesOf(run.report, "clients/nanjing/nanjing.dossier.yaml").includes("evidence.exists"));
  } finally {
    fs.rmSync(above);
  }
});

test("--config FILE governs every dossier; --config with --no-config, or a missing FILE, is a usage error", async () => {
  const elsewhere = path.join(top, "elsewhere");
  fs.mkdirSync(elsewhere, { recursive: true });
  const config = writeConfig(elsewhere, "checkEvidence: false\n");
  const run = await lintJson(["clients", "--config", config]);
  assert.ok(!rulesOf(run.report, "clients/nanjing/nanjing.dossier.yaml").includes("evidence.exists"));
  const both = await runCli(["lint", "clients", "--config", config, "--no-config"], { cwd: repository });
  assert.equal(both.code, 2);
  assert.equal(both.stdout, "");
  const missing = await runCli(["lint", "clients", "--config", path.join(top, "none.yaml")], { cwd: repository });
  assert.equal(missing.code, 2);
  assert.equal(missing.stdout, "");
});

test("--print-config DOSSIER: the effective configuration and the file it came from, as JSON or YAML", async () => {
  const config = writeConfig(repository, "checkEvidence: false\nlocale: zh-cn\nleaseWarningMonths: 3\n");
  try {
    const relative = "clients/nanjing/nanjing.dossier.yaml";
    const json = await runCli(["lint", "--print-config", relative, "--format", "json"], { cwd: repository });
    assert.equal(json.code, 0, json.stderr);
    const printed = JSON.parse(json.stdout) as {
      dossier: string;
      file: string;
      settings: { checkEvidence: boolean; leaseWarningMonths: number; locale: string };
      origins: { [key: string]: string };
    };
    assert.equal(printed.dossier, relative);
    assert.equal(printed.file, "isv-dossier.config.yaml");
    assert.deepEqual(
      [printed.settings.checkEvidence, printed.settings.leaseWarningMonths, printed.settings.locale],
      [false, 3, "zh-cn"],
    );
    assert.deepEqual([printed.origins.checkEvidence, printed.origins.severity], ["file", "default"]);
    const yaml = await runCli(["checklist", "--print-config", relative, "--lang", "en"], { cwd: repository });
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.match(yaml.stdout, /^file: isv-dossier\.config\.yaml$/m);
    assert.match(yaml.stdout, /^ {2}locale: en$/m);
    const none = await runCli(["lint", "--print-config", relative, "--no-config", "--format", "json"], {
      cwd: repository,
    });
    assert.equal((JSON.parse(none.stdout) as { file: string | null }).file, null);
  } finally {
    fs.rmSync(config);
  }
});

test("a broken file: its findings are a file of the report, with their places, and the exit code is 2", async () => {
  const config = writeConfig(repository, "checkEvidence: false\nseverity:\n  evidence.missing: off\nbogus: 1\n");
  try {
    const run = await lintJson(["clients", "--exit-zero"]);
    assert.equal(run.code, 2);
    const entry = run.report.files.find((file) => file.path === "isv-dossier.config.yaml");
    assert.ok(entry, "the configuration file is listed");
    assert.deepEqual(
      entry.findings.map((finding) => [finding.rule, finding.range.start.line, finding.range.start.character]),
      [
        ["config.unknown-id", 2, 2],
        ["config.unknown-key", 3, 0],
      ],
    );
    // what is well-formed still takes effect
    assert.ok(!rulesOf(run.report, "clients/nanjing/nanjing.dossier.yaml").includes("evidence.exists"));
    const stylish = await runCli(["lint", "clients", "--lang", "en", "--no-color"], { cwd: repository });
    assert.equal(stylish.code, 2);
    assert.match(stylish.stdout, /^isv-dossier\.config\.yaml$/m);
    const checklist = await runCli(["checklist", "clients/nanjing/nanjing.dossier.yaml", "--lang", "en"], {
      cwd: repository,
    });
    assert.equal(checklist.code, 2);
    assert.equal(checklist.stdout, "");
    assert.match(checklist.stderr, /isv-dossier\.config\.yaml:3:3: .*\(config\.unknown-id\)/);
    assert.match(checklist.stderr, /isv-dossier\.config\.yaml:4:1: .*\(config\.unknown-key\)/);
  } finally {
    fs.rmSync(config);
  }
});

test("a file that is not YAML at all is a finding, never a crash", async () => {
  const config = writeConfig(repository, "severity: [\n\u0000");
  try {
    const run = await lintJson(["clients"]);
    assert.equal(run.code, 2);
    assert.ok(run.report.files.some((file) => file.path === "isv-dossier.config.yaml" && file.findings.length > 0));
    assert.doesNotMatch(run.stderr, /internal/i);
  } finally {
    fs.rmSync(config);
  }
});

test("a configuration file that is a named pipe: one line saying so, exit 2, never a hang", async (context) => {
  const config = path.join(repository, "isv-dossier.config.yaml");
  spawnSync("mkfifo", [config]);
  try {
    if (!fs.existsSync(config) || !fs.statSync(config).isFIFO()) return context.skip("mkfifo is not available");
    const run = await runCli(["lint", "clients", "--lang", "en", "--no-color"], { cwd: repository, timeoutMs: 30_000 });
    assert.equal(run.timedOut, false, "the run ended by itself");
    assert.equal(run.code, 2);
    assert.match(run.stderr, /isv-dossier\.config\.yaml/);
    assert.equal(run.stderr.trim().split("\n").length, 1);
  } finally {
    fs.rmSync(config, { force: true });
  }
});

test("the run's language: --lang, else the configuration file's locale, else the environment's", async () => {
  const config = writeConfig(repository, "locale: zh-cn\n");
  try {
    const language = async (args: string[]): Promise<string> => {
      const run = await runCli(["lint", "clients", "--format", "json", ...args], {
        cwd: repository,
        env: { LANG: "en_US.UTF-8" },
      });
      return (JSON.parse(run.stdout) as { locale: string }).locale;
    };
    assert.equal(await language([]), "zh-CN");
    assert.equal(await language(["--lang", "en"]), "en");
    assert.equal(await language(["--no-config"]), "en");
  } finally {
    fs.rmSync(config);
  }
});
