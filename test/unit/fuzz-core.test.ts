// The core alone on random and structured garbage (deterministic seeds): validation and every editor feature
// never throw, no rule fails (internal.rule-failed), and every range they return lies within the text.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildChecklist } from "../../server/src/core/verdicts/checklist";
import { quickFixes } from "../../server/src/core/features/code-actions";
import { complete } from "../../server/src/core/features/completion";
import { definition } from "../../server/src/core/features/definition";
import { clauseAtOffset, clauseReferences } from "../../server/src/core/features/clause-references";
import { evidenceRenameEdits } from "../../server/src/core/features/evidence-rename";
import { inlayHints } from "../../server/src/core/features/inlay-hints";
import { personIndex, renamePerson } from "../../server/src/core/features/person-index";
import { sectionLenses } from "../../server/src/core/verdicts/section-lens";
import { decodeDossierBytes } from "../../server/src/core/parse/encoding";
import { foldingRanges } from "../../server/src/core/features/folding";
import { hover } from "../../server/src/core/features/hover";
import { evidenceLinks } from "../../server/src/core/features/links";
import { createLanguageService, DossierReport } from "../../server/src/core/check/service";
import { documentSymbols, OutlineSymbol } from "../../server/src/core/features/symbols";
import type { Locale, OffsetRange } from "../../server/src/core/types";
import { filesUnder, repositoryRoot } from "../support/repository";
import { Prng } from "../support/prng";

const SAMPLES = filesUnder(path.join(repositoryRoot(), "samples"), [".yaml"]).map((file) =>
  fs.readFileSync(file, "utf8"),
);
const TEXTS_PER_GENERATOR = 300;

