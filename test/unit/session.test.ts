// The per-document session (core/facade/session.ts) and the façade's features on it (core/facade/facade.ts): the latest text is
// the one held whatever it repeats, a report is reused only for the same text and settings, evidence answers are
// asked through the function the session was given, and each feature equals the pure function it wraps.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildChecklist } from "../../server/src/core/verdicts/checklist";
import { quickFixes } from "../../server/src/core/features/code-actions";
import { complete } from "../../server/src/core/features/completion";
import { definition } from "../../server/src/core/features/definition";
import { DossierFacade, SessionSettings } from "../../server/src/core/facade/facade";
import { foldingRanges } from "../../server/src/core/features/folding";
import { hover } from "../../server/src/core/features/hover";
import { evidenceLinks } from "../../server/src/core/features/links";
import { createLanguageService } from "../../server/src/core/check/service";
import { documentSymbols } from "../../server/src/core/features/symbols";
import { repositoryRoot } from "../support/repository";

const TODAY = "2026-11-24";
const BASE = fs.readFileSync(path.join(repositoryRoot(), "test", "fixtures", "schema", "valid.dossier.yaml"), "utf8");
const NEEDS_WORK = fs.readFileSync(
  path.join(repositoryRoot(), "samples", "needs-work", "lease-expired.dossier.yaml"),
  "utf8",
);

function settings(overrides: Partial<SessionSettings> = {}): SessionSettings {
  return {
    key: "default",
    locale: "en",
    leaseWarningMonths: 6,
    severityOverrides: {},
    checkEvidence: false,
    maxFileSizeBytes: 5 * 1024 * 1024,
    timeBudget: { limitMs: 600_000, now: () => 0 },
    waivers: [],
    ...overrides,
  };
}

const facade = new DossierFacade({ today: () => TODAY });
const ruleIds = (findings: { ruleId: string }[]) => findings.map((finding) => finding.ruleId);

test("a session holds the latest text in order of arrival, and its line index is of that text", () => {
  const session = facade.open("file:///a.dossier.yaml", "a: 1\n", 1);
  assert.equal(session.lines.lineCount, 2);
  session.update("a: 1\nb: 2\nc: 3\n", 2);
  assert.deepEqual([session.text, session.arrival, session.lines.lineCount], ["a: 1\nb: 2\nc: 3\n", 2, 4]);
  // an older text sent again is the latest once it arrives
  session.update("a: 1\n", 3);
  assert.deepEqual([session.text, session.arrival, session.lines.lineCount], ["a: 1\n", 3, 2]);
});

test("a report is reused for the same text and settings only", () => {
  const session = facade.open("file:///a.dossier.yaml", NEEDS_WORK, 1);
  const first = facade.validate(session, settings());
  assert.equal(facade.validate(session, settings()), first);
  assert.equal(session.reportFor("default"), first);
  assert.equal(session.reportFor("other"), undefined);
  const other = facade.validate(session, settings({ key: "other", severityOverrides: { "lease.expired": "off" } }));
  assert.notEqual(other, first);
  session.update(BASE, 2);
  assert.equal(session.reportFor("other"), undefined);
  const next = facade.validate(session, settings({ key: "other" }));
  assert.equal(next.parsed.text, BASE);
  session.forgetReport();
  assert.equal(session.reportFor("other"), undefined);
  assert.equal(session.lastReport, undefined);
});

test("the session's report equals a full validation of its latest text, after edits parsed incrementally", () => {
  const session = facade.open("file:///a.dossier.yaml", BASE, 1);
  facade.validate(session, settings());
  const edited = NEEDS_WORK;
  session.update(edited, 2);
  const report = facade.validate(session, settings());
  const full = createLanguageService({ locale: "en", today: TODAY, leaseWarningMonths: 6 }).validate(edited);
  assert.deepEqual(ruleIds(report.findings), ruleIds(full.findings));
  assert.deepEqual(
    report.findings.map((finding) => finding.range),
    full.findings.map((finding) => finding.range),
  );
});

test("evidence answers are asked through the session's function, and only when evidence is checked", () => {
  const asked: string[] = [];
  const session = facade.open("file:///a.dossier.yaml", BASE, 1, () => (relativePath) => {
    asked.push(relativePath);
    return false;
  });
  facade.validate(session, settings({ key: "unchecked" }));
  assert.deepEqual(asked, []);
  const report = facade.validate(session, settings({ key: "checked", checkEvidence: true }));
  assert.ok(asked.length > 0);
  assert.ok(ruleIds(report.findings).some((id) => id.startsWith("evidence.")));
});

test("each feature of the façade equals the pure function it wraps, on the session's report", () => {
  const session = facade.open("file:///a.dossier.yaml", NEEDS_WORK, 1);
  const chosen = settings({ locale: "zh-cn", key: "zh" });
  const report = facade.validate(session, chosen);
  const offsets = [0, NEEDS_WORK.indexOf("level"), NEEDS_WORK.indexOf("category") + 10, NEEDS_WORK.length >> 1];
  for (const offset of offsets) {
    assert.deepEqual(facade.hover(session, chosen, offset), hover(report, offset, "zh-cn"));
    assert.deepEqual(facade.complete(session, chosen, offset), complete(report, offset, "zh-cn"));
    assert.deepEqual(facade.definition(session, chosen, offset), definition(report, offset, "zh-cn"));
    const range = { start: offset, end: offset + 1 };
    assert.deepEqual(facade.codeActions(session, chosen, range), quickFixes(report, range, "zh-cn"));
  }
  assert.deepEqual(facade.symbols(session, chosen), documentSymbols(report, "zh-cn"));
  assert.deepEqual(facade.folding(session, chosen), foldingRanges(report));
  assert.deepEqual(facade.links(session, chosen), evidenceLinks(report));
  assert.deepEqual(facade.checklist(session, chosen), buildChecklist(report));
  assert.ok(facade.symbols(session, chosen).length > 0);
  assert.equal(facade.validate(session, chosen), report);
});
