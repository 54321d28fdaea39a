// Workspace folders added and removed after the start (workspace/didChangeWorkspaceFolders), over stdio with a
// JSON-RPC client (test/support/lsp-client.ts) and the bundled server: the capability is advertised; an added
// folder's dossiers are found and checked, and the client is asked to pull again (workspace/diagnostic/refresh); a
// removed folder's dossiers are reported once with no diagnostics, the cross findings that named them go, and an open
// document of that folder keeps its diagnostics; a client that cannot pull gets the same pushed. Asserts uris, check
// ids, clause ids and ranges, never message text.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { TestLspClient } from "../support/lsp-client";
import { Diagnostic, OTHER, Range, rangeOf, ReportItem, VALID } from "../support/workspace-dossiers";

/** The first applicant's dossier again, with one fault: 4.1.1 schema.enum on `rented`. */
const FAULTY = VALID.replace("tenure: leased", "tenure: rented");

let root = "";
const folderUri = (name: string): string => pathToFileURL(path.join(root, name)).href;
const uriOf = (...segments: string[]): string => pathToFileURL(path.join(root, ...segments)).href;
const A = (): string => uriOf("one", "a.dossier.yaml");
const B = (): string => uriOf("two", "b.dossier.yaml");
const C = (): string => uriOf("two", "deeper", "c.dossier.yaml");

before(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "isv-folders-")));
  fs.mkdirSync(path.join(root, "one"));
  fs.writeFileSync(path.join(root, "one", "a.dossier.yaml"), VALID);
  fs.mkdirSync(path.join(root, "two", "deeper"), { recursive: true });
  fs.writeFileSync(path.join(root, "two", "b.dossier.yaml"), OTHER);
  fs.writeFileSync(path.join(root, "two", "deeper", "c.dossier.yaml"), FAULTY);
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A client of the server with the given capabilities, the folder `one` open; counts the refreshes asked. */
async function started(
  capabilities: object,
): Promise<{ client: TestLspClient; result: { capabilities: { [name: string]: unknown } }; refreshes: () => number }> {
  const client = new TestLspClient();
  let refreshes = 0;
  client.connection.onRequest("workspace/diagnostic/refresh", () => {
    refreshes++;
    return null;
  });
  const result = await client.request<{ capabilities: { [name: string]: unknown } }>("initialize", {
    processId: process.pid,
    rootUri: folderUri("one"),
    workspaceFolders: [{ uri: folderUri("one"), name: "one" }],
    capabilities,
  });
  await client.connection.sendNotification("initialized", {});
  return { client, result, refreshes: () => refreshes };
}

async function foldersChanged(client: TestLspClient, added: string[], removed: string[]): Promise<void> {
  await client.connection.sendNotification("workspace/didChangeWorkspaceFolders", {
    event: {
      added: added.map((name) => ({ uri: folderUri(name), name })),
      removed: removed.map((name) => ({ uri: folderUri(name), name })),
    },
  });
}

/** Polls until the condition holds (the server answers a notification with nothing to wait on). */
async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function workspaceItems(
  client: TestLspClient,
  previous: ReportItem[] = [],
): Promise<{ items: ReportItem[]; byUri: Map<string, ReportItem> }> {
  const previousResultIds = previous
    .filter((item) => item.resultId !== undefined)
    .map((item) => ({ uri: item.uri, value: item.resultId }));
  const { items } = await client.request<{ items: ReportItem[] }>("workspace/diagnostic", { previousResultIds });
  return { items, byUri: new Map(items.map((item) => [item.uri, item])) };
}

function crossPerson(items: Diagnostic[] | undefined): Diagnostic[] {
  return (items ?? []).filter((diagnostic) => diagnostic.data?.ruleId === "cross.same-person");
}

/** Each cross.same-person finding as [clause id, range, the related dossiers' uris, sorted]. */
function crossPersonShape(items: Diagnostic[] | undefined): Array<[string | undefined, Range, string[]]> {
  return crossPerson(items).map((diagnostic) => [
    diagnostic.code,
    diagnostic.range,
    (diagnostic.relatedInformation ?? []).map((related) => related.location.uri).sort(),
  ]);
}

function tenureFault(items: Diagnostic[] | undefined): Array<[string | undefined, Range]> {
  return (items ?? [])
    .filter((diagnostic) => diagnostic.data?.ruleId === "schema.enum")
    .map((diagnostic) => [diagnostic.code, diagnostic.range]);
}

const PULL_CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: {
    workspaceFolders: true,
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
};

