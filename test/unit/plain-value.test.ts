// The plain value of a parsed document (server/src/core/plain-value.ts) equals yaml's Document#toJS — same values,
// same prototypes, same key order, same own properties — on every sample and fixture, generated dossiers, YAML that
// must be left to toJS (anchors, aliases, merge keys, YAML 1.1 collections, flow pairs, object keys) and thousands of
// random mutants of them; and toJS is left out for the dossiers themselves (the walk is taken, not only the fallback).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Document, parseDocument } from "yaml";
import { documentValue } from "../../server/src/core/plain-value";
import { PARSE_OPTIONS } from "../../server/src/core/parse";
import { generateDossier } from "../../bench/generate-dossier";
import { Prng } from "../../bench/prng";
import { filesUnder, repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();

/** Values, prototypes, key order and property descriptors, all the way down. */
function assertSame(actual: unknown, expected: unknown, where: string): void {
  assert.deepStrictEqual(actual, expected, where);
  // an alias inside its own anchor makes a cycle (toJS returns the object being built)
  const seen = new Set<object>();
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (a === null || typeof a !== "object" || seen.has(a)) return;
    seen.add(a);
    assert.equal(Object.getPrototypeOf(a), Object.getPrototypeOf(b), `${where}: prototype at ${at}`);
    assert.deepEqual(Reflect.ownKeys(a), Reflect.ownKeys(b as object), `${where}: keys at ${at}`);
    for (const key of Reflect.ownKeys(a)) {
      const left: PropertyDescriptor = Object.getOwnPropertyDescriptor(a, key)!;
      const right: PropertyDescriptor = Object.getOwnPropertyDescriptor(b, key)!;
      assert.deepEqual([left.writable, left.enumerable, left.configurable], [right.writable, right.enumerable, right.configurable], `${where}: descriptor of ${String(key)} at ${at}`);
      walk(left.value, right.value, `${at}/${String(key)}`);
    }
  };
  walk(actual, expected, "");
}

/** documentValue and toJS of two parses of `text`; how often documentValue fell back to toJS. */
function compare(text: string, where: string, options = PARSE_OPTIONS): { fellBack: boolean } {
  const expected = parseDocument(text, options).toJS({ maxAliasCount: 100 });
  const document = parseDocument(text, options);
  let fellBack = false;
  const toJS = document.toJS.bind(document);
  (document as { toJS: Document["toJS"] }).toJS = ((...args: Parameters<Document["toJS"]>) => {
    fellBack = true;
    return toJS(...args);
  }) as Document["toJS"];
  assertSame(documentValue(document, { maxAliasCount: 100 }), expected, where);
  return { fellBack };
}

/** compare(), or — when toJS itself throws (an alias count, a bad merge source) — documentValue throws too. */
function compareOrBothThrow(text: string, where: string, options = PARSE_OPTIONS): { fellBack: boolean } | undefined {
  try {
    return compare(text, where, options);
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    assert.throws(() => parseDocument(text, options).toJS({ maxAliasCount: 100 }), `${where}: only toJS may throw`);
    assert.throws(() => documentValue(parseDocument(text, options), { maxAliasCount: 100 }), `${where}: toJS throws, so must documentValue`);
    return undefined;
  }
}

const dossiers = [
  ...filesUnder(path.join(ROOT, "samples"), [".dossier.yaml"]),
  ...filesUnder(path.join(ROOT, "test", "fixtures"), [".yaml", ".yml"]),
].map((file) => ({ name: path.relative(ROOT, file), text: fs.readFileSync(file, "utf8") }));

const LEFT_TO_TOJS = [
  "a: &x 1\nb: *x\n",
  "base: &b {k: 1}\nother:\n  <<: *b\n  j: 2\n",
  "%YAML 1.1\n---\nbase: &b {k: 1}\nother:\n  <<: *b\n",
  "%YAML 1.1\n---\ns: !!set {a, b}\no: !!omap [a: 1, b: 2]\np: !!pairs [a: 1, a: 2]\n",
  "? [a, b]\n: 1\n",
  "? {a: 1}\n: 2\n",
  "<<: 1\n",
  "&top {a: 1}\n",
  "- &s x\n- *s\n",
];

