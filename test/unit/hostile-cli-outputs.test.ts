// Nothing of the user's is lost to an output: a report never replaces a dossier it reports on (same path, a
// symbolic link or a hard link to it), nor any existing *.dossier.yaml; `init` never overwrites a file; and every
// file the CLI writes is written whole under a temporary name and renamed into place, so a run killed while
// writing leaves the previous file as it was (test/support/interrupt-write.cjs kills the CLI half-way through).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, test } from "node:test";
import { AS_OF, assertBuilt, CliRun, ROOT, runCli } from "../support/cli-harness";

const SAMPLE = path.join(ROOT, "samples", "jinan-luoqiao", "jinan-luoqiao.dossier.yaml");
const INTERRUPT = path.join(ROOT, "test", "support", "interrupt-write.cjs");
/** Generous: a run takes well under a second. */
const TIMEOUT_MS = 60_000;
let folder = "";
let original = "";

function file(name: string): string {
  return path.join(folder, name);
}

function assertRefused(run: CliRun, outputName: string): void {
  assert.equal(run.timedOut, false);
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stdout, "");
  assert.match(run.stderr, /^isv-dossier: [^\n]+\n$/, "exactly one line on stderr");
  assert.ok(run.stderr.includes(outputName), run.stderr);
}

function assertUntouched(name: string): void {
  assert.equal(fs.readFileSync(file(name), "utf8"), original, `${name} is unchanged`);
}

function leftovers(): string[] {
  return fs.readdirSync(folder).filter((name) => name.endsWith(".tmp"));
}

function run(args: string[], env: { [name: string]: string } = {}): Promise<CliRun> {
  return runCli(args, { cwd: folder, timeoutMs: TIMEOUT_MS, env: { LANG: "en_US.UTF-8", ...env } });
}

before(() => {
  assertBuilt();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-outputs-"));
  original = fs.readFileSync(SAMPLE, "utf8");
  for (const name of ["a.dossier.yaml", "b.dossier.yaml", "other.dossier.yml"]) fs.writeFileSync(file(name), original);
  fs.mkdirSync(file("sub"));
  fs.writeFileSync(file("sub/c.dossier.yaml"), original);
  fs.symlinkSync("a.dossier.yaml", file("link-to-a.json"));
  fs.linkSync(file("b.dossier.yaml"), file("hard-b.txt"));
});

