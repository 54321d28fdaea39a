// The outline: sections, nested keys, list items named by name/id, four levels at most, ranges that nest, on the
// feature fixture and on broken text. Asserts names, kinds and ranges; details only as "zh differs from en".
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { createLanguageService } from "../../server/src/core/check/service";
import { documentSymbols, OutlineSymbol } from "../../server/src/core/features/symbols";
import { repositoryRoot } from "../support/repository";

const FIXTURE = fs.readFileSync(path.join(repositoryRoot(), "test", "fixtures", "features", "features.yaml"), "utf8");
const service = createLanguageService({ today: "2026-11-24" });

function outline(text: string, locale: "en" | "zh-cn" = "en"): OutlineSymbol[] {
  return documentSymbols(service.validate(text), locale);
}

function child(symbols: OutlineSymbol[], name: string): OutlineSymbol {
  const found = symbols.find((symbol) => symbol.name === name);
  assert.ok(found, `no symbol ${name} among ${symbols.map((symbol) => symbol.name).join(", ")}`);
  return found;
}

function depth(symbols: OutlineSymbol[]): number {
  return symbols.length === 0 ? 0 : 1 + Math.max(...symbols.map((symbol) => depth(symbol.children)));
}

function assertNested(text: string, symbols: OutlineSymbol[], parent?: OutlineSymbol): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name.length > 0);
    assert.ok(
      symbol.range.start <= symbol.selectionRange.start && symbol.selectionRange.end <= symbol.range.end,
      `${symbol.name}: selection outside range`,
    );
    assert.ok(symbol.range.end <= text.length);
    if (parent)
      assert.ok(
        parent.range.start <= symbol.range.start && symbol.range.end <= parent.range.end,
        `${symbol.name}: outside ${parent.name}`,
      );
    assertNested(text, symbol.children, symbol);
  }
}

test("top-level keys are sections, in document order", () => {
  const symbols = outline(FIXTURE);
  assert.deepEqual(
    symbols.map((symbol) => symbol.name),
    ["spec", "applicant", "application", "premises", "personnel", "performance", "management", "tools", "processes"],
  );
  assert.ok(symbols.every((symbol) => symbol.kind === "section"));
});

test("a section's range runs from its key to the end of its value; the selection is the key", () => {
  const premises = child(outline(FIXTURE), "premises");
  assert.equal(FIXTURE.slice(premises.selectionRange.start, premises.selectionRange.end), "premises");
  const body = FIXTURE.slice(premises.range.start, premises.range.end);
  assert.ok(body.startsWith("premises:\n"));
  assert.ok(body.endsWith("'evidence/场所/房产证.pdf']"));
});

test("details are the localized titles", () => {
  const en = child(outline(FIXTURE, "en"), "premises");
  const zh = child(outline(FIXTURE, "zh-cn"), "premises");
  assert.ok(en.detail && zh.detail);
  assert.notEqual(en.detail, zh.detail);
  assert.notEqual(child(en.children, "tenure").detail, child(zh.children, "tenure").detail);
});

test("nested keys: fields and lists", () => {
  const applicant = child(outline(FIXTURE), "applicant");
  assert.deepEqual(
    applicant.children.map((symbol) => [symbol.name, symbol.kind]),
    [
      ["name", "field"],
      ["credit_code", "field"],
      ["established", "field"],
      ["address", "field"],
      ["evidence", "list"],
    ],
  );
  const management = child(outline(FIXTURE), "management");
  assert.deepEqual(
    management.children.map((symbol) => symbol.name),
    ["document_control", "project_management", "confidentiality"],
  );
  assert.equal(child(management.children, "document_control").kind, "field");
});

test("list items are named by their name, else id, else #n (a compact list too)", () => {
  const personnel = child(outline(FIXTURE), "personnel");
  assert.deepEqual(
    personnel.children.map((symbol) => symbol.name),
    ["王立新", "赵敏", "sun-hao"],
  );
  assert.ok(personnel.children.every((symbol) => symbol.kind === "item"));
  const wang = personnel.children[0];
  assert.equal(FIXTURE.slice(wang.selectionRange.start, wang.selectionRange.end), "王立新");
  const competence = child(wang.children, "competence");
  assert.equal(competence.kind, "list");
  assert.deepEqual(
    competence.children.map((symbol) => symbol.name),
    ["#1"],
  );
  const projects = child(child(outline(FIXTURE), "performance").children, "projects");
  assert.deepEqual(
    projects.children.map((symbol) => symbol.name),
    ["政务云平台风险评估"],
  );
});

test("items of scalar lists are named by their value", () => {
  const stages = child(child(child(outline(FIXTURE), "processes").children, "风险评估实施流程").children, "stages");
  assert.deepEqual(
    stages.children.map((symbol) => symbol.name),
    ["identification", "analysis", "evaluation"],
  );
});

test("at most four levels deep", () => {
  const symbols = outline(FIXTURE);
  assert.equal(depth(symbols), 4);
  const item = child(child(child(symbols, "personnel").children, "王立新").children, "competence").children[0];
  assert.deepEqual(item.children, []);
});

test("every range nests in its parent and holds its selection", () => {
  assertNested(FIXTURE, outline(FIXTURE));
});

test("a broken document still has an outline", () => {
  const broken =
    'spec: CCRC-ISV-C01:2025\napplicant:\n  name: "unterminated\npremises:\n  tenure: [owned\n  area_m2: 30\ntools:\n  - name: 扫描器\n';
  const symbols = outline(broken);
  assert.ok(symbols.length >= 2);
  assert.equal(symbols[0].name, "spec");
  assertNested(broken, symbols);
  assert.deepEqual(outline(""), []);
  assert.deepEqual(outline("- a\n- b\n"), []);
  assertNested(": :\n  - ]\n", outline(": :\n  - ]\n"));
});

test("keys the model does not know are listed without a title", () => {
  const [unknown, premises] = outline("colour: blue\npremises:\n  shade: x\n");
  assert.equal(unknown.name, "colour");
  assert.equal(unknown.detail, undefined);
  assert.equal(premises.children[0].detail, undefined);
  assert.ok(premises.detail);
});

test("CRLF: ranges exclude the line breaks", () => {
  const text = "premises:\r\n  tenure: owned\r\n  area_m2: 30\r\n";
  const [premises] = outline(text);
  assert.equal(text.slice(premises.range.start, premises.range.end), "premises:\r\n  tenure: owned\r\n  area_m2: 30");
});
