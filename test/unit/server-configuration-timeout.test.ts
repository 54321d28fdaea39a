// A client that never answers workspace/configuration (or answers late) does not leave its documents unchecked:
// after a few seconds the server checks them with the default settings; an answer that comes later is used from
// then on. Bounded by timeouts far above the server's wait.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PublishedDiagnostics, TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
/** A dossier whose lease warning depends on a setting (leaseWarningMonths, default 6; 0 turns it off). */
const LEASE = fs.readFileSync(
  path.join(ROOT, "test", "fixtures", "rules", "premises.lease-term", "ends-the-day-before-six-months.dossier.yaml"),
  "utf8",
);
/** Far above the server's wait for an answer (a few seconds). */
const BOUND_MS = 30_000;

function ruleIds(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map(
    (diagnostic) => (diagnostic as { data?: { ruleId?: string } }).data?.ruleId ?? String(diagnostic.code),
  );
}

test(
  "server: a client that never answers workspace/configuration gets diagnostics with the defaults, and answers to requests",
  { timeout: 4 * BOUND_MS },
  async () => {
    const reference = new TestLspClient();
    const silent = new TestLspClient();
    silent.configurationDelay = "never";
    try {
      await reference.initialize("en");
      await silent.initialize("en");
      const uri = "untitled:silent.dossier.yaml";
      const expected = reference.diagnostics(uri, (next) => next.version === 1, BOUND_MS);
      await reference.open(uri, LEASE);
      const published = silent.diagnostics(uri, (next) => next.version === 1, BOUND_MS);
      await silent.open(uri, LEASE);
      const hover = silent.request<unknown>("textDocument/hover", {
        textDocument: { uri },
        position: { line: 3, character: 2 },
      });
      assert.deepEqual(ruleIds(await published), ruleIds(await expected));
      assert.ok(
        ruleIds(await published).includes("premises.lease-term"),
        "checked with the default leaseWarningMonths",
      );
      const answered = await Promise.race([
        hover.then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), BOUND_MS)),
      ]);
      assert.equal(answered, true, "a hover waiting for the settings is answered");
      // an edit is checked too
      const edited = silent.diagnostics(uri, (next) => next.version === 2, BOUND_MS);
      await silent.change(uri, 2, [{ text: LEASE + "unknown_key: 1\n" }]);
      assert.ok(ruleIds(await edited).includes("schema.unknown-key"));
      assert.equal(await reference.stop(), 0);
      assert.equal(await silent.stop(), 0);
    } finally {
      if (reference.child.exitCode === null) reference.kill();
      if (silent.child.exitCode === null) silent.kill();
    }
  },
);

test("server: an answer that comes after the wait is used from then on", { timeout: 4 * BOUND_MS }, async () => {
  const client = new TestLspClient();
  client.configurationDelay = 8000;
  client.configuration = { leaseWarningMonths: 0 };
  try {
    await client.initialize("en");
    const uri = "untitled:late.dossier.yaml";
    const first = client.diagnostics(uri, (next) => next.version === 1, BOUND_MS);
    await client.open(uri, LEASE);
    assert.ok(ruleIds(await first).includes("premises.lease-term"), "first checked with the defaults");
    const later = await client.diagnostics(
      uri,
      (next) => next.version === 1 && !ruleIds(next).includes("premises.lease-term"),
      BOUND_MS,
    );
    assert.ok(!ruleIds(later).includes("premises.lease-term"), "then with the answer: no lease warning");
    assert.equal(await client.stop(), 0);
  } finally {
    if (client.child.exitCode === null) client.kill();
  }
});
