// Completion on half-typed and broken dossiers: which labels, of which kind, replacing which range. `$0` in an input
// marks the cursor. Asserts labels, kinds, insert texts and ranges; never localized text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { complete, CompletionEntry } from "../../server/src/core/features/completion";
import { createLanguageService } from "../../server/src/core/check/service";
import type { Locale } from "../../server/src/core/types";

const service = createLanguageService({ today: "2026-11-24" });

interface Completed {
  entries: CompletionEntry[];
  text: string;
  offset: number;
}

function completeAt(source: string, locale: Locale = "en"): Completed {
  const offset = source.indexOf("$0");
  assert.ok(offset >= 0, "the input has no $0 cursor mark");
  const text = source.slice(0, offset) + source.slice(offset + 2);
  return { entries: complete(service.validate(text), offset, locale), text, offset };
}

function labels(entries: CompletionEntry[], kind?: CompletionEntry["kind"]): string[] {
  return entries.filter((entry) => !kind || entry.kind === kind).map((entry) => entry.label);
}

function entry(entries: CompletionEntry[], label: string): CompletionEntry {
  const found = entries.find((candidate) => candidate.label === label);
  assert.ok(found, `no completion ${label} among ${labels(entries).join(", ")}`);
  return found;
}

/** The labels in the order a client shows them (by sortText). */
function sorted(entries: CompletionEntry[]): string[] {
  return [...entries]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((candidate) => candidate.label);
}

function replaced(completed: Completed, entryLabel: string): string {
  const range = entry(completed.entries, entryLabel).replaceRange;
  assert.ok(range);
  return completed.text.slice(range.start, range.end);
}

const PERSONNEL = [
  "personnel:",
  "  - id: li-si",
  "    name: 李四",
  "    role: technical-lead",
  "  - id: wang-wu",
  "    name: 王五",
  "    role: project-lead",
].join("\n");

const ROOT_SECTIONS = [
  "spec",
  "applicant",
  "application",
  "premises",
  "personnel",
  "performance",
  "management",
  "tools",
  "processes",
  "self_assessment",
];

test("empty document: every section as a key and as a snippet", () => {
  const { entries } = completeAt("$0");
  assert.deepEqual(labels(entries, "key"), ROOT_SECTIONS);
  const snippets = entries.filter((candidate) => candidate.kind === "snippet");
  assert.deepEqual(
    snippets.map((snippet) => snippet.filterText),
    ROOT_SECTIONS.filter((section) => section !== "spec"),
  );
  for (const snippet of snippets) {
    assert.equal(snippet.isSnippet, true);
    assert.ok(snippet.insertText.startsWith(`${snippet.filterText}:\n`));
    assert.match(snippet.insertText, /\$\{1[:|}]/);
  }
});

test("root: sections present are not offered; object, list and scalar insert texts", () => {
  const { entries } = completeAt("spec: CCRC-ISV-C01:2025\napplicant:\n  name: x\n$0");
  assert.ok(!labels(entries).includes("spec"));
  assert.ok(!labels(entries).includes("applicant"));
  assert.ok(!entries.some((candidate) => candidate.filterText === "applicant"));
  assert.equal(entry(entries, "premises").insertText, "premises:\n  ");
  assert.equal(entry(entries, "personnel").insertText, "personnel:\n  - ");
  const snippet = entries.find((candidate) => candidate.kind === "snippet" && candidate.filterText === "premises");
  assert.ok(snippet);
  assert.equal(
    snippet.insertText,
    "premises:\n  address: ${1}\n  tenure: ${2|owned,leased|}\n  area_m2: ${3}\n  evidence:\n    - ${4}",
  );
});

test("section snippets: a list of mappings, and process stages of the applied category", () => {
  const { entries } = completeAt("application:\n  category: risk-assessment\n$0");
  const processes = entries.find((candidate) => candidate.kind === "snippet" && candidate.filterText === "processes");
  assert.ok(processes);
  assert.equal(
    processes.insertText,
    "processes:\n  - name: ${1}\n    document: ${2}\n    stages:\n      - ${3|identification,analysis,evaluation|}",
  );
});

