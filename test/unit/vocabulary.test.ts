// One vocabulary and Chinese punctuation: every Chinese text of the product (the sources' Chinese literals — finding
// messages, CLI and editor texts, hovers, the scaffold —, the extension's zh-cn files, the catalog's own texts) uses
// the glossary's terms, never a variant it replaces, and full-width punctuation. The subject of these tests is the
// text itself, so they read it.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { clauseMarkdown } from "../../server/src/core/catalog/clause-text";
import { allMessages, renderMessage } from "../../server/src/core/check/render";
import { createLanguageService } from "../../server/src/core/check/service";
import { renderSpecDocument } from "../../server/src/core/features/spec-document";
import { newDossierText } from "../../server/src/core/features/skeleton";
import { filesUnder, repositoryRoot } from "../support/repository";
import { UI_TEXT } from "../../server/src/cli/ui-text";
import { helpText } from "../../server/src/cli/help";
import {
  catalogChineseTexts,
  ChineseText,
  extensionChineseTexts,
  halfWidthPunctuationIn,
  replacedTermsIn,
  sourceChineseTexts,
} from "../support/zh-text";

const edition = defaultEdition();

function everyChineseText(): ChineseText[] {
  return [
    ...sourceChineseTexts(),
    ...extensionChineseTexts(),
    ...catalogChineseTexts(edition),
    ...Object.entries(allMessages()).map(([id, text]) => ({ where: `message ${id}`, text: text.zh })),
    ...Object.entries(UI_TEXT).map(([key, text]) => ({ where: `ui ${key}`, text: text.zh })),
    ...["main", "lint", "checklist", "init", "clauses"].map((command) => ({
      where: `help ${command}`,
      text: helpText(command, "zh-cn"),
    })),
  ];
}

test("the glossary: each term has both languages, and no term is the variant of another", () => {
  assert.ok(edition.glossary.length >= 6, "the glossary is in the catalog bundle");
  const terms = new Set(edition.glossary.map((term) => term.zh));
  for (const term of edition.glossary) {
    assert.ok(term.zh && term.en, `${term.id}: both languages`);
    for (const variant of term.replaces ?? []) assert.ok(!terms.has(variant), `${variant} is a term and a variant`);
    for (const kept of term.kept ?? [])
      assert.ok(
        (term.replaces ?? []).some((variant) => kept.includes(variant)),
        `${term.id}: kept ${kept}`,
      );
  }
});

test("the replaced-term check finds a variant and leaves kept phrases alone", () => {
  assert.deepEqual(replacedTermsIn("申请类别：风险评估", edition.glossary), ["申请类别 → 申报类别"]);
  assert.deepEqual(replacedTermsIn("获取审计证据", edition.glossary), []);
  assert.deepEqual(replacedTermsIn("缺少证据", edition.glossary), ["证据 → 证明材料"]);
});

test("no Chinese text uses a term the glossary replaces", () => {
  const found = everyChineseText().flatMap(({ where, text }) =>
    replacedTermsIn(text, edition.glossary).map((problem) => `${where}: ${problem}`),
  );
  assert.deepEqual(found, []);
});

test("the punctuation check finds half-width punctuation and leaves code, options and clause items alone", () => {
  assert.equal(halfWidthPunctuationIn("级别: 3").length, 1);
  assert.equal(halfWidthPunctuationIn("符合 1, 不符合 2").length, 1);
  assert.equal(halfWidthPunctuationIn("规范版本 (§1)").length, 3);
  assert.deepEqual(halfWidthPunctuationIn("请以 `spec: CCRC-ISV-C01:2025` 开头（见 4.2.4 d)）：{title}"), []);
  assert.deepEqual(halfWidthPunctuationIn("  -h, --help  显示帮助"), []);
});

test("every Chinese text uses full-width punctuation", () => {
  const found = everyChineseText().flatMap(({ where, text }) =>
    halfWidthPunctuationIn(text).map((problem) => `${where}: …${problem}…`),
  );
  assert.deepEqual(found, []);
});

/** A rendered Chinese output without the specification's own words (clause texts and titles), which are quoted. */
function withoutSpecificationWords(text: string): string {
  let rest = text;
  const quoted = edition.clauses.flatMap((clause) => [
    ...(clause.text ? clause.text.zh.split("\n") : []),
    ...(clause.title ? [clause.title.zh] : []),
  ]);
  for (const words of quoted.filter(Boolean).sort((a, b) => b.length - a.length)) rest = rest.split(words).join("");
  return rest;
}

test("rendered Chinese outputs use full-width punctuation: clause texts, the spec document, the scaffold's comments, findings", () => {
  const outputs: ChineseText[] = [];
  for (const clause of edition.clauses)
    for (const level of [1, 2, 3] as const)
      outputs.push({ where: `clause ${clause.id}`, text: clauseMarkdown(edition, clause.id, "zh-cn", level) });
  outputs.push({ where: "spec document", text: renderSpecDocument(edition, "zh-cn").text });
  for (const category of Object.keys(edition.categories))
    for (const drClass of Object.keys(edition.categories[category].classes ?? { none: {} }))
      outputs.push({
        where: `scaffold ${category} ${drClass}`,
        text: newDossierText({
          edition,
          category,
          level: 2,
          drClass: drClass === "none" ? undefined : drClass,
          locale: "zh-cn",
          date: "2026-07-01",
        })
          .split("\n")
          .map((line) => /#(.*)$/.exec(line)?.[1] ?? "")
          .join("\n"),
      });
  const root = repositoryRoot();
  const service = createLanguageService({ locale: "zh-cn", today: "2026-11-24", evidenceExists: () => false });
  for (const file of [
    ...filesUnder(path.join(root, "samples"), [".dossier.yaml"]),
    ...filesUnder(path.join(root, "test", "fixtures"), [".dossier.yaml"]),
  ])
    for (const finding of service.validate(fs.readFileSync(file, "utf8")).findings)
      outputs.push({
        where: `${path.relative(root, file)} ${finding.messageId}`,
        text: renderMessage(finding.messageId, finding.args, "zh-cn"),
      });
  const found = outputs.flatMap(({ where, text }) =>
    halfWidthPunctuationIn(withoutSpecificationWords(text)).map((problem) => `${where}: …${problem}…`),
  );
  assert.deepEqual([...new Set(found)].slice(0, 40), []);
});

test("every text the extension localizes (vscode.l10n.t) has its Chinese in the l10n bundle", () => {
  const root = repositoryRoot();
  const bundle = JSON.parse(fs.readFileSync(path.join(root, "l10n", "bundle.l10n.zh-cn.json"), "utf8")) as {
    [english: string]: string;
  };
  const missing: string[] = [];
  for (const file of filesUnder(path.join(root, "client", "src"), [".ts"])) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(source) === "vscode.l10n.t") {
        const [first] = node.arguments;
        if (first && ts.isStringLiteralLike(first) && bundle[first.text] === undefined)
          missing.push(`${path.relative(root, file)}: ${first.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(missing, []);
});
