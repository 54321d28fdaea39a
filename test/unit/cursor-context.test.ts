// The cursor context read from text lines: kind, model path, prefix, replace range and siblings, on half-typed and
// broken text. `$0` in an input marks the cursor; the test removes it and uses its offset.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cursorContext, CursorContext } from "../../server/src/core/parse/cursor-context";
import type { JsonPath } from "../../server/src/core/types";

function at(source: string): { text: string; offset: number } {
  const offset = source.indexOf("$0");
  assert.ok(offset >= 0, "the input has no $0 cursor mark");
  return { text: source.slice(0, offset) + source.slice(offset + 2), offset };
}

function contextAt(source: string): { context: CursorContext; text: string; offset: number } {
  const { text, offset } = at(source);
  const context = cursorContext(text, offset);
  assert.ok(context, "no cursor context");
  return { context, text, offset };
}

function expectContext(source: string, kind: CursorContext["kind"], path: JsonPath, prefix = ""): CursorContext {
  const { context, text } = contextAt(source);
  assert.deepEqual({ kind: context.kind, path: context.path, prefix: context.prefix }, { kind, path, prefix });
  assert.equal(text.slice(context.replaceRange.start, context.replaceRange.start + prefix.length), prefix);
  return context;
}

test("empty document: a key at the root", () => {
  const context = expectContext("$0", "key", []);
  assert.deepEqual(context.replaceRange, { start: 0, end: 0 });
  assert.deepEqual(context.siblingKeys, []);
});

test("root key on a new line lists the sections already present, before and after the cursor", () => {
  const context = expectContext("spec: CCRC-ISV-C01:2025\n$0\npremises:\n  address: x\n", "key", []);
  assert.deepEqual(context.siblingKeys.sort(), ["premises", "spec"]);
  assert.equal(context.keyColumn, 0);
});

test("key in a section, with siblings above and below", () => {
  const context = expectContext("premises:\n  address: a\n  $0\n  area_m2: 30\napplication:\n  level: 2\n", "key", [
    "premises",
  ]);
  assert.deepEqual(context.siblingKeys.sort(), ["address", "area_m2"]);
  assert.equal(context.keyColumn, 2);
});

test("half-typed key: prefix and replace range cover what is typed", () => {
  const { context, text } = contextAt("premises:\n  address: a\n  ten$0\n");
  assert.equal(context.kind, "key");
  assert.deepEqual(context.path, ["premises"]);
  assert.equal(context.prefix, "ten");
  assert.equal(text.slice(context.replaceRange.start, context.replaceRange.end), "ten");
  assert.deepEqual(context.siblingKeys, ["address"]);
});

test("cursor inside an existing key: the whole key is replaced and its colon kept", () => {
  const { context, text } = contextAt("premises:\n  ten$0ure: leased\n");
  assert.equal(context.kind, "key");
  assert.equal(text.slice(context.replaceRange.start, context.replaceRange.end), "tenure");
  assert.equal(context.colonFollows, true);
  assert.deepEqual(context.siblingKeys, [], "the key being edited is not a sibling");
});

test("key in a list item, on a new line under `- id: x`", () => {
  const context = expectContext("personnel:\n  - id: li-si\n    $0\n    role: project-lead\n", "key", ["personnel", 0]);
  assert.deepEqual(context.siblingKeys.sort(), ["id", "role"]);
  assert.equal(context.keyColumn, 4);
});

test("second list item gets index 1", () => {
  expectContext("personnel:\n  - id: a\n    name: A\n  - id: b\n    $0\n", "key", ["personnel", 1]);
});

test("compact list: the dash at its key's indentation", () => {
  expectContext("personnel:\n- id: li-si\n  $0\n", "key", ["personnel", 0]);
  expectContext("personnel:\n- id: a\n- id: b\n  $0\n", "key", ["personnel", 1]);
  const back = expectContext("personnel:\n- id: li-si\n$0\n", "key", []);
  assert.deepEqual(back.siblingKeys, ["personnel"]);
  expectContext("processes:\n  - name: p\n    stages:\n    - identification\n    - $0\n", "list-value", [
    "processes",
    0,
    "stages",
    1,
  ]);
});

test("value of a key", () => {
  expectContext("premises:\n  tenure: $0\n", "value", ["premises", "tenure"]);
  expectContext("application:\n  level: $0", "value", ["application", "level"]);
  const { context, text } = contextAt("application:\n  category: ri$0\n  level: 2\n");
  assert.deepEqual(context.path, ["application", "category"]);
  assert.equal(text.slice(context.replaceRange.start, context.replaceRange.end), "ri");
});

test("value: the whole value is replaced, not its comment", () => {
  const { context, text } = contextAt("premises:\n  tenure: le$0ased  # 租赁\n");
  assert.equal(context.prefix, "le");
  assert.equal(text.slice(context.replaceRange.start, context.replaceRange.end), "leased");
});

