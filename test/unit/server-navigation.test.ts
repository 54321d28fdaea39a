// Navigation over stdio with a real JSON-RPC client: each capability is advertised and answers — references,
// document highlight, prepareRename (and its refusal), rename, inlay hints, code lenses, evidence path completion
// (a symbolic link escaping the folder is never offered) and the references of a clause over two open dossiers, from
// a comment and from the spec document. Asserts positions, kinds and clause ids, never message text.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { renderSpecDocument } from "../../server/src/core/features/spec-document";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const SAMPLE = fs.readFileSync(
  path.join(ROOT, "samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml"),
  "utf8",
);

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}

function positionOf(text: string, needle: string, after = ""): Position {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  assert.ok(offset >= 0, `${needle} not found`);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length - 1, character: offset - (before.lastIndexOf("\n") + 1) };
}

function linesWith(text: string, pattern: RegExp): number[] {
  return text.split("\n").flatMap((line, index) => (pattern.test(line) ? [index] : []));
}

test("navigation over stdio: references, highlight, rename, inlay hints, code lenses, evidence completion", async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-nav-"));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const dossierFolder = path.join(folder, "applicant");
  fs.mkdirSync(path.join(dossierFolder, "evidence"), { recursive: true });
  fs.writeFileSync(path.join(dossierFolder, "evidence", "new-contract.pdf"), "x");
  fs.writeFileSync(path.join(folder, "outside.pdf"), "outside");
  fs.symlinkSync(path.join(folder, "outside.pdf"), path.join(dossierFolder, "evidence", "escape.pdf"));
  const file = path.join(dossierFolder, "a.dossier.yaml");
  const text = SAMPLE.replace(
    "        - evidence/项目/P01-发票.txt\n",
    "        - evidence/项目/P01-发票.txt\n        - evidence/\n",
  );
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const client = new TestLspClient();
  try {
    const { capabilities } = await client.initialize("zh-cn");
    assert.equal(capabilities.referencesProvider, true);
    assert.equal(capabilities.documentHighlightProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.equal(capabilities.inlayHintProvider, true);
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
    assert.ok(
      (capabilities.workspace as { fileOperations?: { willRename?: unknown } } | undefined)?.fileOperations?.willRename,
    );

    const opened = client.diagnostics(uri);
    await client.open(uri, text);
    await opened;
    const lead = positionOf(text, "zhou-ruoxi", "lead: zhou-ruoxi");
    const idLine = linesWith(text, /^\s+- id: zhou-ruoxi$/)[0];
    const all = linesWith(text, /^[^#]*\bzhou-ruoxi\b/);

    const references = await client.request<Array<{ uri: string; range: Range }>>("textDocument/references", {
      textDocument: { uri },
      position: lead,
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      references.map((location) => [location.uri, location.range.start.line]),
      all.filter((line) => line !== idLine).map((line) => [uri, line]),
    );
    assert.deepEqual(references[0].range, {
      start: positionOf(text, "zhou-ruoxi", "lead: zhou-ruoxi"),
      end: { line: lead.line, character: lead.character + "zhou-ruoxi".length },
    });

    const highlights = await client.request<Array<{ range: Range; kind: number }>>("textDocument/documentHighlight", {
      textDocument: { uri },
      position: lead,
    });
    assert.deepEqual(
      highlights.map((highlight) => [highlight.range.start.line, highlight.kind]),
      [idLine, ...all.filter((line) => line !== idLine)].map((line) => [line, line === idLine ? 3 : 2]),
    );

    const prepared = await client.request<{ range: Range; placeholder: string }>("textDocument/prepareRename", {
      textDocument: { uri },
      position: lead,
    });
    assert.equal(prepared.placeholder, "zhou-ruoxi");
    assert.deepEqual(prepared.range.start, lead);
    await assert.rejects(
      client.request("textDocument/prepareRename", {
        textDocument: { uri },
        position: positionOf(text, "risk-assessment"),
      }),
      (error: { code?: number; message?: string }) => error.code === -32600 && (error.message ?? "").length > 0,
    );
    await assert.rejects(
      client.request("textDocument/rename", { textDocument: { uri }, position: lead, newName: "Zhou Ruoxi" }),
      (error: { code?: number }) => error.code === -32600,
    );
    const edit = await client.request<{ changes: { [uri: string]: Array<{ range: Range; newText: string }> } }>(
      "textDocument/rename",
      { textDocument: { uri }, position: lead, newName: "zhou-rx" },
    );
    assert.deepEqual(Object.keys(edit.changes), [uri]);
    assert.deepEqual(
      edit.changes[uri].map((change) => [change.range.start.line, change.newText]),
      [idLine, ...all.filter((line) => line !== idLine)].map((line) => [line, "zhou-rx"]),
    );

    const lines = new LineIndex(text);
    const hints = await client.request<Array<{ position: Position; label: string; kind: number }>>(
      "textDocument/inlayHint",
      { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) } },
    );
    const since = positionOf(text, "2024-11-05", "service_since:");
    assert.ok(
      hints.some(
        (hint) =>
          hint.kind === 1 &&
          hint.position.line === since.line &&
          hint.position.character === since.character + "2024-11-05".length,
      ),
      JSON.stringify(hints.map((hint) => hint.position)),
    );
    const projectName = positionOf(text, "核心业务系统信息安全风险评估项目");
    assert.ok(
      hints.some(
        (hint) =>
          hint.position.line === projectName.line &&
          hint.position.character === projectName.character + "核心业务系统信息安全风险评估项目".length,
      ),
    );

    const lenses = await client.request<
      Array<{ range: Range; command: { command: string; arguments: [string, string] } }>
    >("textDocument/codeLens", { textDocument: { uri } });
    const performanceLine = linesWith(text, /^performance:/)[0];
    assert.deepEqual(
      lenses.filter((lens) => lens.range.start.line === performanceLine).map((lens) => lens.command.arguments[0]),
      ["4.1.2", "4.1.3.a", "4.1.3.b"],
    );
    assert.ok(lenses.every((lens) => lens.command.command === "isvDossier.revealClause"));

    const typed = positionOf(text, "evidence/\n", "P01-发票.txt");
    const completion = await client.request<Array<{ label: string; kind: number }>>("textDocument/completion", {
      textDocument: { uri },
      position: { line: typed.line, character: typed.character + "evidence/".length },
    });
    const labels = completion.map((item) => item.label);
    assert.deepEqual(labels, ["evidence/new-contract.pdf"]);
    assert.equal(completion[0].kind, 17); // File

    // An evidence file renamed in the explorer: the path naming it follows; a file elsewhere changes nothing.
    const contract = positionOf(text, "evidence/项目/P01-合同.pdf");
    const renamed = await client.request<{
      changes: { [uri: string]: Array<{ range: Range; newText: string }> };
    } | null>("workspace/willRenameFiles", {
      files: [
        {
          oldUri: pathToFileURL(path.join(dossierFolder, "evidence", "项目", "P01-合同.pdf")).toString(),
          newUri: pathToFileURL(path.join(dossierFolder, "evidence", "项目", "P01-contract.pdf")).toString(),
        },
      ],
    });
    assert.deepEqual(renamed?.changes[uri], [
      {
        range: {
          start: contract,
          end: { line: contract.line, character: contract.character + "evidence/项目/P01-合同.pdf".length },
        },
        newText: "evidence/项目/P01-contract.pdf",
      },
    ]);
    const elsewhere = await client.request<unknown>("workspace/willRenameFiles", {
      files: [
        {
          oldUri: pathToFileURL(path.join(folder, "outside.pdf")).toString(),
          newUri: pathToFileURL(path.join(folder, "moved.pdf")).toString(),
        },
      ],
    });
    assert.equal(elsewhere, null);
  } finally {
    await client.stop();
  }
});

test("clause references over stdio: from a comment and from the spec document, over every open dossier", async () => {
  const client = new TestLspClient();
  try {
    await client.initialize("en");
    const first = "file:///tmp/isv-nav-one.dossier.yaml";
    const second = "file:///tmp/isv-nav-two.dossier.yaml";
    const secondText = SAMPLE.replace("signed: 2024-11-05", "signed: 2020-11-05");
    for (const [uri, text] of [
      [first, SAMPLE],
      [second, secondText],
    ]) {
      const published = client.diagnostics(uri);
      await client.open(uri, text);
      await published;
    }
    // "业绩（4.1.3）" in a comment: the heading 4.1.3 and everything under it.
    const mention = positionOf(
      SAMPLE,
      "4.1.3",
      "# ---------------------------------------------------------------- 业绩",
    );
    const fromComment = await client.request<Array<{ uri: string; range: Range }>>("textDocument/references", {
      textDocument: { uri: first },
      position: { line: mention.line, character: mention.character + 1 },
      context: { includeDeclaration: true },
    });
    const since = positionOf(SAMPLE, "service_since");
    for (const uri of [first, second]) {
      assert.ok(
        fromComment.some(
          (location) =>
            location.uri === uri &&
            location.range.start.line === since.line &&
            location.range.start.character === since.character,
        ),
        `service_since of ${uri}`,
      );
    }
    // From the spec document's heading of 4.1.3 b): the projects of both dossiers, not service_since.
    const spec = renderSpecDocument(defaultEdition(), "en");
    const heading = new LineIndex(spec.text).positionAt(spec.anchors["4.1.3.b"].start);
    const fromSpec = await client.request<Array<{ uri: string; range: Range }>>("textDocument/references", {
      textDocument: { uri: "isv-spec:/ccrc-isv-c01-2025.md" },
      position: { line: heading.line, character: 4 },
      context: { includeDeclaration: true },
    });
    const projects = positionOf(SAMPLE, "projects:", "performance:");
    for (const uri of [first, second])
      assert.ok(fromSpec.some((location) => location.uri === uri && location.range.start.line === projects.line));
    assert.ok(!fromSpec.some((location) => location.range.start.line === since.line));
    // The second dossier's project signed before the applicant was established: that finding cites 4.1.3 b).
    const signed = positionOf(secondText, "2020-11-05");
    assert.ok(
      fromSpec.some(
        (location) =>
          location.uri === second &&
          location.range.start.line === signed.line &&
          location.range.start.character === signed.character,
      ),
    );
    assert.ok(
      !fromSpec.some(
        (location) =>
          location.uri === first &&
          location.range.start.line === signed.line &&
          location.range.start.character === signed.character,
      ),
    );
    // Each range once per document.
    const keys = fromSpec.map(
      (location) => `${location.uri}:${location.range.start.line}:${location.range.start.character}`,
    );
    assert.equal(new Set(keys).size, keys.length);
  } finally {
    await client.stop();
  }
});
