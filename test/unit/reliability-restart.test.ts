// The server half of "a restart loses no unsaved text": a server is killed mid-session (SIGKILL, with unsaved
// edits and a change still pending), a fresh server is given the same open documents as a client re-sends them
// after a restart (didOpen with the current text and version), and it publishes the same diagnostics.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { filesUnder, repositoryRoot } from "../support/repository";

const SAMPLES = filesUnder(path.join(repositoryRoot(), "samples"), [".dossier.yaml"]);

/** Unsaved edits of the kind a user makes: a value changed, a line deleted, a line typed half-way. */
function unsavedEdits(
  document: TextDocument,
  index: number,
): Array<{
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}> {
  const text = document.getText();
  const lines = text.split("\n");
  const dateLine = lines.findIndex((line) => /^\s+date: /.test(line));
  const edits = [];
  if (dateLine >= 0 && index % 2 === 0) {
    const start = lines[dateLine].indexOf("date: ") + "date: ".length;
    edits.push({
      range: {
        start: { line: dateLine, character: start },
        end: { line: dateLine, character: lines[dateLine].length },
      },
      text: "2021-01-01",
    });
  }
  const middle = Math.floor(lines.length / 2);
  edits.push({ range: { start: { line: middle, character: 0 }, end: { line: middle + 1, character: 0 } }, text: "" });
  edits.push({
    range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
    text: "  half_typed_key\n",
  });
  return edits;
}

function withoutVersion(published: PublishedDiagnostics): unknown {
  return JSON.parse(JSON.stringify(published.diagnostics));
}

test(
  "server: after the server is killed, a fresh server given the open documents publishes what a server that never died publishes",
  { timeout: 120_000 },
  async () => {
    const documents = SAMPLES.map((file) =>
      TextDocument.create(pathToFileURL(file).toString(), "isv-dossier", 1, fs.readFileSync(file, "utf8")),
    );
    // `doomed` is killed; `survivor` receives exactly the same messages and lives on, as the reference
    const doomed = new TestLspClient();
    const survivor = new TestLspClient();
    const restarted = new TestLspClient();
    try {
      await Promise.all([doomed.initialize("zh-cn"), survivor.initialize("zh-cn")]);
      const both = async (send: (client: TestLspClient) => Promise<void>): Promise<void> => {
        await Promise.all([send(doomed), send(survivor)]);
      };
      await Promise.all(
        documents.map(async (document, index) => {
          const opened = doomed.diagnostics(document.uri, (next) => next.version === 1);
          await both((client) => client.open(document.uri, document.getText(), 1));
          await opened;
          for (const edit of unsavedEdits(document, index)) {
            const version = document.version + 1;
            TextDocument.update(document, [edit], version);
            const published = doomed.diagnostics(document.uri, (next) => next.version === version);
            await both((client) => client.change(document.uri, version, [edit]));
            await published;
          }
        }),
      );
      // One more change is in flight when the process dies: the editor holds it, the server never answered it.
      const last = documents[0];
      const pending = {
        range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
        text: "# pending edit\n",
      };
      TextDocument.update(last, [pending], last.version + 1);
      await both((client) => client.change(last.uri, last.version, [pending]));
      const exited = new Promise((resolve) => doomed.child.once("exit", (_code, signal) => resolve(signal)));
      doomed.kill();
      assert.equal(await exited, "SIGKILL");

      await restarted.initialize("zh-cn");
      for (const document of documents) {
        const republished = restarted.diagnostics(document.uri, (next) => next.version === document.version);
        await restarted.open(document.uri, document.getText(), document.version);
        const name = path.basename(new URL(document.uri).pathname);
        assert.deepEqual(
          withoutVersion(await republished),
          withoutVersion(await survivorLatest(survivor, document)),
          name,
        );
      }
      assert.equal(await restarted.stop(), 0);
      assert.equal(await survivor.stop(), 0);
    } finally {
      for (const client of [doomed, survivor, restarted])
        if (client.child.exitCode === null && client.child.signalCode === null) client.kill();
    }
  },
);

/** The survivor's diagnostics for the document's current version (already published, or on their way). */
function survivorLatest(survivor: TestLspClient, document: TextDocument): Promise<PublishedDiagnostics> {
  const already = survivor.published
    .filter((published) => published.uri === document.uri && published.version === document.version)
    .at(-1);
  return already
    ? Promise.resolve(already)
    : survivor.diagnostics(document.uri, (next) => next.version === document.version);
}
