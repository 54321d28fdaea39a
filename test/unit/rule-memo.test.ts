// Rule results remembered across versions of one document (server/src/core/rule-memo.ts): a rule runs again when
// a section it read changed, when the circumstances changed, when it listed the dossier's keys and they changed,
// when it asked whether a file exists, when it says it reads the whole text, or when a finding's range was not
// located by path; otherwise its findings
// come back with their ranges located again. Every validation here is compared with a fresh one. Not timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { generateDossier } from "../support/generate-dossier";
import { RULES as BUILT_IN_RULES } from "../../server/src/core/rules";
import { filesUnder, repositoryRoot } from "../support/repository";
import { IncrementalParser } from "../../server/src/core/incremental";
import type { Rule, RuleContext } from "../../server/src/core/rules/rule";
import { createLanguageService, DossierReport } from "../../server/src/core/service";
import type { Finding } from "../../server/src/core/types";

const TEXT = generateDossier({ lines: 300, faults: false, seed: 2 }).text;

function edit(text: string, anchor: string, inserted: string): string {
  const at = text.indexOf(anchor);
  assert.ok(at >= 0, anchor);
  return text.slice(0, at + anchor.length) + inserted + text.slice(at + anchor.length);
}

function comparable(report: DossierReport): string[] {
  return report.findings.map((finding) => JSON.stringify([finding.ruleId, finding.messageId, finding.args, finding.range, finding.related.map((related) => related.range)]));
}

/** A rule that counts its runs and reports one finding located by `locate`. */
function countingRule(id: string, check: (context: RuleContext) => Finding[]): Rule & { runs: number } {
  const rule = {
    id,
    clauses: ["4.x.1"],
    description: { en: id, zh: id },
    messages: { [id]: { en: id, zh: id } },
    runs: 0,
    check: (context: RuleContext) => {
      rule.runs++;
      return check(context);
    },
  };
  return rule;
}

function finding(context: RuleContext, id: string, range: Finding["range"], related: Finding["related"] = []): Finding {
  return context.finding({ clauses: ["4.2.1"], messageId: id, range, related });
}

const premisesRule = countingRule("test.premises", (context) => {
  const premises = context.dossier.premises as { tenure?: string };
  return premises?.tenure ? [finding(context, "test.premises", context.valueRange(["premises", "tenure"]), [{ range: context.keyRange(["premises"]), messageId: "test.premises", args: {} }])] : [];
});
const personnelRule = countingRule("test.personnel", (context) => {
  const people = context.dossier.personnel as unknown[];
  return Array.isArray(people) ? [finding(context, "test.personnel", context.keyRange(["personnel", 1]))] : [];
});
const handMadeRule = countingRule("test.hand-made", (context) => {
  const range = context.valueRange(["premises", "tenure"]);
  return [finding(context, "test.hand-made", { start: range.start + 1, end: range.end })];
});
const changedRangeRule = countingRule("test.changed-range", (context) => {
  const range = context.valueRange(["premises", "tenure"]);
  range.start += 1;
  return [finding(context, "test.changed-range", range)];
});
const keysRule = countingRule("test.keys", (context) => [finding(context, "test.keys", context.keyRange([Object.keys(context.dossier).at(-1)!]))]);
const existenceRule = countingRule("test.existence", (context) => {
  const exists = context.options.evidenceExists?.("evidence/营业执照.pdf");
  return exists ? [] : [finding(context, "test.existence", context.valueRange(["applicant", "evidence", 0]))];
});
const textRule = Object.assign(
  countingRule("test.text", (context) => (context.text.includes("改") ? [finding(context, "test.text", context.keyRange(["premises"]))] : [])),
  { readsWholeText: true },
);
const documentRule = Object.assign(
  countingRule("test.document", (context) => (context.document.contents ? [] : [finding(context, "test.document", context.keyRange([]))])),
  { readsWholeText: true },
);
const RULES = [premisesRule, personnelRule, handMadeRule, changedRangeRule, keysRule, existenceRule, textRule, documentRule];

function runs(): { [id: string]: number } {
  return Object.fromEntries(RULES.map((rule) => [rule.id, rule.runs]));
}

