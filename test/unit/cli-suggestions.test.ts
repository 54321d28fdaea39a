// The CLI as a process: a misspelt command or option gets the nearest one, no command prints the usage (exit 2),
// and English counts are singular for one ("1 error", "1 clause violated").
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT, runCli } from "../support/cli-harness";

test("a misspelt command names the nearest command (a swap of two letters), and exits 2", async () => {
  const run = await runCli(["lnit", "samples"], { env: { LANG: "en_US.UTF-8" } });
  assert.equal(run.code, 2);
  assert.equal(run.stdout, "");
  assert.match(run.stderr, /\blint\b/);
  assert.doesNotMatch(run.stderr, /\binit\b/);
  const chinese = await runCli(["chekclist"], { env: { LANG: "zh_CN.UTF-8" } });
  assert.equal(chinese.code, 2);
  assert.match(chinese.stderr, /\bchecklist\b/);
  const far = await runCli(["xyzzy"], { env: { LANG: "en_US.UTF-8" } });
  assert.equal(far.code, 2);
  assert.doesNotMatch(far.stderr, /\b(lint|init|checklist|clauses)\b/);
});

test("a misspelt option names the nearest option of that command", async () => {
  for (const args of [
    ["lint", "--formt", "json", "samples"],
    ["lint", "--formt=json", "samples"],
    ["checklist", "--frmat", "md", "x.dossier.yaml"],
  ]) {
    const run = await runCli(args, { env: { LANG: "en_US.UTF-8" } });
    assert.equal(run.code, 2, args.join(" "));
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /--format\b/, args.join(" "));
  }
  const unknown = await runCli(["init", "--zzzzzz"], { env: { LANG: "en_US.UTF-8" } });
  assert.equal(unknown.code, 2);
  assert.doesNotMatch(unknown.stderr, /--(category|level|dr-class|lang|debug)\b/);
});

test("no command: the usage, with every command, on stderr; exit 2", async () => {
  const run = await runCli([], { env: { LANG: "zh_CN.UTF-8" } });
  assert.equal(run.code, 2);
  assert.equal(run.stdout, "");
  for (const command of ["lint", "checklist", "init", "clauses"])
    assert.match(run.stderr, new RegExp(`\\b${command}\\b`));
  const help = await runCli(["--help"], { env: { LANG: "zh_CN.UTF-8" } });
  assert.equal(help.code, 0);
  assert.equal(run.stderr, help.stdout);
});

test("English counts: one error, one clause violated, one file (no '1 errors')", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-plural-"));
  try {
    const fixtures = path.join(ROOT, "test", "fixtures", "schema");
    fs.cpSync(path.join(fixtures, "evidence"), path.join(folder, "evidence"), { recursive: true });
    const valid = fs.readFileSync(path.join(fixtures, "valid.dossier.yaml"), "utf8");
    fs.writeFileSync(path.join(folder, "one.dossier.yaml"), valid.replace("  tenure: leased", "  tenur: leased"));
    const run = await runCli(["lint", folder, "--as-of", "2026-11-24"], { env: { LANG: "en_US.UTF-8" } });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /\b1 error\b/);
    assert.doesNotMatch(run.stdout, /\b1 (errors|problems|files|clauses|warnings|entries)\b|\(s\)/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
