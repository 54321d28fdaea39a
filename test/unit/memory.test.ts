// What an open document keeps: the incremental parse lets go of what an edit replaced (the nodes of an edited
// list item, the text of a version in between), keeps the unchanged pieces themselves, and shares one schema among
// all its collections; the line index answers as counting the lines would. No figures: those are the benchmark's
// (bench/memory-child.ts, bench/stdio-measure.ts). Garbage is collected through V8's own gc(), made reachable here.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { isMap, isSeq, visit, YAMLMap, YAMLSeq } from "yaml";
import { generateDossier } from "../support/generate-dossier";
import { Prng } from "../support/prng";
import { IncrementalParser } from "../../server/src/core/parse/incremental";
import { LineIndex } from "../../server/src/core/parse/line-index";
import type { ParsedDossier } from "../../server/src/core/parse/parse";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Collects garbage once the current job is over (a WeakRef's target is kept alive until then). */
async function collectGarbage(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
}

/** The nodes of the `personnel` list. */
function personnel(parsed: ParsedDossier): YAMLSeq {
  const root = parsed.document.contents as YAMLMap;
  const list = root.get("personnel", true);
  assert.ok(isSeq(list), "personnel is a list");
  return list;
}

/** The text with `inserted` put in right after the n-th occurrence of `anchor`. */
function insertAfter(text: string, anchor: string, occurrence: number, inserted: string): string {
  let at = -1;
  for (let count = 0; count <= occurrence; count++) {
    at = text.indexOf(anchor, at + 1);
    assert.ok(at >= 0, `anchor ${anchor} #${occurrence}`);
  }
  return text.slice(0, at + anchor.length) + inserted + text.slice(at + anchor.length);
}

/** Whether some string in the heap holds `marker` (a heap snapshot: a full collection first, then every string). */
async function heapHoldsString(marker: string): Promise<boolean> {
  const chunks: string[] = [];
  for await (const chunk of v8.getHeapSnapshot()) chunks.push(String(chunk));
  const snapshot = JSON.parse(chunks.join("")) as { strings: string[] };
  // The marker is also a string of its own, held by this function and the test: only longer strings count.
  return snapshot.strings.some((text) => text.length > marker.length && text.includes(marker));
}

const TEXT = generateDossier({ lines: 1500, faults: false, seed: 5 }).text;

test("an edit in a list item lets go of that item's old nodes and keeps the unchanged items' nodes", async () => {
  const parser = new IncrementalParser();
  // In a function of its own, so that nothing of the first parse stays on this test's stack.
  const { edited, unchanged } = ((): { edited: WeakRef<object>; unchanged: WeakRef<object> } => {
    const items = personnel(parser.update(TEXT)).items;
    assert.ok(items.length > 20, "a long personnel list");
    return { edited: new WeakRef(items[10] as object), unchanged: new WeakRef(items[12] as object) };
  })();
  // A comment after the name: not an edit inside one scalar (those are taken over in place), so the item is parsed.
  const after = personnel(parser.update(insertAfter(TEXT, "\n    name: ", 10, "改 #"))).items;
  assert.equal(parser.lastUpdate.mode, "incremental");
  assert.equal(parser.lastUpdate.parsedPieces, 1);
  assert.equal(after[12], unchanged.deref(), "an unchanged item keeps its nodes");
  assert.notEqual(after[10], edited.deref(), "the edited item is parsed again");
  await collectGarbage();
  assert.equal(edited.deref(), undefined, "the edited item's old nodes are let go");
  assert.equal(after[12], unchanged.deref());
});

test("a version in between is let go: neither its text nor a piece cut from it stays", async () => {
  // Made at run time: the test's own source must not hold it.
  const marker = `between-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const parser = new IncrementalParser();
  parser.update(TEXT);
  // The version in between: the marker near the start, and an edit in a long list's item. Every piece from the
  // marker to that item is parsed again from it; the next version takes the marker out and keeps those pieces.
  const edited = insertAfter(TEXT, "\n    name: ", 30, "改 #");
  parser.update(insertAfter(edited, "\n  name: ", 0, `${marker} #`));
  assert.equal(parser.lastUpdate.mode, "incremental");
  assert.ok(
    parser.lastUpdate.parsedPieces > 30,
    `${parser.lastUpdate.parsedPieces} pieces parsed from the version in between`,
  );
  assert.ok(await heapHoldsString(marker), "the check sees the version in between while it is there");
  parser.update(edited);
  assert.equal(parser.lastUpdate.mode, "incremental");
  assert.ok(parser.lastUpdate.reusedPieces > 30);
  assert.equal(
    await heapHoldsString(marker),
    false,
    "the version in between is let go, though pieces parsed from it stay",
  );
});

test("typing inside a value keeps none of the value's earlier versions", async () => {
  const marker = `typed-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const parser = new IncrementalParser();
  parser.update(TEXT);
  // The marker typed into a person's name one character at a time, then deleted again.
  for (let length = 1; length <= marker.length; length++) {
    parser.update(insertAfter(TEXT, "\n    name: ", 12, `x${marker.slice(0, length)}`));
    assert.equal(parser.lastUpdate.mode, "incremental", `keystroke ${length}`);
  }
  // As typed (after an "x"): the marker itself is not such a string.
  assert.ok(await heapHoldsString(`x${marker.slice(0, -1)}`), "the check sees the typed value while it is there");
  for (let length = marker.length - 1; length >= 0; length--) {
    parser.update(insertAfter(TEXT, "\n    name: ", 12, `x${marker.slice(0, length)}`));
  }
  assert.equal(parser.lastUpdate.mode, "incremental");
  await collectGarbage();
  assert.equal(await heapHoldsString(`x${marker.slice(0, 8)}`), false, "no earlier version of the value stays");
});

test("a text with nothing in common with the last one reuses nothing and keeps nothing of it", async () => {
  const parser = new IncrementalParser();
  const old = ((): WeakRef<object> => new WeakRef(personnel(parser.update(TEXT)).items[3] as object))();
  // Different first and last characters: no common prefix or suffix.
  const other = `\n${TEXT.slice(TEXT.indexOf("spec:")).trimEnd()}\n# end`;
  assert.notEqual(other[0], TEXT[0]);
  assert.notEqual(other.at(-1), TEXT.at(-1));
  assert.ok(personnel(parser.update(other)).items.length > 20);
  assert.equal(parser.lastUpdate.mode, "incremental");
  assert.equal(parser.lastUpdate.reusedPieces, 0);
  await collectGarbage();
  assert.equal(old.deref(), undefined);
});

test("every collection of an incrementally parsed document shares one schema (not one per piece)", () => {
  const parser = new IncrementalParser();
  parser.update(TEXT);
  const parsed = parser.update(insertAfter(TEXT, "\n    name: ", 4, "改"));
  assert.equal(parser.lastUpdate.mode, "incremental");
  const schemas = new Set<unknown>();
  let collections = 0;
  visit(parsed.document, {
    Node(_key, node) {
      if (isMap(node) || isSeq(node)) {
        collections++;
        schemas.add(node.schema);
      }
    },
  });
  assert.ok(collections > 100, `${collections} collections`);
  assert.equal(schemas.size, 1);
});

/** Line starts as counting them one character at a time finds them. */
function referencePosition(text: string, offset: number): { line: number; character: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let index = 0; index < clamped; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, character: clamped - lineStart };
}

