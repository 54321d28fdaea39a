// `isv-dossier lint` end to end: exit codes, the JSON shape, --quiet, --max-warnings, --as-of, --lang and the
// locale environment, --level/--category as filters, paths and globs, bad and unreadable paths (exit 2 with one
// line on stderr each), --output, colour, and the progress bar (only on a terminal).
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { AS_OF, assertBuilt, CLI, neutralEnvironment, ROOT, runCli, validSampleFolders } from "../support/cli-harness";

interface JsonFinding {
  rule: string;
  clauses: string[];
  severity: "error" | "warning" | "info";
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  args: { [name: string]: unknown };
}
interface JsonReport {
  version: number;
  files: Array<{ path: string; level: number | null; category: string | null; findings: JsonFinding[] }>;
  summary: { files: number; errors: number; warnings: number; infos: number };
}

const SAMPLE = "samples/jinan-luoqiao/jinan-luoqiao.dossier.yaml";
const MISSING_TOOLS = "samples/needs-work/missing-tools.dossier.yaml";
let scratch = "";

/** A folder holding variants of a valid sample (with its evidence): a warning only, no application date. */
function makeScratch(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-lint-"));
  fs.chmodSync(folder, 0o755);
  fs.cpSync(path.join(ROOT, "samples", "jinan-luoqiao", "evidence"), path.join(folder, "evidence"), {
    recursive: true,
  });
  const text = fs.readFileSync(path.join(ROOT, SAMPLE), "utf8");
  fs.writeFileSync(
    path.join(folder, "warning.dossier.yaml"),
    text.replace("lease_until: 2027-12-31", "lease_until: 2026-12-31"),
  );
  fs.writeFileSync(path.join(folder, "no-date.dossier.yaml"), text.replace(/^  date: .*\n/m, ""));
  fs.mkdirSync(path.join(folder, "empty-folder"));
  return folder;
}

function json(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

function assertOneLineError(run: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stdout, "");
  assert.match(run.stderr, /^isv-dossier: [^\n]+\n$/, "exactly one line on stderr");
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /^\s+at /m, "no stack trace without --debug");
}

