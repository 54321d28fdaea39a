// Every requirement rule against the catalog: messages in both languages for every message id it emits (checked
// over all fixtures and samples, main findings and related information), clause templates that resolve to catalog
// clauses at every level, and level-1 figures that say they come from public summaries.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { WAIVER_MESSAGES } from "../../server/src/core/check/waiver-checks";
import { defaultEdition, LEVELS } from "../../server/src/core/catalog/edition";
import { renderMessage } from "../../server/src/core/check/render";
import { RULES } from "../../server/src/core/check/rules";
import { PUBLIC_SUMMARY_SUFFIX } from "../../server/src/core/check/rules/support/wording";
import { createLanguageService } from "../../server/src/core/check/service";
import type { Finding } from "../../server/src/core/types";
import { filesUnder, repositoryRoot } from "../support/repository";

const edition = defaultEdition();
const RULE_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

/** Every rule finding over the fixtures and samples, with evidence checked against the real folders. */
function allRuleFindings(): Array<{ file: string; finding: Finding }> {
  const root = repositoryRoot();
  const files = [
    ...filesUnder(path.join(root, "test", "fixtures"), [".dossier.yaml"]),
    ...filesUnder(path.join(root, "samples"), [".dossier.yaml"]),
  ];
  const found: Array<{ file: string; finding: Finding }> = [];
  for (const file of files) {
    const folder = path.dirname(file);
    const service = createLanguageService({
      today: "2026-11-24",
      evidenceExists: (relative) => fs.existsSync(path.join(folder, relative)),
    });
    for (const finding of service.validate(fs.readFileSync(file, "utf8")).findings) {
      if (RULE_BY_ID.has(finding.ruleId)) found.push({ file: path.relative(root, file), finding });
    }
  }
  return found;
}

const FINDINGS = allRuleFindings();

test("rule ids are unique, short dotted kebab-case", () => {
  assert.equal(new Set(RULES.map((rule) => rule.id)).size, RULES.length);
  for (const rule of RULES) assert.match(rule.id, /^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/, rule.id);
});

test("every rule message exists in both languages with the same placeholders, namespaced by its rule id", () => {
  for (const rule of RULES) {
    assert.ok(rule.description.en.length > 0 && rule.description.zh.length > 0, rule.id);
    for (const [messageId, message] of Object.entries(rule.messages)) {
      assert.ok(messageId.startsWith(rule.id.split(".")[0] + "."), `${messageId} is namespaced like ${rule.id}`);
      assert.ok(message.en.trim().length > 0 && message.zh.trim().length > 0, messageId);
      assert.deepEqual(placeholders(message.zh), placeholders(message.en), messageId);
    }
  }
});

test("every message id a rule emits (finding or related information) is one of its messages", () => {
  assert.ok(FINDINGS.length > 50);
  for (const { file, finding } of FINDINGS) {
    const rule = RULE_BY_ID.get(finding.ruleId);
    assert.ok(rule);
    // the note an expired waiver adds (check/waivers.ts) is the waiver's message, not the rule's
    const related = finding.related.filter((item) => !WAIVER_MESSAGES[item.messageId]);
    for (const messageId of [finding.messageId, ...related.map((item) => item.messageId)]) {
      assert.ok(rule.messages[messageId], `${file}: ${finding.ruleId} emits ${messageId}`);
    }
  }
});

test("every rule message is emitted by some fixture or sample (no untested message)", () => {
  const emitted = new Set(
    FINDINGS.flatMap(({ finding }) => [finding.messageId, ...finding.related.map((related) => related.messageId)]),
  );
  const unused = RULES.flatMap((rule) => Object.keys(rule.messages)).filter((messageId) => !emitted.has(messageId));
  assert.deepEqual(unused, []);
});

test("every emitted message renders in both locales with all its placeholders filled", () => {
  for (const { file, finding } of FINDINGS) {
    for (const locale of ["en", "zh-cn"] as const) {
      for (const { messageId, args } of [finding, ...finding.related]) {
        const text = renderMessage(messageId, args, locale);
        assert.doesNotMatch(text, /\{\w+\}/, `${file}: ${messageId} in ${locale}: ${text}`);
      }
    }
  }
});

test("rule clause templates resolve to catalog clauses at every level", () => {
  for (const rule of RULES) {
    for (const template of rule.clauses) {
      for (const level of LEVELS) {
        const clauseId = edition.resolveClause(template, level);
        assert.ok(edition.clause(clauseId), `${rule.id}: ${template} at level ${level} → ${clauseId}`);
        if (template.startsWith("4.x"))
          assert.ok(
            clauseId.startsWith(edition.levelSection(level) + "."),
            `${template} stays in level ${level}'s section`,
          );
      }
    }
  }
});

test("every emitted finding cites catalog clauses; only identifier findings cite none", () => {
  for (const { file, finding } of FINDINGS) {
    if (finding.ruleId.startsWith("identifier.")) {
      assert.deepEqual(finding.clauseIds, [], `${file}: ${finding.ruleId}`);
      continue;
    }
    assert.ok(finding.clauseIds.length > 0, `${file}: ${finding.ruleId} cites no clause`);
    for (const clauseId of finding.clauseIds)
      assert.ok(edition.clause(clauseId), `${file}: ${finding.ruleId} cites unknown ${clauseId}`);
  }
});

test("a finding that states a level-1 figure (a public-summary clause) uses the message saying so", () => {
  const rulesWithFigures = RULES.filter((rule) =>
    Object.keys(rule.messages).some((messageId) => messageId.endsWith(PUBLIC_SUMMARY_SUFFIX)),
  );
  assert.deepEqual(rulesWithFigures.map((rule) => rule.id).sort(), [
    "performance.qualifying-projects",
    "performance.service-duration",
  ]);
  let levelOneFindings = 0;
  for (const { file, finding } of FINDINGS) {
    if (!rulesWithFigures.some((rule) => rule.id === finding.ruleId)) continue;
    const publicSummary = finding.clauseIds.some(
      (clauseId) => edition.clause(clauseId)?.provenance === "public-summary",
    );
    if (publicSummary) levelOneFindings++;
    assert.equal(finding.messageId.endsWith(PUBLIC_SUMMARY_SUFFIX), publicSummary, `${file}: ${finding.messageId}`);
  }
  assert.ok(levelOneFindings >= 2);
});
