// A new dossier guides instead of shouting: its placeholders are values to fill in (fill.empty, one kind of
// finding), nothing else; the snippet the editor inserts reads as the text `init` writes; a clause with a value to
// fill in is never satisfied; and every finding cites a clause unless it is one of the tool's own checks (the
// README's invariant), on samples, fixtures, new dossiers and faulty dossiers made from them.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { checkById } from "../../server/src/core/check/checks";
import { createLanguageService } from "../../server/src/core/check/service";
import { defaultEdition, type Level } from "../../server/src/core/catalog/edition";
import { newDossierSnippet, newDossierText, PLACEHOLDER } from "../../server/src/core/features/skeleton";
import { buildChecklist } from "../../server/src/core/verdicts/checklist";
import { conclusionText } from "../../server/src/core/verdicts/clause-status";
import type { Finding } from "../../server/src/core/types";
import { filesUnder, repositoryRoot } from "../support/repository";

const edition = defaultEdition();
const service = (locale = "en") => createLanguageService({ locale, today: "2026-11-24" });
const LEVELS: Level[] = [3, 2, 1];

/** Every category (each disaster-recovery class) at every level. */
function applications(): Array<{ category: string; level: Level; drClass?: string }> {
  return Object.entries(edition.categories).flatMap(([category, entry]) =>
    LEVELS.flatMap((level) =>
      (entry.classes ? Object.keys(entry.classes) : [undefined]).map((drClass) => ({ category, level, drClass })),
    ),
  );
}

/** The offsets of the `""` placeholders outside comments. */
function placeholders(text: string): number[] {
  const offsets: number[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const code = line.replace(/\s#.*$/, "").replace(/^#.*$/, "");
    for (let at = code.indexOf(PLACEHOLDER); at >= 0; at = code.indexOf(PLACEHOLDER, at + 1)) {
      offsets.push(lineStart + at);
    }
    lineStart += line.length + 1;
  }
  return offsets;
}

test("a new dossier, for every category and level, has only values to fill in: one fill.empty per placeholder", () => {
  for (const { category, level, drClass } of applications()) {
    const text = newDossierText({ edition, category, level, drClass, locale: "zh-cn", date: "2026-11-24" });
    const findings = service().validate(text).findings;
    const label = `${category}/${level}${drClass ?? ""}`;
    assert.deepEqual([...new Set(findings.map((finding) => finding.ruleId))], ["fill.empty"], label);
    assert.ok(
      findings.every((finding) => finding.severity === "warning"),
      label,
    );
    assert.deepEqual(
      findings.map((finding) => finding.range.start).sort((a, b) => a - b),
      placeholders(text),
      `${label}: one finding on each placeholder`,
    );
    for (const finding of findings) {
      assert.equal(text.slice(finding.range.start, finding.range.end), PLACEHOLDER, label);
      assert.ok(finding.clauseIds.length > 0 || finding.range.start === text.indexOf("credit_code: ") + 13, label);
    }
  }
});

test("a new risk-assessment dossier at level 2 has 35 values to fill in, each citing its section's clause", () => {
  const text = newDossierText({ edition, category: "risk-assessment", level: 2, locale: "en", date: "2026-11-24" });
  const findings = service().validate(text).findings;
  assert.equal(findings.length, 35);
  const clausesAt = (key: string): string[] | undefined =>
    findings.find((finding) => finding.range.start === text.indexOf(`${key}: ""`) + key.length + 2)?.clauseIds;
  // the applicant's identity rests on the application (§4), not on the scope (§1)
  assert.deepEqual(clausesAt("  name"), ["4"]);
  assert.deepEqual(clausesAt("credit_code"), ["4"]);
  // inside an evidence list: the section's clause
  const premisesEvidence = findings.find((finding) => finding.range.start === text.indexOf('evidence: [""]') + 11);
  assert.deepEqual(premisesEvidence?.clauseIds, ["4.2.1"]);
  const educationRecords = findings.find(
    (finding) => finding.range.start === text.indexOf('education_records: [""]') + 20,
  );
  assert.deepEqual(educationRecords?.clauseIds, ["4.2.4.c"]);
});

/** The text a snippet inserts when every tab stop keeps its default (the first choice). */
function expandSnippet(snippet: string): string {
  let out = "";
  for (let index = 0; index < snippet.length; index++) {
    const character = snippet[index];
    if (character === "\\") {
      out += snippet[++index];
    } else if (character === "$") {
      const match = /^\$(?:(\d+)|\{(\d+)(?::((?:\\.|[^}\\])*)|\|((?:\\.|[^|\\])*)\|)?\})/.exec(snippet.slice(index));
      assert.ok(match, `a tab stop at ${index}`);
      const value = match[3] ?? (match[4] !== undefined ? match[4].split(/(?<!\\),/)[0] : "");
      out += value.replace(/\\(.)/g, "$1");
      index += match[0].length - 1;
    } else {
      out += character;
    }
  }
  return out;
}

