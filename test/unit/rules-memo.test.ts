// The rules remember what they read per list and per list item (an incremental parse keeps the plain values of
// unchanged sections and items): after edits that change, insert, remove and move items, the incremental
// validation must give exactly the findings of a fresh validation of the same text — and the edits below must
// make the findings they are meant to make, so that a rule gone silent in both paths fails too. Not timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateDossier } from "../support/generate-dossier";
import { IncrementalParser } from "../../server/src/core/parse/incremental";
import type { ParsedDossier } from "../../server/src/core/parse/parse";
import { createLanguageService, DossierReport } from "../../server/src/core/check/service";
import { asDate } from "../../server/src/core/check/values";

/** Freezes a parsed value and everything in it: the rules' readers remember by identity, so nothing may change it. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as { [key: string | symbol]: unknown })[key]);
  return value;
}

/** The parser's next result, its plain value frozen. */
function frozen(parsed: ParsedDossier): ParsedDossier {
  deepFreeze(parsed.value);
  return parsed;
}

function comparable(report: DossierReport): string[] {
  return report.findings.map((finding) =>
    JSON.stringify([
      finding.ruleId,
      finding.clauseIds,
      finding.severity,
      finding.messageId,
      finding.args,
      finding.range,
      finding.related.map((related) => [related.messageId, related.range, related.args]),
    ]),
  );
}

/** Replaces the first occurrence of `from` at or after the n-th occurrence of `anchor`. */
function replaceAfter(text: string, anchor: string, occurrence: number, from: string, to: string): string {
  let at = -1;
  for (let count = 0; count <= occurrence; count++) {
    at = text.indexOf(anchor, at + 1);
    assert.ok(at >= 0, `anchor ${anchor} #${occurrence}`);
  }
  const position = text.indexOf(from, at);
  assert.ok(position >= 0, `${from} after ${anchor} #${occurrence}`);
  return text.slice(0, position) + to + text.slice(position + from.length);
}

const NEW_PERSON = [
  "  - id: xin-ren",
  "    name: 辛仁",
  "    role: project-engineer",
  "    competence:",
  "      - kind: technical",
  "        category: security-audit",
  "        certificate: CCRC-IST-SA-2025-00001",
  "        issued: 2025-03-01",
  "        valid_until: 2028-03-01",
  "        evidence:",
  "          - ../../outside/辛仁.pdf",
  "",
].join("\n");

test("incremental validation with remembered list readings equals a fresh validation after item edits", () => {
  const original = generateDossier({ lines: 1500, faults: false }).text;
  const existing = new Set<string>();
  const service = createLanguageService({
    locale: "en",
    today: "2026-11-24",
    evidenceExists: (path) => !existing.has(`missing:${path}`),
  });
  const session = new IncrementalParser();
  const firstPerson = original.indexOf("  - id: ", original.indexOf("\npersonnel:"));
  assert.ok(firstPerson > 0);
  const steps: Array<{ name: string; text: (previous: string) => string; expect: string[] }> = [
    { name: "unchanged", text: (previous) => previous, expect: [] },
    {
      name: "an evidence path of the 10th person leads out",
      text: (previous) => replaceAfter(previous, "  - id: ", 10, "evidence/人员/", "../../人员/"),
      expect: ["evidence.path"],
    },
    {
      name: "a competence issued in the future",
      text: (previous) => replaceAfter(previous, "  - id: ", 20, "issued: 20", "issued: 29"),
      expect: ["dates.not-after-application"],
    },
    {
      name: "a project lead nobody is",
      text: (previous) => replaceAfter(previous, "      lead: ", 3, "lead: ", "lead: nobody-"),
      expect: ["personnel.references"],
    },
    {
      name: "a project completed before it was signed",
      text: (previous) => replaceAfter(previous, "      completed: ", 5, "completed: 20", "completed: 19"),
      expect: ["dates.order"],
    },
    {
      name: "a person inserted first (every later index moves)",
      text: (previous) => previous.slice(0, firstPerson) + NEW_PERSON + previous.slice(firstPerson),
      expect: ["evidence.path"],
    },
    {
      name: "the inserted person's path fixed",
      text: (previous) => previous.replace("../../outside/辛仁.pdf", "evidence/人员/辛仁.pdf"),
      expect: [],
    },
    {
      name: "the inserted person removed again",
      text: (previous) => previous.replace(NEW_PERSON.replace("../../outside/辛仁.pdf", "evidence/人员/辛仁.pdf"), ""),
      expect: [],
    },
    {
      name: "the 10th person's path put back",
      text: (previous) => previous.replace("../../人员/", "evidence/人员/"),
      expect: [],
    },
    {
      name: "an engineer's competence of another category",
      text: (previous) =>
        replaceAfter(previous, "role: project-engineer", 2, "category: security-audit", "category: risk-assessment"),
      expect: ["personnel.project-staff"],
    },
    {
      name: "the engineer's competence put back",
      text: (previous) =>
        replaceAfter(previous, "role: project-engineer", 2, "category: risk-assessment", "category: security-audit"),
      expect: [],
    },
    {
      name: "another category applied for",
      text: (previous) =>
        previous.replace("category: security-audit  # 网络安全审计", "category: risk-assessment  # 网络安全审计"),
      expect: ["personnel.project-staff", "personnel.technical-lead"],
    },
    {
      name: "the category put back",
      text: (previous) =>
        previous.replace("category: risk-assessment  # 网络安全审计", "category: security-audit  # 网络安全审计"),
      expect: [],
    },
    { name: "the issued date put back", text: (previous) => previous.replace("issued: 29", "issued: 20"), expect: [] },
    { name: "the lead put back", text: (previous) => previous.replace("lead: nobody-", "lead: "), expect: [] },
    {
      name: "the completion date put back",
      text: (previous) => previous.replace("completed: 19", "completed: 20"),
      expect: [],
    },
  ];
  let text = original;
  const baseline = new Set(
    comparable(service.validateParsed(frozen(session.update(text)))).map((finding) => JSON.parse(finding)[0] as string),
  );
  for (const step of steps) {
    const next = step.text(text);
    assert.ok(step.name === "unchanged" || next !== text, `${step.name}: the edit changed nothing`);
    text = next;
    const incremental = service.validateParsed(frozen(session.update(text)));
    const fresh = createLanguageService({
      locale: "en",
      today: "2026-11-24",
      evidenceExists: (path) => !existing.has(`missing:${path}`),
    }).validate(text);
    assert.deepEqual(comparable(incremental), comparable(fresh), step.name);
    const rules = new Set(incremental.findings.map((finding) => finding.ruleId));
    for (const ruleId of step.expect)
      assert.ok(rules.has(ruleId) && !baseline.has(ruleId), `${step.name}: ${ruleId} expected`);
  }
  assert.equal(text, original);
  assert.equal(session.lastUpdate.mode, "incremental");
});

