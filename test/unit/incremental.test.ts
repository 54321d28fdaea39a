// The incremental parser against the full parse: thousands of seeded random edits (characters, lines, pasted
// YAML fragments, broken and fixed indentation, anchors, `---`, tabs) to the sample dossiers and to a generated
// large one; after every edit the incremental result must equal parseDossier + validation of the same text —
// value, findings with ranges, and every yaml node's kind, value and range. Likewise the completion context read
// around the cursor against the one read from the whole text. Not timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { Document, isMap, isNode, isPair, isScalar, isSeq } from "yaml";
import { generateDossier } from "../support/generate-dossier";
import { Prng } from "../support/prng";
import { cursorContext } from "../../server/src/core/parse/cursor-context";
import { IncrementalParser } from "../../server/src/core/parse/incremental";
import { cursorContextNear } from "../../server/src/core/parse/incremental/cursor";
import { textChange } from "../../server/src/core/parse/incremental/split";
import { ParsedDossier, parseDossier } from "../../server/src/core/parse/parse";
import { compareFindings, createLanguageService } from "../../server/src/core/check/service";
import type { Finding } from "../../server/src/core/types";
import { filesUnder, repositoryRoot } from "../support/repository";
import * as path from "node:path";

const service = createLanguageService({ locale: "en", today: "2026-11-24" });

// yaml warns on the console when a random edit makes a mapping key out of a collection; both parses do it.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (String(warning).includes("Keys with collection values")) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

const FRAGMENTS = [
  "  - id: li-si\n    name: 李四\n    role: project-engineer\n",
  "    - name: 新项目\n      client: 某客户\n      category: security-audit\n",
  "extra: value\n",
  "---\n",
  "...\n",
  "%YAML 1.2\n",
  "anchor: &a shared\n",
  "  alias: *a\n",
  "\t",
  "\tkey: tabbed\n",
  '"unterminated',
  "'single",
  "[a, b",
  "{a: 1",
  "]",
  "key: |\n  block text\n",
  "key: >-\n  folded\n",
  "? complex\n: value\n",
  "- item\n",
  "  # comment\n",
  "# col-0 comment\n",
  "\n\n",
  "applicant:\n  name: 重复\n",
  "x-note: 备注\n",
  "null: 1\n",
  "  dup: 1\n  dup: 2\n",
  "!!str ",
  "\r\n",
  "\uFEFF",
  "$schema: https://example.invalid/schema.json\n",
  "    $ref: other.yaml\n",
  "# yaml-language-server: $schema=https://example.invalid/s.json\n",
  "[".repeat(120),
  "\u0000",
  "\u0007",
  "\ufffd",
];

const CHARACTERS = [
  "a",
  "z",
  "0",
  "9",
  " ",
  ":",
  "-",
  "#",
  '"',
  "'",
  "[",
  "]",
  "{",
  "}",
  ",",
  "\n",
  "\t",
  "&",
  "*",
  "|",
  ">",
  "!",
  "%",
  "?",
  "@",
  "中",
  "\\",
];

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

/** One random edit of `text` (`original` is the unedited dossier, to return to now and then). */
function randomEdit(prng: Prng, text: string, original: string): string {
  const starts = lineStarts(text);
  const line = prng.below(starts.length);
  const lineStart = starts[line];
  const lineEnd = line + 1 < starts.length ? starts[line + 1] : text.length;
  const offset = prng.below(text.length + 1);
  switch (prng.below(12)) {
    case 0:
    case 1:
      return text.slice(0, offset) + prng.pick(CHARACTERS) + text.slice(offset);
    case 2:
    case 3:
      return text.slice(0, offset) + text.slice(Math.min(text.length, offset + 1 + prng.below(3)));
    case 4:
      return text.slice(0, lineStart) + text.slice(lineEnd);
    case 5: {
      const at = starts[prng.below(starts.length)];
      return text.slice(0, at) + text.slice(lineStart, lineEnd) + text.slice(at);
    }
    case 6: {
      const at = prng.chance(0.7) ? starts[prng.below(starts.length)] : offset;
      return text.slice(0, at) + prng.pick(FRAGMENTS) + text.slice(at);
    }
    case 7: // break the indentation of a line
      return (
        text.slice(0, lineStart) +
        (prng.chance(0.5) ? " ".repeat(1 + prng.below(2)) : "") +
        text.slice(lineStart + (prng.chance(0.5) ? prng.below(3) : 0))
      );
    case 8: {
      // fix it: the original line at the same place, when there is one
      const originalLines = original.split("\n");
      const replacement = originalLines[Math.min(line, originalLines.length - 1)];
      return (
        text.slice(0, lineStart) +
        replacement +
        (lineEnd > lineStart && text[lineEnd - 1] === "\n" ? "\n" : "") +
        text.slice(lineEnd)
      );
    }
    case 9: // a value changes by one character
      return text.slice(0, offset) + (prng.chance(0.5) ? "x" : "") + text.slice(offset + (prng.chance(0.5) ? 1 : 0));
    case 10: {
      // swap two lines
      const other = prng.below(starts.length);
      const [first, second] = line < other ? [line, other] : [other, line];
      if (first === second) return text;
      const lines = text.split("\n");
      [lines[first], lines[second]] = [lines[second], lines[first]];
      return lines.join("\n");
    }
    default:
      return prng.chance(0.15) ? original : text.slice(0, offset) + "\n" + text.slice(offset);
  }
}

