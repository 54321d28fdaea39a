// Evidence links: every string whose model node says evidence: true, range without quotes, never a path that
// leaves the dossier's folder.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { evidenceLinks, isLinkablePath } from "../../server/src/core/features/links";
import { createLanguageService } from "../../server/src/core/check/service";
import { repositoryRoot } from "../support/repository";

const FIXTURE = fs.readFileSync(path.join(repositoryRoot(), "test", "fixtures", "features", "features.yaml"), "utf8");
const service = createLanguageService({ today: "2026-11-24" });

function links(text: string): Array<{ path: string; covered: string }> {
  return evidenceLinks(service.validate(text)).map((link) => ({
    path: link.path,
    covered: text.slice(link.range.start, link.range.end),
  }));
}

test("every evidence path in the fixture, in document order, the range covering the path exactly", () => {
  const found = links(FIXTURE);
  assert.deepEqual(
    found.map((link) => link.path),
    [
      "evidence/营业执照.pdf",
      "evidence/场所/租赁合同.pdf",
      "evidence/场所/房产证.pdf",
      "evidence/人员/王立新.pdf",
      "evidence/项目/P01-合同.pdf",
      "evidence/管理/文档管理程序.pdf",
      "evidence/管理/项目管理程序.pdf",
      "evidence/管理/风险记录-P01.txt",
      "evidence/管理/保密管理程序.pdf",
      "evidence/管理/岗位保密责任.pdf",
      "evidence/管理/保密教育记录.txt",
      "evidence/流程/风险评估实施流程.pdf",
    ],
  );
  for (const link of found) assert.equal(link.covered, link.path);
});

test("strings that are not evidence get no link", () => {
  const paths = links(FIXTURE).map((link) => link.path);
  assert.ok(!paths.some((value) => value.includes("青岚") || value === "zhao-min" || value === "risk-assessment"));
  assert.deepEqual(links("applicant:\n  name: evidence/x.pdf\ntools:\n  - name: a.pdf\n"), []);
});

test("paths that would leave the dossier's folder get no link", () => {
  const paths = links(FIXTURE).map((link) => link.path);
  for (const unsafe of [
    "../其他申请/P01-验收报告.pdf",
    "/etc/passwd",
    "C:\\evidence\\P01.pdf",
    "https://example.com/P01.pdf",
    "evidence/../../P01.pdf",
  ]) {
    assert.ok(!paths.includes(unsafe), unsafe);
    assert.equal(isLinkablePath(unsafe), false, unsafe);
  }
  for (const unsafe of [
    "",
    " ",
    "..",
    "a/../..",
    "\\\\server\\share",
    "//server/share",
    "file:///etc/passwd",
    "c:/x",
    "a\\b",
    "%2e%2e/x",
  ]) {
    assert.equal(isLinkablePath(unsafe), false, unsafe);
  }
  for (const safe of ["evidence/a.pdf", "./evidence/a.pdf", "a..b.pdf", "证明/营业执照.pdf"])
    assert.equal(isLinkablePath(safe), true, safe);
});

test("quoted paths: the range leaves the quotes out", () => {
  const text = "premises:\n  evidence:\n    - \"evidence/a b.pdf\"\n    - 'evidence/c.pdf'\n";
  assert.deepEqual(links(text), [
    { path: "evidence/a b.pdf", covered: "evidence/a b.pdf" },
    { path: "evidence/c.pdf", covered: "evidence/c.pdf" },
  ]);
});

test("a broken document still links the paths it can read; CRLF", () => {
  const broken = 'applicant:\n  name: "unterminated\nprocesses:\n  - document: evidence/p.pdf\n';
  assert.ok(links(broken).every((link) => link.covered === link.path));
  const crlf = "management:\r\n  document_control:\r\n    procedure: evidence/d.pdf\r\n";
  assert.deepEqual(links(crlf), [{ path: "evidence/d.pdf", covered: "evidence/d.pdf" }]);
  assert.deepEqual(links(""), []);
});