test("the editor's snippet reads as the text init writes, with a tab stop in every placeholder", () => {
  for (const { category, level, drClass } of applications().filter((_, index) => index % 4 === 0)) {
    const options = { edition, category, level, drClass, locale: "zh-cn" as const, date: "2026-11-24" };
    const text = newDossierText(options);
    const snippet = newDossierSnippet(options);
    assert.equal(expandSnippet(snippet), text);
    const stops = [...snippet.matchAll(/\$\{(\d+)/g)].map((match) => Number(match[1]));
    assert.deepEqual(
      stops,
      stops.map((_, index) => index + 1),
      "tab stops in order",
    );
    assert.equal((snippet.match(/"\$\{\d+\}"/g) ?? []).length, placeholders(text).length);
    assert.match(snippet, new RegExp(`category: \\$\\{\\d+\\|${category},`));
    assert.match(snippet, new RegExp(`level: \\$\\{\\d+\\|${level},`));
    assert.match(snippet, /date: \$\{\d+:2026-11-24\}/);
    assert.ok(snippet.endsWith("$0"));
  }
});

test("a clause with values to fill in is never satisfied: status unfilled, its conclusion counts them", () => {
  const text = newDossierText({ edition, category: "risk-assessment", level: 2, locale: "zh-cn", date: "2026-11-24" });
  const report = service("zh-cn").validate(text);
  const checklist = buildChecklist(report);
  const row = (id: string) => checklist.rows.find((candidate) => candidate.clauseId === id);
  assert.equal(checklist.counts.satisfied, 0);
  for (const id of ["4", "4.2.1", "4.2.2", "4.2.3.a", "4.2.3.b", "4.2.4.a", "4.2.4.b", "4.2.4.c"]) {
    assert.equal(row(id)?.status, "unfilled", id);
  }
  // headings take their items' status
  assert.equal(row("4.2.3")?.status, "unfilled");
  assert.equal(row("4.2.4")?.status, "unfilled");
  // the scope is not where an applicant's identity rests
  assert.equal(row("1"), undefined);
  const premises = row("4.2.1")!;
  assert.equal(premises.findings.filter((finding) => finding.ruleId === "fill.empty").length, 4);
  assert.equal(conclusionText(premises, "zh-cn"), "待填写（4 项）");
  assert.equal(conclusionText(premises, "en"), "To fill in (4 values)");
  assert.deepEqual(premises.evidence, [], "a placeholder is no evidence");

  // an error wins over a value to fill in: the clause is violated
  const wrong = text.replace('area_m2: ""', "area_m2: -5");
  const violated = buildChecklist(service("zh-cn").validate(wrong)).rows.find((r) => r.clauseId === "4.2.1");
  assert.equal(violated?.status, "violated");

  // once every placeholder of a clause is filled, it is no longer "to fill in"
  const filled = text
    .replace('address: "" # 办公地址', "address: 北京市海淀区 1 号 # 办公地址")
    .replace('tenure: ""', "tenure: owned")
    .replace('area_m2: ""', "area_m2: 300")
    .replace('evidence: [""] # 证明材料（4.2.1）', "evidence: [premises/deed.pdf]");
  const after = buildChecklist(service("zh-cn").validate(filled)).rows.find((r) => r.clauseId === "4.2.1");
  assert.notEqual(after?.status, "unfilled");
  assert.equal(
    after?.findings.filter((finding) => finding.ruleId === "fill.empty").length,
    0,
    "no value to fill in left",
  );
});

// ---------------------------------------------------------------------------------------------------------------
// The clause-citation invariant.

/** The checks that may cite no clause, the tool's own (README, Invariants): by kind, and by id (the credit-code rule). */
const OWN_KINDS = new Set(["yaml", "encoding", "limit", "security", "identifier", "waiver", "config"]);
const OWN_PREFIXES = ["yaml.", "encoding.", "limits.", "security.", "identifier.", "waiver.", "config."];

function uncited(findings: Finding[]): string[] {
  return findings
    .filter((finding) => finding.clauseIds.length === 0)
    .filter((finding) => !OWN_KINDS.has(checkById(finding.ruleId)?.kind ?? ""))
    .filter((finding) => !OWN_PREFIXES.some((prefix) => finding.ruleId.startsWith(prefix)))
    .map((finding) => `${finding.ruleId} at ${finding.range.start}`);
}

/** Faulty dossiers made from a valid one: each leaf value emptied, set to null, or replaced by a wrong value. */
function* faultyVariants(value: unknown): Generator<unknown> {
  const leaves: Array<Array<string | number>> = [];
  const walk = (node: unknown, at: Array<string | number>): void => {
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, [...at, index]));
    else if (node !== null && typeof node === "object")
      for (const [key, child] of Object.entries(node)) walk(child, [...at, key]);
    else leaves.push(at);
  };
  walk(value, []);
  for (const leaf of leaves) {
    for (const replacement of ["", null, "??", -1, []]) {
      const copy = structuredClone(value) as { [key: string]: unknown };
      let node: { [key: string | number]: unknown } = copy;
      for (const step of leaf.slice(0, -1)) node = node[step] as { [key: string | number]: unknown };
      node[leaf.at(-1)!] = replacement;
      yield copy;
    }
  }
}