/** Every node of a document as [kind, range, value, type, tag, anchor, source, comment], depth first, keys before
 * values. */
function nodeSignature(document: Document.Parsed): unknown[] {
  const signature: unknown[] = [document.range];
  const visit = (node: unknown): void => {
    if (!isNode(node)) {
      signature.push(node === null ? "null" : typeof node);
      return;
    }
    const kind = isMap(node) ? "map" : isSeq(node) ? "seq" : isScalar(node) ? "scalar" : "other";
    signature.push([
      kind,
      node.range,
      isScalar(node) ? node.value : undefined,
      (node as { type?: string }).type,
      node.tag,
      node.anchor,
      isScalar(node) ? node.source : undefined,
      node.comment,
    ]);
    if (isMap(node) || isSeq(node)) {
      signature.push(node.items.length);
      for (const item of node.items) {
        if (isPair(item)) {
          visit(item.key);
          visit(item.value);
        } else {
          visit(item);
        }
      }
    }
  };
  visit(document.contents);
  return signature;
}

function sortedFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => compareFindings(a, b) || JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Deep equality, compared through JSON first (fast); deepEqual only to explain a difference. */
function sameAs(actual: unknown, expected: unknown, message: () => string): void {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  assert.deepEqual(actual, expected, message());
}

/**
 * Freezes a plain value and everything in it. The incremental parser hands unchanged sections and list items back
 * as the same objects, and the rules' shared readers remember answers by that identity: nothing may change a parsed
 * value. Frozen here, any later change — by the parser reusing it, or by a rule — throws.
 */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as { [key: string | symbol]: unknown })[key]);
}

function assertSame(incremental: ParsedDossier, text: string, context: () => string): void {
  const full = parseDossier(text);
  deepFreeze(incremental.value);
  deepFreeze(full.value);
  assert.equal(incremental.text, text);
  sameAs(incremental.value, full.value, () => `value differs ${context()}`);
  sameAs(
    sortedFindings(incremental.findings),
    sortedFindings(full.findings),
    () => `YAML findings differ ${context()}`,
  );
  sameAs(nodeSignature(incremental.document), nodeSignature(full.document), () => `nodes differ ${context()}`);
  const expected = service.validateParsed(full).findings;
  const actual = service.validateParsed(incremental).findings;
  sameAs(actual, expected, () => `validation differs ${context()}`);
}

interface Run {
  name: string;
  text: string;
  edits: number;
  seed: number;
}

/** The changed part of a text, with some context, for failure messages. */
function describeChange(before: string, after: string): string {
  const change = textChange(before, after);
  const prefix = change.prefix;
  const suffix = after.length - change.suffixStart;
  const context = (text: string, end: number) =>
    JSON.stringify(text.slice(Math.max(0, prefix - 300), Math.min(text.length, end + 300)));
  return `at offset ${prefix}, ${JSON.stringify(before.slice(prefix, before.length - suffix))} became ${JSON.stringify(after.slice(prefix, after.length - suffix))}; after the edit: ${context(after, after.length - suffix)}`;
}

/**
 * Edits like a person at a keyboard: a few changes in a row, now and then an undo back to the last checkpoint
 * (a large change), now and then a new checkpoint.
 */
function runEdits(run: Run): { incremental: number; full: number } {
  const prng = new Prng(run.seed);
  const parser = new IncrementalParser();
  let text = run.text;
  let checkpoint = text;
  const counts = { incremental: 0, full: 0 };
  assertSame(parser.update(text), text, () => `at the start of ${run.name}`);
  for (let edit = 0; edit < run.edits; edit++) {
    const previous = text;
    const choice = prng.next();
    if (choice < 0.1) text = run.text;
    else if (choice < 0.25) text = checkpoint;
    else text = randomEdit(prng, text, run.text);
    if (prng.chance(0.05)) checkpoint = text;
    const result = parser.update(text);
    counts[parser.lastUpdate.mode]++;
    assertSame(
      result,
      text,
      () => `after edit ${edit} of ${run.name} (seed ${run.seed}): ${describeChange(previous, text)}`,
    );
  }
  return counts;
}

