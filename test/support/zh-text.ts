// The Chinese texts of the product, gathered for the vocabulary and punctuation tests: string literals with Chinese
// characters in the sources (read with the TypeScript parser), the extension's zh-cn files, the catalog's own texts;
// and the two checks: replaced terms (glossary.yaml) and half-width punctuation.
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import type { Edition, GlossaryTerm, ModelNode } from "../../server/src/core/catalog/edition";
import { filesUnder, repositoryRoot } from "./repository";

export interface ChineseText {
  /** Where it is: a file and line, or a catalog path. */
  where: string;
  text: string;
}

const CJK = /[\u3400-\u9fff]/;

/** The string literals (and template literal pieces) holding Chinese characters in a TypeScript file. */
export function chineseLiterals(file: string): ChineseText[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const found: ChineseText[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const parent = node.parent;
      // An English text that quotes a Chinese example (`en: "… --output 自评估表.docx"`) is not Chinese text.
      const english = ts.isPropertyAssignment(parent) && parent.name.getText(source) === "en";
      if (CJK.test(node.text) && !english) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ where: `${path.relative(repositoryRoot(), file)}:${line}`, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every Chinese literal of the server's and the extension's sources (not server/src/tools: the README's bilingual
 * tables). */
export function sourceChineseTexts(): ChineseText[] {
  const root = repositoryRoot();
  const tools = path.join(root, "server", "src", "tools");
  return [
    ...filesUnder(path.join(root, "server", "src"), [".ts"]).filter((file) => !file.startsWith(tools)),
    ...filesUnder(path.join(root, "client", "src"), [".ts"]),
  ].flatMap(chineseLiterals);
}

/** The values of the extension's zh-cn files (package.nls.zh-cn.json, the l10n bundle). */
export function extensionChineseTexts(): ChineseText[] {
  const root = repositoryRoot();
  return ["package.nls.zh-cn.json", path.join("l10n", "bundle.l10n.zh-cn.json")].flatMap((file) =>
    Object.entries(JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as { [key: string]: string }).map(
      ([key, text]) => ({ where: `${file} ${key}`, text }),
    ),
  );
}

function modelTexts(node: ModelNode, at: string): ChineseText[] {
  const texts: ChineseText[] = [];
  if (node.title) texts.push({ where: `model ${at} title`, text: node.title.zh });
  if (node.description) texts.push({ where: `model ${at} description`, text: node.description.zh });
  if (node.expects) texts.push({ where: `model ${at} expects`, text: node.expects.zh });
  for (const [value, label] of Object.entries(node.labels ?? {}))
    texts.push({ where: `model ${at} label ${value}`, text: label.zh });
  for (const [key, child] of Object.entries(node.properties ?? {})) texts.push(...modelTexts(child, `${at}/${key}`));
  if (node.items) texts.push(...modelTexts(node.items, `${at}/[]`));
  return texts;
}

/**
 * The catalog's own Chinese texts: the model's titles, descriptions, expectations and labels, the levels' and
 * categories' labels and stages, and what the catalog says of clauses beside their verbatim text (summaries, what a
 * reviewer still checks, annex kinds, the coverage note). The clauses' texts and titles are the specification's
 * words and are not ours to change.
 */
export function catalogChineseTexts(edition: Edition): ChineseText[] {
  const texts = modelTexts(edition.model, "");
  for (const [level, entry] of Object.entries(edition.bundle.levels))
    texts.push({ where: `level ${level}`, text: entry.label.zh });
  for (const [id, category] of Object.entries(edition.categories)) {
    texts.push({ where: `category ${id}`, text: category.label.zh });
    for (const [stage, label] of Object.entries(category.stages ?? {}))
      texts.push({ where: `category ${id} stage ${stage}`, text: label.zh });
    for (const [drClass, entry] of Object.entries(category.classes ?? {})) {
      texts.push({ where: `category ${id} class ${drClass}`, text: entry.label.zh });
      for (const [stage, label] of Object.entries(entry.stages))
        texts.push({ where: `category ${id}/${drClass} stage ${stage}`, text: label.zh });
    }
  }
  for (const clause of edition.clauses) {
    if (clause.summary) texts.push({ where: `clause ${clause.id} summary`, text: clause.summary.zh });
    if (clause.still_to_check)
      texts.push({ where: `clause ${clause.id} still_to_check`, text: clause.still_to_check.zh });
    if (clause.annex_kind) texts.push({ where: `clause ${clause.id} annex_kind`, text: clause.annex_kind.zh });
  }
  const coverage = edition.bundle.edition.coverage;
  if (coverage) texts.push({ where: "edition coverage", text: coverage.zh });
  return texts;
}

/** The replaced variants (glossary.yaml `replaces`) a text uses, the phrases the glossary keeps set aside. */
export function replacedTermsIn(text: string, glossary: GlossaryTerm[]): string[] {
  let rest = text;
  for (const term of glossary) for (const kept of term.kept ?? []) rest = rest.split(kept).join("");
  return glossary.flatMap((term) =>
    (term.replaces ?? []).filter((variant) => rest.includes(variant)).map((variant) => `${variant} → ${term.zh}`),
  );
}

/**
 * Half-width punctuation in a Chinese text, outside what is not prose: code spans, placeholders ({name}, {0}),
 * command-line options (`-h, --help`), Markdown link targets, `key: value` written as YAML, an edition id
 * (CCRC-ISV-C01:2025) and a clause item's label ("4.2.4 d)"). Each problem is the character with its neighbours.
 */
export function halfWidthPunctuationIn(text: string): string[] {
  const prose = text
    .replace(/`[^`]*`/g, " ")
    .replace(/\{\w+\}/g, "X")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/-\w, --[\w-]+/g, " ")
    .replace(/\b[A-Za-z]+:\/\/\S+/g, " ")
    .replace(/(^|[\s\d>])[a-z]\)/g, "$1x");
  const problems: string[] = [];
  for (let index = 0; index < prose.length; index++) {
    const character = prose[index];
    const before = prose[index - 1] ?? "";
    const after = prose[index + 1] ?? "";
    const asciiWord = /[A-Za-z0-9]/;
    const bad =
      character === "§" ||
      character === "," ||
      character === ";" ||
      character === "(" ||
      character === ")" ||
      (character === ":" && !(asciiWord.test(before) && asciiWord.test(after))) ||
      ((character === "?" || character === "!") && CJK.test(before));
    if (bad) problems.push(prose.slice(Math.max(0, index - 6), index + 7));
  }
  return problems;
}
