// Navigation on the pure core: the person index (references, highlight, rename, its refusals, definition), the
// references of a clause, evidence path completion (with the node-side listing of a hostile folder), inlay hints and
// code lenses. Asserts ids, ranges, positions and kinds — never message text.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { createLanguageService } from "../../server/src/core/check/service";
import { clauseInSpecDocument, clauseReferences } from "../../server/src/core/features/clause-references";
import { complete } from "../../server/src/core/features/completion";
import { definition } from "../../server/src/core/features/definition";
import { evidenceRenameEdits } from "../../server/src/core/features/evidence-rename";
import { inlayHints } from "../../server/src/core/features/inlay-hints";
import { personIndex, prepareRename, renamePerson } from "../../server/src/core/features/person-index";
import { renderSpecDocument } from "../../server/src/core/features/spec-document";
import { sectionLenses } from "../../server/src/core/verdicts/section-lens";
import { listEvidenceFiles } from "../../server/src/node/evidence-listing";
import { repositoryRoot } from "../support/repository";

const BASE = fs.readFileSync(path.join(repositoryRoot(), "test", "fixtures", "schema", "valid.dossier.yaml"), "utf8");
const validate = (text: string, locale = "en") => createLanguageService({ locale, today: "2026-11-24" }).validate(text);

