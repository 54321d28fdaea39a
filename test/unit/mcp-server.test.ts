// `isv-dossier mcp` (the bundled CLI) driven by the MCP SDK's own Client over stdio: the tools listed and each one
// called, ranges 1-based, both languages' messages, a summary never given as text, and every refusal a tool error
// (isError) — a path outside the roots, a symbolic link leading out, a FIFO, a file over the size limit, a missing
// file, a file that is not a dossier — with the working folder as the one root for a client that gives none.
// Asserts ids, statuses, paths and ranges, never message text.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ListRootsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { DEFAULT_SETTINGS } from "../../server/src/lsp/settings";
import { assertBuilt, CLI, ROOT, runCli } from "../support/cli-harness";

const TOOLS = ["clause_text", "dossier_checklist", "dossier_model", "lint_dossier", "new_dossier"];
const SAMPLE = "l3-service-too-short.dossier.yaml";

let scratch = "";
let root = "";
let outside = "";

interface ToolAnswer {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: { [key: string]: unknown };
}

interface LintAnswer {
  file: string | null;
  category: string;
  level: number;
  findings: Array<{
    ruleId: string;
    clauseIds: string[];
    severity: string;
    start: { line: number; column: number };
    end: { line: number; column: number };
    message: { zh: string; en: string };
  }>;
}

async function connect(options: { roots?: string[]; cwd?: string; env?: { [name: string]: string } }): Promise<Client> {
  const client = new Client(
    { name: "isv-dossier-test", version: "1.0.0" },
    options.roots ? { capabilities: { roots: { listChanged: true } } } : {},
  );
  if (options.roots) {
    const roots = options.roots;
    client.setRequestHandler(ListRootsRequestSchema, () => ({
      roots: roots.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })),
    }));
  }
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, "mcp"],
    cwd: options.cwd ?? ROOT,
    stderr: "pipe",
    ...(options.env ? { env: options.env } : {}),
  });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: { [key: string]: unknown }): Promise<ToolAnswer> {
  return (await client.callTool({ name, arguments: args })) as ToolAnswer;
}

function ok<T>(answer: ToolAnswer): T {
  assert.notEqual(answer.isError, true, JSON.stringify(answer.content));
  assert.ok(answer.structuredContent);
  const text = answer.content.find((part) => part.type === "text")?.text;
  assert.deepEqual(JSON.parse(text ?? "null"), answer.structuredContent, "the text content is the same data");
  return answer.structuredContent as T;
}

function refused(answer: ToolAnswer): void {
  assert.equal(answer.isError, true, JSON.stringify(answer));
  const text = answer.content.find((part) => part.type === "text")?.text ?? "";
  assert.notEqual(text.trim(), "", "a refusal says why");
  assert.doesNotMatch(text, /internal error/);
}

before(() => {
  assertBuilt();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "isv-mcp-"));
  root = path.join(scratch, "root");
  outside = path.join(scratch, "outside");
  fs.cpSync(path.join(ROOT, "samples", "needs-work"), root, { recursive: true });
  fs.mkdirSync(outside);
  fs.copyFileSync(path.join(root, SAMPLE), path.join(outside, SAMPLE));
  fs.symlinkSync(path.join(outside, SAMPLE), path.join(root, "link-out.dossier.yaml"));
  execFileSync("mkfifo", [path.join(root, "pipe.dossier.yaml")]);
  const huge = fs.openSync(path.join(root, "huge.dossier.yaml"), "w");
  fs.ftruncateSync(huge, DEFAULT_SETTINGS.maxFileSizeBytes + 1);
  fs.closeSync(huge);
  fs.writeFileSync(path.join(root, "notes.txt"), "spec: CCRC-ISV-C01:2025\n");
});

