// The language server as any LSP client sees it: `isv-dossier-server --stdio` as a child process, JSON-RPC over
// its stdio, real files on disk. Asserts clause codes, ranges and structure, never message text.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { repositoryRoot } from "../support/repository";
import { TestLspClient } from "../support/lsp-client";

const ROOT = repositoryRoot();
const TENURE_SAMPLE = path.join(ROOT, "samples", "needs-work", "invalid-enum-tenure.dossier.yaml");
const VALID_SAMPLE = path.join(ROOT, "samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml");

function positionOf(text: string, needle: string, from = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `"${needle}" not in text`);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length - 1, character: offset - (before.lastIndexOf("\n") + 1) };
}

for (const locale of ["en", "zh-cn"]) {
  test(`server over stdio (${locale}): diagnostics with clause codes, hover, completion, incremental fix, shutdown`, async () => {
    const client = new TestLspClient();
    try {
      const { capabilities } = await client.initialize(locale);
      assert.ok(capabilities.hoverProvider);
      assert.ok(capabilities.completionProvider);
      assert.ok(capabilities.definitionProvider);

      const text = fs.readFileSync(TENURE_SAMPLE, "utf8");
      const uri = pathToFileURL(TENURE_SAMPLE).toString();
      const first = client.diagnostics(uri);
      await client.open(uri, text);
      const published = await first;
      const tenure = published.diagnostics.find((diagnostic) => diagnostic.code === "4.1.1");
      assert.ok(tenure, `expected a 4.1.1 diagnostic, got ${published.diagnostics.map((d) => d.code).join(", ")}`);
      const valueLine = text.split("\n").findIndex((line) => /^\s+tenure: rented/.test(line));
      const valueStart = positionOf(text, "rented", text.indexOf("\n  tenure: rented"));
      assert.deepEqual(tenure.range, {
        start: valueStart,
        end: { line: valueStart.line, character: valueStart.character + "rented".length },
      });
      assert.equal(valueLine, valueStart.line);
      assert.equal(tenure.source, "isv-dossier");
      assert.equal(tenure.codeDescription?.href, "isv-spec:/ccrc-isv-c01-2025.md#4.1.1");
      assert.ok(tenure.message.length > 0);

      // Hover on the key shows the clause text verbatim (the catalog's Chinese text of 4.1.1).
      const hover = await client.request<{ contents: { kind: string; value: string } } | null>("textDocument/hover", {
        textDocument: { uri },
        position: positionOf(text, "tenure: rented", text.indexOf("\n  tenure: rented")),
      });
      assert.ok(hover);
      assert.equal(hover.contents.kind, "markdown");
      assert.ok(
        hover.contents.value.includes("拥有长期固定办公场所和相适应的办公条件，能够满足机构设置及其业务需要。"),
      );
      assert.ok(hover.contents.value.includes("4.1.1"));

      // Completion on the value offers the enum values.
      const completion = await client.request<Array<{ label: string }> | { items: Array<{ label: string }> }>(
        "textDocument/completion",
        {
          textDocument: { uri },
          position: { line: valueStart.line, character: valueStart.character },
        },
      );
      const labels = (Array.isArray(completion) ? completion : completion.items).map((item) => item.label);
      assert.ok(labels.includes("owned") && labels.includes("leased"), labels.join(","));

      // Quick fix: replace the invalid value by the closest allowed one.
      const actions = await client.request<
        Array<{
          title: string;
          edit?: { changes: { [uri: string]: Array<{ newText: string }> } };
          command?: { command: string; arguments: Array<{ uri: string; line: number; ids: string }> };
        }>
      >("textDocument/codeAction", { textDocument: { uri }, range: tenure.range, context: { diagnostics: [tenure] } });
      const edits = actions.filter((action) => action.edit);
      assert.deepEqual(edits.map((action) => action.edit?.changes[uri]?.[0]?.newText).sort(), ["leased", "owned"]);
      // and "Waive this finding…": the client's command, above the finding's line
      assert.deepEqual(
        actions
          .filter((action) => action.command)
          .map((action) => [
            action.command?.command,
            action.command?.arguments[0].line,
            action.command?.arguments[0].ids,
          ]),
        [["isvDossier.waiveFinding", tenure.range.start.line, `schema.enum ${tenure.code}`]],
      );

      // An incremental change fixes the value; the 4.1.1 diagnostic disappears.
      const fixed = client.diagnostics(uri, (next) => next.version === 2);
      await client.change(uri, 2, [{ range: tenure.range, text: "owned" }]);
      const after = await fixed;
      assert.ok(
        !after.diagnostics.some(
          (diagnostic) => diagnostic.code === "4.1.1" && diagnostic.range.start.line === valueStart.line,
        ),
      );

      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  });
}

test("server: a valid sample gets no errors; outline, folding, links and go to definition answer", async () => {
  const client = new TestLspClient();
  try {
    await client.initialize("zh-cn");
    const text = fs.readFileSync(VALID_SAMPLE, "utf8");
    const uri = pathToFileURL(VALID_SAMPLE).toString();
    const first = client.diagnostics(uri);
    await client.open(uri, text);
    const published = await first;
    assert.deepEqual(
      published.diagnostics.filter((diagnostic) => diagnostic.severity === 1).map((diagnostic) => diagnostic.code),
      [],
    );

    const symbols = await client.request<Array<{ name: string }>>("textDocument/documentSymbol", {
      textDocument: { uri },
    });
    assert.ok(symbols.map((symbol) => symbol.name).includes("personnel"));
    const folding = await client.request<Array<{ startLine: number; endLine: number }>>("textDocument/foldingRange", {
      textDocument: { uri },
    });
    assert.ok(folding.length > 5);
    const links = await client.request<Array<{ target: string }>>("textDocument/documentLink", {
      textDocument: { uri },
    });
    assert.ok(links.length > 5);
    for (const link of links) assert.ok(fs.existsSync(new URL(link.target)), link.target);

    // From a project's lead to that person's id.
    const leadLine = text.split("\n").findIndex((line) => /^\s+lead: /.test(line));
    const leadId = /lead: ([a-z0-9-]+)/.exec(text.split("\n")[leadLine])![1];
    const character = text.split("\n")[leadLine].indexOf(leadId);
    const location = await client.request<{ uri: string; range: { start: { line: number } } }>(
      "textDocument/definition",
      {
        textDocument: { uri },
        position: { line: leadLine, character },
      },
    );
    assert.equal(location.uri, uri);
    assert.match(text.split("\n")[location.range.start.line], new RegExp(`id: ${leadId}\\b`));

    // The spec document is served for the isv-spec: scheme, with an anchor per clause.
    const spec = await client.request<{ uri: string; text: string; anchors: { [id: string]: number } }>(
      "isvDossier/specDocument",
      {},
    );
    assert.equal(spec.uri, "isv-spec:/ccrc-isv-c01-2025.md");
    assert.ok(spec.text.split("\n")[spec.anchors["4.1.3.a"]].includes("4.1.3 a)"));
    assert.equal(await client.stop(), 0);
  } finally {
    if (client.child.exitCode === null) client.kill();
  }
});

test("server: a clause mentioned in a comment hovers and goes to the spec document", async () => {
  const client = new TestLspClient();
  try {
    await client.initialize("en");
    const text = "# 不满足 4.2.3 b)\nspec: CCRC-ISV-C01:2025\n";
    const uri = "untitled:review.dossier.yaml";
    const first = client.diagnostics(uri);
    await client.open(uri, text);
    await first;
    const hover = await client.request<{ contents: { value: string } } | null>("textDocument/hover", {
      textDocument: { uri },
      position: { line: 0, character: 7 },
    });
    assert.ok(hover?.contents.value.includes("近3年内签订并完成至少6个信息安全服务（与申报类别一致）项目。"));
    const location = await client.request<{ uri: string; range: { start: { line: number } } }>(
      "textDocument/definition",
      {
        textDocument: { uri },
        position: { line: 0, character: 7 },
      },
    );
    assert.equal(location.uri, "isv-spec:/ccrc-isv-c01-2025.md");
    const spec = await client.request<{ text: string; anchors: { [id: string]: number } }>(
      "isvDossier/specDocument",
      {},
    );
    assert.equal(location.range.start.line, spec.anchors["4.2.3.b"]);
    assert.equal(await client.stop(), 0);
  } finally {
    if (client.child.exitCode === null) client.kill();
  }
});
