// Folders and files that must not hang, loop, exhaust memory or abort a lint run: symbolic-link loops (each real
// folder is searched once), a FIFO, a link to /dev/zero, a folder named like a dossier, a sparse file past the size
// limit (one limits.file-size finding, the server's limit), and a subfolder or file that cannot be read (one line on
// stderr for it, the rest linted, exit 2). Every child runs with a kill timer; a run that needed it fails.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { hasMessage, renderMessage } from "../../server/src/core/check/render";
import { fileSizeFinding } from "../../server/src/core/parse/limits";
import { DEFAULT_SETTINGS } from "../../server/src/lsp/settings";
import { AS_OF, assertBuilt, CLI, CliRun, CliRunOptions, ROOT, runCli } from "../support/cli-harness";

const SAMPLE = path.join(ROOT, "samples", "jinan-luoqiao", "jinan-luoqiao.dossier.yaml");
/** A run here takes about a second; a hang is killed after this and fails the test. */
const TIMEOUT_MS = 30_000;
const TEMPORARY: string[] = [];

interface JsonReport {
  files: Array<{
    path: string;
    findings: Array<{ rule: string; clauses: string[]; severity: string; args: { [name: string]: unknown } }>;
  }>;
}

function makeFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-folders-"));
  fs.chmodSync(folder, 0o755);
  TEMPORARY.push(folder);
  return folder;
}

function lint(args: string[], cwd: string, options: CliRunOptions = {}): Promise<CliRun> {
  return runCli(args, { cwd, timeoutMs: TIMEOUT_MS, ...options, env: { LANG: "en_US.UTF-8", ...(options.env ?? {}) } });
}

function finished(run: CliRun): void {
  assert.equal(run.timedOut, false, "the CLI finished (it was not killed by the test's timer)");
  assert.equal(run.signal, null, `ended by ${run.signal ?? ""}: ${run.stderr.slice(0, 300)}`);
}

function paths(run: CliRun): string[] {
  return (JSON.parse(run.stdout) as JsonReport).files.map((file) => file.path);
}

/** Exit 2 and exactly one line on stderr per expected path, each naming it; no stack trace. */
function assertProblemLines(run: CliRun, named: string[]): void {
  assert.equal(run.code, 2, run.stderr);
  const lines = run.stderr.split("\n").filter(Boolean);
  assert.equal(lines.length, named.length, run.stderr);
  named.forEach((name, index) => {
    assert.match(lines[index], /^isv-dossier: /);
    assert.ok(lines[index].includes(name), `${lines[index]} names ${name}`);
  });
  assert.doesNotMatch(run.stderr, /^\s+at /m, "no stack trace");
}

before(() => assertBuilt());