after(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("isv-dossier mcp with a client that gives roots", () => {
  let client: Client;

  before(async () => {
    client = await connect({ roots: [root] });
  });

  after(async () => {
    await client?.close();
  });

  test("lists the five read-only tools", async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), TOOLS);
    for (const tool of tools) assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
  });

  test("lint_dossier by path: the finding's check id, clause and 1-based range, messages in both languages", async () => {
    const answer = ok<LintAnswer>(await call(client, "lint_dossier", { path: SAMPLE }));
    assert.equal(answer.file, SAMPLE);
    const lines = fs.readFileSync(path.join(root, SAMPLE), "utf8").split("\n");
    const line = lines.findIndex((text) => text.startsWith("  service_since:"));
    const column = lines[line].indexOf("2026-03-20");
    const finding = answer.findings.find((candidate) => candidate.ruleId === "performance.service-duration");
    assert.ok(finding, JSON.stringify(answer.findings.map((candidate) => candidate.ruleId)));
    assert.deepEqual(finding.clauseIds, ["4.1.3.a"]);
    assert.equal(finding.severity, "error");
    assert.deepEqual(finding.start, { line: line + 1, column: column + 1 });
    assert.deepEqual(finding.end, { line: line + 1, column: column + 1 + "2026-03-20".length });
    assert.match(finding.message.zh, /[\u4e00-\u9fff]/);
    assert.notEqual(finding.message.en, finding.message.zh);
  });

  test("lint_dossier by text: the same findings but evidence (not looked for without a folder)", async () => {
    const text = fs.readFileSync(path.join(root, SAMPLE), "utf8");
    const byText = ok<LintAnswer>(await call(client, "lint_dossier", { text }));
    const byPath = ok<LintAnswer>(await call(client, "lint_dossier", { path: path.join(root, SAMPLE) }));
    const ids = (answer: LintAnswer) =>
      answer.findings.filter((finding) => !finding.ruleId.startsWith("evidence.")).map((finding) => finding.ruleId);
    assert.deepEqual(ids(byText), ids(byPath));
    assert.equal(byText.file, null);
  });

  test("dossier_checklist: 4.1.3 a) violated, statuses from the one model", async () => {
    const answer = ok<{
      rows: Array<{ clauseId: string; status: string; basis: string; findings: Array<{ ruleId: string }> }>;
    }>(await call(client, "dossier_checklist", { path: SAMPLE }));
    const row = answer.rows.find((candidate) => candidate.clauseId === "4.1.3.a");
    assert.equal(row?.status, "violated");
    assert.deepEqual(
      row?.findings.map((finding) => finding.ruleId),
      ["performance.service-duration"],
    );
    assert.equal(answer.rows.find((candidate) => candidate.clauseId === "4.1.1")?.status, "satisfied");
  });

  test("clause_text: a quoted clause has its text; a public summary has none, only a summary", async () => {
    const edition = defaultEdition();
    const quoted = ok<{ provenance: string; text: { zh: string } | null; summary: unknown }>(
      await call(client, "clause_text", { clauseId: "4.1.3 a)" }),
    );
    assert.equal(quoted.provenance, "excerpt");
    assert.equal(quoted.text?.zh, edition.clause("4.1.3.a")?.text?.zh);
    const summaryClause = edition.clauses.find((clause) => clause.provenance === "public-summary");
    assert.ok(summaryClause);
    const summary = ok<{ provenance: string; text: unknown; summary: unknown }>(
      await call(client, "clause_text", { clauseId: summaryClause.id }),
    );
    assert.equal(summary.provenance, "public-summary");
    assert.equal(summary.text, null);
    assert.notEqual(summary.summary, null);
    refused(await call(client, "clause_text", { clauseId: "9.9.9" }));
  });

  test("dossier_model: a field with its clause template, resolved at a level", async () => {
    const answer = ok<{ fields: Array<{ path: string; clauses: string[]; clausesAtLevel?: string[] }> }>(
      await call(client, "dossier_model", { level: 2, under: "performance" }),
    );
    const field = answer.fields.find((candidate) => candidate.path === "performance.service_since");
    assert.deepEqual(field?.clauses, ["4.x.3.a"]);
    assert.deepEqual(field?.clausesAtLevel, ["4.2.3.a"]);
    assert.ok(answer.fields.every((candidate) => candidate.path.startsWith("performance")));
  });

  test("new_dossier: a scaffold for the category and level; disaster recovery without its class is refused", async () => {
    const answer = ok<{ text: string }>(
      await call(client, "new_dossier", { category: "security-operations", level: 2, lang: "en" }),
    );
    const linted = ok<LintAnswer>(await call(client, "lint_dossier", { text: answer.text }));
    assert.equal(linted.category, "security-operations");
    assert.equal(linted.level, 2);
    refused(await call(client, "new_dossier", { category: "disaster-recovery", level: 1 }));
    refused(await call(client, "new_dossier", { category: "risk-assessment", level: 7 }));
    refused(await call(client, "new_dossier", { category: "no-such-category", level: 1 }));
  });

  test("refusals are tool errors: outside the roots, a link leading out, a FIFO, too large, missing, not a dossier", async () => {
    for (const target of [
      path.join(outside, SAMPLE),
      `../outside/${SAMPLE}`,
      "/etc/passwd",
      "link-out.dossier.yaml",
      "pipe.dossier.yaml",
      "huge.dossier.yaml",
      "missing.dossier.yaml",
      "notes.txt",
    ])
      refused(await call(client, "lint_dossier", { path: target }));
    refused(await call(client, "dossier_checklist", { path: "pipe.dossier.yaml" }));
    refused(await call(client, "lint_dossier", { path: SAMPLE, text: "spec: x\n" }));
    refused(await call(client, "lint_dossier", {}));
    refused(await call(client, "lint_dossier", { text: "x".repeat(DEFAULT_SETTINGS.maxFileSizeBytes + 1) }));
  });
});

