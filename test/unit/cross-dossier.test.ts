// The cross-dossier checks (core/check/cross/): two parsed dossiers and their evidence files' contents in, findings per
// dossier out.
// Caret fixtures cannot span two files: these assert check ids, clause ids, ranges and the related location's
// document and range.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { createLanguageService, finishCrossFindings } from "../../server/src/core/check/service";
import { dossierFacts, EvidenceContentOf } from "../../server/src/core/check/cross/facts";
import { crossDossierFindings } from "../../server/src/core/check/cross/cross-dossier";
import { checkById } from "../../server/src/core/check/checks";
import { hasMessage } from "../../server/src/core/check/render";
import type { Finding, OffsetRange } from "../../server/src/core/types";
import { repositoryRoot } from "../support/repository";

const VALID = fs.readFileSync(path.join(repositoryRoot(), "test", "fixtures", "schema", "valid.dossier.yaml"), "utf8");
const service = createLanguageService({ locale: "en", today: "2026-11-24" });

/** Another applicant: another credit code and name, other people but one; the same project. */
const OTHER = VALID.replace("91110000600037341L", "91350100M000100Y43")
  .replace("测试信息技术有限公司", "另一信息技术有限公司")
  .replace("CERT-001", "CERT-101")
  .replace("CERT-003", "CERT-103");

function facts(id: string, text: string, contentOf?: EvidenceContentOf) {
  return dossierFacts(id, `${id}.dossier.yaml`, service.validate(text), contentOf);
}

/** Evidence contents named by `hashOf` (undefined: no content), all of one size unless `sizeOf` says otherwise, their
 * first bytes the same as their whole unless `startOf` says otherwise, each file its dossier's own (`folder`); each
 * whole file read is noted in `asked`, each start in `started`. */
function contents(
  hashOf: (relative: string) => string | undefined,
  {
    folder = "/a",
    sizeOf = () => 1000,
    startOf = hashOf,
    asked = [],
    started = [],
  }: {
    folder?: string;
    sizeOf?: (relative: string) => number;
    startOf?: (relative: string) => string | undefined;
    asked?: string[];
    started?: string[];
  } = {},
): EvidenceContentOf {
  return (relative) => {
    const hash = hashOf(relative);
    return hash === undefined
      ? undefined
      : {
          file: `${folder}/${relative}`,
          size: sizeOf(relative),
          start: () => (started.push(`${folder}/${relative}`), startOf(relative)),
          hash: () => (asked.push(`${folder}/${relative}`), hash),
        };
  };
}

