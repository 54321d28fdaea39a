// Hover, go to definition, quick fixes, clause mentions, the spec document and new-dossier skeletons, on the
// pure core. Asserts clause ids, ranges and structure; message text only where it is the specification's own.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { clauseMentionsInComments } from "../../server/src/core/features/clause-mentions";
import { quickFixes, closestValues } from "../../server/src/core/features/code-actions";
import { definition } from "../../server/src/core/features/definition";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { hover } from "../../server/src/core/features/hover";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { createLanguageService } from "../../server/src/core/check/service";
import { PLACEHOLDER } from "../../server/src/core/features/skeleton";
import { renderSpecDocument } from "../../server/src/core/features/spec-document";
import { repositoryRoot } from "../support/repository";

const BASE = fs.readFileSync(path.join(repositoryRoot(), "test", "fixtures", "schema", "valid.dossier.yaml"), "utf8");
const service = (locale = "en") => createLanguageService({ locale, today: "2026-11-24" });
const edition = defaultEdition();

test("clause mentions in comments resolve to catalog ids, in the forms reviewers write", () => {
  const text =
    "# 不满足 4.2.3 b)\n# see 4.1.4.a and §4.1.1\n# 参考附录 H；Annex A\n# 9.9.9 is not a clause\nkey: 4.1.3 # 4.1.3（b）\n";
  const ids = clauseMentionsInComments(text, edition).map((mention) => mention.clauseId);
  assert.deepEqual(ids, ["4.2.3.b", "4.1.4.a", "4.1.1", "H", "A", "4.1.3.b"]);
  const first = clauseMentionsInComments(text, edition)[0];
  assert.equal(text.slice(first.range.start, first.range.end), "4.2.3 b)");
});

test("hover on a key shows the field and its clause verbatim, with the level table", () => {
  const text = BASE.replace("  level: 3", "  level: 2");
  const report = service("zh-cn").validate(text);
  const offset = text.indexOf("service_since");
  const result = hover(report, offset, "zh-cn");
  assert.ok(result);
  assert.equal(text.slice(result.range.start, result.range.end), "service_since");
  assert.ok(
    result.markdown.includes(
      "从事信息安全服务（与申报类别一致）3年以上，或取得信息安全服务（与申报类别一致）三级1年以上。",
    ),
  );
  // The level table marks level 2 and shows the level-1 figure as a public summary, not a quote.
  assert.match(result.markdown, /\*\*二级（本申请）\*\*/);
  assert.ok(result.markdown.includes("| 4.3.3 a) |"));
  const english = hover(report, offset, "en");
  assert.ok(english && english.markdown !== result.markdown);
});

test("hover and the spec document: English renderings in Chinese only when asked for (isvDossier.showEnglish)", () => {
  const text = BASE.replace("  level: 3", "  level: 2");
  const report = service("zh-cn").validate(text);
  const offset = text.indexOf("service_since");
  const english = edition.clause("4.2.3.a")?.text?.en.split("\n")[0] ?? "";
  const title = edition.modelAt(["performance", "service_since"])?.title?.en ?? "";
  assert.ok(english.length > 10 && title.length > 3);
  const plain = hover(report, offset, "zh-cn")?.markdown ?? "";
  assert.ok(!plain.includes(english) && !plain.includes(title), plain);
  const asked = hover(report, offset, "zh-cn", { english: true })?.markdown ?? "";
  assert.ok(asked.includes(english) && asked.includes(title), asked);
  assert.ok((hover(report, offset, "en")?.markdown ?? "").includes(english));
  assert.ok(!renderSpecDocument(edition, "zh-cn").text.includes(english));
  assert.ok(renderSpecDocument(edition, "zh-cn", { english: true }).text.includes(english));
  assert.ok(renderSpecDocument(edition, "en").text.includes(english));
});

