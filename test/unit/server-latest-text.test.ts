// The server validates, hovers and completes the latest text the client sent, whatever versions it gives: a second
// didOpen of an open document (same or older version) and a repeated or decreasing version in didChange.
import { test } from "node:test";
import assert from "node:assert/strict";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { createLanguageService } from "../../server/src/core/check/service";
import { todayIso } from "../../server/src/node/today";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";

/** Four texts with different findings, each with a different key on line 0. */
const TEXTS = {
  spec: "spec: CCRC-ISV-C01:2025\n",
  applicant: "applicant:\n  name: 示例\n",
  premises: "premises: 12\nfoo: 1\n",
  tools: "tools: [a, b]\n\tbar: 1\n",
} as const;

/** What a fresh validation of `text` by the core publishes, as rule ids at positions, in order. */
function expected(text: string): string[] {
  const lines = new LineIndex(text);
  return createLanguageService({ locale: "en", today: todayIso() })
    .validate(text)
    .findings.map((finding) => {
      const start = lines.positionAt(finding.range.start);
      const end = lines.positionAt(finding.range.end);
      return `${finding.ruleId}@${start.line}:${start.character}-${end.line}:${end.character}`;
    });
}

function published(diagnostics: PublishedDiagnostics): string[] {
  return diagnostics.diagnostics.map((diagnostic) => {
    const ruleId = (diagnostic as { data?: { ruleId?: string } }).data?.ruleId ?? String(diagnostic.code);
    const { start, end } = diagnostic.range;
    return `${ruleId}@${start.line}:${start.character}-${end.line}:${end.character}`;
  });
}

/** The key a hover at the start of line 0 names (the end of its range), or null. */
async function hoveredKeyLength(client: TestLspClient, uri: string): Promise<number | null> {
  const answer = await client.request<{ range?: { end: { character: number } } } | null>("textDocument/hover", {
    textDocument: { uri },
    position: { line: 0, character: 1 },
  });
  return answer?.range?.end.character ?? null;
}

test(
  "server: the latest text is validated and hovered after a second didOpen and repeated or decreasing versions",
  { timeout: 120_000 },
  async () => {
    const texts = Object.values(TEXTS);
    assert.equal(
      new Set(texts.map((text) => expected(text).join())).size,
      texts.length,
      "the texts have different findings",
    );
    const client = new TestLspClient();
    try {
      await client.initialize("en");
      const uri = "untitled:latest.dossier.yaml";
      /** Sends `send`, then waits for the diagnostics of `text` (15 s at most: only a newer publication may match). */
      const expectText = async (text: string, send: () => Promise<void>, what: string): Promise<void> => {
        const want = expected(text).join("\n");
        const next = client.diagnostics(uri, (diagnostics) => published(diagnostics).join("\n") === want, 15_000);
        await send();
        await assert.doesNotReject(next, `${what}: the diagnostics of the latest text`);
        const keyLength = text.indexOf(":");
        assert.equal(await hoveredKeyLength(client, uri), keyLength, `${what}: the hover answers from the latest text`);
        // the last publication is of the latest text (nothing older comes after it)
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal(
          published(client.published[client.published.length - 1]).join("\n"),
          want,
          `${what}: last publication`,
        );
      };

      await expectText(TEXTS.spec, () => client.open(uri, TEXTS.spec, 5), "first open at version 5");
      await expectText(TEXTS.applicant, () => client.open(uri, TEXTS.applicant, 5), "opened again at the same version");
      await expectText(TEXTS.premises, () => client.open(uri, TEXTS.premises, 2), "opened again at an older version");
      await expectText(
        TEXTS.tools,
        () => client.change(uri, 2, [{ text: TEXTS.tools }]),
        "changed with the same version",
      );
      await expectText(TEXTS.spec, () => client.change(uri, 1, [{ text: TEXTS.spec }]), "changed with a lower version");
      // Completion answers from the latest text too: `spec` is proposed only while the latest text lacks it.
      const items = await client.request<Array<{ label: string }>>("textDocument/completion", {
        textDocument: { uri },
        position: { line: 1, character: 0 },
      });
      assert.ok(!items.some((item) => item.label === "spec"), "spec is in the latest text: not proposed again");
      await client.change(uri, 1, [{ text: TEXTS.applicant + "\n" }]);
      const after = await client.request<Array<{ label: string }>>("textDocument/completion", {
        textDocument: { uri },
        position: { line: 3, character: 0 },
      });
      assert.ok(
        after.some((item) => item.label === "spec"),
        `spec is missing from the latest text: proposed (${after.map((item) => item.label).join(", ")})`,
      );
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);
