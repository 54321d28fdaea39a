// Evidence paths never lead outside the dossier's folder. In a temporary folder with real symbolic links pointing
// outside, a dossier lists `../` paths, absolute paths, Windows drive, UNC and backslash paths, percent-encoded
// dots and slashes, file: URLs and escaping symlinks: each is a finding, none gets a document link, evidence
// completion offers none of them, and with every fs call recorded (test/support/trap-fs.cjs) the server touches
// nothing outside the folder.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const TRAP = path.join(ROOT, "test", "support", "trap-fs.cjs");
const SAMPLE = fs.readFileSync(
  path.join(ROOT, "samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml"),
  "utf8",
);

interface Layout {
  top: string;
  folder: string;
  outside: string;
  dossierFile: string;
  text: string;
  /** Each listed evidence path, and whether it is allowed (a file inside the folder). */
  paths: Array<{ written: string; allowed: boolean }>;
}

const TEMPORARY_FOLDERS: string[] = [];
after(() => TEMPORARY_FOLDERS.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/** top/outside/secret.pdf; top/dossier/{the dossier, evidence/ok.pdf, symbolic links in and out}. */
function makeLayout(): Layout {
  const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "isv-paths-")));
  TEMPORARY_FOLDERS.push(top);
  const outside = path.join(top, "outside");
  const folder = path.join(top, "dossier");
  fs.mkdirSync(outside);
  fs.mkdirSync(path.join(folder, "evidence"), { recursive: true });
  fs.writeFileSync(path.join(outside, "secret.pdf"), "secret");
  fs.writeFileSync(path.join(folder, "evidence", "ok.pdf"), "ok");
  fs.symlinkSync("ok.pdf", path.join(folder, "evidence", "link-in.pdf"));
  fs.symlinkSync(path.join("..", "..", "outside", "secret.pdf"), path.join(folder, "evidence", "link-out.pdf"));
  fs.symlinkSync(path.join(outside, "secret.pdf"), path.join(folder, "evidence", "absolute-link.pdf"));
  fs.symlinkSync(path.join("..", "..", "outside"), path.join(folder, "evidence", "folder-out"));
  fs.symlinkSync(path.join("..", "..", "outside", "missing.pdf"), path.join(folder, "evidence", "dangling.pdf"));
  const paths = [
    { written: "evidence/ok.pdf", allowed: true },
    { written: "evidence/link-in.pdf", allowed: true },
    { written: "./evidence/../evidence/ok.pdf", allowed: true },
    { written: "../outside/secret.pdf", allowed: false },
    { written: "evidence/../../outside/secret.pdf", allowed: false },
    { written: path.join(outside, "secret.pdf"), allowed: false },
    { written: "C:\\outside\\secret.pdf", allowed: false },
    { written: "c:/outside/secret.pdf", allowed: false },
    { written: "..\\outside\\secret.pdf", allowed: false },
    { written: "evidence\\..\\..\\outside\\secret.pdf", allowed: false },
    { written: "\\\\fileserver\\share\\secret.pdf", allowed: false },
    { written: "//fileserver/share/secret.pdf", allowed: false },
    { written: "%2e%2e/outside/secret.pdf", allowed: false },
    { written: "evidence/%2E%2E/%2e%2e/outside/secret.pdf", allowed: false },
    { written: "evidence/..%2f..%2foutside%2fsecret.pdf", allowed: false },
    { written: "evidence/..%5c..%5coutside%5csecret.pdf", allowed: false },
    { written: pathToFileURL(path.join(outside, "secret.pdf")).toString(), allowed: false },
    { written: "evidence/link-out.pdf", allowed: false },
    { written: "evidence/absolute-link.pdf", allowed: false },
    { written: "evidence/folder-out/secret.pdf", allowed: false },
    { written: "evidence/dangling.pdf", allowed: false },
  ];
  const list = paths.map((entry) => `    - ${JSON.stringify(entry.written)}`).join("\n");
  const text = SAMPLE.replace("    - evidence/营业执照.pdf", list);
  assert.notEqual(text, SAMPLE);
  const dossierFile = path.join(folder, "hostile.dossier.yaml");
  fs.writeFileSync(dossierFile, text);
  return { top, folder, outside, dossierFile, text, paths };
}

function lineOf(text: string, written: string): number {
  const needle = `    - ${JSON.stringify(written)}`;
  const lines = text.split("\n");
  const line = lines.indexOf(needle);
  assert.ok(line >= 0, needle);
  return line;
}

function recordedPaths(log: string, from = 0): Array<{ method: string; path: string }> {
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, "utf8")
    .slice(from)
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as { method: string; path: string });
}