after(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe("an output that is an input or a dossier is refused with exit 2 and one line", () => {
  test("lint a.dossier.yaml --output a.dossier.yaml", async () => {
    const [english, chinese] = await Promise.all([
      run(["lint", "a.dossier.yaml", "--output", "a.dossier.yaml", "--as-of", AS_OF]),
      run(["lint", "a.dossier.yaml", "--output", "a.dossier.yaml", "--as-of", AS_OF], { LANG: "zh_CN.UTF-8" }),
    ]);
    assertRefused(english, "a.dossier.yaml");
    assertRefused(chinese, "a.dossier.yaml");
    assert.match(chinese.stderr, /[\u4e00-\u9fff]/, "the line follows the locale");
    assertUntouched("a.dossier.yaml");
  });

  test("checklist a.dossier.yaml -o ./a.dossier.yaml", async () => {
    assertRefused(
      await run(["checklist", "a.dossier.yaml", "-o", "./a.dossier.yaml", "--as-of", AS_OF]),
      "./a.dossier.yaml",
    );
    assertUntouched("a.dossier.yaml");
  });

  test("lint . -f json -o b.dossier.yaml, b being one of the linted files; also sub/c through a folder argument", async () => {
    const [b, c] = await Promise.all([
      run(["lint", ".", "-f", "json", "-o", "b.dossier.yaml", "--as-of", AS_OF]),
      run([
        "lint",
        "sub",
        "-f",
        "json",
        "-o",
        path.join(folder, "sub", "..", "sub", "c.dossier.yaml"),
        "--as-of",
        AS_OF,
      ]),
    ]);
    assertRefused(b, "b.dossier.yaml");
    assertRefused(c, "c.dossier.yaml");
    assertUntouched("b.dossier.yaml");
    assertUntouched("sub/c.dossier.yaml");
  });

  test("a symbolic link and a hard link to an input are the input", async () => {
    const [symbolic, hard] = await Promise.all([
      run(["lint", "a.dossier.yaml", "-o", "link-to-a.json", "--as-of", AS_OF]),
      run(["checklist", "b.dossier.yaml", "-o", "hard-b.txt", "--as-of", AS_OF]),
    ]);
    assertRefused(symbolic, "link-to-a.json");
    assertRefused(hard, "hard-b.txt");
    assertUntouched("a.dossier.yaml");
    assertUntouched("b.dossier.yaml");
  });

  test("any existing dossier is refused, even one not being checked", async () => {
    const [lint, checklist] = await Promise.all([
      run(["lint", "a.dossier.yaml", "-f", "sarif", "-o", "other.dossier.yml", "--as-of", AS_OF]),
      run(["checklist", "a.dossier.yaml", "-o", "sub/c.dossier.yaml", "--as-of", AS_OF]),
    ]);
    assertRefused(lint, "other.dossier.yml");
    assertRefused(checklist, "sub/c.dossier.yaml");
    assertUntouched("other.dossier.yml");
    assertUntouched("sub/c.dossier.yaml");
  });

  test("init never overwrites a file", async () => {
    const result = await run(["init", "--category", "security-integration", "--level", "1", "a.dossier.yaml"]);
    assertRefused(result, "a.dossier.yaml");
    assertUntouched("a.dossier.yaml");
  });
});

describe("outputs are written whole, then renamed into place", () => {
  test("a report replaces the previous one by a rename, not by rewriting it in place", async () => {
    for (const [name, args] of [
      ["report.json", ["lint", "a.dossier.yaml", "-f", "json", "-o", "report.json", "--as-of", AS_OF]],
      ["table.md", ["checklist", "a.dossier.yaml", "-o", "table.md", "--as-of", AS_OF]],
    ] as const) {
      fs.writeFileSync(file(name), "previous report\n");
      // a hard link sees the same bytes as the report as long as the report is rewritten in place
      fs.linkSync(file(name), file(`${name}.previous`));
      const result = await run([...args]);
      assert.equal(result.timedOut, false);
      assert.ok(result.code === 0 || result.code === 1, result.stderr);
      assert.equal(
        fs.readFileSync(file(`${name}.previous`), "utf8"),
        "previous report\n",
        `${name}: the old file was not written into`,
      );
      assert.notEqual(fs.readFileSync(file(name), "utf8"), "previous report\n", `${name}: the new report is in place`);
      if (name === "report.json") JSON.parse(fs.readFileSync(file(name), "utf8"));
      assert.deepEqual(leftovers(), [], "no temporary file is left");
    }
  });

  test("a run killed while writing its report leaves the previous report whole", async () => {
    for (const [name, args] of [
      ["killed.json", ["lint", "a.dossier.yaml", "-f", "json", "-o", "killed.json", "--as-of", AS_OF]],
      ["killed.html", ["checklist", "a.dossier.yaml", "-f", "html", "-o", "killed.html", "--as-of", AS_OF]],
    ] as const) {
      fs.writeFileSync(file(name), "previous report\n");
      const result = await run([...args], { NODE_OPTIONS: `--require ${JSON.stringify(INTERRUPT)}` });
      assert.equal(result.timedOut, false);
      assert.equal(result.signal, "SIGKILL", "the preload interrupted the write");
      assert.equal(fs.readFileSync(file(name), "utf8"), "previous report\n", name);
    }
    for (const leftover of leftovers()) fs.rmSync(file(leftover));
  });

  test("init writes a new dossier whole and leaves nothing else", async () => {
    const result = await run(["init", "--category", "security-integration", "--level", "1", "new.dossier.yaml"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(fs.readFileSync(file("new.dossier.yaml"), "utf8"), /security-integration/);
    assert.deepEqual(leftovers(), []);
    const killed = await run(["init", "--category", "security-integration", "--level", "1", "killed.dossier.yaml"], {
      NODE_OPTIONS: `--require ${JSON.stringify(INTERRUPT)}`,
    });
    assert.equal(killed.signal, "SIGKILL");
    assert.ok(!fs.existsSync(file("killed.dossier.yaml")), "no half-written dossier under its name");
    for (const leftover of leftovers()) fs.rmSync(file(leftover));
  });

  test("a symbolic link to a report stays a link; the report it points to is replaced", async () => {
    fs.mkdirSync(file("reports"));
    fs.writeFileSync(file("reports/latest.json"), "previous report\n");
    fs.symlinkSync(path.join("reports", "latest.json"), file("latest.json"));
    const result = await run(["lint", "a.dossier.yaml", "-f", "json", "-o", "latest.json", "--as-of", AS_OF]);
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    assert.ok(fs.lstatSync(file("latest.json")).isSymbolicLink());
    JSON.parse(fs.readFileSync(file("reports/latest.json"), "utf8"));
  });
});
