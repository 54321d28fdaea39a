// No dossier data in logs: at every trace level a client can set (off, messages, verbose), everything the server
// writes besides its answers — window/logMessage, window/showMessage, $/logTrace, telemetry/event, any other
// notification, and stderr — is collected over a run on every sample (with edits, every request, a failing rule
// and inputs that make libraries warn), then searched for the samples' company names, people, addresses,
// clients, certificate numbers and unified social credit codes. (The client's own "[Trace - …]" lines of
// vscode-languageclient show message payloads by design; they are the editor's, not the server's.) Over a raw
// connection, messages the JSON-RPC library cannot handle, quoting dossier values, get no log message either (the
// library would send window/logMessage repeating what it received).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { TestLspClient } from "../support/lsp-client";
import { RawLspConnection } from "../support/raw-lsp";
import { filesUnder, repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const SAMPLES = filesUnder(path.join(ROOT, "samples"), [".dossier.yaml"]);
const SENSITIVE_KEYS = new Set(["name", "credit_code", "address", "client", "certificate"]);

/** Every value under a sensitive key in the samples (names, codes, addresses…), at least two characters long. */
function sensitiveValues(): string[] {
  const found = new Set<string>();
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) node.forEach((item) => visit(item, key));
    else if (node !== null && typeof node === "object")
      for (const [childKey, value] of Object.entries(node)) visit(value, childKey);
    else if (typeof node === "string" && key !== undefined && SENSITIVE_KEYS.has(key) && node.length >= 2)
      found.add(node);
  };
  for (const file of SAMPLES) visit(parse(fs.readFileSync(file, "utf8")), undefined);
  return [...found];
}

/** Texts that make the parser or a library complain, quoting the dossier's words if anything would. */
function troublesomeTexts(sample: string, company: string, person: string): string[] {
  return [
    `[${company}, ${person}]: key made of a list\n{${person}: 1}: key made of a mapping\n` + sample,
    sample + `\napplicant:\n  name: ${company}\n`, // a duplicate key
    sample.replace(/^applicant:/m, `applicant: &${"a".repeat(3)}`) + `\nextra: *missing_${person.length}\n`,
    `"${company}\n` + sample, // an unterminated quote
    "# test: throw\n" + sample,
    sample.replace(/^personnel:/m, `personnel: [${company}, {${person}: [`),
  ];
}

interface Capture {
  notifications: string[];
}

function captureServerOutput(client: TestLspClient): Capture {
  const capture: Capture = { notifications: [] };
  for (const method of ["window/logMessage", "window/showMessage", "$/logTrace", "telemetry/event"]) {
    client.connection.onNotification(method, (params: unknown) => {
      capture.notifications.push(`${method} ${JSON.stringify(params)}`);
    });
  }
  client.connection.onUnhandledNotification((message) => {
    capture.notifications.push(`${message.method} ${JSON.stringify(message.params)}`);
  });
  client.connection.onRequest("window/showMessageRequest", (params: unknown) => {
    capture.notifications.push(`window/showMessageRequest ${JSON.stringify(params)}`);
    return null;
  });
  return capture;
}

async function useEverything(client: TestLspClient, uri: string, text: string): Promise<void> {
  const textDocument = { uri };
  const lines = text.split("\n");
  const requests: Array<Promise<unknown>> = [
    client.request("textDocument/documentSymbol", { textDocument }),
    client.request("textDocument/foldingRange", { textDocument }),
    client.request("textDocument/documentLink", { textDocument }),
    client.request("isvDossier/checklist", { uri }),
    client.request("textDocument/codeAction", {
      textDocument,
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
      context: { diagnostics: [] },
    }),
  ];
  for (let line = 0; line < lines.length; line += 5) {
    const position = { line, character: Math.min(lines[line].length, 6) };
    requests.push(client.request("textDocument/hover", { textDocument, position }));
    requests.push(client.request("textDocument/completion", { textDocument, position }));
    requests.push(client.request("textDocument/definition", { textDocument, position }));
  }
  await Promise.all(requests.map((request) => request.catch(() => undefined)));
}