/** The range of the n-th occurrence (from 0) of `needle` in `text`. */
function rangeOf(text: string, needle: string, occurrence = 0): OffsetRange {
  let start = -1;
  for (let index = 0; index <= occurrence; index++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

function byRule(findings: Finding[] | undefined, ruleId: string): Finding[] {
  return (findings ?? []).filter((finding) => finding.ruleId === ruleId);
}

/** Contents by file name: every dossier's evidence/contract.pdf is the same file content. */
const sameContents = contents((relative) => `hash-of-${relative}`);

test("the same competence certificate listed by two applicants: a warning on each, citing 4.1.2, naming the other", () => {
  const found = crossDossierFindings([facts("a", VALID), facts("b", OTHER)]);
  const inA = byRule(found.get("a"), "cross.same-person");
  const inB = byRule(found.get("b"), "cross.same-person");
  assert.equal(inA.length, 1);
  assert.equal(inB.length, 1);
  assert.equal(inA[0].severity, "warning");
  assert.deepEqual(inA[0].clauseIds, ["4.1.2"]);
  assert.deepEqual(inA[0].range, rangeOf(VALID, "CERT-002"));
  assert.deepEqual(
    inA[0].related.map((related) => [related.document, related.range]),
    [["b", rangeOf(OTHER, "CERT-002")]],
  );
  assert.deepEqual(inB[0].related[0].document, "a");
});

test("two dossiers of the same applicant share people and projects without a finding", () => {
  const found = crossDossierFindings([facts("a", VALID, sameContents), facts("b", VALID, sameContents)]);
  assert.deepEqual(found.get("a"), []);
  assert.deepEqual(found.get("b"), []);
});

test("a dossier that names no applicant (one being written) is not taken for another applicant", () => {
  const anonymous = OTHER.replace("  name: 另一信息技术有限公司\n", "").replace(
    "  credit_code: 91350100M000100Y43\n",
    "",
  );
  assert.notEqual(anonymous, OTHER);
  const found = crossDossierFindings([facts("a", VALID), facts("b", anonymous)]);
  assert.deepEqual(byRule(found.get("a"), "cross.same-person"), []);
  assert.deepEqual(byRule(found.get("b"), "cross.same-project"), []);
});

test("the same project by client, name and dates: 4.1.3.b on the project's name, related to the other's name", () => {
  const found = crossDossierFindings([facts("a", VALID), facts("b", OTHER)]);
  const inB = byRule(found.get("b"), "cross.same-project");
  assert.equal(inB.length, 1);
  assert.deepEqual(inB[0].clauseIds, ["4.1.3.b"]);
  assert.deepEqual(inB[0].range, rangeOf(OTHER, "某单位信息系统风险评估"));
  assert.deepEqual(
    inB[0].related.map((related) => [related.document, related.range]),
    [["a", rangeOf(VALID, "某单位信息系统风险评估")]],
  );
});

test("the same project by its contract file's content, under another name and dates", () => {
  const renamed = OTHER.replace("某单位信息系统风险评估", "另一个名称的项目")
    .replace("signed: 2025-03-01", "signed: 2025-02-01")
    .replace("evidence: [evidence/contract.pdf]", "evidence: [evidence/合同.pdf]");
  const hash = contents((relative) =>
    relative === "evidence/contract.pdf" || relative === "evidence/合同.pdf" ? "contract" : undefined,
  );
  const found = crossDossierFindings([facts("a", VALID, hash), facts("b", renamed, hash)]);
  const inA = byRule(found.get("a"), "cross.same-project");
  assert.equal(inA.length, 1);
  assert.deepEqual(inA[0].range, rangeOf(VALID, "某单位信息系统风险评估"));
  assert.deepEqual(inA[0].related[0].range, rangeOf(renamed, "另一个名称的项目"));
  // a shared project file between applicants is the same project, not also the same evidence for another fact
  assert.deepEqual(byRule(found.get("a"), "cross.same-evidence"), []);
  // without the hashes, nothing ties them
  const unhashed = crossDossierFindings([facts("a", VALID), facts("b", renamed)]);
  assert.deepEqual(byRule(unhashed.get("a"), "cross.same-project"), []);
});

test("the same evidence content for different facts: each use warned, citing its field's clause", () => {
  // the other applicant's business licence is the same file as this one's competence certificate
  const hash = contents((relative) =>
    relative === "evidence/cert.pdf" || relative === "evidence/licence.pdf" ? "x" : undefined,
  );
  const other = OTHER.replace("evidence: [evidence/cert.pdf]", "evidence: []");
  const found = crossDossierFindings([facts("a", VALID, hash), facts("b", other, hash)]);
  const inA = byRule(found.get("a"), "cross.same-evidence");
  // in a: the certificate (4.1.2) and the licence (4, the application) are one content; b's licence is that content too
  assert.deepEqual(
    inA.map((finding) => [finding.clauseIds, finding.range]),
    [
      [["4"], rangeOf(VALID, "evidence/licence.pdf")],
      [["4.1.2"], rangeOf(VALID, "evidence/cert.pdf")],
    ].sort((x, y) => (x[1] as OffsetRange).start - (y[1] as OffsetRange).start),
  );
  const certificate = inA.find((finding) => finding.clauseIds[0] === "4.1.2");
  assert.deepEqual(
    certificate?.related.map((related) => [related.document, related.range]),
    [
      ["a", rangeOf(VALID, "evidence/licence.pdf")],
      ["b", rangeOf(other, "evidence/licence.pdf")],
    ],
  );
});

test("one file named in several fields of one dossier is not a finding; a copy under another name is", () => {
  const hash = contents((relative) => (relative.startsWith("evidence/doc") ? "doc" : undefined));
  assert.deepEqual(crossDossierFindings([facts("a", VALID, hash)]).get("a"), []);
  const copied = VALID.replace(
    "  document_control:\n    procedure: evidence/doc.pdf",
    "  document_control:\n    procedure: evidence/doc-copy.pdf",
  );
  const found = byRule(crossDossierFindings([facts("a", copied, hash)]).get("a"), "cross.same-evidence");
  assert.ok(found.length >= 2);
  assert.deepEqual(found[0].range, rangeOf(copied, "evidence/doc-copy.pdf"));
  assert.ok(found[0].related.every((related) => related.document === "a"));
});

test("an evidence file is read only where another file has its size", () => {
  // the other applicant's licence is this one's certificate: one content, so one size; every other file has a size
  // of its own, in each dossier's folder
  const other = OTHER.replace("evidence: [evidence/cert.pdf]", "evidence: []");
  const sizeIn =
    (folder: string) =>
    (relative: string): number =>
      relative === "evidence/cert.pdf" || relative === "evidence/licence.pdf"
        ? 7000
        : [...`${folder}/${relative}`].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) % 100_000, 7) +
          10_000;
  const same = (relative: string): string | undefined =>
    relative === "evidence/cert.pdf" || relative === "evidence/licence.pdf" ? "x" : `hash-of-${relative}`;
  const asked: string[] = [];
  const found = crossDossierFindings([
    facts("a", VALID, contents(same, { folder: "/a", sizeOf: sizeIn("/a"), asked })),
    facts("b", other, contents(same, { folder: "/b", sizeOf: sizeIn("/b"), asked })),
  ]);
  assert.deepEqual([...new Set(asked)].sort(), [
    "/a/evidence/cert.pdf",
    "/a/evidence/licence.pdf",
    "/b/evidence/licence.pdf",
  ]);
  assert.equal(byRule(found.get("a"), "cross.same-evidence").length, 2);
  // the same sizes but other contents (each folder's files its own): their first bytes read, not the whole files
  const apart =
    (folder: string) =>
    (relative: string): string =>
      `${folder}/${relative}`;
  const wholes: string[] = [];
  const starts: string[] = [];
  const none = crossDossierFindings([
    facts("a", VALID, contents(apart("/a"), { folder: "/a", sizeOf: sizeIn("/a"), asked: wholes, started: starts })),
    facts("b", other, contents(apart("/b"), { folder: "/b", sizeOf: sizeIn("/b"), asked: wholes, started: starts })),
  ]);
  assert.deepEqual(byRule(none.get("a"), "cross.same-evidence"), []);
  assert.deepEqual(byRule(none.get("b"), "cross.same-evidence"), []);
  assert.deepEqual([...new Set(starts)].sort(), [
    "/a/evidence/cert.pdf",
    "/a/evidence/licence.pdf",
    "/b/evidence/licence.pdf",
  ]);
  assert.deepEqual(wholes, []);
  // the same sizes and starts but other contents: read whole, and no finding
  const sameStart = crossDossierFindings([
    facts("a", VALID, contents(apart("/a"), { folder: "/a", sizeOf: sizeIn("/a"), startOf: () => "%PDF-1.7" })),
    facts("b", other, contents(apart("/b"), { folder: "/b", sizeOf: sizeIn("/b"), startOf: () => "%PDF-1.7" })),
  ]);
  assert.deepEqual(byRule(sameStart.get("a"), "cross.same-evidence"), []);
  // one file named by two applicants (one folder): the same content, known without reading it
  const shared: string[] = [];
  const oneFolder = crossDossierFindings([
    facts("a", VALID, contents(same, { folder: "/shared", sizeOf: sizeIn("/shared"), asked: shared })),
    facts("b", other, contents(same, { folder: "/shared", sizeOf: sizeIn("/shared"), asked: shared })),
  ]);
  assert.ok(byRule(oneFolder.get("a"), "cross.same-evidence").length > 0);
  assert.deepEqual([...new Set(shared)].sort(), ["/shared/evidence/cert.pdf", "/shared/evidence/licence.pdf"]);
});

test("severity overrides apply by check id and by clause id", () => {
  const found = crossDossierFindings([facts("a", VALID), facts("b", OTHER)]).get("a") ?? [];
  const finish = { severityOverrides: { "cross.same-person": "off", "4.1.3.b": "info" } as const, waivers: undefined };
  const off = finishCrossFindings(found, finish, true);
  assert.deepEqual(byRule(off, "cross.same-person"), []);
  assert.deepEqual(
    byRule(off, "cross.same-project").map((finding) => finding.severity),
    ["info"],
  );
});

test("the cross checks are in the check table and their messages exist", () => {
  for (const id of ["cross.same-person", "cross.same-project", "cross.same-evidence"]) {
    assert.equal(checkById(id)?.kind, "cross", id);
    assert.equal(checkById(id)?.defaultSeverity, "warning", id);
    assert.ok(hasMessage(id), id);
  }
  assert.ok(hasMessage("cross.other-place"));
});
