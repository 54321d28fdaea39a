// The workspace over stdio, with the raw client (test/support/raw-lsp.ts) and the bundled server: pull diagnostics
// for an open document, workspace diagnostics for dossiers never opened (the cross-dossier checks among them, their
// related information in the other file), result ids reported `unchanged` when nothing changed, a dossier added on
// disk and announced by workspace/didChangeWatchedFiles, cancellation of a workspace request, and pushed diagnostics
// for a client that cannot pull.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { RawLspConnection, RawMessage } from "../support/raw-lsp";
import { Diagnostic, OTHER, Range, rangeOf, ReportItem, VALID } from "../support/workspace-dossiers";

/** A third applicant, added on disk during a test, listing that engineer too. */
const THIRD = OTHER.replace("91350100M000100Y43", "91350100M000100Y43".replace(/.$/, "X")).replace(
  "另一信息技术有限公司",
  "第三信息技术有限公司",
);

let folder = "";
const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).href;

before(() => {
  folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "isv-workspace-")));
  fs.writeFileSync(path.join(folder, "a.dossier.yaml"), VALID);
  fs.mkdirSync(path.join(folder, "other"));
  fs.writeFileSync(path.join(folder, "other", "b.dossier.yaml"), OTHER);
});

after(() => fs.rmSync(folder, { recursive: true, force: true }));

const PULL_CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
};

async function started(
  capabilities: object,
  root: string = folder,
): Promise<{ server: RawLspConnection; initialize: RawMessage }> {
  const server = new RawLspConnection(120_000);
  server.send({
    id: 1,
    method: "initialize",
    params: {
      processId: null,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: "clients" }],
      capabilities,
    },
  });
  const initialize = await server.answer(1, 60_000);
  assert.ok(initialize, "initialize answered");
  server.send({ method: "initialized", params: {} });
  return { server, initialize };
}

let nextId = 100;
async function request(server: RawLspConnection, method: string, params: object): Promise<RawMessage> {
  const id = nextId++;
  server.send({ id, method, params });
  const answer = await server.answer(id, 60_000);
  assert.ok(answer, `${method} answered`);
  return answer;
}

function workspaceItems(answer: RawMessage): ReportItem[] {
  assert.equal(answer.error, undefined, JSON.stringify(answer.error));
  return (answer.result as { items: ReportItem[] }).items;
}

function crossPerson(items: Diagnostic[] | undefined): Diagnostic[] {
  return (items ?? []).filter((diagnostic) => diagnostic.data?.ruleId === "cross.same-person");
}

test(
  "pull: workspace diagnostics for unopened dossiers, unchanged result ids, a file added on disk",
  { timeout: 120_000 },
  async () => {
    const { server, initialize } = await started(PULL_CAPABILITIES);
    try {
      const capabilities = (initialize.result as { capabilities: { diagnosticProvider?: object } }).capabilities;
      assert.deepEqual(capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });

      const first = workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds: [] }));
      const a = first.find((item) => item.uri === uriOf("a.dossier.yaml"));
      const b = first.find((item) => item.uri === uriOf("other/b.dossier.yaml"));
      assert.equal(a?.kind, "full");
      assert.equal(b?.kind, "full");
      const [person] = crossPerson(a?.items);
      assert.ok(person, "the shared engineer is a finding in the dossier never opened");
      assert.equal(person.code, "4.1.2");
      assert.deepEqual(person.range, rangeOf(VALID, "CERT-002"));
      assert.deepEqual(person.relatedInformation?.[0]?.location, {
        uri: uriOf("other/b.dossier.yaml"),
        range: rangeOf(OTHER, "CERT-002"),
      });

      const previousResultIds = first.map((item) => ({ uri: item.uri, value: item.resultId }));
      const second = workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds }));
      assert.deepEqual(
        second.map((item) => item.kind),
        first.map(() => "unchanged"),
      );

      // a dossier added on disk: announced, it is checked and the others' cross findings follow
      fs.writeFileSync(path.join(folder, "c.dossier.yaml"), THIRD);
      server.send({
        method: "workspace/didChangeWatchedFiles",
        params: { changes: [{ uri: uriOf("c.dossier.yaml"), type: 1 }] },
      });
      const third = workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds }));
      const c = third.find((item) => item.uri === uriOf("c.dossier.yaml"));
      assert.equal(c?.kind, "full");
      assert.deepEqual(
        crossPerson(c?.items)[0]
          ?.relatedInformation?.map((related) => related.location.uri)
          .sort(),
        [uriOf("a.dossier.yaml"), uriOf("other/b.dossier.yaml")].sort(),
      );
      assert.equal(third.find((item) => item.uri === uriOf("a.dossier.yaml"))?.kind, "full");
      fs.rmSync(path.join(folder, "c.dossier.yaml"));
      server.send({
        method: "workspace/didChangeWatchedFiles",
        params: { changes: [{ uri: uriOf("c.dossier.yaml"), type: 3 }] },
      });
      const fourth = workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds: [] }));
      assert.deepEqual(fourth.find((item) => item.uri === uriOf("c.dossier.yaml"))?.items, []);

      // the server asked to watch the dossiers and evidence files, with one pattern (a change is sent once)
      const registration = server.messages.find((message) => message.method === "client/registerCapability") as
        { params: { registrations: Array<{ method: string; registerOptions: unknown }> } } | undefined;
      const watched = registration?.params.registrations.find(
        (entry) => entry.method === "workspace/didChangeWatchedFiles",
      );
      assert.deepEqual(watched?.registerOptions, { watchers: [{ globPattern: "**/*" }] });
    } finally {
      server.kill();
    }
  },
);