const ROOT = repositoryRoot();
const SAMPLES = filesUnder(path.join(ROOT, "samples"), [".dossier.yaml"]);

test("incremental parse equals a full parse after every random edit of the samples", () => {
  let total = { incremental: 0, full: 0 };
  SAMPLES.forEach((file, index) => {
    const counts = runEdits({
      name: path.basename(file),
      text: fs.readFileSync(file, "utf8"),
      edits: 60,
      seed: 1000 + index,
    });
    total = { incremental: total.incremental + counts.incremental, full: total.full + counts.full };
  });
  // Many random edits leave a broken dossier behind (`---`, anchors, garbage at column 0, unclosed quotes) that
  // is parsed whole until fixed; the rest must be handled incrementally.
  assert.ok(total.incremental > total.full / 2, `incremental ${total.incremental}, full ${total.full}`);
});

test("incremental parse equals a full parse after every random edit of a generated dossier with long lists", () => {
  const generated = generateDossier({ lines: 1200, faults: true, seed: 7 });
  const counts = runEdits({ name: "generated 1,200 lines", text: generated.text, edits: 300, seed: 77 });
  assert.ok(counts.incremental > counts.full / 2, `incremental ${counts.incremental}, full ${counts.full}`);
});

test("an unchanged section is reused, and a one-character edit in a long list parses one item", () => {
  const text = generateDossier({ lines: 3000, faults: false, seed: 3 }).text;
  const parser = new IncrementalParser();
  parser.update(text);
  const offset = text.indexOf("client:", Math.floor(text.length * 0.6));
  const edited = text.slice(0, offset + 10) + "改" + text.slice(offset + 10);
  assertSame(parser.update(edited), edited, () => "after a one-character edit");
  assert.equal(parser.lastUpdate.mode, "incremental");
  assert.equal(parser.lastUpdate.parsedPieces, 1);
  assert.ok(parser.lastUpdate.reusedPieces > 100);
  const commented = edited.slice(0, offset + 10) + " #" + edited.slice(offset + 10);
  assertSame(parser.update(commented), commented, () => "after a comment was started");
  assert.equal(parser.lastUpdate.mode, "incremental");
  assert.equal(parser.lastUpdate.parsedPieces, 1);
});

/** Characters typed into values: ordinary ones, and those that change how YAML reads a scalar (or may). */
const TYPED = [
  "a",
  "Z",
  "7",
  "中",
  "文",
  "（",
  "。",
  " ",
  " ",
  "-",
  ".",
  "/",
  "_",
  ":",
  "#",
  "&",
  "*",
  "'",
  '"',
  ",",
  "[",
  "]",
  "{",
  "}",
  "!",
  "|",
  ">",
  "%",
  "@",
  "`",
  "?",
  "\\",
  "\t",
  "\n",
  "\u00a0",
  "\ufeff",
  "\u2028",
  "😀",
  "\u0085",
];

/** The scalar values of a document, as [start, end) of their text (quoted ones without their quotes). */
function scalarValueSpans(parsed: ParsedDossier): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const visitValue = (node: unknown): void => {
    if (isScalar(node) && node.range) {
      const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
      spans.push(quoted ? [node.range[0] + 1, node.range[1] - 1] : [node.range[0], node.range[1]]);
    } else if (isMap(node)) {
      for (const pair of node.items) visitValue(pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) visitValue(item);
    }
  };
  visitValue(parsed.document.contents);
  return spans;
}

/** Keystrokes inside scalar values: characters typed at a cursor that moves along, and backspaces. */
function runTyping(name: string, original: string, seed: number, words: number): { incremental: number; full: number } {
  const prng = new Prng(seed);
  const parser = new IncrementalParser();
  let text = original;
  const counts = { incremental: 0, full: 0 };
  let parsed = parser.update(text);
  for (let word = 0; word < words; word++) {
    const spans = scalarValueSpans(parsed);
    if (spans.length === 0) text = original;
    const [start, end] = spans.length > 0 ? prng.pick(spans) : [0, 0];
    let cursor = prng.between(start, end);
    for (let keystroke = 0; keystroke < 6; keystroke++) {
      const previous = text;
      if (prng.chance(0.3) && cursor > start) {
        text = text.slice(0, cursor - 1) + text.slice(cursor);
        cursor--;
      } else {
        const typed = prng.chance(0.7) ? prng.pick(TYPED.slice(0, 10)) : prng.pick(TYPED);
        text = text.slice(0, cursor) + typed + text.slice(cursor);
        cursor += typed.length;
      }
      parsed = parser.update(text);
      counts[parser.lastUpdate.mode]++;
      assertSame(
        parsed,
        text,
        () =>
          `after keystroke ${keystroke} of word ${word} in ${name} (seed ${seed}): ${describeChange(previous, text)}`,
      );
    }
    if (prng.chance(0.2)) {
      text = original;
      parsed = parser.update(text);
    }
  }
  return counts;
}

