// The language server's diff request (isvDossier/diff, server/src/lsp/diff-request.ts) over stdio: an open dossier
// against an earlier text — the regressed clause with its statuses, the Markdown document naming it — and an
// earlier text over the size limit refused with an error, not answered. Asserts clause ids and statuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { DiffAnswer } from "../../server/src/lsp/requests";
import { REQUESTS } from "../../server/src/lsp/requests";
import { DEFAULT_SETTINGS } from "../../server/src/lsp/settings";
import { TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const SAMPLE = path.join(repositoryRoot(), "samples", "hangzhou-chengyan", "hangzhou-chengyan.dossier.yaml");

test("diff request: an open dossier against an earlier submission's text", async () => {
  const client = new TestLspClient();
  try {
    await client.initialize("en");
    const earlier = fs.readFileSync(SAMPLE, "utf8");
    const later = earlier.replace("service_since: 2024-11-05", "service_since: 2026-01-05");
    assert.notEqual(later, earlier);
    const uri = pathToFileURL(path.join(path.dirname(SAMPLE), "later.dossier.yaml")).href;
    await client.open(uri, later);
    await client.diagnostics(uri);
    const answer = await client.request<DiffAnswer | null>(REQUESTS.diff, {
      uri,
      beforeText: earlier,
      beforeName: "HEAD:hangzhou-chengyan.dossier.yaml",
    });
    assert.ok(answer);
    assert.deepEqual(answer.regressions, ["4.1.3", "4.1.3.a"]);
    assert.deepEqual(
      answer.clauses.find((entry) => entry.clauseId === "4.1.3.a"),
      { clauseId: "4.1.3.a", before: "satisfied", after: "violated" },
    );
    assert.ok(answer.markdown.split("\n").some((line) => line.startsWith("## ❗ 4.1.3 a) ")));

    const same = await client.request<DiffAnswer | null>(REQUESTS.diff, { uri, beforeText: later, beforeName: "x" });
    assert.deepEqual(same?.clauses, []);

    await assert.rejects(
      client.request(REQUESTS.diff, {
        uri,
        beforeText: "x".repeat(DEFAULT_SETTINGS.maxFileSizeBytes + 1),
        beforeName: "huge",
      }),
    );
    const closed = await client.request<DiffAnswer | null>(REQUESTS.diff, {
      uri: pathToFileURL("/nowhere/not-open.dossier.yaml").href,
      beforeText: earlier,
      beforeName: "x",
    });
    assert.equal(closed, null, "no answer for a dossier that is not open");
  } finally {
    await client.stop();
  }
});