async function runAtTraceLevel(level: "off" | "messages" | "verbose", secrets: string[]): Promise<string> {
  const client = new TestLspClient([], {
    ...process.env,
    ISV_DOSSIER_TEST_RULES: path.join(ROOT, "test", "support", "trap-rules.cjs"),
  });
  const capture = captureServerOutput(client);
  try {
    await client.initialize("zh-cn");
    await client.connection.sendNotification("$/setTrace", { value: level });
    const company = secrets.find((value) => value.endsWith("有限公司")) ?? secrets[0];
    const person = secrets.find((value) => /^[\u4e00-\u9fff]{2,3}$/.test(value)) ?? secrets[1];
    const texts: Array<[string, string]> = SAMPLES.map((file) => [
      pathToFileURL(file).toString(),
      fs.readFileSync(file, "utf8"),
    ]);
    troublesomeTexts(texts[0][1], company, person).forEach((text, index) =>
      texts.push([`untitled:trouble-${index}.dossier.yaml`, text]),
    );
    for (const [uri, text] of texts) {
      const published = client.diagnostics(uri, (next) => next.version === 1);
      await client.open(uri, text);
      await published;
      await useEverything(client, uri, text);
      // an edit that breaks the text, then one that repairs it
      const edited = client.diagnostics(uri, (next) => next.version === 3);
      await client.change(uri, 2, [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: `  "${person}: [\n` },
      ]);
      await client.change(uri, 3, [
        { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: "" },
      ]);
      await edited;
      await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    }
    await client
      .request("textDocument/hover", {
        textDocument: { uri: "file:///nowhere/unknown.dossier.yaml" },
        position: { line: 0, character: 0 },
      })
      .catch(() => undefined);
    await client.request("isvDossier/noSuchRequest", { secret: company }).catch(() => undefined);
    assert.equal(await client.stop(), 0);
    return [...capture.notifications, client.stderr.join("")].join("\n");
  } finally {
    if (client.child.exitCode === null) client.kill();
  }
}

test("the samples give the search something to find", () => {
  const secrets = sensitiveValues();
  assert.ok(
    secrets.some((value) => /^[0-9A-Z]{18}$/.test(value)),
    "credit codes",
  );
  assert.ok(
    secrets.some((value) => value.endsWith("有限公司")),
    "company names",
  );
  assert.ok(secrets.length > 50, `${secrets.length} values`);
});

for (const level of ["off", "messages", "verbose"] as const) {
  test(`server logs at trace level "${level}" contain no dossier values`, { timeout: 120_000 }, async () => {
    const secrets = sensitiveValues();
    const logs = await runAtTraceLevel(level, secrets);
    const leaked = secrets.filter((secret) => logs.includes(secret));
    assert.deepEqual(leaked, [], `leaked into the server's logs:\n${logs.slice(0, 3000)}`);
    // what the server may write: the rule module's marker lines (test-only) and nothing that quotes a document
    for (const line of logs.split("\n").filter((line) => line.length > 0)) {
      assert.match(
        line,
        /^(test-rule ran: \w+|isv-dossier-server: \w+ [\w-]*)$/,
        `unexpected log line: ${line.slice(0, 300)}`,
      );
    }
  });
}

test(
  "messages the JSON-RPC library cannot handle, quoting dossier values, are not repeated in any log",
  { timeout: 120_000 },
  async () => {
    const secrets = sensitiveValues();
    const company = secrets.find((value) => value.endsWith("有限公司")) ?? secrets[0];
    const code = secrets.find((value) => /^[0-9A-Z]{18}$/.test(value)) ?? secrets[1];
    const connection = new RawLspConnection(60_000);
    try {
      await connection.initialize(60_000);
      connection.send({ applicant: { name: company, credit_code: code } }); // neither request, answer nor notification
      connection.send(JSON.stringify([company, code]));
      connection.send({ id: "x", result: { name: company } }); // an answer to no request
      connection.send({ id: 7, method: "isvDossier/noSuchRequest", params: { name: company } });
      connection.send({
        method: "textDocument/didOpen",
        params: { textDocument: { uri: 42, text: { name: company } } },
      });
      connection.send({ id: 2, method: "shutdown" });
      assert.ok(await connection.answer(2, 60_000), "shutdown answered");
      // the body that is not JSON ends the server (reliability-malformed-frames); what it says must not quote it either
      connection.send(`{"applicant": {"name": "${company}", "credit_code": "${code}"`);
      const { killed } = await connection.exited;
      assert.equal(killed, false);
      const logs = [
        ...connection.notSolicited().map((message) => JSON.stringify(message)),
        connection.stderr.join(""),
      ].join("\n");
      assert.deepEqual(
        secrets.filter((secret) => logs.includes(secret)),
        [],
        `leaked: ${logs.slice(0, 2000)}`,
      );
      assert.deepEqual(connection.notSolicited(), [], "nothing sent but answers");
      for (const line of connection.stderr
        .join("")
        .split("\n")
        .filter((line) => line.length > 0)) {
        assert.match(line, /^isv-dossier-server: \w+ [\w-]*$/, `unexpected log line: ${line.slice(0, 300)}`);
      }
    } finally {
      connection.kill();
    }
  },
);