/** An existence check of the configuration file's walk up from the dossier's folder (node/config-files.ts). */
function isConfigWalk(folder: string, call: { method: string; path: string }): boolean {
  const name = path.basename(call.path);
  const parent = path.dirname(call.path);
  return (
    /exists|stat|access/i.test(call.method) &&
    (name === "isv-dossier.config.yaml" || name === ".git") &&
    isInside(parent, folder)
  );
}

function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, path.resolve(folder, candidate));
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

test(
  "server: hostile evidence paths are findings, get no links, and no fs call reaches outside the dossier's folder",
  { timeout: 60_000 },
  async () => {
    const layout = makeLayout();
    const log = path.join(layout.top, "fs-calls.jsonl");
    const environment = {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(TRAP)}`.trim(),
      ISV_DOSSIER_TRAP_LOG: log,
    };
    const client = new TestLspClient([], environment);
    try {
      await client.initialize("en");
      const startedAt = fs.existsSync(log) ? fs.statSync(log).size : 0; // what the process did to start is not our concern
      const uri = pathToFileURL(layout.dossierFile).toString();
      const published = client.diagnostics(uri, (next) => next.version === 1);
      await client.open(uri, layout.text);
      const diagnostics = (await published).diagnostics as Array<{
        range: { start: { line: number } };
        data?: { ruleId?: string };
      }>;
      const links = await client.request<Array<{ range: { start: { line: number } }; target: string }>>(
        "textDocument/documentLink",
        { textDocument: { uri } },
      );
      await client.request("isvDossier/checklist", { uri });
      // Evidence completion lists the folder: files inside only, never a link that resolves outside.
      const contractLine = layout.text.split("\n").findIndex((line) => line.includes("evidence/项目/P01-合同.pdf"));
      const completion = await client.request<Array<{ label: string }>>("textDocument/completion", {
        textDocument: { uri },
        position: { line: contractLine, character: layout.text.split("\n")[contractLine].indexOf("evidence/") },
      });
      assert.deepEqual(completion.map((item) => item.label).sort(), ["evidence/link-in.pdf", "evidence/ok.pdf"]);

      for (const entry of layout.paths) {
        const line = lineOf(layout.text, entry.written);
        const evidenceFindings = diagnostics.filter(
          (diagnostic) => diagnostic.range.start.line === line && diagnostic.data?.ruleId?.startsWith("evidence."),
        );
        const linked = links.filter((link) => link.range.start.line === line);
        if (entry.allowed) {
          assert.deepEqual(evidenceFindings, [], entry.written);
          assert.equal(linked.length, 1, entry.written);
        } else {
          assert.equal(evidenceFindings.length, 1, `${entry.written}: ${JSON.stringify(evidenceFindings)}`);
          assert.deepEqual(linked, [], entry.written);
        }
      }
      for (const link of links) assert.ok(isInside(layout.folder, new URL(link.target).pathname), link.target);

      assert.equal(await client.stop(), 0);
      const calls = recordedPaths(log, startedAt);
      assert.ok(calls.length > 0, "the trap recorded the existence checks");
      // outside the folder, only the configuration file's walk up: is there an isv-dossier.config.yaml, or a .git
      // that ends the walk, in a folder above (none is there: nothing is read)
      const outside = calls.filter((call) => !isInside(layout.folder, call.path) && !isConfigWalk(layout.folder, call));
      assert.deepEqual(outside, []);
      assert.ok(!calls.some((call) => /outside|fileserver|%2e|%2f|%5c|\\/i.test(call.path)), JSON.stringify(calls));
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);

test("CLI: linting the same dossier reports every hostile path and never touches the outside folder", () => {
  const layout = makeLayout();
  const log = path.join(layout.top, "cli-fs-calls.jsonl");
  const environment = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(TRAP)}`.trim(),
    ISV_DOSSIER_TRAP_LOG: log,
  };
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "dist", "server", "cli.js"), "lint", layout.dossierFile, "--format", "json"],
    {
      env: environment,
      encoding: "utf8",
    },
  );
  assert.equal(result.status, 1, result.stderr);
  const report = JSON.stringify(JSON.parse(result.stdout));
  assert.ok(report.includes("evidence.path") || report.includes("evidence.exists"), "hostile paths are reported");
  const calls = recordedPaths(log);
  assert.ok(
    calls.some((call) => call.path === layout.dossierFile || call.path.endsWith("hostile.dossier.yaml")),
    "the trap saw the CLI read the dossier",
  );
  assert.deepEqual(
    calls.filter((call) => isInside(layout.outside, call.path) || /fileserver|%2e|%2f|%5c/i.test(call.path)),
    [],
  );
});