test("a rule runs again only when what it read or depends on changed; its findings come back located anew", () => {
  let missing = false;
  const options = { locale: "en", today: "2026-11-24", rules: RULES, evidenceExists: () => !missing };
  const service = createLanguageService(options);
  const parser = new IncrementalParser();
  const check = (text: string, label: string): { [id: string]: number } => {
    const before = runs();
    const report = service.validateParsed(parser.update(text));
    const after = runs();
    assert.deepEqual(comparable(report), comparable(createLanguageService(options).validate(text)), label);
    return Object.fromEntries(RULES.map((rule) => [rule.id, after[rule.id] - before[rule.id]]));
  };
  let text = TEXT;
  check(text, "first");
  assert.ok(comparable(service.validate(text)).length >= 5, "the rules report");

  // A person's name: the personnel section changed; the premises rule's finding is given back.
  text = edit(text, "\n    name: ", "改");
  let ran = check(text, "a person's name");
  assert.equal(ran["test.premises"], 0);
  assert.equal(ran["test.personnel"], 1);
  assert.equal(ran["test.hand-made"], 1, "a range made by hand is not located again: run every time");
  assert.equal(ran["test.changed-range"], 1, "a located range changed afterwards: run every time");
  assert.equal(ran["test.existence"], 1, "existence may change without an edit: run every time");
  assert.equal(ran["test.text"], 1, "a rule that reads the text: run every time");
  assert.equal(ran["test.document"], 1, "a rule that reads the yaml document: run every time");
  assert.equal(ran["test.keys"], 1, "listing the keys reads every section (Object.keys asks each one's descriptor)");

  // The applicant's name, before the premises: the remembered findings' ranges move.
  text = edit(text, "\n  name: ", "改改");
  ran = check(text, "the applicant's name");
  assert.equal(ran["test.premises"], 0);
  assert.equal(ran["test.personnel"], 0);

  // The premises' tenure: that rule runs again.
  text = text.replace("tenure: owned", "tenure: leased");
  ran = check(text, "the tenure");
  assert.equal(ran["test.premises"], 1);

  // Another application date (the as-of date of every rule): all run again.
  text = text.replace(/date: 2026-\d\d-\d\d/, "date: 2026-09-30");
  ran = check(text, "the application date");
  assert.equal(ran["test.premises"], 1);
  assert.equal(ran["test.personnel"], 1);

  // A new top-level key: the rule that listed the keys runs again.
  text = `${text.trimEnd()}\nx-note: 备注\n`;
  ran = check(text, "a new key");
  assert.equal(ran["test.keys"], 1);

  // A file goes missing, the text unchanged: the existence rule reports it.
  missing = true;
  ran = check(text, "a missing file");
  assert.equal(ran["test.existence"], 1);
  assert.equal(ran["test.premises"], 0);
});

test("the rules read neither the text nor the yaml document itself, or say so", () => {
  const folder = path.join(repositoryRoot(), "server", "src", "core", "rules");
  const sources = filesUnder(folder, [".ts"]).map((file) => ({ file, source: fs.readFileSync(file, "utf8") }));
  assert.ok(sources.length > 20);
  for (const { file, source } of sources) {
    if (path.basename(file) === "rule.ts") continue;
    const reads = /\b(context|ctx)\.(text|document)\b/.test(source);
    assert.ok(!reads || /readsWholeText:\s*true/.test(source), `${path.relative(folder, file)} reads context.text or context.document without readsWholeText`);
  }
  for (const rule of BUILT_IN_RULES) assert.notEqual(rule.readsWholeText, true, `${rule.id}: remembered between edits`);
});

test("a full parse (no document behind it) remembers nothing", () => {
  const service = createLanguageService({ locale: "en", today: "2026-11-24", rules: RULES });
  const before = runs();
  service.validate(TEXT);
  service.validate(TEXT);
  assert.equal(runs()["test.premises"] - before["test.premises"], 2);
});

test("a service made for each validation, as the server makes them, shares what the document's earlier ones remembered", () => {
  const parser = new IncrementalParser();
  const serviceWith = (leaseWarningMonths: number) => createLanguageService({ locale: "en", today: "2026-11-24", rules: RULES, leaseWarningMonths });
  serviceWith(6).validateParsed(parser.update(TEXT));
  let before = runs()["test.premises"];
  serviceWith(6).validateParsed(parser.update(edit(TEXT, "\n    name: ", "改")));
  assert.equal(runs()["test.premises"] - before, 0, "same settings: given again");
  before = runs()["test.premises"];
  serviceWith(3).validateParsed(parser.update(edit(TEXT, "\n    name: ", "改改")));
  assert.equal(runs()["test.premises"] - before, 1, "another lease warning: run again");
  // Another document (another parser) remembers nothing of this one.
  before = runs()["test.premises"];
  serviceWith(3).validateParsed(new IncrementalParser().update(TEXT));
  assert.equal(runs()["test.premises"] - before, 1);
});