test("every finding cites a clause unless it is one of the tool's own checks: samples and fixtures", () => {
  const root = repositoryRoot();
  const files = [
    ...filesUnder(path.join(root, "samples"), [".dossier.yaml"]),
    ...filesUnder(path.join(root, "test", "fixtures"), [".dossier.yaml", ".dossier.yml"]),
  ];
  assert.ok(files.length > 50);
  for (const file of files) {
    const findings = service().validate(fs.readFileSync(file, "utf8")).findings;
    assert.deepEqual(uncited(findings), [], path.relative(root, file));
  }
});

test("every finding cites a clause unless it is one of the tool's own checks: new and faulty dossiers", () => {
  for (const { category, level, drClass } of applications()) {
    const text = newDossierText({ edition, category, level, drClass, locale: "en", date: "2026-11-24" });
    assert.deepEqual(uncited(service().validate(text).findings), [], `${category}/${level}`);
  }
  const valid = fs.readFileSync(
    path.join(repositoryRoot(), "test", "fixtures", "schema", "valid.dossier.yaml"),
    "utf8",
  );
  const parsed = service().validate(valid).parsed.value;
  let count = 0;
  for (const variant of faultyVariants(parsed)) {
    const text = stringify(variant);
    const findings = service().validate(text).findings;
    assert.deepEqual(uncited(findings), [], text.slice(0, 200));
    count++;
  }
  assert.ok(count > 100, `${count} faulty dossiers`);
});
