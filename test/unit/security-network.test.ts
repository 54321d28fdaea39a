// Nothing leaves the machine: the server (and the CLI) run with every outbound connection trapped
// (test/support/trap-network.cjs, preloaded through NODE_OPTIONS) over all the samples and over a dossier full of
// URLs ($schema, $ref, a yaml-language-server modeline, URL evidence paths), and the trap records no attempt.
// A `$schema` or `$ref` is ignored with an info finding, security.remote-reference.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createLanguageService } from "../../server/src/core/check/service";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { filesUnder, repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const TRAP = path.join(ROOT, "test", "support", "trap-network.cjs");
const SAMPLES = filesUnder(path.join(ROOT, "samples"), [".dossier.yaml"]);
const VALID_SAMPLE = path.join(ROOT, "samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml");

const URL_DOSSIER = [
  "# yaml-language-server: $schema=https://schemas.example.com/isv-dossier.json",
  "$schema: https://schemas.example.com/isv-dossier.json",
  fs
    .readFileSync(VALID_SAMPLE, "utf8")
    .replace(
      "- evidence/营业执照.pdf",
      "- https://files.example.com/licence.pdf\n    - file:///etc/passwd\n    - //fileserver/share/licence.pdf",
    )
    .replace(/^personnel:\n/m, 'personnel:\n  - $ref: "http://203.0.113.7/people.yaml#/0"\n'),
  "",
].join("\n");

interface TrapRecord {
  kind: string;
  target: string;
  pid: number;
}

function trapLog(file: string): TrapRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as TrapRecord);
}

