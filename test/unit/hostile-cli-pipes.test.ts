// A reader that stops reading (`isv-dossier lint … | head -1`) ends the run quietly: no EPIPE stack trace, nothing
// on stderr, exit status 141 (128 + SIGPIPE), what a shell reports for cat or grep cut short the same way. Real
// pipes: the test's own, closed before any output and after the first chunk, and a shell pipeline into head.
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { AS_OF, assertBuilt, CLI, neutralEnvironment, ROOT } from "../support/cli-harness";

const SAMPLE = path.join(ROOT, "samples", "jinan-luoqiao", "jinan-luoqiao.dossier.yaml");
/** Far more than a run takes; a run still going then is killed and fails the test. */
const TIMEOUT_MS = 60_000;
/** Enough dossiers (without their evidence: about 4 KB of findings each) to overfill a pipe's 64 KB buffer. */
const FILES = 80;
let folder = "";

before(() => {
  assertBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-pipes-"));
  for (let index = 0; index < FILES; index++)
    fs.copyFileSync(SAMPLE, path.join(folder, `d${String(index).padStart(2, "0")}.dossier.yaml`));
});

after(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

interface PipeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  timedOut: boolean;
}

/** Runs the CLI with stdout a pipe that the test closes: at once, or once the first chunk has arrived. */
function runClosingStdout(args: string[], when: "at-once" | "after-first-chunk"): Promise<PipeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: folder,
      env: { ...neutralEnvironment(), LANG: "en_US.UTF-8" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    if (when === "at-once") child.stdout.destroy();
    else child.stdout.once("data", () => child.stdout.destroy());
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr: Buffer.concat(stderr).toString("utf8"), timedOut });
    });
  });
}

function assertQuietEnd(run: PipeRun, what: string): void {
  assert.equal(run.timedOut, false, `${what}: finished`);
  assert.equal(run.stderr, "", `${what}: nothing on stderr`);
  assert.equal(run.code, 141, `${what}: 128 + SIGPIPE`);
}

test("stdout closed before any output: lint (stylish and JSON) and checklist end quietly with 141", async () => {
  const runs = await Promise.all([
    runClosingStdout(["lint", ".", "--as-of", AS_OF], "at-once"),
    runClosingStdout(["lint", ".", "--format", "json", "--as-of", AS_OF], "at-once"),
    runClosingStdout(["checklist", "d00.dossier.yaml", "--as-of", AS_OF], "at-once"),
  ]);
  runs.forEach((run, index) => assertQuietEnd(run, ["lint", "lint json", "checklist"][index]));
});

test("stdout closed after the first chunk, as head does", async () => {
  assertQuietEnd(await runClosingStdout(["lint", ".", "--as-of", AS_OF], "after-first-chunk"), "lint");
});

test("a shell pipeline into head -1", async (context) => {
  if (!fs.existsSync("/bin/bash") || !fs.existsSync("/usr/bin/head")) return context.skip("no bash or head here");
  const script = 'node "$0" lint . --as-of "$1" 2>stderr.txt | head -1 >/dev/null; echo "${PIPESTATUS[0]}"';
  const result = await new Promise<{ stdout: string; code: number | null }>((resolve, reject) => {
    const child = spawn("/bin/bash", ["-c", script, CLI, AS_OF], {
      cwd: folder,
      env: neutralEnvironment(),
      stdio: ["ignore", "pipe", "inherit"],
    });
    const stdout: Buffer[] = [];
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(stdout).toString("utf8"), code });
    });
  });
  assert.equal(result.code, 0);
  assert.equal(result.stdout.trim(), "141");
  assert.equal(fs.readFileSync(path.join(folder, "stderr.txt"), "utf8"), "", "no EPIPE message, no stack trace");
});