after(() => {
  for (const folder of TEMPORARY) {
    spawnSync("chmod", ["-R", "u+rwx", folder]);
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

describe("symbolic-link loops", () => {
  test("a link to the parent folder: the dossier is listed once", async () => {
    const folder = makeFolder();
    fs.mkdirSync(path.join(folder, "d"));
    fs.copyFileSync(SAMPLE, path.join(folder, "d", "a.dossier.yaml"));
    fs.symlinkSync("..", path.join(folder, "d", "up"));
    const run = await lint(["lint", "d", "-f", "json", "--as-of", AS_OF], folder);
    finished(run);
    assert.deepEqual(paths(run), ["d/a.dossier.yaml"]);
  });

  test("two links to ancestors and one to itself finish, each dossier listed once", async () => {
    const folder = makeFolder();
    fs.mkdirSync(path.join(folder, "d", "e"), { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(folder, "d", "a.dossier.yaml"));
    fs.copyFileSync(SAMPLE, path.join(folder, "d", "e", "b.dossier.yaml"));
    fs.symlinkSync("..", path.join(folder, "d", "e", "up"));
    fs.symlinkSync("../..", path.join(folder, "d", "e", "up2"));
    fs.symlinkSync(".", path.join(folder, "d", "self"));
    const [folderRun, globRun] = await Promise.all([
      lint(["lint", "d", "-f", "json", "--as-of", AS_OF], folder),
      lint(["lint", "d/**/*.dossier.yaml", "-f", "json", "--as-of", AS_OF], folder),
    ]);
    finished(folderRun);
    finished(globRun);
    assert.deepEqual(paths(folderRun), ["d/a.dossier.yaml", "d/e/b.dossier.yaml"]);
    assert.deepEqual(paths(globRun), ["d/a.dossier.yaml", "d/e/b.dossier.yaml"]);
  });
});

describe("special files are never read; large files are not read whole", () => {
  let folder = "";
  before(() => {
    folder = makeFolder();
    fs.copyFileSync(SAMPLE, path.join(folder, "a.dossier.yaml"));
    spawnSync("mkfifo", [path.join(folder, "x.dossier.yaml")]);
    fs.symlinkSync("/dev/zero", path.join(folder, "z.dossier.yaml"));
    fs.mkdirSync(path.join(folder, "dir.dossier.yaml"));
    // sparse: 6 MB of NUL bytes, more than the 5 MB limit
    fs.writeFileSync(path.join(folder, "big.dossier.yaml"), "");
    fs.truncateSync(path.join(folder, "big.dossier.yaml"), 6 * 1024 * 1024);
  });

  test("a FIFO, a link to /dev/zero and a folder named *.dossier.yaml in a linted folder", async (context) => {
    if (!fs.statSync(path.join(folder, "x.dossier.yaml")).isFIFO()) return context.skip("mkfifo is not available");
    const run = await lint(["lint", ".", "-f", "json", "--as-of", AS_OF], folder);
    finished(run);
    assertProblemLines(run, ["x.dossier.yaml", "z.dossier.yaml"]);
    assert.deepEqual(paths(run), ["a.dossier.yaml", "big.dossier.yaml"], "the rest is linted and reported");
  });

  test("a file past the size limit gets one limits.file-size finding (the language server's limit), without a clause", async () => {
    const run = await lint(["lint", "big.dossier.yaml", "-f", "json", "--as-of", AS_OF], folder);
    finished(run);
    const [file] = (JSON.parse(run.stdout) as JsonReport).files;
    assert.deepEqual(
      file.findings.map((finding) => [finding.rule, finding.clauses, finding.severity, finding.args]),
      [["limits.file-size", [], "warning", { size: 6 * 1024 * 1024, limit: DEFAULT_SETTINGS.maxFileSizeBytes }]],
    );
    assert.equal(run.code, 0, "a warning");
    const strict = await lint(["lint", "big.dossier.yaml", "--max-warnings", "0", "--as-of", AS_OF], folder);
    assert.equal(strict.code, 1, "a CI gate with --max-warnings 0 does not pass an unchecked dossier");
  });

  test("named on the command line: one line each, in the user's language; checklist too", async () => {
    const runs = await Promise.all([
      lint(["lint", "x.dossier.yaml"], folder),
      lint(["lint", "z.dossier.yaml"], folder, { env: { LANG: "zh_CN.UTF-8" } }),
      lint(["lint", "dir.dossier.yaml"], folder),
      lint(["checklist", "x.dossier.yaml"], folder),
      lint(["checklist", "z.dossier.yaml"], folder),
      lint(["checklist", "dir.dossier.yaml"], folder, { env: { LANG: "zh_CN.UTF-8" } }),
      lint(["checklist", "big.dossier.yaml", "--as-of", AS_OF], folder),
      lint(["lint", "/dev/zero"], folder),
    ]);
    const named = [
      "x.dossier.yaml",
      "z.dossier.yaml",
      "dir.dossier.yaml",
      "x.dossier.yaml",
      "z.dossier.yaml",
      "dir.dossier.yaml",
      "big.dossier.yaml",
      "/dev/zero",
    ];
    runs.forEach((run, index) => {
      finished(run);
      assertProblemLines(run, [named[index]]);
      assert.equal(run.stdout, "");
    });
    assert.match(runs[1].stderr, /[\u4e00-\u9fff]/);
    assert.match(runs[5].stderr, /[\u4e00-\u9fff]/);
  });
});

test("core: the limits.file-size finding has no clause, is a warning at the start, and has texts in both languages", () => {
  const finding = fileSizeFinding(6_000_000, 5_242_880);
  assert.deepEqual(
    [finding.ruleId, finding.clauseIds, finding.severity, finding.range, finding.related],
    ["limits.file-size", [], "warning", { start: 0, end: 0 }, []],
  );
  assert.ok(hasMessage(finding.messageId));
  for (const locale of ["en", "zh-cn"] as const) {
    const text = renderMessage(finding.messageId, finding.args, locale);
    assert.doesNotMatch(text, /\{\w+\}/, "every placeholder is filled");
    assert.ok(text.includes("6000000") && text.includes("5242880"), text);
  }
});

describe("a folder or file that cannot be read does not stop the run", () => {
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  function canRunAsUser(): boolean {
    const probe = spawnSync(process.execPath, ["-e", `require("fs").accessSync(${JSON.stringify(CLI)})`], asUser);
    return probe.status === 0;
  }

  test("an unreadable subfolder: one line for it (both languages), the rest linted, exit 2 (also with --exit-zero)", async (context) => {
    if (!canRunAsUser()) return context.skip("the unprivileged user cannot read the built CLI here");
    const folder = makeFolder();
    fs.copyFileSync(SAMPLE, path.join(folder, "a.dossier.yaml"));
    fs.mkdirSync(path.join(folder, "sub", "locked"), { recursive: true });
    fs.mkdirSync(path.join(folder, "sub", "open"));
    fs.copyFileSync(SAMPLE, path.join(folder, "sub", "locked", "l.dossier.yaml"));
    fs.copyFileSync(SAMPLE, path.join(folder, "sub", "open", "o.dossier.yaml"));
    fs.chmodSync(path.join(folder, "sub", "locked"), 0o000);
    const [english, chinese, exitZero, only] = await Promise.all([
      lint(["lint", ".", "-f", "json", "--as-of", AS_OF], folder, asUser),
      lint(["lint", ".", "-f", "json", "--as-of", AS_OF], folder, { ...asUser, env: { LANG: "zh_CN.UTF-8" } }),
      lint(["lint", ".", "--exit-zero", "--as-of", AS_OF], folder, asUser),
      lint(["lint", "sub/locked", "--as-of", AS_OF], folder, asUser),
    ]);
    for (const run of [english, chinese, exitZero, only]) {
      finished(run);
      assertProblemLines(run, ["sub/locked"]);
      assert.match(run.stderr, /EACCES/);
    }
    assert.doesNotMatch(english.stderr, /internal error/);
    assert.match(chinese.stderr, /[\u4e00-\u9fff]/);
    assert.deepEqual(paths(english), ["a.dossier.yaml", "sub/open/o.dossier.yaml"]);
    assert.deepEqual(paths(chinese), paths(english));
    assert.equal(only.stdout, "", "nothing could be read: no report");
  });

  test("an unreadable file: one line for it, the rest linted, exit 2", async (context) => {
    if (!canRunAsUser()) return context.skip("the unprivileged user cannot read the built CLI here");
    const folder = makeFolder();
    fs.copyFileSync(SAMPLE, path.join(folder, "a.dossier.yaml"));
    fs.copyFileSync(SAMPLE, path.join(folder, "locked.dossier.yaml"));
    fs.chmodSync(path.join(folder, "locked.dossier.yaml"), 0o000);
    const run = await lint(["lint", ".", "-f", "json", "--as-of", AS_OF], folder, asUser);
    finished(run);
    assertProblemLines(run, ["locked.dossier.yaml"]);
    assert.deepEqual(paths(run), ["a.dossier.yaml"]);
  });
});