/** The project's seeded generator (mulberry32, test/support/prng.ts), so that every run sees the same inputs. */
function randomGenerator(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

type Random = () => number;
const integer = (random: Random, below: number): number => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[integer(random, items.length)];

const TOKENS = [
  "- ",
  ": ",
  "? ",
  "[",
  "]",
  "{",
  "}",
  ", ",
  "&a ",
  "*a",
  "&b ",
  "*b",
  "!!str ",
  "!!map ",
  "!custom ",
  "|",
  "|-",
  ">",
  ">+2",
  "---\n",
  "...\n",
  "# note\n",
  "'",
  '"',
  "\\",
  "\t",
  "\n",
  "\r\n",
  "  ",
  "    ",
  "%YAML 1.2\n",
  "%TAG ! tag:x,2025:\n",
  "<<: ",
  "spec",
  "spec: CCRC-ISV-C01:2025\n",
  "application",
  "level",
  "category",
  "personnel",
  "projects",
  "premises",
  "evidence",
  "id",
  "role",
  "lead",
  "date",
  "2026-03-18",
  "2026-02-30",
  "3",
  "1",
  "0",
  "-1",
  "1e999",
  "0x1F",
  ".nan",
  "null",
  "~",
  "true",
  "risk-assessment",
  "disaster-recovery",
  "technical-lead",
  "../",
  "evidence/营业执照.pdf",
  "C:\\",
  "%2e%2e/",
  "$schema: ",
  "$ref: ",
  "https://example.com/x.json",
  "杭州",
  "统一社会信用代码",
  "91330106MA2J7K3R08",
  "\u0000",
  "\u0001",
  "\ufeff",
  "\ufffd",
  "\u2028",
  "\ud800",
  "😀",
];

function randomCharacters(random: Random): string {
  const length = integer(random, 400);
  let text = "";
  for (let index = 0; index < length; index++) {
    const roll = random();
    if (roll < 0.6) text += String.fromCharCode(32 + integer(random, 95));
    else if (roll < 0.75) text += pick(random, ["\n", "\n", " ", "  ", "\t", ":", "-", "#"]);
    else if (roll < 0.9) text += String.fromCharCode(0x4e00 + integer(random, 0x5000));
    else text += String.fromCharCode(integer(random, 0x10000));
  }
  return text;
}

function tokenSoup(random: Random): string {
  const count = integer(random, 120);
  let text = "";
  for (let index = 0; index < count; index++) text += pick(random, TOKENS);
  return text;
}

function randomBytes(random: Random): string {
  const bytes = new Uint8Array(integer(random, 600));
  for (let index = 0; index < bytes.length; index++) bytes[index] = integer(random, 256);
  return random() < 0.5 ? decodeDossierBytes(bytes).text : String.fromCharCode(...bytes);
}

/** A sample with a few random edits: characters or lines deleted, tokens or other lines pasted, a window cut out. */
function mutatedSample(random: Random): string {
  let text = pick(random, SAMPLES);
  if (random() < 0.3) {
    const lines = text.split("\n");
    const start = integer(random, lines.length);
    text = lines.slice(start, start + 1 + integer(random, 60)).join("\n");
  }
  const edits = 1 + integer(random, 6);
  for (let edit = 0; edit < edits; edit++) {
    const at = integer(random, text.length + 1);
    const roll = random();
    if (roll < 0.3) text = text.slice(0, at) + text.slice(at + 1 + integer(random, 40));
    else if (roll < 0.6) text = text.slice(0, at) + tokenSoup(random).slice(0, 60) + text.slice(at);
    else if (roll < 0.8) {
      const lineStart = text.lastIndexOf("\n", at - 1) + 1;
      const lineEnd = text.indexOf("\n", at);
      text = text.slice(0, lineStart) + text.slice(lineEnd < 0 ? text.length : lineEnd + 1);
    } else {
      const donor = pick(random, SAMPLES).split("\n");
      const from = integer(random, donor.length);
      text = text.slice(0, at) + donor.slice(from, from + 1 + integer(random, 8)).join("\n") + text.slice(at);
    }
  }
  return text;
}

const GENERATORS: Array<{ name: string; seed: number; make: (random: Random) => string }> = [
  { name: "random characters", seed: 11, make: randomCharacters },
  { name: "YAML token soup", seed: 22, make: tokenSoup },
  { name: "random bytes", seed: 33, make: randomBytes },
  { name: "mutated samples", seed: 44, make: mutatedSample },
];

function assertWithin(text: string, range: OffsetRange | undefined, what: string): void {
  if (!range) return;
  assert.ok(
    Number.isInteger(range.start) &&
      Number.isInteger(range.end) &&
      range.start >= 0 &&
      range.start <= range.end &&
      range.end <= text.length,
    `${what}: range ${JSON.stringify(range)} outside a text of length ${text.length}`,
  );
}

function assertSymbols(text: string, symbols: OutlineSymbol[]): void {
  const pending = [...symbols];
  while (pending.length > 0) {
    const symbol = pending.pop()!;
    assertWithin(text, symbol.range, "symbol");
    assertWithin(text, symbol.selectionRange, "symbol selection");
    pending.push(...symbol.children);
  }
}

/** Every feature at a few offsets; throws (failing the test) on any exception or out-of-text range. */
function exercise(text: string, report: DossierReport, random: Random, locale: Locale): void {
  for (const finding of report.findings) {
    assert.notEqual(finding.messageId, "internal.rule-failed", `rule ${finding.ruleId} threw`);
    assertWithin(text, finding.range, `finding ${finding.ruleId}`);
    for (const related of finding.related) assertWithin(text, related.range, `related of ${finding.ruleId}`);
  }
  assertSymbols(text, documentSymbols(report, locale));
  for (const range of foldingRanges(report)) assertWithin(text, range, "folding range");
  for (const link of evidenceLinks(report)) assertWithin(text, link.range, "link");
  const offsets = [0, text.length, integer(random, text.length + 1), integer(random, text.length + 1)];
  for (const offset of offsets) {
    for (const entry of complete(report, offset, locale)) assertWithin(text, entry.replaceRange, "completion");
    assertWithin(text, hover(report, offset, locale)?.range, "hover");
    const target = definition(report, offset, locale);
    if (target?.kind === "person") assertWithin(text, target.range, "definition");
    for (const entry of complete(report, offset, locale, () => ["evidence/a.pdf", "a: b.pdf"]))
      assertWithin(text, entry.replaceRange, "evidence completion");
    const renamed = renamePerson(report, offset, "x-1", locale);
    if ("edits" in renamed) for (const edit of renamed.edits) assertWithin(text, edit.range, "rename edit");
    const mentioned = clauseAtOffset(report, offset);
    if (mentioned)
      for (const reference of clauseReferences(report, mentioned))
        assertWithin(text, reference.range, "clause reference");
  }
  for (const occurrence of personIndex(report).occurrences) assertWithin(text, occurrence.range, "person id");
  for (const hint of inlayHints(report, locale))
    assertWithin(text, { start: hint.offset, end: hint.offset }, "inlay hint");
  for (const lens of sectionLenses(report, locale)) assertWithin(text, lens.range, "code lens");
  for (const edit of evidenceRenameEdits(report, "evidence", "proof"))
    assertWithin(text, edit.range, "evidence rename");
  const start = integer(random, text.length + 1);
  for (const fix of quickFixes(report, { start, end: Math.min(text.length, start + integer(random, 200)) }, locale)) {
    for (const edit of fix.edits) assertWithin(text, edit.range, "quick fix edit");
  }
  for (const row of buildChecklist(report).rows)
    for (const finding of row.findings) assertWithin(text, finding.range, "checklist finding");
}

for (const generator of GENERATORS) {
  test(`core fuzz: ${generator.name} (seed ${generator.seed}) never throws; ranges stay within the text`, () => {
    const random = randomGenerator(generator.seed);
    for (let index = 0; index < TEXTS_PER_GENERATOR; index++) {
      const text = generator.make(random);
      const locale: Locale = index % 2 === 0 ? "en" : "zh-cn";
      const service = createLanguageService({
        locale,
        today: "2026-03-18",
        evidenceExists: (relative) => relative.length % 2 === 0,
      });
      try {
        exercise(text, service.validate(text), random, locale);
      } catch (error) {
        assert.fail(
          `${generator.name} #${index} (seed ${generator.seed}): ${String(error)}\ntext: ${JSON.stringify(text).slice(0, 2000)}`,
        );
      }
    }
  });
}