test("hover on a public-summary or structure-only clause says so plainly", () => {
  const text = "# 4.3.3 a) and 4.2.5\nspec: CCRC-ISV-C01:2025\n";
  const report = service().validate(text);
  const summary = hover(report, text.indexOf("4.3.3"), "en");
  assert.ok(summary?.markdown.includes("Not the specification's words"));
  assert.ok(!summary?.markdown.includes("Quoted from our copy"));
  const unknown = hover(report, text.indexOf("4.2.5"), "en");
  assert.ok(unknown?.markdown.includes("Text unknown"));
});

test("hover on an enum value shows its labels in both languages", () => {
  const report = service().validate(BASE);
  const result = hover(report, BASE.indexOf("leased") + 1, "en");
  assert.ok(result?.markdown.includes("租赁") && result.markdown.includes("Leased"));
});

test("go to definition: a person id goes to that person, a clause mention to the spec document", () => {
  const report = service().validate(BASE);
  const leadOffset = BASE.indexOf("lead: li-si") + "lead: ".length;
  const target = definition(report, leadOffset + 1, "en");
  assert.ok(target && target.kind === "person");
  assert.equal(BASE.slice(target.range.start, target.range.end), "li-si");
  assert.ok(BASE.slice(0, target.range.start).endsWith("- id: "));

  const text = "# see 4.1.4.a\n" + BASE;
  const clause = definition(service().validate(text), 8, "en");
  assert.ok(clause && clause.kind === "clause");
  assert.equal(clause.clauseId, "4.1.4.a");
  const spec = renderSpecDocument(edition, "en");
  assert.ok(spec.text.slice(clause.range.start, clause.range.end).startsWith("#"));
  assert.ok(spec.text.slice(clause.range.start, clause.range.end).includes("4.1.4 a)"));
});

test("quick fix: an invalid enum value is replaced by the closest allowed one", () => {
  const text = BASE.replace("tenure: leased", "tenure: leasd");
  const report = service().validate(text);
  const finding = report.findings.find((candidate) => candidate.ruleId === "schema.enum");
  assert.ok(finding);
  const fixes = quickFixes(report, finding.range, "en");
  assert.deepEqual(
    fixes.map((fix) => [fix.edits[0].newText, fix.preferred]),
    [["leased", true]],
  );
  assert.deepEqual(closestValues("risk", ["risk-assessment", "security-audit"]), ["risk-assessment"]);
  // A tie is not a clear fix: every tied value is offered, none preferred.
  assert.deepEqual(closestValues("rented", ["owned", "leased"]), ["owned", "leased"]);
});

test("quick fix: a missing required key is inserted with a skeleton, in the right mapping", () => {
  const text = BASE.replace("  address: 北京市海淀区测试路 1 号\n  tenure", "  tenure");
  const report = service().validate(text);
  const finding = report.findings.find((candidate) => candidate.ruleId === "schema.required");
  assert.ok(finding);
  const [fix] = quickFixes(report, finding.range, "en");
  const edit = fix.edits[0];
  const fixed = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
  const after = service()
    .validate(fixed)
    .findings.filter((candidate) => candidate.severity === "error" || candidate.ruleId === "fill.empty");
  // What remains is the placeholder to fill, on the inserted key's value: a value to fill in, not an error.
  assert.equal(after.length, 1);
  assert.equal(after[0].ruleId, "fill.empty");
  assert.deepEqual(after[0].clauseIds, ["4.1.1"]);
  assert.equal(fixed.slice(after[0].range.start, after[0].range.end), PLACEHOLDER);
  assert.match(fixed, /\n {2}address: ""\n/);
});

// A new dossier's findings (only its placeholders, each a fill.empty) are tested in scaffold.test.ts.

test("line index converts offsets and positions both ways, CRLF included", () => {
  const text = "a: 1\r\nbé: 2\n\nlast";
  const lines = new LineIndex(text);
  assert.deepEqual(lines.positionAt(text.indexOf("bé")), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf("last") + 2), { line: 3, character: 2 });
  assert.equal(lines.offsetAt({ line: 1, character: 2 }), text.indexOf(":", 6));
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 4);
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
});