test("evidence existence is asked on every validation, never remembered", () => {
  const text = generateDossier({ lines: 300, faults: false }).text;
  const missing = new Set<string>();
  const service = createLanguageService({
    locale: "en",
    today: "2026-11-24",
    evidenceExists: (path) => !missing.has(path),
  });
  const session = new IncrementalParser();
  const parsed = session.update(text);
  assert.equal(
    service.validateParsed(parsed).findings.filter((finding) => finding.ruleId === "evidence.exists").length,
    0,
  );
  missing.add("evidence/营业执照.pdf");
  const again = service
    .validateParsed(session.update(text))
    .findings.filter((finding) => finding.ruleId === "evidence.exists");
  assert.deepEqual(
    again.map((finding) => finding.args.path),
    ["evidence/营业执照.pdf"],
  );
  missing.clear();
  assert.equal(
    service.validateParsed(session.update(text)).findings.filter((finding) => finding.ruleId === "evidence.exists")
      .length,
    0,
  );
});

/** asDate as it was first written: a regex and the calendar (years 0000–0099 are dates too, as in the schema). */
function referenceAsDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, month === 2 && leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days ? value : undefined;
}

test("asDate reads dates as the calendar does", () => {
  const samples: unknown[] = [
    "2024-02-29",
    "2023-02-29",
    "2000-02-29",
    "1900-02-29",
    "2026-12-31",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-04-30",
    "0000-02-29",
    "0004-02-29",
    "0099-01-01",
    "0100-01-01",
    "9999-12-31",
    "2026-1-01",
    "2026-01-1",
    "20260101",
    "2026/01/01",
    "２０２６-01-01",
    "2026-01-01 ",
    " 2026-01-01",
    "2026-01-01\n",
    "+026-01-01",
    "2026-0a-01",
    "2026--1-01",
    "",
    "2026-01-00",
    "2026-01-32",
    20260101,
    null,
    undefined,
    {},
    ["2026-01-01"],
    "2026-01-01T00:00:00",
  ];
  for (let day = 0; day < 800; day++) {
    const date = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    samples.push(date, date.slice(0, 8) + String(Number(date.slice(8)) + 3).padStart(2, "0"));
  }
  for (const sample of samples) assert.equal(asDate(sample), referenceAsDate(sample), JSON.stringify(sample));
});

test("a schema finding seen before is placed where its value is now", () => {
  const original = generateDossier({ lines: 400, faults: false }).text;
  const faulty = original.replace("role: project-engineer", "role: project-enginer");
  assert.notEqual(faulty, original);
  const moved = faulty.replace("\npersonnel:\n", "\npersonnel:\n  # 人员名单（新增注释，使后文整体后移）\n");
  const service = createLanguageService({ locale: "en", today: "2026-11-24" });
  for (const text of [faulty, moved, faulty, moved]) {
    const enumFindings = service.validate(text).findings.filter((finding) => finding.ruleId === "schema.enum");
    const start = text.indexOf("project-enginer");
    assert.deepEqual(
      enumFindings.map((finding) => finding.range),
      [{ start, end: start + "project-enginer".length }],
    );
  }
});