test("pull: an open document's diagnostics, then `unchanged` for the same text", { timeout: 120_000 }, async () => {
  const { server } = await started(PULL_CAPABILITIES);
  try {
    const uri = uriOf("a.dossier.yaml");
    workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds: [] }));
    server.send({
      method: "textDocument/didOpen",
      params: { textDocument: { uri, languageId: "isv-dossier", version: 1, text: VALID } },
    });
    const first = await request(server, "textDocument/diagnostic", { textDocument: { uri } });
    const report = first.result as { kind: string; resultId: string; items: Diagnostic[] };
    assert.equal(report.kind, "full");
    assert.ok(report.resultId);
    assert.deepEqual(
      crossPerson(report.items).map((diagnostic) => diagnostic.range),
      [rangeOf(VALID, "CERT-002")],
      "the cross findings over the workspace reach the open document once the workspace is known",
    );
    const again = await request(server, "textDocument/diagnostic", {
      textDocument: { uri },
      previousResultId: report.resultId,
    });
    assert.deepEqual(again.result, { kind: "unchanged", resultId: report.resultId });
    // no diagnostics are pushed to a client that pulls
    assert.equal(
      server.messages.some((message) => message.method === "textDocument/publishDiagnostics"),
      false,
    );
  } finally {
    server.kill();
  }
});

test(
  "isvDossier.workspaceDiagnostics = openFiles: dossiers never opened are not checked",
  { timeout: 120_000 },
  async () => {
    const { server } = await started({
      ...PULL_CAPABILITIES,
      workspace: { ...PULL_CAPABILITIES.workspace, configuration: true },
    });
    // answers every workspace/configuration request with the setting
    const answered = new Set<unknown>();
    const answering = setInterval(() => {
      for (const message of server.messages)
        if (message.method === "workspace/configuration" && !answered.has(message.id)) {
          answered.add(message.id);
          const items = (message.params as { items: unknown[] }).items;
          server.send({ id: message.id, result: items.map(() => ({ workspaceDiagnostics: "openFiles" })) });
        }
    }, 10);
    try {
      assert.deepEqual(workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds: [] })), []);
      assert.ok(answered.size > 0, "the setting was asked for");
    } finally {
      clearInterval(answering);
      server.kill();
    }
  },
);