/** A generated dossier with some values quoted, double and single. */
function withQuotedValues(text: string): string {
  let count = 0;
  return text.replace(
    /^( +(?:name|client|address|certificate): )([^\n"'#]+)$/gm,
    (_line, key: string, value: string) => {
      count++;
      return count % 3 === 0 ? key + value : count % 3 === 1 ? `${key}"${value}"` : `${key}'${value}'`;
    },
  );
}

test("typing inside scalar values: the incremental parse equals a full parse after every keystroke", () => {
  const generated = generateDossier({ lines: 1200, faults: true, seed: 9 }).text;
  const runs = [
    { name: "generated 1,200 lines", text: generated, words: 120 },
    { name: "generated, quoted values", text: withQuotedValues(generated), words: 120 },
    ...SAMPLES.map((file) => ({ name: path.basename(file), text: fs.readFileSync(file, "utf8"), words: 12 })),
  ];
  const total = { incremental: 0, full: 0 };
  runs.forEach((run, index) => {
    const counts = runTyping(run.name, run.text, 500 + index, run.words);
    total.incremental += counts.incremental;
    total.full += counts.full;
  });
  // Most keystrokes are ordinary characters inside a value: parsed piece by piece.
  assert.ok(total.incremental > total.full, `incremental ${total.incremental}, full ${total.full}`);
});

test("an edit inside a value leaves the earlier parsed values as they were", () => {
  const text = withQuotedValues(generateDossier({ lines: 1200, faults: false, seed: 4 }).text);
  const parser = new IncrementalParser();
  const before = parser.update(text);
  const snapshot = JSON.stringify(before.value);
  const offsets = [
    text.indexOf("client: ", text.length / 2) + "client: ".length + 2,
    text.indexOf('name: "') + 'name: "'.length + 1,
  ];
  for (const offset of offsets) {
    const previous = parser.update(text);
    const edited = text.slice(0, offset) + "改" + text.slice(offset);
    const after = parser.update(edited);
    assert.equal(parser.lastUpdate.mode, "incremental");
    assertSame(after, edited, () => `after an edit at ${offset}`);
    assert.equal(JSON.stringify(previous.value), snapshot, "the earlier value is unchanged");
    const changed = Object.keys(before.value as object).filter(
      (key) => (after.value as { [key: string]: unknown })[key] !== (previous.value as { [key: string]: unknown })[key],
    );
    assert.equal(changed.length, 1, `one section's value is new: ${changed.join(", ")}`);
  }
});

test("the completion context read around the cursor equals the one read from the whole text", () => {
  const original = generateDossier({ lines: 700, faults: true, seed: 11 }).text;
  const prng = new Prng(2024);
  let text = original;
  let windowed = 0;
  const parser = new IncrementalParser();
  for (let edit = 0; edit < 120; edit++) {
    text = prng.chance(0.2) ? original : randomEdit(prng, text, original);
    const layout = parser.update(text).layout;
    const starts = lineStarts(text);
    for (let probe = 0; probe < 8; probe++) {
      const line = prng.below(starts.length);
      const lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
      const offset = Math.min(text.length, starts[line] + prng.below(Math.max(1, lineEnd - starts[line] + 1)));
      const whole = cursorContext(text, offset);
      const near = cursorContextNear(text, offset);
      const where = () =>
        `at offset ${offset} after edit ${edit}: ${JSON.stringify(text.slice(Math.max(0, offset - 200), offset))}|${JSON.stringify(text.slice(offset, offset + 100))}`;
      sameAs(near, whole, () => `cursor context differs ${where()}`);
      sameAs(
        cursorContextNear(text, offset, layout),
        whole,
        () => `cursor context with the parse's layout differs ${where()}`,
      );
      if (near && near.path.length > 2) windowed++;
    }
  }
  assert.ok(windowed > 100, `only ${windowed} contexts inside list items`);
});

test("lists under keys that plain objects treat specially keep their values (__proto__, constructor)", () => {
  const base = generateDossier({ lines: 600, faults: false, seed: 13 }).text;
  const at = base.indexOf("\n    name: ", Math.floor(base.length / 2));
  const special = "\n    __proto__: [a, b]\n    constructor:\n      - c\n    toString: [d]";
  const text = base.slice(0, at) + special + base.slice(at);
  const parser = new IncrementalParser();
  assertSame(parser.update(base), base, () => "before");
  const parsed = parser.update(text);
  assert.equal(parser.lastUpdate.mode, "incremental");
  assertSame(parsed, text, () => "with the special keys");
  const edited = text.replace("[a, b]", "[a, b, e]");
  assertSame(parser.update(edited), edited, () => "after an edit of the special keys' item");
  assert.equal(parser.lastUpdate.mode, "incremental");
});
