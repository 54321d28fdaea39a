// The server holds V8's young generation at its size from the first large document on (node/young-generation.ts):
// once, only for a large document, never against flags the process was started with. Not timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateDossier } from "../../bench/generate-dossier";
import { TestLspClient } from "../support/lsp-client";
import { LARGE_DOCUMENT_BYTES, YoungGeneration, youngGenerationFlagsGiven } from "../../server/src/node/young-generation";

test("the young generation is held once, from the first large document on", () => {
  const set: string[] = [];
  const young = new YoungGeneration((flags) => set.push(flags), true);
  young.before(1000);
  young.before(LARGE_DOCUMENT_BYTES - 1);
  assert.deepEqual(set, []);
  assert.equal(young.isHeld, false);
  assert.equal(young.settled, false, "sizes still matter");
  young.before(LARGE_DOCUMENT_BYTES);
  young.before(LARGE_DOCUMENT_BYTES * 3);
  young.before(10);
  assert.deepEqual(set, ["--semi-space-growth-factor=1"]);
  assert.equal(young.isHeld, true);
  assert.equal(young.settled, true);
});

test("flags about the young generation given at start are left as they are", () => {
  assert.equal(youngGenerationFlagsGiven(["--max-semi-space-size=4"], undefined), true);
  assert.equal(youngGenerationFlagsGiven([], "--semi-space-growth-factor=2 --enable-source-maps"), true);
  assert.equal(youngGenerationFlagsGiven(["--enable-source-maps"], "--max-old-space-size=4096"), false);
  const set: string[] = [];
  const young = new YoungGeneration((flags) => set.push(flags), youngGenerationFlagsGiven(["--max-semi-space-size=4"], undefined) === false);
  young.before(LARGE_DOCUMENT_BYTES * 2);
  assert.deepEqual(set, []);
  assert.equal(young.settled, true, "switched off: sizes do not matter");
});

test("a real server given a large dossier (young generation held) validates it and its edits", async () => {
  const text = generateDossier({ lines: 50000, faults: true }).text;
  assert.ok(Buffer.byteLength(text) >= LARGE_DOCUMENT_BYTES);
  const client = new TestLspClient();
  try {
    await client.initialize("en");
    const uri = "file:///large/large.dossier.yaml";
    const first = client.diagnostics(uri, (published) => published.version === 1, 60000);
    await client.open(uri, text);
    const opened = await first;
    const at = text.indexOf("role: engineer");
    assert.ok(at > 0);
    const line = text.slice(0, at).split("\n").length - 1;
    const character = at - (text.lastIndexOf("\n", at) + 1) + "role: ".length;
    const onRole = (diagnostics: typeof opened.diagnostics) => diagnostics.filter((diagnostic) => diagnostic.range.start.line === line && diagnostic.range.start.character === character);
    assert.equal(onRole(opened.diagnostics).length, 1, "the wrong role is found");
    const second = client.diagnostics(uri, (published) => published.version === 2, 60000);
    await client.change(uri, 2, [{ range: { start: { line, character }, end: { line, character: character + "engineer".length } }, text: "project-engineer" }]);
    const edited = await second;
    assert.equal(onRole(edited.diagnostics).length, 0, "the fixed role is not");
    assert.ok(edited.diagnostics.length > 0, "the other faults still are");
  } finally {
    await client.stop();
  }
});
