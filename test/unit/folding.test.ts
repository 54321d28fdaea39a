// Folding ranges: multi-line mapping values from their key, list items, lists that are not a mapping value, runs
// of two or more comment lines. Offsets are turned into 1-based lines to compare with the fixture.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { foldingRanges } from "../../server/src/core/features/folding";
import { LineIndex } from "../../server/src/core/parse/line-index";
import { createLanguageService } from "../../server/src/core/check/service";
import { repositoryRoot } from "../support/repository";

const FIXTURE = fs.readFileSync(path.join(repositoryRoot(), "test", "fixtures", "features", "features.yaml"), "utf8");
const service = createLanguageService({ today: "2026-11-24" });

/** "first-last" in 1-based lines for each range. */
function foldedLines(text: string): string[] {
  const lines = new LineIndex(text);
  return foldingRanges(service.validate(text)).map(
    (range) => `${lines.positionAt(range.start).line + 1}-${lines.positionAt(range.end).line + 1}`,
  );
}

/** The 1-based line of the first line of the fixture that starts with `prefix`. */
function lineOf(prefix: string, after = 0): number {
  const index = FIXTURE.split("\n").findIndex((line, number) => number + 1 > after && line.startsWith(prefix));
  assert.ok(index >= 0, `no line starts with ${prefix}`);
  return index + 1;
}

test("sections fold from their key to their last line", () => {
  const folded = foldedLines(FIXTURE);
  assert.ok(folded.includes(`${lineOf("applicant:")}-${lineOf("    - evidence/营业执照.pdf")}`));
  assert.ok(folded.includes(`${lineOf("premises:")}-${lineOf("  evidence: [")}`));
  assert.ok(folded.includes(`${lineOf("processes:")}-${lineOf("      - evaluation")}`));
});

test("a compact list folds from its key; each multi-line item folds", () => {
  const folded = foldedLines(FIXTURE);
  const personnel = lineOf("personnel:");
  const zhao = lineOf("- id: zhao-min");
  const sun = lineOf("- id: sun-hao");
  assert.ok(folded.includes(`${personnel}-${lineOf("  competence: []")}`));
  assert.ok(folded.includes(`${lineOf("- id: wang-lixin")}-${zhao - 1}`));
  assert.ok(folded.includes(`${zhao}-${sun - 1}`));
  assert.ok(folded.includes(`${sun}-${sun + 2}`));
});

test("nested lists and their items", () => {
  const folded = foldedLines(FIXTURE);
  const competence = lineOf("  competence:");
  assert.ok(folded.includes(`${competence}-${lineOf("        - evidence/人员/王立新.pdf")}`));
  assert.ok(folded.includes(`${competence + 1}-${lineOf("        - evidence/人员/王立新.pdf")}`));
});

test("a folded block scalar folds from its key", () => {
  const purpose = lineOf("    purpose: >-");
  assert.ok(foldedLines(FIXTURE).includes(`${purpose}-${purpose + 2}`));
});

test("runs of two or more comment lines fold; one comment line does not", () => {
  const folded = foldedLines(FIXTURE);
  assert.ok(folded.includes("1-5"));
  assert.ok(folded.includes(`${lineOf("# 人员")}-${lineOf("# 能力证书")}`));
  const single = foldedLines("# one\na:\n  b: 1\n");
  assert.deepEqual(single, ["2-3"]);
});

test("no range on a single line, no duplicates, ordered by start", () => {
  const ranges = foldingRanges(service.validate(FIXTURE));
  const lines = new LineIndex(FIXTURE);
  const keys = new Set<string>();
  let previous = -1;
  for (const range of ranges) {
    assert.ok(lines.positionAt(range.end).line > lines.positionAt(range.start).line);
    assert.ok(range.end <= FIXTURE.length);
    assert.ok(range.start >= previous);
    previous = range.start;
    const key = `${range.start}:${range.end}`;
    assert.ok(!keys.has(key));
    keys.add(key);
  }
  assert.equal(foldedLines("spec: x\n").length, 0);
  assert.deepEqual(foldedLines(""), []);
});

test("the last line is the last content line, not the line break after it (LF and CRLF)", () => {
  assert.deepEqual(foldedLines("a:\n  b: 1\n  c: 2\n\n\nd: 3\n"), ["1-3"]);
  assert.deepEqual(foldedLines("a:\r\n  b: 1\r\n  c: 2\r\n\r\nd: 3\r\n"), ["1-3"]);
});

test("a broken document still folds what it can", () => {
  const folded = foldedLines("a:\n  b: 1\n   c: 2\nd:\n  - x\n  - y\ne: [1,\n");
  assert.ok(folded.includes("4-6"));
  assert.deepEqual(foldedLines('a:\n  b: "unterminated\n  c: 2\n'), ["1-3"]);
});
