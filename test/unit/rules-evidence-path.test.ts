// The pure evidence-path check the rules, the server and the CLI share.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkEvidencePath } from "../../server/src/core/check/evidence-path";

test("relative paths inside the folder are ok", () => {
  for (const path of [
    "evidence/licence.pdf",
    "licence.pdf",
    "./evidence/a b.pdf",
    "evidence/../evidence/x.pdf",
    "资料/营业执照.pdf",
    "100%.pdf",
    "a..b/c.pdf",
  ]) {
    assert.equal(checkEvidencePath(path), "ok", path);
  }
});

test("each way out of the folder has its reason", () => {
  const cases: Array<[string, string]> = [
    ["", "empty"],
    ["   ", "empty"],
    ["evidence/a\u0000.pdf", "control-character"],
    ["https://example.com/a.pdf", "url"],
    ["file:///etc/passwd", "url"],
    ["C:\\scans\\a.pdf", "drive"],
    ["c:/scans/a.pdf", "drive"],
    ["\\\\server\\share\\a.pdf", "unc"],
    ["//server/share/a.pdf", "unc"],
    ["/etc/passwd", "absolute"],
    ["\\evidence\\a.pdf", "absolute"],
    ["evidence\\a.pdf", "backslash"],
    ["evidence/%2e%2e/%2e%2e/a.pdf", "encoded"],
    ["evidence/..%2Fa.pdf", "encoded"],
    ["evidence%5c..%5ca.pdf", "encoded"],
    ["../secret.pdf", "escapes"],
    ["evidence/../../secret.pdf", "escapes"],
    ["./../secret.pdf", "escapes"],
    ["evidence/", "folder"],
    [".", "folder"],
    ["evidence/..", "folder"],
  ];
  for (const [path, reason] of cases) assert.equal(checkEvidencePath(path), reason, JSON.stringify(path));
});