before(() => {
  assertBuilt();
  scratch = makeScratch();
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("exit codes and the JSON shape", { concurrency: 4 }, () => {
  test("a valid sample: exit 0; needs-work: exit 1; --exit-zero: 0", async () => {
    const [valid, broken, exitZero] = await Promise.all([
      runCli(["lint", SAMPLE, "--as-of", AS_OF]),
      runCli(["lint", MISSING_TOOLS, "--as-of", AS_OF]),
      runCli(["lint", MISSING_TOOLS, "--as-of", AS_OF, "--exit-zero"]),
    ]);
    assert.equal(valid.code, 0);
    assert.equal(broken.code, 1);
    assert.equal(exitZero.code, 0);
    assert.equal(exitZero.stdout, broken.stdout);
  });

  test("--format json has the documented shape (0-based positions, relative paths, summary)", async () => {
    const run = await runCli(["lint", "samples/needs-work", "--format", "json", "--as-of", AS_OF, "--lang", "en"]);
    assert.equal(run.code, 1);
    const report = json(run.stdout);
    assert.equal(report.version, 1);
    assert.ok(report.files.length > 10);
    let errors = 0;
    for (const file of report.files) {
      assert.match(file.path, /^samples\/needs-work\/[^/]+\.dossier\.yaml$/);
      for (const finding of file.findings) {
        assert.deepEqual(Object.keys(finding).slice(0, 5), ["rule", "clauses", "severity", "message", "range"]);
        assert.ok(["error", "warning", "info"].includes(finding.severity));
        assert.ok(Array.isArray(finding.clauses) && typeof finding.rule === "string" && finding.message.length > 0);
        for (const end of [finding.range.start, finding.range.end])
          assert.ok(Number.isInteger(end.line) && end.line >= 0 && end.character >= 0);
        if (finding.severity === "error") errors++;
      }
    }
    assert.deepEqual(Object.keys(report.summary), ["files", "errors", "warnings", "infos", "waived"]);
    assert.equal(report.summary.files, report.files.length);
    assert.equal(report.summary.errors, errors);
    // positions agree with the file: the first error of the missing-tools sample starts at the `tools` key's line
    const missingTools = report.files.find((file) => file.path.endsWith("missing-tools.dossier.yaml"));
    const finding = missingTools?.findings.find((entry) => entry.rule === "schema.required");
    assert.ok(finding, "missing-tools reports schema.required");
    assert.deepEqual(finding.clauses, ["4.1.5"]);
  });

  test("--quiet reports errors only", async () => {
    const files = [
      "samples/needs-work/l2-too-few-projects.dossier.yaml",
      "samples/needs-work/lease-expired.dossier.yaml",
      MISSING_TOOLS,
    ];
    const [all, quiet] = await Promise.all([
      runCli(["lint", ...files, "--format", "json", "--as-of", AS_OF]),
      runCli(["lint", ...files, "--format", "json", "--as-of", AS_OF, "--quiet"]),
    ]);
    const full = json(all.stdout);
    const errorsOnly = json(quiet.stdout);
    assert.ok(full.summary.infos > 0);
    assert.deepEqual(errorsOnly.summary, { ...full.summary, warnings: 0, infos: 0 });
    assert.ok(errorsOnly.files.every((file) => file.findings.every((finding) => finding.severity === "error")));
    assert.equal(quiet.code, 1);
  });

  test("--max-warnings: more warnings than allowed exit 1 with a message on stderr", async () => {
    const file = path.join(scratch, "warning.dossier.yaml");
    const [unlimited, zero, one, quiet] = await Promise.all([
      runCli(["lint", file, "--as-of", AS_OF, "--lang", "en"]),
      runCli(["lint", file, "--as-of", AS_OF, "--lang", "en", "--max-warnings", "0"]),
      runCli(["lint", file, "--as-of", AS_OF, "--lang", "en", "--max-warnings", "1"]),
      runCli(["lint", file, "--as-of", AS_OF, "--lang", "en", "--max-warnings", "0", "--quiet"]),
    ]);
    assert.match(unlimited.stdout, /\b1 warning\b/);
    assert.equal(unlimited.code, 0);
    assert.equal(zero.code, 1);
    assert.match(zero.stderr, /--max-warnings/);
    assert.equal(one.code, 0);
    assert.equal(quiet.code, 0, "--quiet drops warnings, so none count");
  });
});

describe("options that never change a dossier's own values", { concurrency: 4 }, () => {
  test("--as-of is used only when a dossier has no application.date", async () => {
    const withDate = path.join(scratch, "warning.dossier.yaml");
    const withoutDate = path.join(scratch, "no-date.dossier.yaml");
    const [dated1, dated2, undated1, undated2] = await Promise.all([
      runCli(["lint", withDate, "--format", "json", "--as-of", "2026-01-01"]),
      runCli(["lint", withDate, "--format", "json", "--as-of", "2031-01-01"]),
      runCli(["lint", withoutDate, "--format", "json", "--as-of", "2026-11-24"]),
      runCli(["lint", withoutDate, "--format", "json", "--as-of", "2031-01-01"]),
    ]);
    assert.equal(dated1.stdout, dated2.stdout, "the application date wins");
    const asOfToday = (run: { stdout: string }): JsonFinding | undefined =>
      json(run.stdout).files[0].findings.find((finding) => finding.rule === "dates.as-of-today");
    assert.equal(asOfToday(undated1)?.args.today, "2026-11-24");
    assert.equal(asOfToday(undated2)?.args.today, "2031-01-01");
    assert.notEqual(undated1.stdout, undated2.stdout);
  });

  test("--level and --category only filter which dossiers are reported", async () => {
    const samples = validSampleFolders();
    const [all, level2, integration, both] = await Promise.all([
      runCli(["lint", ...samples, "--format", "json", "--as-of", AS_OF]),
      runCli(["lint", ...samples, "--format", "json", "--as-of", AS_OF, "--level", "2"]),
      runCli([
        "lint",
        ...samples,
        "--format",
        "json",
        "--as-of",
        AS_OF,
        "--category",
        "security-integration,risk-assessment",
      ]),
      runCli([
        "lint",
        ...samples,
        "--format",
        "json",
        "--as-of",
        AS_OF,
        "--level",
        "1",
        "--level",
        "2",
        "--category",
        "secure-development",
      ]),
    ]);
    const everything = json(all.stdout).files;
    const expect = (keep: (file: JsonReport["files"][number]) => boolean): JsonReport["files"] =>
      everything.filter(keep);
    assert.deepEqual(
      json(level2.stdout).files,
      expect((file) => file.level === 2),
    );
    assert.ok(json(level2.stdout).files.length > 0);
    assert.deepEqual(
      json(integration.stdout).files,
      expect((file) => file.category === "security-integration" || file.category === "risk-assessment"),
    );
    assert.deepEqual(
      json(both.stdout).files,
      expect((file) => (file.level === 1 || file.level === 2) && file.category === "secure-development"),
    );
  });

  test("--lang, and the locale from LC_ALL / LC_MESSAGES / LANG", async () => {
    const args = ["lint", MISSING_TOOLS, "--as-of", AS_OF];
    const [chineseLang, englishAll, explicit, plain] = await Promise.all([
      runCli(args, { env: { LANG: "zh_CN.UTF-8" } }),
      runCli(args, { env: { LANG: "zh_CN.UTF-8", LC_ALL: "en_US.UTF-8" } }),
      runCli([...args, "--lang", "zh-CN"], { env: { LC_ALL: "C" } }),
      runCli(args),
    ]);
    assert.match(chineseLang.stdout, /错误/);
    assert.doesNotMatch(englishAll.stdout, /错误/);
    assert.match(englishAll.stdout, /\berror\b/);
    assert.equal(explicit.stdout, chineseLang.stdout);
    assert.match(plain.stdout, /\berror\b/);
  });
});

describe("paths", { concurrency: 4 }, () => {
  test("files, folders and globs; argument order kept, duplicates dropped", async () => {
    const [folder, glob, deepGlob, listed] = await Promise.all([
      runCli(["lint", "samples", "--format", "json", "--as-of", AS_OF]),
      runCli(["lint", "samples/*/*.dossier.yaml", "--format", "json", "--as-of", AS_OF]),
      runCli(["lint", "**/{lease,missing}-*.dossier.y?ml", "--format", "json", "--as-of", AS_OF], {
        cwd: path.join(ROOT, "samples"),
      }),
      runCli(["lint", MISSING_TOOLS, SAMPLE, MISSING_TOOLS, "--format", "json", "--as-of", AS_OF]),
    ]);
    assert.deepEqual(
      json(glob.stdout).files.map((file) => file.path),
      json(folder.stdout).files.map((file) => file.path),
    );
    assert.deepEqual(
      json(deepGlob.stdout).files.map((file) => file.path),
      [
        "needs-work/lease-expired.dossier.yaml",
        "needs-work/missing-confidentiality-agreement.dossier.yaml",
        "needs-work/missing-tools.dossier.yaml",
      ],
    );
    assert.deepEqual(
      json(listed.stdout).files.map((file) => file.path),
      [MISSING_TOOLS, SAMPLE],
    );
  });

  test("no path = the current folder", async () => {
    const [here, named] = await Promise.all([
      runCli(["lint", "--format", "json", "--as-of", AS_OF], { cwd: path.join(ROOT, "samples", "needs-work") }),
      runCli(["lint", ".", "--format", "json", "--as-of", AS_OF], { cwd: path.join(ROOT, "samples", "needs-work") }),
    ]);
    assert.equal(here.code, 1);
    assert.equal(here.stdout, named.stdout);
    assert.ok(json(here.stdout).files.every((file) => !file.path.includes("/")));
  });

  test("a missing path, a glob matching nothing and a folder without dossiers exit 2 with one line", async () => {
    const [missing, noMatch, empty] = await Promise.all([
      runCli(["lint", "samples/does-not-exist.dossier.yaml"]),
      runCli(["lint", "samples/*/nothing-*.dossier.yaml"]),
      runCli(["lint", path.join(scratch, "empty-folder")], { env: { LANG: "zh_CN.UTF-8" } }),
    ]);
    assertOneLineError(missing, /does-not-exist/);
    assertOneLineError(noMatch, /nothing-\*/);
    assertOneLineError(empty, /empty-folder/);
    assert.match(empty.stderr, /没有/, "the message follows the locale");
  });

  test("an unreadable file exits 2 with one line naming it; in a folder, the rest is still linted", async (context) => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-unreadable-"));
    try {
      fs.chmodSync(folder, 0o755);
      fs.copyFileSync(path.join(ROOT, SAMPLE), path.join(folder, "a.dossier.yaml"));
      fs.copyFileSync(path.join(ROOT, SAMPLE), path.join(folder, "locked.dossier.yaml"));
      fs.chmodSync(path.join(folder, "locked.dossier.yaml"), 0o000);
      // root reads any file: run the CLI as an unprivileged user then
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const probe = spawnSync(process.execPath, ["-e", `require("fs").accessSync(${JSON.stringify(CLI)})`], {
        ...asUser,
      });
      if (probe.status !== 0) return context.skip("the unprivileged user cannot read the built CLI here");
      const run = await runCli(["lint", "locked.dossier.yaml"], { cwd: folder, ...asUser });
      assertOneLineError(run, /locked\.dossier\.yaml.*(EACCES|permission)/);
      const both = await runCli(["lint", ".", "--format", "json", "--as-of", AS_OF], { cwd: folder, ...asUser });
      assert.equal(both.code, 2);
      assert.match(both.stderr, /^isv-dossier: [^\n]*locked\.dossier\.yaml[^\n]*\n$/);
      assert.deepEqual(
        json(both.stdout).files.map((file) => file.path),
        ["a.dossier.yaml"],
      );
      const debug = await runCli(["lint", "missing.dossier.yaml", "--debug"], { cwd: folder });
      assert.equal(debug.code, 2);
      assert.match(debug.stderr, /^\s+at /m, "--debug adds the stack trace");
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test("usage errors exit 2 with one line", async () => {
    const runs = await Promise.all([
      runCli(["lint", SAMPLE, "--bogus"]),
      runCli(["lint", SAMPLE, "--format", "xml"]),
      runCli(["lint", SAMPLE, "--as-of", "2026-02-30"]),
      runCli(["lint", SAMPLE, "--max-warnings", "many"]),
      runCli(["lint", SAMPLE, "--level", "4"]),
      runCli(["lint", SAMPLE, "--category", "cooking"]),
      runCli(["lint", SAMPLE, "--lang", "fr"]),
      runCli(["frobnicate"]),
    ]);
    // no command at all prints the usage (cli-suggestions.test.ts)
    const patterns = [/--bogus/, /xml/, /2026-02-30/, /many/, /--level/, /cooking/, /fr/, /frobnicate/];
    runs.forEach((run, index) => assertOneLineError(run, patterns[index]));
  });
});

describe("encodings", () => {
  test("UTF-16 files are decoded (with a warning) and checked like UTF-8; binary files are declined", async () => {
    const text = fs.readFileSync(path.join(ROOT, MISSING_TOOLS), "utf8");
    fs.writeFileSync(path.join(scratch, "utf8.yaml"), text);
    fs.writeFileSync(
      path.join(scratch, "utf16.yaml"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    );
    fs.writeFileSync(path.join(scratch, "binary.yaml"), Buffer.from([0, 1, 2, 3, 0, 0, 7, 0]));
    const run = await runCli(["lint", "utf8.yaml", "utf16.yaml", "binary.yaml", "--format", "json", "--as-of", AS_OF], {
      cwd: scratch,
    });
    assert.equal(run.code, 1, run.stderr);
    const [utf8, utf16, binary] = json(run.stdout).files;
    const shape = (findings: JsonFinding[]): string[] =>
      findings.map((finding) => `${finding.rule} ${JSON.stringify(finding.range)}`);
    assert.deepEqual(
      utf16.findings.filter((finding) => finding.rule === "encoding.utf16").map((finding) => finding.severity),
      ["warning"],
    );
    assert.deepEqual(
      shape(utf16.findings.filter((finding) => finding.rule !== "encoding.utf16")),
      shape(utf8.findings),
    );
    assert.deepEqual(
      binary.findings.map((finding) => [finding.rule, finding.severity]),
      [["encoding.binary", "error"]],
    );
  });
});

describe("output", { concurrency: 4 }, () => {
  test("--output writes the report to a file and nothing to stdout", async () => {
    const target = path.join(scratch, "report.json");
    const [toFile, toStdout] = await Promise.all([
      runCli(["lint", MISSING_TOOLS, "--format", "json", "--as-of", AS_OF, "--output", target]),
      runCli(["lint", MISSING_TOOLS, "--format", "json", "--as-of", AS_OF]),
    ]);
    assert.equal(toFile.code, 1);
    assert.equal(toFile.stdout, "");
    assert.equal(fs.readFileSync(target, "utf8"), toStdout.stdout);
    const unwritable = await runCli(["lint", SAMPLE, "--output", path.join(scratch, "no-such-folder", "x.json")]);
    assertOneLineError(unwritable, /no-such-folder/);
  });

  test("colour only when forced or on a terminal, never with --no-color", async () => {
    const args = ["lint", MISSING_TOOLS, "--as-of", AS_OF];
    const [plain, forced, refused] = await Promise.all([
      runCli(args),
      runCli(args, { env: { FORCE_COLOR: "1" } }),
      runCli([...args, "--no-color"], { env: { FORCE_COLOR: "1" } }),
    ]);
    assert.doesNotMatch(plain.stdout, /\u001b\[/);
    assert.match(forced.stdout, /\u001b\[31m/);
    assert.doesNotMatch(refused.stdout, /\u001b\[/);
  });

  test("a progress bar on stderr only when it is a terminal", async (context) => {
    // into a pipe there is no progress output: every golden run asserts an empty stderr
    const script = ["/usr/bin/script", "/bin/script"].find((candidate) => fs.existsSync(candidate));
    if (!script) return context.skip("util-linux `script` (to give the CLI a terminal) is not installed");
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} lint samples/needs-work --as-of ${AS_OF} --no-color >/dev/null`;
    const run = spawnSync(script, ["-qec", command, "/dev/null"], {
      cwd: ROOT,
      env: neutralEnvironment(),
      encoding: "utf8",
      timeout: 30_000,
    });
    if (run.error) return context.skip(`script does not run here: ${run.error.message}`);
    const total = fs
      .readdirSync(path.join(ROOT, "samples", "needs-work"))
      .filter((name) => name.endsWith(".dossier.yaml")).length;
    assert.match(run.stdout, new RegExp(`[█░]{30} \\d+/${total} `), "the bar was drawn on the terminal");
    assert.match(run.stdout, /\r\u001b\[K/, "and erased");
  });
});

describe("help and version", { concurrency: 4 }, () => {
  test("--help for the CLI and each command, in both languages; --version", async () => {
    const commands = ["lint", "checklist", "init", "clauses"];
    const runs = await Promise.all([
      runCli(["--help"], { env: { LANG: "en_US.UTF-8" } }),
      runCli(["--help"], { env: { LANG: "zh_CN.UTF-8" } }),
      ...commands.map((command) => runCli([command, "--help", "--lang", "en"])),
      ...commands.map((command) => runCli([command, "--help", "--lang", "zh-CN"])),
      runCli(["--version"]),
    ]);
    for (const run of runs) assert.equal(run.code, 0);
    assert.match(runs[0].stdout, /Usage: isv-dossier <command>/);
    assert.match(runs[1].stdout, /用法/);
    commands.forEach((command, index) => {
      assert.match(runs[2 + index].stdout, new RegExp(`Usage: isv-dossier ${command}`));
      assert.match(runs[2 + commands.length + index].stdout, new RegExp(`用法：isv-dossier ${command}`));
    });
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string })
      .version;
    assert.equal(runs.at(-1)?.stdout, `${version}\n`);
  });
});