const PLAIN = [
  "",
  "# only a comment\n",
  "just a scalar\n",
  "- 1\n- two\n- null\n- true\n- 3.5\n- 0x1F\n",
  "__proto__: 1\ntoString: 2\nconstructor: {a: 1}\nhasOwnProperty: []\n",
  "a: 1\na: 2\n",
  ": no key\n? \n",
  "1: one\ntrue: yes\nnull: nothing\n~: tilde\n3.50: float\n",
  "a:\nb: ''\nc: \"x\\ny\"\nd: |\n  block\ne: >-\n  folded\n",
  "tagged: !custom value\nstr: !!str 12\nmap: !thing {a: 1}\n",
  "%YAML 1.1\n---\nwhen: 2001-12-14\nbin: !!binary aGVsbG8=\nyes: on\n",
  "nested: [[1, [2, {x: [3]}]], {}, []]\n",
  "a: 1\n---\nb: 2\n",
  "seq: [a: 1, b]\n",
];

test("equal to toJS on every sample and fixture, and toJS is left out for the samples", () => {
  assert.ok(dossiers.length >= 20, `samples and fixtures found: ${dossiers.length}`);
  for (const { name, text } of dossiers) {
    const { fellBack } = compare(text, name);
    if (name.startsWith("samples")) assert.equal(fellBack, false, `${name} is a document of plain nodes`);
  }
});

test("equal to toJS on generated dossiers, valid and faulty, without toJS", () => {
  for (const lines of [100, 1000, 3000]) {
    for (const faults of [false, true]) {
      const { text } = generateDossier({ lines, faults });
      assert.equal(compare(text, `${lines} lines${faults ? ", faults" : ""}`).fellBack, false);
    }
  }
});

test("YAML that is not plain is left to toJS (and equal); plain edge cases are walked (and equal)", () => {
  for (const text of LEFT_TO_TOJS) assert.equal(compare(text, JSON.stringify(text)).fellBack, true, JSON.stringify(text));
  for (const text of PLAIN) assert.equal(compare(text, JSON.stringify(text)).fellBack, false, JSON.stringify(text));
  // also without the dossier's parse options (YAML 1.1 merge keys on)
  for (const text of [...LEFT_TO_TOJS, ...PLAIN]) compareOrBothThrow(text, `${JSON.stringify(text)} (merge keys)`, { ...PARSE_OPTIONS, merge: true });
});

test("equal to toJS on 1,500 random mutants of the samples and of YAML to be left to toJS", () => {
  const prng = new Prng(20261125);
  const sources = [...dossiers.map((dossier) => dossier.text), ...LEFT_TO_TOJS, ...PLAIN];
  const pieces = ["&a ", "*a", "<<: ", "? ", ": ", "- ", "[", "]", "{", "}", ",", "!!set ", "!!omap ", "%YAML 1.1\n---\n", "\n", "  ", "#", "'", '"', "__proto__: ", "~", "null", "1: "];
  let walked = 0;
  for (let index = 0; index < 1500; index++) {
    let text = prng.pick(sources);
    for (let edit = prng.between(1, 4); edit > 0; edit--) {
      const at = prng.below(text.length + 1);
      const removed = prng.below(4);
      text = text.slice(0, at) + (prng.next() < 0.7 ? prng.pick(pieces) : "") + text.slice(at + removed);
    }
    const compared = compareOrBothThrow(text, `mutant ${index}: ${JSON.stringify(text.slice(0, 200))}`);
    if (compared === undefined) continue;
    const { fellBack } = compared;
    if (!fellBack) walked++;
  }
  assert.ok(walked > 500, `mutants walked without toJS: ${walked}`);
});
