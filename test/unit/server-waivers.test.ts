// Waivers over stdio, with the real server: a waived finding is published as a Hint whose data carries the waiver's
// record (never an error or a warning), the checklist request gives its clause the status `waived` with the finding
// listed as waived, an invalid waiver is an error diagnostic, and "Waive this finding…" is offered on findings not yet
// waived (a command of the client's) and not on waived ones. Ids, ranges and severities only.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const SAMPLE = path.join(repositoryRoot(), "samples", "needs-work", "lease-expired.dossier.yaml");
const LEASE_LINE = "  lease_until: 2026-06-30";
const WAIVER = "  # isv-dossier-waive 4.1.1 -- 续租合同在签 (approved: 张三, until: 2999-12-31)";
const INVALID = "  # isv-dossier-waive 4.1.5 -- 无批准人 (until: 2999-12-31)";

interface Diagnostic {
  range: { start: { line: number; character: number } };
  severity: number;
  code: string;
  data: { ruleId: string; waived?: { justification: string; approvedBy: string; expires: string; origin: string } };
}

for (const locale of ["en", "zh-cn"]) {
  test(`server over stdio (${locale}): a waived finding is a hint, its clause waived; waiving is offered`, async () => {
    const original = fs.readFileSync(SAMPLE, "utf8");
    const lines = original.split("\n");
    const leaseIndex = lines.indexOf(lines.find((line) => line.startsWith(LEASE_LINE)) ?? "");
    const toolsIndex = lines.indexOf("tools:");
    assert.ok(leaseIndex > 0 && toolsIndex > leaseIndex);
    lines.splice(toolsIndex + 1, 0, INVALID);
    lines.splice(leaseIndex, 0, WAIVER);
    const text = lines.join("\n");
    // a path beside the sample (evidence is looked up there); never written
    const uri = pathToFileURL(path.join(path.dirname(SAMPLE), "waived-in-memory.dossier.yaml")).toString();
    const client = new TestLspClient();
    try {
      await client.initialize(locale);
      const first = client.diagnostics(uri);
      await client.open(uri, text);
      const published = (await first).diagnostics as unknown as Diagnostic[];
      const lease = published.find((diagnostic) => diagnostic.data.ruleId === "premises.lease-term");
      assert.ok(lease);
      assert.equal(lease.severity, 4, "a waived finding is a Hint");
      assert.equal(lease.code, "4.1.1");
      assert.equal(lease.range.start.line, leaseIndex + 1);
      assert.deepEqual(lease.data.waived, {
        justification: "续租合同在签",
        approvedBy: "张三",
        expires: "2999-12-31",
        origin: "inline",
      });
      const invalid = published.filter((diagnostic) => diagnostic.data.ruleId === "waiver.invalid");
      assert.deepEqual(
        invalid.map((diagnostic) => [diagnostic.severity, diagnostic.range.start.line]),
        [[1, toolsIndex + 2]],
      );
      assert.deepEqual(
        published.filter((diagnostic) => diagnostic.severity === 1).map((diagnostic) => diagnostic.data.ruleId),
        ["waiver.invalid"],
      );

      const answer = await client.request<{
        rows: Array<{ clauseId: string; status: string; findings: unknown[]; waived: Diagnostic[] }>;
      } | null>("isvDossier/checklist", { uri });
      const row = answer?.rows.find((candidate) => candidate.clauseId === "4.1.1");
      assert.equal(row?.status, "waived");
      assert.deepEqual(row?.findings, []);
      assert.deepEqual(
        row?.waived.map((diagnostic) => [diagnostic.severity, diagnostic.data.ruleId]),
        [[4, "premises.lease-term"]],
      );

      type Action = { title: string; command?: { command: string; arguments: Array<{ line: number; ids: string }> } };
      const actionsAt = (diagnostic: Diagnostic): Promise<Action[]> =>
        client.request<Action[]>("textDocument/codeAction", {
          textDocument: { uri },
          range: { start: diagnostic.range.start, end: diagnostic.range.start },
          context: { diagnostics: [] },
        });
      assert.deepEqual(
        (await actionsAt(lease)).filter((action) => action.command),
        [],
        "no waive action on a waived finding",
      );
      const tool = published.find((diagnostic) => diagnostic.data.ruleId === "tools.source-evidence");
      assert.ok(tool);
      assert.deepEqual(
        (await actionsAt(tool))
          .filter((action) => action.command)
          .map((action) => [action.command?.command, action.command?.arguments[0].ids]),
        [["isvDossier.waiveFinding", "tools.source-evidence 4.1.5"]],
      );
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  });
}