/** The range of the `occurrence`-th (0-based) `needle` after `after`. */
function rangeOf(text: string, needle: string, after = "", occurrence = 0): { start: number; end: number } {
  let start = text.indexOf(needle, after ? text.indexOf(after) : 0);
  for (let count = 0; count < occurrence; count++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} not found`);
  return { start, end: start + needle.length };
}

test("person ids: one index gives every occurrence of an id — its personnel entry, project leads, agreements", () => {
  const report = validate(BASE);
  const index = personIndex(report);
  const definitionRange = rangeOf(BASE, "li-si", "  - id: li-si");
  const lead = rangeOf(BASE, "li-si", "lead: li-si");
  const agreement = rangeOf(BASE, "li-si", "agreements: [");
  const occurrences = index.of("li-si");
  assert.deepEqual(
    occurrences.map((occurrence) => [occurrence.kind, occurrence.range]),
    [
      ["definition", definitionRange],
      ["reference", lead],
      ["reference", agreement],
    ],
  );
  assert.deepEqual(index.at(lead.start + 2)?.personId, "li-si");
  assert.deepEqual(
    occurrences.map((occurrence) => occurrence.path),
    [
      ["personnel", 1, "id"],
      ["performance", "projects", 0, "lead"],
      ["management", "confidentiality", "agreements", 1],
    ],
  );
  assert.deepEqual(
    new Set(index.occurrences.map((occurrence) => occurrence.personId)),
    new Set(["zhang-san", "li-si", "wang-wu"]),
  );
  // Go to definition reads the same index.
  const target = definition(report, lead.start + 1, "en");
  assert.equal(target?.kind, "person");
  assert.deepEqual(target?.range, definitionRange);
  assert.equal(index.at(rangeOf(BASE, "CERT-003").start), undefined);
});

test("rename: every occurrence of the id is edited, quotes kept; refused on a non-person, a bad id, a taken id", () => {
  const text = BASE.replace("lead: li-si", 'lead: "li-si"');
  const report = validate(text);
  const quoted = rangeOf(text, "li-si", 'lead: "li-si"');
  const prepared = prepareRename(report, quoted.start, "zh-cn");
  assert.ok(!("reason" in prepared));
  assert.deepEqual(prepared, { personId: "li-si", range: quoted });
  const renamed = renamePerson(report, quoted.start, "li-si-2", "en");
  assert.ok("edits" in renamed);
  assert.deepEqual(
    renamed.edits.map((edit) => [edit.range, edit.newText]),
    [
      [rangeOf(text, "li-si", "  - id: li-si"), "li-si-2"],
      [quoted, "li-si-2"],
      [rangeOf(text, "li-si", "agreements: ["), "li-si-2"],
    ],
  );
  const applied = renamed.edits
    .slice()
    .reverse()
    .reduce((result, edit) => result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end), text);
  assert.equal(personIndex(validate(applied)).of("li-si-2").length, 3);
  assert.equal(personIndex(validate(applied)).of("li-si").length, 0);

  for (const offset of [rangeOf(text, "CERT-003").start, rangeOf(text, "risk-assessment").start, 0]) {
    const refused = prepareRename(report, offset, "zh-cn");
    assert.ok("reason" in refused && refused.reason === "not-a-person", `offset ${offset}`);
    assert.ok(refused.message.length > 0);
  }
  const at = rangeOf(text, "li-si", "  - id: li-si").start;
  assert.equal((renamePerson(report, at, "Li Si", "en") as { reason: string }).reason, "invalid-id");
  assert.equal((renamePerson(report, at, "wang-wu", "zh-cn") as { reason: string }).reason, "taken");
  assert.equal((renamePerson(report, at + 1, "-x", "en") as { reason: string }).reason, "invalid-id");
  assert.ok("edits" in renamePerson(report, at, "li-si", "en"), "renaming to itself is no conflict");
});

test("clause references: the fields resting on a clause and the findings citing it; a heading gathers its items", () => {
  const text = BASE.replace("signed: 2025-03-01", "signed: 2020-03-01");
  const report = validate(text);
  const references = clauseReferences(report, "4.1.3.b");
  const fields = references.filter((reference) => reference.kind === "field").map((reference) => reference.what);
  assert.deepEqual(fields, [
    "performance",
    "performance.projects",
    "performance.projects.0.name",
    "performance.projects.0.client",
    "performance.projects.0.category",
    "performance.projects.0.signed",
    "performance.projects.0.completed",
    "performance.projects.0.evidence",
  ]);
  const fieldRanges = references.filter((reference) => reference.kind === "field").map((reference) => reference.range);
  assert.deepEqual(fieldRanges[1], rangeOf(text, "projects", "performance:"));
  const findings = references.filter((reference) => reference.kind === "finding").map((reference) => reference.what);
  assert.ok(findings.includes("performance.qualifying-projects"), findings.join(","));
  // The heading 4.1.3 gathers a) and b): service_since is one of its fields.
  const heading = clauseReferences(report, "4.1.3").map((reference) => reference.what);
  assert.ok(heading.includes("performance.service_since") && heading.includes("performance.projects.0.signed"));
  assert.ok(!heading.includes("personnel"));
  // The lead's field rests on 4.1.2, not on 4.1.3 b).
  assert.ok(!fields.includes("performance.projects.0.lead"));
  assert.deepEqual(clauseReferences(report, "9.9.9"), []);
});

test("clause references start from a heading of the spec document: the clause whose section holds the offset", () => {
  const spec = renderSpecDocument(defaultEdition(), "zh-cn");
  const anchor = spec.anchors["4.2.3.b"];
  assert.equal(clauseInSpecDocument(spec, anchor.start), "4.2.3.b");
  assert.equal(clauseInSpecDocument(spec, anchor.end + 3), "4.2.3.b");
  assert.equal(clauseInSpecDocument(spec, spec.anchors["4.2.3"].start + 1), "4.2.3");
  assert.equal(clauseInSpecDocument(spec, 0), undefined);
});

test("evidence completion: files of the folder that evidence.path accepts, ranked, other dossiers and escapes left out", () => {
  const text = BASE.replace(
    "      evidence: [evidence/contract.pdf]\n",
    "      evidence:\n        - evidence/contract.pdf\n        - ev\n",
  );
  const report = validate(text);
  const offset = text.indexOf("- ev\n") + 4;
  const files = [
    "a.dossier.yaml",
    "../outside.pdf",
    "notes/evidence-list.pdf",
    "evidence/contract.pdf",
    "evidence/new.pdf",
    "evidence/doc.pdf",
    "unrelated.pdf",
    "evidence/deep/x.pdf",
  ];
  let asked = 0;
  const entries = complete(report, offset, "en", () => (asked++, files));
  assert.equal(asked, 1);
  // Prefix matches first; not yet cited before cited (doc.pdf is cited elsewhere); shallow before deep; then "contains".
  assert.deepEqual(
    entries.map((entry) => entry.label),
    ["evidence/new.pdf", "evidence/deep/x.pdf", "evidence/doc.pdf", "notes/evidence-list.pdf"],
  );
  assert.ok(entries.every((entry) => entry.kind === "file"));
  assert.deepEqual(entries[0].replaceRange, { start: offset - 2, end: offset });
  // A name YAML would misread is quoted.
  const quoted = complete(report, offset, "en", () => ["evidence/a: b.pdf"]);
  assert.equal(quoted[0].insertText, '"evidence/a: b.pdf"');
  // Not an evidence field: the listing is not asked for.
  complete(report, text.indexOf("lead: li-si") + 6, "en", () => (asked++, files));
  assert.equal(asked, 1);
});

test("evidence listing: inside the folder only — a symbolic link escaping it is not listed; count and depth bounded", (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "isv-listing-"));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const folder = path.join(root, "dossier");
  fs.mkdirSync(path.join(folder, "evidence", "deep"), { recursive: true });
  fs.mkdirSync(path.join(folder, ".git"));
  fs.writeFileSync(path.join(root, "secret.pdf"), "outside");
  fs.writeFileSync(path.join(folder, "evidence", "a.pdf"), "a");
  fs.writeFileSync(path.join(folder, "evidence", "deep", "b.pdf"), "b");
  fs.writeFileSync(path.join(folder, ".git", "config"), "hidden");
  fs.symlinkSync(path.join(root, "secret.pdf"), path.join(folder, "escape.pdf"));
  fs.symlinkSync(path.join("evidence", "a.pdf"), path.join(folder, "inside.pdf"));
  fs.symlinkSync("..", path.join(folder, "up"));
  fs.symlinkSync(".", path.join(folder, "evidence", "self"));
  assert.deepEqual(listEvidenceFiles(folder), ["inside.pdf", "evidence/a.pdf", "evidence/deep/b.pdf"]);
  assert.deepEqual(listEvidenceFiles(folder, { maxFiles: 2, maxDepth: 6, maxFolders: 10 }), [
    "inside.pdf",
    "evidence/a.pdf",
  ]);
  assert.deepEqual(listEvidenceFiles(folder, { maxFiles: 10, maxDepth: 2, maxFolders: 10 }), [
    "inside.pdf",
    "evidence/a.pdf",
  ]);
  assert.deepEqual(listEvidenceFiles(folder, { maxFiles: 10, maxDepth: 6, maxFolders: 1 }), ["inside.pdf"]);
  assert.deepEqual(listEvidenceFiles(path.join(root, "missing")), []);
  // Through completion: the escaping link is never offered.
  const text = BASE.replace("evidence: [evidence/contract.pdf]", "evidence: [evidence/contract.pdf, ]");
  const offset = text.indexOf("contract.pdf, ]") + "contract.pdf, ".length;
  const labels = complete(validate(text), offset, "en", () => listEvidenceFiles(folder)).map((entry) => entry.label);
  assert.ok(!labels.includes("escape.pdf") && labels.includes("inside.pdf"), labels.join(","));
});

test("inlay hints: after service_since, each project, each certificate's last day and each clause mentioned", () => {
  const text = BASE.replace("performance:\n", "performance: # 4.1.3 b)\n").replace(
    "      signed: 2025-03-01",
    "      signed: 2025-03-01",
  );
  const report = validate(text, "zh-cn");
  const hints = inlayHints(report, "zh-cn");
  const at = (fact: string) => hints.filter((hint) => hint.fact === fact);
  assert.deepEqual(
    at("service-time").map((hint) => hint.offset),
    [rangeOf(text, "2023-01-01").end],
  );
  assert.deepEqual(
    at("project-count").map((hint) => [hint.offset, hint.holds, hint.clauseId]),
    [[rangeOf(text, "某单位信息系统风险评估").end, true, "4.1.3.b"]],
  );
  assert.deepEqual(
    at("certificate-validity").map((hint) => [hint.offset, hint.holds]),
    [0, 1, 2].map((occurrence) => [rangeOf(text, "2028-01-01", "", occurrence).end, true]),
  );
  assert.deepEqual(
    at("clause-title").map((hint) => [hint.offset, hint.clauseId]),
    [[rangeOf(text, "4.1.3 b)").end, "4.1.3.b"]],
  );
  assert.ok(hints.every((hint) => hint.label.length > 0));
  // A range limits them; English has the same hints at the same places.
  const inPerformance = inlayHints(report, "en", rangeOf(text, "performance: # 4.1.3 b)"));
  assert.deepEqual(
    inPerformance.map((hint) => hint.fact),
    ["clause-title"],
  );
  assert.deepEqual(
    inlayHints(report, "en").map((hint) => [hint.offset, hint.fact]),
    hints.map((hint) => [hint.offset, hint.fact]),
  );
  // A project outside the window does not count; an expired certificate is not valid.
  const late = validate(
    text
      .replace("signed: 2025-03-01", "signed: 2020-03-01")
      .replace("valid_until: 2028-01-01", "valid_until: 2026-01-01"),
  );
  const lateHints = inlayHints(late, "zh-cn");
  assert.deepEqual(
    lateHints.filter((hint) => hint.fact === "project-count").map((hint) => hint.holds),
    [false],
  );
  assert.deepEqual(
    lateHints.filter((hint) => hint.fact === "certificate-validity").map((hint) => hint.holds),
    [false, true, true],
  );
});

test("code lenses: above each top-level section, its clauses with their verdicts, at the section's key", () => {
  const report = validate(BASE, "zh-cn");
  const lenses = sectionLenses(report, "zh-cn");
  const performance = lenses.filter((lens) => lens.section === "performance");
  assert.deepEqual(
    performance.map((lens) => [lens.clauseId, lens.status]),
    [
      ["4.1.2", "satisfied"],
      ["4.1.3.a", "satisfied"],
      ["4.1.3.b", "satisfied"],
    ],
  );
  assert.ok(performance.every((lens) => lens.range.start === BASE.indexOf("performance:")));
  assert.deepEqual(
    [...new Set(lenses.map((lens) => lens.section))],
    ["application", "premises", "personnel", "performance", "management", "tools", "processes"],
  );
  for (const lens of lenses) assert.equal(BASE.slice(lens.range.start, lens.range.end), lens.section);
  // A heading gives way to its listed items: 4.1.3 itself is not shown.
  assert.ok(!lenses.some((lens) => lens.clauseId === "4.1.3"));
  const late = validate(BASE.replace("signed: 2025-03-01", "signed: 2020-03-01"), "en");
  const violated = sectionLenses(late, "en").find((lens) => lens.clauseId === "4.1.3.b");
  assert.equal(violated?.status, "violated");
  assert.match(violated?.title ?? "", /\(0\/1\)$/);
});

test("evidence rename: the paths naming a renamed file or folder follow it, quoted where YAML needs it", () => {
  const text = BASE.replace(
    "evidence: [evidence/contract.pdf]",
    'evidence: [evidence/contract.pdf, "./evidence/contract.pdf"]',
  );
  const report = validate(text);
  const first = rangeOf(text, "evidence/contract.pdf");
  const second = rangeOf(text, "./evidence/contract.pdf");
  assert.deepEqual(evidenceRenameEdits(report, "evidence/contract.pdf", "evidence/合同.pdf"), [
    { range: first, newText: "evidence/合同.pdf" },
    { range: second, newText: "evidence/合同.pdf" },
  ]);
  // A folder: every path under it; a name YAML would misread is quoted unless already in quotes.
  const folder = evidenceRenameEdits(report, "evidence", "proof, 2026");
  assert.deepEqual(
    folder.filter((edit) => edit.range.start === first.start || edit.range.start === second.start),
    [
      { range: first, newText: '"proof, 2026/contract.pdf"' },
      { range: second, newText: "proof, 2026/contract.pdf" },
    ],
  );
  assert.equal(folder.length, text.split("evidence/").length - 1, "every evidence path under the folder follows it");
  // A file renamed to a name outside the folder, or another file: nothing.
  assert.deepEqual(evidenceRenameEdits(report, "evidence/contract.pdf", "../contract.pdf"), []);
  assert.deepEqual(evidenceRenameEdits(report, "evidence/other.pdf", "evidence/x.pdf"), []);
  assert.deepEqual(evidenceRenameEdits(report, "evidence/contract", "evidence/x"), []);
});