test("key in a section: titles in both languages, documentation by locale with the clause at the dossier's level", () => {
  const source = "application:\n  level: 2\npremises:\n  address: x\n  $0\n";
  const en = completeAt(source, "en").entries;
  const zh = completeAt(source, "zh-cn").entries;
  assert.deepEqual(labels(en), ["tenure", "lease_until", "area_m2", "evidence"]);
  const tenureEn = entry(en, "tenure");
  const tenureZh = entry(zh, "tenure");
  assert.equal(tenureEn.kind, "key");
  assert.equal(tenureEn.insertText, "tenure: ");
  assert.equal(tenureEn.detail, tenureZh.detail, "the detail carries both languages");
  assert.ok(tenureEn.documentation && tenureZh.documentation);
  assert.notEqual(tenureEn.documentation, tenureZh.documentation);
  assert.match(tenureEn.documentation, /§4\.2\.1/);
  assert.equal(entry(en, "evidence").insertText, "evidence:\n    - ");
});

test("required keys sort first; a key required by a condition the dossier meets counts as required", () => {
  const { entries } = completeAt("premises:\n  tenure: leased\n  $0\n");
  assert.deepEqual(sorted(entries), ["address", "lease_until", "area_m2", "evidence"]);
  const owned = completeAt("premises:\n  tenure: owned\n  $0\n").entries;
  assert.deepEqual(sorted(owned), ["address", "area_m2", "evidence", "lease_until"]);
});

test("half-typed key replaces what is typed", () => {
  const completed = completeAt("premises:\n  address: x\n  ten$0");
  assert.ok(labels(completed.entries).includes("tenure"));
  assert.equal(replaced(completed, "tenure"), "ten");
  assert.ok(!labels(completed.entries).includes("address"));
});

test("key in a list item, on a new line under `- id: x`", () => {
  const { entries } = completeAt("personnel:\n  - id: li-si\n    $0\n");
  assert.deepEqual(sorted(entries), ["name", "role", "competence"]);
  assert.equal(entry(entries, "competence").insertText, "competence:\n      - ");
});

test("compact lists: the item's keys, and root keys back at column 0", () => {
  assert.deepEqual(sorted(completeAt("personnel:\n- id: li-si\n  $0\n").entries), ["name", "role", "competence"]);
  const root = completeAt("personnel:\n- id: li-si\n$0\n").entries;
  assert.ok(labels(root, "key").includes("spec"));
  assert.ok(!labels(root, "key").includes("personnel"));
});

test("`- ` in a list of mappings offers the item's keys", () => {
  const { entries } = completeAt("tools:\n  - $0\n");
  assert.deepEqual(sorted(entries), ["name", "purpose", "source", "version", "evidence"]);
  assert.equal(entry(entries, "evidence").insertText, "evidence:\n      - ");
});

test("enum values with labels in both languages", () => {
  const { entries } = completeAt("premises:\n  tenure: $0\n");
  assert.deepEqual(labels(entries, "value"), ["owned", "leased"]);
  assert.ok(entry(entries, "leased").detail);
  assert.equal(entry(entries, "leased").insertText, "leased");
  assert.deepEqual(labels(completeAt("application:\n  level: $0").entries), ["1", "2", "3"]);
});

test("half-typed enum value replaces it", () => {
  const completed = completeAt("application:\n  category: ri$0\n  level: 2\n");
  assert.equal(labels(completed.entries).length, 7);
  assert.ok(labels(completed.entries).includes("risk-assessment"));
  assert.equal(replaced(completed, "risk-assessment"), "ri");
});

test("ref_enum is followed (certificate category and level)", () => {
  const source = "application:\n  held_certificates:\n    - category: $0\n";
  assert.ok(labels(completeAt(source).entries).includes("disaster-recovery"));
  assert.deepEqual(labels(completeAt("application:\n  held_certificates:\n    - level: $0\n").entries), [
    "1",
    "2",
    "3",
  ]);
});

test("a value right after the colon gets a space", () => {
  assert.equal(entry(completeAt("premises:\n  tenure:$0").entries, "owned").insertText, " owned");
});

test("spec offers the edition id", () => {
  assert.deepEqual(labels(completeAt("spec: $0").entries), ["CCRC-ISV-C01:2025"]);
});

test("project lead offers the personnel ids", () => {
  const { entries } = completeAt(`${PERSONNEL}\nperformance:\n  projects:\n    - name: 项目\n      lead: $0\n`);
  assert.deepEqual(labels(entries, "value"), ["li-si", "wang-wu"]);
  assert.ok(entry(entries, "li-si").detail);
});

test("a personnel id on the line below `lead:`", () => {
  assert.deepEqual(labels(completeAt(`${PERSONNEL}\nperformance:\n  projects:\n    - lead:\n        $0\n`).entries), [
    "li-si",
    "wang-wu",
  ]);
});