test(
  "pull: a folder added is searched and checked, a folder removed is forgotten, an open document of it kept",
  { timeout: 180_000 },
  async () => {
    const { client, result, refreshes } = await started(PULL_CAPABILITIES);
    try {
      const workspace = result.capabilities.workspace as { workspaceFolders?: object; fileOperations?: object };
      assert.deepEqual(workspace.workspaceFolders, { supported: true, changeNotifications: true });
      assert.ok(workspace.fileOperations, "the navigation's workspace capabilities are kept beside it");

      const first = await workspaceItems(client);
      assert.deepEqual(
        first.items.map((item) => item.uri),
        [A()],
      );
      assert.deepEqual(crossPerson(first.byUri.get(A())?.items), []);

      // the folder `two` added: its dossiers (one in a subfolder) are found and checked without being opened
      const before = refreshes();
      await foldersChanged(client, ["two"], []);
      await until(() => refreshes() > before, "workspace/diagnostic/refresh after the folder was added");
      const second = await workspaceItems(client, first.items);
      assert.deepEqual(second.items.map((item) => item.uri).sort(), [A(), B(), C()].sort());
      for (const item of second.items) assert.equal(item.kind, "full", item.uri);
      // B's applicant lists A's and C's engineer (C is A's applicant again: no finding between A and C)
      assert.deepEqual(crossPersonShape(second.byUri.get(B())?.items), [
        ["4.1.2", rangeOf(OTHER, "CERT-002"), [A(), C()].sort()],
      ]);
      assert.deepEqual(crossPersonShape(second.byUri.get(A())?.items), [["4.1.2", rangeOf(VALID, "CERT-002"), [B()]]]);
      assert.deepEqual(tenureFault(second.byUri.get(C())?.items), [["4.1.1", rangeOf(FAULTY, "rented")]]);

      // C opened: pulled on its own, with its fault and the cross finding
      await client.open(C(), FAULTY);
      const open = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>(
        "textDocument/diagnostic",
        { textDocument: { uri: C() } },
      );
      assert.equal(open.kind, "full");
      assert.deepEqual(tenureFault(open.items), [["4.1.1", rangeOf(FAULTY, "rented")]]);
      assert.deepEqual(crossPersonShape(open.items), [["4.1.2", rangeOf(FAULTY, "CERT-002"), [B()]]]);

      // the folder `two` removed: B is reported once with no diagnostics, A's finding that named B goes
      const beforeRemoval = refreshes();
      await foldersChanged(client, [], ["two"]);
      await until(() => refreshes() > beforeRemoval, "workspace/diagnostic/refresh after the folder was removed");
      const third = await workspaceItems(client, second.items);
      assert.deepEqual(third.items.map((item) => item.uri).sort(), [A(), B()].sort(), "C is open: pulled on its own");
      assert.deepEqual(third.byUri.get(B()), { kind: "full", uri: B(), version: null, items: [] });
      assert.equal(third.byUri.get(A())?.kind, "full");
      assert.deepEqual(crossPerson(third.byUri.get(A())?.items), []);
      // the open document keeps its own diagnostics; its cross finding with B is gone
      const stillOpen = await client.request<{ kind: string; items: Diagnostic[] }>("textDocument/diagnostic", {
        textDocument: { uri: C() },
        previousResultId: open.resultId,
      });
      assert.equal(stillOpen.kind, "full");
      assert.deepEqual(tenureFault(stillOpen.items), [["4.1.1", rangeOf(FAULTY, "rented")]]);
      assert.deepEqual(crossPerson(stillOpen.items), []);

      // nothing more to clear: A unchanged, B not reported again
      const fourth = await workspaceItems(client, third.items);
      assert.deepEqual(
        fourth.items.map((item) => [item.uri, item.kind]),
        [[A(), "unchanged"]],
      );

      // C closed, outside the workspace's folders now: reported once with no diagnostics
      await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri: C() } });
      await until(() => refreshes() > beforeRemoval + 1, "workspace/diagnostic/refresh after the close");
      const fifth = await workspaceItems(client, fourth.items);
      assert.deepEqual(fifth.byUri.get(C()), { kind: "full", uri: C(), version: null, items: [] });
      assert.equal(fifth.byUri.has(B()), false);

      // the folder added again: its dossiers come back
      await foldersChanged(client, ["two"], []);
      const sixth = await workspaceItems(client, fifth.items);
      assert.deepEqual(sixth.items.map((item) => item.uri).sort(), [A(), B(), C()].sort());
      assert.deepEqual(tenureFault(sixth.byUri.get(C())?.items), [["4.1.1", rangeOf(FAULTY, "rented")]]);
    } finally {
      client.kill();
    }
  },
);

test(
  "push: a client that cannot pull gets an added folder's dossiers, and a removed one's cleared",
  {
    timeout: 180_000,
  },
  async () => {
    const { client } = await started({ workspace: { workspaceFolders: true } });
    try {
      const published = (uri: string): PublishedOf | undefined =>
        [...client.published].reverse().find((item) => item.uri === uri) as PublishedOf | undefined;
      await until(() => published(A()) !== undefined, "A published");
      assert.deepEqual(crossPerson(published(A())?.diagnostics), []);

      await foldersChanged(client, ["two"], []);
      await until(() => crossPerson(published(B())?.diagnostics).length > 0, "B published with its cross finding");
      assert.deepEqual(crossPersonShape(published(B())?.diagnostics), [
        ["4.1.2", rangeOf(OTHER, "CERT-002"), [A(), C()].sort()],
      ]);
      await until(() => published(C()) !== undefined, "C published");
      assert.deepEqual(tenureFault(published(C())?.diagnostics), [["4.1.1", rangeOf(FAULTY, "rented")]]);
      await until(() => crossPerson(published(A())?.diagnostics).length > 0, "A published with its cross finding");

      await foldersChanged(client, [], ["two"]);
      await until(() => published(B())?.diagnostics.length === 0, "B cleared");
      await until(() => published(C())?.diagnostics.length === 0, "C cleared");
      await until(() => crossPerson(published(A())?.diagnostics).length === 0, "A's cross finding gone");
    } finally {
      client.kill();
    }
  },
);

interface PublishedOf {
  uri: string;
  diagnostics: Diagnostic[];
}
