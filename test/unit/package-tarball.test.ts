// The CLI as npm publishes it: `npm pack` builds the tarball from the current build (dist/), `npm install -g
// --prefix` installs it into a scratch folder with no registry access (--offline: the package has no runtime
// dependencies, every bundle is self-contained), and the installed commands run — `isv-dossier lint` on a sample and
// `isv-dossier-server --stdio` through initialize and one document's diagnostics.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import type { PublishedDiagnostics } from "../support/lsp-client";
import { AS_OF, assertBuilt, ROOT } from "../support/cli-harness";

const SAMPLE = path.join(ROOT, "samples", "needs-work", "invalid-enum-tenure.dossier.yaml");

/**
 * What the tarball may hold: the manifest, the user-facing documents, and the bundles in dist/server/ (the CLI, the
 * server's entry and its bundle, the Word table; a bundle of the MCP server may join them) — no sources, tests,
 * samples, source maps or the extension's own bundle.
 */
const ALLOWED = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/server\/[a-z-]+\.js)$/;
const REQUIRED = [
  "package.json",
  "README.md",
  "CHANGELOG.md",
  "LICENSE",
  "dist/server/cli.js",
  "dist/server/main.js",
  "dist/server/language-server.js",
  "dist/server/checklist-docx.js",
];
/**
 * The bounds: 8 files and about 2.8 MB unpacked today with the development build (the CLI bundle is not minified
 * there; the production build that is published is smaller). 12 files leave room for a few more bundles; 6 MiB for
 * one more bundled dependency the size of `docx`. Both fail long before the package is again what it was when
 * everything was packed (893 files, 16.4 MB: sources, tests, samples, source maps).
 */
const MAX_FILES = 12;
const MAX_UNPACKED_BYTES = 6 * 1024 * 1024;

interface PackResult {
  filename: string;
  entryCount: number;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string; size: number }>;
}

let scratch = "";
let packed: PackResult;
let prefix = "";

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const run = spawnSync("npm", args, {
    cwd,
    encoding: "utf8",
    timeout: 180_000,
    env: {
      ...process.env,
      npm_config_cache: path.join(scratch, "cache"),
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    },
  });
  assert.equal(run.error, undefined, `npm ${args.join(" ")}: ${run.error?.message}`);
  assert.equal(run.status, 0, `npm ${args.join(" ")}\n${run.stdout}\n${run.stderr}`);
  return run;
}

before(() => {
  assertBuilt();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "isv-tarball-"));
  const pack = npm(["pack", "--json", "--ignore-scripts", "--pack-destination", scratch], ROOT);
  packed = (JSON.parse(pack.stdout) as PackResult[])[0];
  prefix = path.join(scratch, "prefix");
  npm(["install", "--global", "--prefix", prefix, "--offline", path.join(scratch, packed.filename)], scratch);
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

test("the tarball holds the bundles, the manifest, README, CHANGELOG and LICENSE, and nothing else", () => {
  const files = packed.files.map((file) => file.path).sort();
  assert.deepEqual(
    files.filter((file) => !ALLOWED.test(file)),
    [],
  );
  for (const file of REQUIRED) assert.ok(files.includes(file), `${file} is packed`);
  assert.equal(packed.entryCount, files.length);
  assert.ok(packed.entryCount <= MAX_FILES, `${packed.entryCount} files (at most ${MAX_FILES})`);
  assert.ok(
    packed.unpackedSize <= MAX_UNPACKED_BYTES,
    `${packed.unpackedSize} bytes unpacked (at most ${MAX_UNPACKED_BYTES})`,
  );
});

test("the manifest: not private, two bins, no runtime dependencies, Node ≥ 20", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    private?: boolean;
    bin: { [name: string]: string };
    dependencies?: { [name: string]: string };
    engines: { node: string };
  };
  assert.notEqual(manifest.private, true);
  assert.deepEqual(Object.keys(manifest.bin).sort(), ["isv-dossier", "isv-dossier-server"]);
  for (const bin of Object.values(manifest.bin))
    assert.ok(
      packed.files.some((file) => `./${file.path}` === bin || file.path === bin),
      `${bin} is packed`,
    );
  assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
  assert.equal(manifest.engines.node, ">=20");
  const installed = path.join(prefix, "lib", "node_modules", "isv-dossier");
  assert.ok(fs.existsSync(path.join(installed, "package.json")));
  assert.ok(!fs.existsSync(path.join(installed, "node_modules")), "nothing was installed beside the package");
});

test("the installed isv-dossier lints a sample and knows its version", () => {
  const bin = path.join(prefix, "bin", "isv-dossier");
  const version = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 60_000 });
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  assert.equal(version.stdout, `${manifest.version}\n`, version.stderr);
  const lint = spawnSync(bin, ["lint", SAMPLE, "--format", "json", "--as-of", AS_OF, "--lang", "en"], {
    encoding: "utf8",
    timeout: 60_000,
    cwd: scratch,
  });
  assert.equal(lint.status, 1, lint.stderr);
  const report = JSON.parse(lint.stdout) as { files: Array<{ findings: Array<{ rule: string; clauses: string[] }> }> };
  assert.ok(
    report.files[0].findings.some((finding) => finding.clauses.includes("4.1.1")),
    "the sample's 4.1.1 finding",
  );
});

test("the installed isv-dossier-server answers initialize and publishes a document's diagnostics", async () => {
  const child = spawn(path.join(prefix, "bin", "isv-dossier-server"), ["--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const uri = pathToFileURL(SAMPLE).toString();
  try {
    const published = new Promise<PublishedDiagnostics>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics within 60 s; stderr: ${stderr}`)), 60_000);
      child.once("exit", (code) => reject(new Error(`the server exited (${code}); stderr: ${stderr}`)));
      connection.onNotification("textDocument/publishDiagnostics", (params: PublishedDiagnostics) => {
        if (params.uri !== uri) return;
        clearTimeout(timer);
        resolve(params);
      });
    });
    connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onNotification(() => undefined);
    connection.listen();
    const initialized = (await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: null,
      locale: "en",
      capabilities: { workspace: { configuration: true } },
    })) as { capabilities: { textDocumentSync?: unknown } };
    assert.ok(initialized.capabilities.textDocumentSync !== undefined);
    await connection.sendNotification("initialized", {});
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId: "isv-dossier", version: 1, text: fs.readFileSync(SAMPLE, "utf8") },
    });
    const diagnostics = await published;
    assert.ok(
      diagnostics.diagnostics.some((diagnostic) => diagnostic.code === "4.1.1"),
      "the sample's 4.1.1 finding",
    );
    // the command's first line started Node with its settings (the memory and open targets)
    if (process.platform === "linux") {
      const commandLine = fs.readFileSync(`/proc/${child.pid}/cmdline`, "utf8").split("\0");
      assert.equal(path.basename(commandLine[0]), "node", commandLine.join(" "));
      assert.ok(commandLine.includes("--max-semi-space-size=8"), commandLine.join(" "));
      assert.ok(commandLine.includes("--v8-pool-size=1"), commandLine.join(" "));
    }
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    assert.equal(await exited, 0, stderr);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    connection.dispose();
  }
});