test(
  "an evidence file added on disk and announced: the dossier beside it is checked again",
  { timeout: 120_000 },
  async () => {
    const { server } = await started(PULL_CAPABILITIES);
    const evidence = path.join(folder, "evidence", "licence.pdf");
    try {
      const missing = (items: Diagnostic[] | undefined): Range[] =>
        (items ?? []).filter((diagnostic) => diagnostic.data?.ruleId === "evidence.exists").map((d) => d.range);
      const licence = rangeOf(VALID, "evidence/licence.pdf");
      const first = workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds: [] }));
      assert.ok(
        missing(first.find((item) => item.uri === uriOf("a.dossier.yaml"))?.items).some(
          (range) => range.start.line === licence.start.line,
        ),
      );
      fs.mkdirSync(path.dirname(evidence), { recursive: true });
      fs.writeFileSync(evidence, "%PDF-1.4 licence\n");
      server.send({
        method: "workspace/didChangeWatchedFiles",
        params: { changes: [{ uri: pathToFileURL(evidence).href, type: 1 }] },
      });
      const previousResultIds = first.map((item) => ({ uri: item.uri, value: item.resultId }));
      const second = workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds }));
      const a = second.find((item) => item.uri === uriOf("a.dossier.yaml"));
      assert.equal(a?.kind, "full");
      assert.deepEqual(
        missing(a?.items).filter((range) => range.start.line === licence.start.line),
        [],
      );
      // the dossier in another folder does not depend on it
      assert.equal(second.find((item) => item.uri === uriOf("other/b.dossier.yaml"))?.kind, "unchanged");
    } finally {
      fs.rmSync(path.dirname(evidence), { recursive: true, force: true });
      server.kill();
    }
  },
);

test("a workspace request cancelled before its work is answered RequestCancelled", { timeout: 120_000 }, async () => {
  const { server } = await started(PULL_CAPABILITIES);
  try {
    const id = nextId++;
    server.send({ id, method: "workspace/diagnostic", params: { previousResultIds: [] } });
    server.send({ method: "$/cancelRequest", params: { id } });
    const answer = await server.answer(id, 60_000);
    assert.equal((answer?.error as { code: number } | undefined)?.code, -32800);
    // the next request is answered in full
    const items = workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds: [] }));
    assert.ok(items.some((item) => item.uri === uriOf("a.dossier.yaml") && item.kind === "full"));
  } finally {
    server.kill();
  }
});

test("push: a client that cannot pull gets the workspace's dossiers published", { timeout: 120_000 }, async () => {
  const { server, initialize } = await started({});
  try {
    assert.ok(initialize.result);
    const uri = uriOf("other/b.dossier.yaml");
    const deadline = Date.now() + 60_000;
    let published: RawMessage | undefined;
    while (!published && Date.now() < deadline) {
      published = server.messages.find(
        (message) =>
          message.method === "textDocument/publishDiagnostics" && (message.params as { uri: string }).uri === uri,
      );
      if (!published) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const diagnostics = (published?.params as { diagnostics: Diagnostic[] } | undefined)?.diagnostics;
    assert.deepEqual(
      crossPerson(diagnostics).map((diagnostic) => diagnostic.range),
      [rangeOf(OTHER, "CERT-002")],
    );
  } finally {
    server.kill();
  }
});

test(
  "a waiver of a cross-dossier check: its finding is a hint in its own dossier, a warning in the other, never unused",
  { timeout: 120_000 },
  async () => {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "isv-workspace-waived-")));
    const waiver = "# isv-dossier-waive cross.same-person -- 分包项目共用工程师 (approved: 周敏, until: 2099-12-31)";
    const waived = VALID.replace(/^(\s*)certificate: CERT-002$/m, `$1${waiver}\n$1certificate: CERT-002`);
    assert.notEqual(waived, VALID);
    fs.writeFileSync(path.join(root, "a.dossier.yaml"), waived);
    fs.writeFileSync(path.join(root, "b.dossier.yaml"), OTHER);
    const { server } = await started(PULL_CAPABILITIES, root);
    try {
      const items = workspaceItems(await request(server, "workspace/diagnostic", { previousResultIds: [] }));
      const of = (name: string): Diagnostic[] =>
        items.find((item) => item.uri === pathToFileURL(path.join(root, name)).href)?.items ?? [];
      const shown = (name: string): Array<[string, number | undefined, number, boolean]> =>
        of(name)
          .filter((diagnostic) => /^(cross|waiver)\./.test(diagnostic.data?.ruleId ?? ""))
          .map((diagnostic) => [
            diagnostic.data?.ruleId ?? "",
            (diagnostic as Diagnostic & { severity?: number }).severity,
            diagnostic.range.start.line,
            (diagnostic.data as { waived?: unknown } | undefined)?.waived !== undefined,
          ]);
      assert.deepEqual(shown("a.dossier.yaml"), [
        ["cross.same-person", 4, rangeOf(waived, "CERT-002").start.line, true],
      ]);
      assert.deepEqual(shown("b.dossier.yaml"), [
        ["cross.same-person", 2, rangeOf(OTHER, "CERT-002").start.line, false],
      ]);
    } finally {
      server.kill();
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
);