test("value right after the colon needs a space; a quoted value keeps its quotes", () => {
  assert.equal(contextAt("premises:\n  tenure:$0\n").context.valueNeedsSpace, true);
  assert.equal(contextAt("premises:\n  tenure: $0\n").context.valueNeedsSpace, false);
  const { context, text } = contextAt('premises:\n  tenure: "le$0"\n');
  assert.equal(context.quote, '"');
  assert.equal(context.prefix, "le");
  assert.equal(text.slice(context.replaceRange.start, context.replaceRange.end), "le");
});

test("block list item under a scalar list: list-value with the other items", () => {
  const context = expectContext(
    "processes:\n  - name: p\n    stages:\n      - identification\n      - $0\n      - evaluation\n",
    "list-value",
    ["processes", 0, "stages", 1],
  );
  assert.deepEqual(context.siblingValues, ["identification", "evaluation"]);
});

test("`- ` in a list of mappings: a list-value whose item keys come from the lines below", () => {
  const context = expectContext("personnel:\n  - $0\n    name: 李四\n", "list-value", ["personnel", 0]);
  assert.deepEqual(context.siblingKeys, ["name"]);
  assert.equal(context.keyColumn, 4);
});

test("agreements list item at the very end of a file without newline", () => {
  const { context, text, offset } = contextAt("management:\n  confidentiality:\n    agreements:\n      - $0");
  assert.equal(offset, text.length);
  assert.equal(context.kind, "list-value");
  assert.deepEqual(context.path, ["management", "confidentiality", "agreements", 0]);
});

test("flow list: item index, prefix and the other items", () => {
  const first = expectContext("processes:\n  - stages: [identification, $0]\n", "list-value", [
    "processes",
    0,
    "stages",
    1,
  ]);
  assert.equal(first.inFlowList, true);
  assert.deepEqual(first.siblingValues, ["identification"]);
  const { context, text } = contextAt("processes:\n  - stages: [identification, an$0, evaluation]\n");
  assert.deepEqual(context.path, ["processes", 0, "stages", 1]);
  assert.equal(text.slice(context.replaceRange.start, context.replaceRange.end), "an");
  assert.deepEqual(context.siblingValues, ["identification", "evaluation"]);
  expectContext("processes:\n  - stages: [$0]\n", "list-value", ["processes", 0, "stages", 0]);
});

test("multi-line flow list", () => {
  expectContext("processes:\n  - stages: [\n      identification,\n      $0\n    ]\n", "list-value", [
    "processes",
    0,
    "stages",
    1,
  ]);
});

test("no context inside a comment, a block scalar or after a closed flow list", () => {
  const { text, offset } = at("spec: x # a com$0ment\n");
  assert.equal(cursorContext(text, offset), undefined);
  const block = at("tools:\n  - purpose: >-\n      扫描\n      $0\n");
  assert.equal(cursorContext(block.text, block.offset), undefined);
  const closed = at("covers: [quality]$0\n");
  assert.equal(cursorContext(closed.text, closed.offset), undefined);
});

test("after a block scalar, a line at the key's indentation is a key again", () => {
  expectContext("tools:\n  - purpose: |\n      扫描\n    $0\n", "key", ["tools", 0]);
});

test("CRLF line endings", () => {
  const { context, text } = contextAt("premises:\r\n  address: a\r\n  ten$0\r\n  area_m2: 3\r\n");
  assert.deepEqual(context.path, ["premises"]);
  assert.equal(text.slice(context.replaceRange.start, context.replaceRange.end), "ten");
  assert.deepEqual(context.siblingKeys.sort(), ["address", "area_m2"]);
  expectContext("premises:\r\n  tenure: $0\r\n", "value", ["premises", "tenure"]);
});

test("Chinese text: on the same line as the value, and on the lines above", () => {
  const { context, text } = contextAt("premises:\n  address: 山东省济南市$0\n");
  assert.equal(context.kind, "value");
  assert.equal(context.prefix, "山东省济南市");
  assert.equal(text.slice(context.replaceRange.start, context.replaceRange.end), "山东省济南市");
  const below = contextAt("applicant:\n  name: 青岚数安科技有限公司  # 全称\n  addr$0\n");
  assert.deepEqual(below.context.path, ["applicant"]);
  assert.equal(below.text.slice(below.context.replaceRange.start, below.context.replaceRange.end), "addr");
});

test("a syntax error elsewhere does not matter", () => {
  expectContext('applicant:\n  name: "unterminated\npremises:\n  tenure: [owned\n  $0\n', "key", ["premises"]);
});

test("a key indented under a scalar field: its path is the field (the model decides what fits)", () => {
  expectContext("performance:\n  projects:\n    - lead:\n        $0\n", "key", ["performance", "projects", 0, "lead"]);
});