function trappedEnvironment(log: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(TRAP)}`.trim(),
    ISV_DOSSIER_TRAP_LOG: log,
  };
}

const TEMPORARY_FOLDERS: string[] = [];
after(() => TEMPORARY_FOLDERS.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

function temporaryFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  TEMPORARY_FOLDERS.push(folder);
  return folder;
}

function temporaryLog(name: string): string {
  return path.join(temporaryFolder("isv-network-"), name);
}

test("the trap works: every kind of outbound attempt is recorded and fails", () => {
  const log = temporaryLog("control.jsonl");
  const attempts = `
    const tryIt = (f) => { try { const result = f(); if (result && result.catch) result.catch(() => {}); } catch {} };
    tryIt(() => fetch("https://example.com/"));
    tryIt(() => require("node:http").get("http://example.com/"));
    tryIt(() => require("node:https").request("https://example.com/"));
    tryIt(() => require("node:dns").lookup("example.com", () => {}));
    tryIt(() => require("node:dns").promises.resolve4("example.com"));
    tryIt(() => require("node:net").connect(443, "example.com"));
    tryIt(() => new (require("node:net").Socket)().connect(443, "example.com"));
    tryIt(() => require("node:tls").connect(443, "example.com"));
    tryIt(() => require("node:dgram").createSocket("udp4"));
    tryIt(() => require("node:child_process").spawnSync("curl", ["https://example.com/"]));
  `;
  const result = spawnSync(process.execPath, ["-e", attempts], { env: trappedEnvironment(log), encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(
    trapLog(log).map((record) => record.kind),
    [
      "trap-loaded",
      "fetch",
      "http.get",
      "https.request",
      "dns.lookup",
      "dns.promises.resolve4",
      "net.connect",
      "net.Socket.connect",
      "tls.connect",
      "dgram.createSocket",
      "child_process.spawnSync",
    ],
  );
});

function ruleIdsOf(published: PublishedDiagnostics): Array<[string, number | undefined]> {
  return published.diagnostics.map((diagnostic) => [
    (diagnostic as { data?: { ruleId?: string } }).data?.ruleId ?? "",
    diagnostic.severity,
  ]);
}

test(
  "server: over every sample and a dossier full of URLs, with all features used, nothing tries to reach the network",
  { timeout: 120_000 },
  async () => {
    const log = temporaryLog("server.jsonl");
    const client = new TestLspClient([], trappedEnvironment(log));
    try {
      await client.initialize("zh-cn");
      const urlDossier = path.join(path.dirname(VALID_SAMPLE), "urls.dossier.yaml"); // never written: the text is sent
      const documents: Array<[string, string]> = [
        ...SAMPLES.map((file): [string, string] => [file, fs.readFileSync(file, "utf8")]),
        [urlDossier, URL_DOSSIER],
      ];
      for (const [file, text] of documents) {
        const uri = pathToFileURL(file).toString();
        const published = client.diagnostics(uri, (next) => next.version === 1);
        await client.open(uri, text);
        const diagnostics = await published;
        const lines = text.split("\n");
        const textDocument = { uri };
        const requests: Array<Promise<unknown>> = [
          client.request("textDocument/documentSymbol", { textDocument }),
          client.request("textDocument/foldingRange", { textDocument }),
          client.request("textDocument/documentLink", { textDocument }),
          client.request("isvDossier/checklist", { uri }),
          client.request("textDocument/codeAction", {
            textDocument,
            range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
            context: { diagnostics: diagnostics.diagnostics },
          }),
        ];
        for (let line = 0; line < lines.length; line += 7) {
          const position = { line, character: Math.min(lines[line].length, 4) };
          requests.push(client.request("textDocument/hover", { textDocument, position }));
          requests.push(client.request("textDocument/completion", { textDocument, position }));
          requests.push(client.request("textDocument/definition", { textDocument, position }));
        }
        await Promise.all(requests);
        if (file === urlDossier) {
          const remote = ruleIdsOf(diagnostics).filter(([ruleId]) => ruleId === "security.remote-reference");
          assert.deepEqual(remote, [
            ["security.remote-reference", 3],
            ["security.remote-reference", 3],
            ["security.remote-reference", 3],
          ]);
          const links = await client.request<Array<{ target: string }>>("textDocument/documentLink", { textDocument });
          assert.ok(
            links.every((link) => link.target.startsWith(pathToFileURL(path.dirname(VALID_SAMPLE)).toString() + "/")),
            JSON.stringify(links),
          );
        }
      }
      await client.request("isvDossier/specDocument", {});
      await client.request("isvDossier/editions", {});
      await client.request("isvDossier/newDossier", { category: "risk-assessment", level: 3 });
      assert.equal(await client.stop(), 0);
      assert.equal(client.stderr.join(""), "");
      assert.deepEqual(
        trapLog(log).map((record) => record.kind),
        ["trap-loaded"],
      );
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);

test("core: $schema, $ref and the modeline get one info finding each, at the reference; nothing else changes", () => {
  const service = createLanguageService({ locale: "en", today: "2026-03-18" });
  const report = service.validate(URL_DOSSIER);
  const remote = report.findings.filter((finding) => finding.ruleId === "security.remote-reference");
  assert.deepEqual(
    remote.map((finding) => [
      URL_DOSSIER.slice(finding.range.start, finding.range.end),
      finding.severity,
      finding.args.key,
      finding.clauseIds,
    ]),
    [
      ["https://schemas.example.com/isv-dossier.json", "info", "$schema", []],
      ["https://schemas.example.com/isv-dossier.json", "info", "$schema", []],
      ['"http://203.0.113.7/people.yaml#/0"', "info", "$ref", []],
    ],
  );
});

test("CLI: linting every sample and the URL dossier, with the network trapped, makes no attempt", () => {
  const log = temporaryLog("cli.jsonl");
  const folder = temporaryFolder("isv-network-cli-");
  fs.writeFileSync(path.join(folder, "urls.dossier.yaml"), URL_DOSSIER);
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "dist", "server", "cli.js"), "lint", path.join(ROOT, "samples"), folder, "--format", "json"],
    {
      env: trappedEnvironment(log),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  assert.ok(JSON.parse(result.stdout));
  assert.ok(trapLog(log).length >= 1);
  assert.deepEqual([...new Set(trapLog(log).map((record) => record.kind))], ["trap-loaded"]);
});