test("roots that change: the server asks again after the client says so", async () => {
  const current = [root];
  const client = new Client(
    { name: "isv-dossier-test", version: "1.0.0" },
    { capabilities: { roots: { listChanged: true } } },
  );
  client.setRequestHandler(ListRootsRequestSchema, () => ({
    roots: current.map((folder) => ({ uri: pathToFileURL(folder).href })),
  }));
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [CLI, "mcp"], cwd: ROOT, stderr: "pipe" }),
  );
  try {
    ok<LintAnswer>(await call(client, "lint_dossier", { path: path.join(root, SAMPLE) }));
    refused(await call(client, "lint_dossier", { path: path.join(outside, SAMPLE) }));
    current.splice(0, 1, outside);
    await client.sendRootsListChanged();
    ok<LintAnswer>(await call(client, "lint_dossier", { path: path.join(outside, SAMPLE) }));
    refused(await call(client, "lint_dossier", { path: path.join(root, SAMPLE) }));
  } finally {
    await client.close();
  }
});

describe("isv-dossier mcp with a client that gives no roots", () => {
  test("the working folder is the one root", async () => {
    const client = await connect({ cwd: root });
    try {
      ok<LintAnswer>(await call(client, "lint_dossier", { path: SAMPLE }));
      refused(await call(client, "lint_dossier", { path: path.join(outside, SAMPLE) }));
    } finally {
      await client.close();
    }
  });
});

test("the CLI's main bundle does not contain the MCP server (lint does not load it)", () => {
  const cli = fs.readFileSync(CLI, "utf8");
  assert.doesNotMatch(cli, /registerTool|StdioServerTransport/);
  assert.ok(fs.existsSync(path.join(path.dirname(CLI), "mcp.js")));
});

test("isv-dossier mcp --help in both languages; an argument is a usage error", async () => {
  for (const lang of ["zh-CN", "en"]) {
    const run = await runCli(["mcp", "--help", "--lang", lang]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /isv-dossier mcp\n/);
  }
  assert.equal((await runCli(["mcp", "extra"])).code, 2);
});

test("nothing tries to reach the network: every tool called with the outbound connections trapped", async () => {
  const log = path.join(scratch, "trap.jsonl");
  const environment = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const client = await connect({
    roots: [root],
    env: {
      ...environment,
      NODE_OPTIONS: `--require ${JSON.stringify(path.join(ROOT, "test", "support", "trap-network.cjs"))}`,
      ISV_DOSSIER_TRAP_LOG: log,
    },
  });
  try {
    const urls = `$schema: https://schemas.example.com/x.json\n${fs.readFileSync(path.join(root, SAMPLE), "utf8")}`;
    ok(await call(client, "lint_dossier", { path: SAMPLE }));
    ok(await call(client, "lint_dossier", { text: urls }));
    ok(await call(client, "dossier_checklist", { path: SAMPLE }));
    ok(await call(client, "clause_text", { clauseId: "H" }));
    ok(await call(client, "dossier_model", {}));
    ok(await call(client, "new_dossier", { category: "risk-assessment", level: 3 }));
  } finally {
    await client.close();
  }
  const kinds = fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { kind: string }).kind);
  assert.deepEqual(kinds, ["trap-loaded"]);
});