test("confidentiality agreements offer the personnel ids not yet listed", () => {
  const block = completeAt(`${PERSONNEL}\nmanagement:\n  confidentiality:\n    agreements:\n      - $0`);
  assert.deepEqual(labels(block.entries), ["li-si", "wang-wu"]);
  const listed = completeAt(
    `${PERSONNEL}\nmanagement:\n  confidentiality:\n    agreements:\n      - li-si\n      - $0\n`,
  );
  assert.deepEqual(labels(listed.entries), ["wang-wu"]);
  const flow = completeAt(`${PERSONNEL}\nmanagement:\n  confidentiality:\n    agreements: [wang-wu, $0]\n`);
  assert.deepEqual(labels(flow.entries), ["li-si"]);
});

test("process stages of the applied category, in a flow list and in a block list", () => {
  const application = "application:\n  category: risk-assessment\n";
  const flow = completeAt(`${application}processes:\n  - name: p\n    stages: [identification, $0]\n`);
  assert.deepEqual(labels(flow.entries), ["analysis", "evaluation"]);
  const block = completeAt(`${application}processes:\n  - name: p\n    stages:\n      - $0\n`);
  assert.deepEqual(labels(block.entries), ["identification", "analysis", "evaluation"]);
  const other = completeAt("application:\n  category: security-audit\nprocesses:\n  - stages:\n    - $0\n");
  assert.deepEqual(labels(other.entries), ["inspection", "evidence-collection", "evaluation", "documentation"]);
});

test("disaster recovery stages follow the class", () => {
  const source = "application:\n  category: disaster-recovery\n  dr_class: A\nprocesses:\n  - stages: [$0]\n";
  assert.deepEqual(labels(completeAt(source).entries), [
    "backup",
    "recovery",
    "site-resources",
    "infrastructure",
    "operations-management",
  ]);
});

test("cursor at the very end of a file without newline", () => {
  const completed = completeAt("premises:\n  tenure: le$0");
  assert.equal(completed.offset, completed.text.length);
  assert.deepEqual(labels(completed.entries), ["owned", "leased"]);
  assert.equal(replaced(completed, "leased"), "le");
});

test("a broken document with a syntax error elsewhere still completes", () => {
  const source = `${PERSONNEL}\napplicant:\n  name: "unterminated\n  credit_code: [oops\nperformance:\n  projects:\n    - lead: $0\n`;
  assert.deepEqual(labels(completeAt(source).entries), ["li-si", "wang-wu"]);
  assert.deepEqual(labels(completeAt("applicant: : :\n  - ]\npremises:\n  tenure: $0\n").entries), ["owned", "leased"]);
});

test("CRLF line endings", () => {
  const completed = completeAt("premises:\r\n  address: x\r\n  ten$0\r\n  area_m2: 3\r\n");
  assert.deepEqual(labels(completed.entries), ["tenure", "lease_until", "evidence"]);
  assert.equal(replaced(completed, "tenure"), "ten");
  assert.deepEqual(labels(completeAt("premises:\r\n  tenure: $0\r\n").entries), ["owned", "leased"]);
});

test("a Chinese value on the same line: replaced whole, found by its Chinese label", () => {
  const completed = completeAt("premises:\n  tenure: 租$0\n");
  assert.equal(replaced(completed, "leased"), "租");
  assert.ok(entry(completed.entries, "leased").filterText?.includes("租"));
  assert.deepEqual(completeAt("premises:\n  address: 山东省济南市$0\n").entries, []);
});

test("no completion inside a comment or for fields the model does not know", () => {
  assert.deepEqual(completeAt("premises:\n  tenure: owned  # 自$0有\n").entries, []);
  assert.deepEqual(completeAt("premises:\n  color: $0\n").entries, []);
  assert.deepEqual(completeAt("unknown:\n  $0\n").entries, []);
});

test("editing an existing key keeps its colon and value", () => {
  const completed = completeAt("premises:\n  ten$0ure: leased\n");
  assert.equal(entry(completed.entries, "tenure").insertText, "tenure");
  assert.equal(replaced(completed, "tenure"), "tenure");
  assert.ok(!completed.entries.some((candidate) => candidate.kind === "snippet"));
});

test("no completion on a text declined for its nesting", () => {
  const deep = "spec: CCRC-ISV-C01:2025\ntools: " + "[".repeat(150) + "]".repeat(150) + "\nappl";
  const service = createLanguageService({ today: "2026-11-24" });
  const report = service.validate(deep);
  assert.ok(report.parsed.declined);
  assert.deepEqual(complete(report, deep.length, "en"), []);
  // The same line under a text that is not declined is completed.
  const shallow = "spec: CCRC-ISV-C01:2025\nappl";
  assert.ok(complete(service.validate(shallow), shallow.length, "en").some((entry) => entry.label === "applicant"));
});
