// Every message id rendered in both languages with sample arguments derived from its placeholders: nothing left
// unfilled, no JSON type name or schema jargon, no term the glossary replaces; and the structure findings of a
// dossier with a wrong value of every kind say what the field expects in its own words. The subject of these tests
// is the text, so they read it.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { allMessages, renderMessage } from "../../server/src/core/check/render";
import { createLanguageService } from "../../server/src/core/check/service";
import { UI_TEXT, uiText } from "../../server/src/cli/ui-text";
import type { Locale, MessageArguments } from "../../server/src/core/types";
import { replacedTermsIn } from "../support/zh-text";
import { repositoryRoot } from "../support/repository";

const edition = defaultEdition();

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
}

/** A sample for every placeholder: text in both languages (a list for the names that hold lists). */
function sampleArguments(names: string[]): MessageArguments {
  const args: MessageArguments = {};
  for (const name of names) args[name] = { zh: `示例${name}`, en: `sample-${name}` };
  return args;
}

/** What a person must never read: a JSON type name, schema jargon (outside `code`). */
function jargonIn(text: string): string[] {
  const prose = text.replace(/`[^`]*`/g, " ");
  return [
    ...prose.matchAll(/\b(integer|string|object|array|boolean|null)\b|JSON Schema|内置模式|of type|类型的值/gi),
  ].map((match) => match[0]);
}

function problemsOf(id: string, rendered: { [locale in Locale]: string }): string[] {
  const problems: string[] = [];
  for (const [locale, text] of Object.entries(rendered)) {
    if (/\{\w+\}/.test(text)) problems.push(`${id} ${locale}: unfilled placeholder in ${text}`);
    for (const jargon of jargonIn(text)) problems.push(`${id} ${locale}: ${jargon}`);
  }
  if (!/[\u4e00-\u9fff]/.test(rendered["zh-cn"])) problems.push(`${id}: the Chinese text has no Chinese`);
  for (const term of replacedTermsIn(rendered["zh-cn"], edition.glossary)) problems.push(`${id} zh: ${term}`);
  return problems;
}

test("every message id renders in both languages with the same placeholders, filled, in plain words", () => {
  const messages = allMessages();
  assert.ok(Object.keys(messages).length > 50);
  const problems: string[] = [];
  for (const [id, template] of Object.entries(messages)) {
    const names = placeholders(template.en);
    if (names.join() !== placeholders(template.zh).join()) problems.push(`${id}: placeholders differ`);
    const args = sampleArguments([...names, ...placeholders(template.zh)]);
    problems.push(...problemsOf(id, { en: renderMessage(id, args, "en"), "zh-cn": renderMessage(id, args, "zh-cn") }));
  }
  assert.deepEqual(problems, []);
});

test("every CLI text renders in both languages with its placeholders filled", () => {
  const problems: string[] = [];
  for (const [key, template] of Object.entries(UI_TEXT)) {
    const names = placeholders(template.en);
    if (names.join() !== placeholders(template.zh).join()) problems.push(`${key}: placeholders differ`);
    const args = Object.fromEntries(names.map((name) => [name, `sample-${name}`]));
    const rendered = { en: uiText(key, "en", args), "zh-cn": uiText(key, "zh-cn", args) };
    for (const [locale, text] of Object.entries(rendered))
      if (/\{\w+\}/.test(text)) problems.push(`${key} ${locale}: unfilled placeholder`);
  }
  assert.deepEqual(problems, []);
});

test("the check fails on a JSON type name and on an unfilled placeholder (the check itself works)", () => {
  assert.deepEqual(jargonIn("申报级别：应为 integer 类型的值。"), ["integer", "类型的值"]);
  assert.deepEqual(jargonIn("write `object` here"), []);
  assert.equal(problemsOf("x", { en: "{title}: ok", "zh-cn": "标题：好" }).length, 1);
});

test("structure findings say what each kind of field expects, never a type name", () => {
  const valid = fs.readFileSync(
    path.join(repositoryRoot(), "test", "fixtures", "schema", "valid.dossier.yaml"),
    "utf8",
  );
  const broken = valid
    .replace("  level: 3", '  level: "三级"')
    .replace("  established: 2020-05-01", "  established: 2020/05/01")
    .replace("  credit_code: 91110000600037341L", '  credit_code: ""')
    .replace("  area_m2: 120", "  area_m2: 一百二十")
    .replace("  evidence: [evidence/licence.pdf]", "  evidence: evidence/licence.pdf")
    .replace("  tenure: leased", "  tenure: [leased]")
    .replace(/^(\s+lead: ).*$/m, "$1Li Si");
  const service = createLanguageService({ locale: "en", today: "2026-11-24", evidenceExists: () => true });
  const findings = service
    .validate(broken)
    .findings.filter((finding) => /^(schema|identifier|fill)\./.test(finding.ruleId));
  const ids = new Set(findings.map((finding) => finding.messageId));
  for (const id of ["schema.type", "schema.format", "schema.pattern", "fill.empty"])
    assert.ok(ids.has(id), `${id} in ${[...ids].join(", ")}`);
  const problems = findings.flatMap((finding) =>
    problemsOf(finding.messageId, {
      en: renderMessage(finding.messageId, finding.args, "en"),
      "zh-cn": renderMessage(finding.messageId, finding.args, "zh-cn"),
    }),
  );
  assert.deepEqual(problems, []);
  // the level's finding names the allowed numbers, from the model
  const level = findings.find(
    (finding) =>
      finding.messageId === "schema.type" && broken.slice(finding.range.start, finding.range.end).includes("三级"),
  );
  assert.ok(level);
  assert.match(renderMessage(level.messageId, level.args, "zh-cn"), /1、2 或 3/);
  assert.match(renderMessage(level.messageId, level.args, "en"), /1, 2 or 3/);
});