test("the line index answers as counting lines one character at a time does", () => {
  const prng = new Prng(42);
  const pieces = ["a", "中", " ", "\n", "\r\n", "\r", "key: value", "\n\n"];
  for (let round = 0; round < 60; round++) {
    let text = "";
    const length = prng.below(40);
    for (let index = 0; index < length; index++) text += prng.pick(pieces);
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, text.split("\n").length);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      const position = lines.positionAt(offset);
      assert.deepEqual(position, referencePosition(text, offset), `offset ${offset} of ${JSON.stringify(text)}`);
      if (offset >= 0 && offset <= text.length && text[offset - 1] !== "\r")
        assert.equal(lines.offsetAt(position), offset);
    }
    const textLines = text.split("\n");
    for (let line = -1; line <= textLines.length; line++) {
      const start = textLines
        .slice(0, Math.max(0, Math.min(line, textLines.length - 1)))
        .reduce((sum, part) => sum + part.length + 1, 0);
      assert.equal(lines.lineStart(line), start, `line ${line} of ${JSON.stringify(text)}`);
      if (line >= 0 && line < textLines.length) {
        const content = textLines[line].endsWith("\r") ? textLines[line].length - 1 : textLines[line].length;
        assert.equal(
          lines.offsetAt({ line, character: 1000 }),
          start + content,
          "a character past the end stops at the line's end",
        );
      }
    }
  }
});
