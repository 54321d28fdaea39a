// The configuration file (isv-dossier.config.yaml): its check (config.* findings at their spans, what takes effect),
// the effective configuration (the file wins for what changes verdicts), the file found by walking up, and the
// editor's help in it (hovers, completion). Ids and ranges only, never message text.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkConfigText } from "../../server/src/core/check/config/config-check";
import { DEFAULT_SETTINGS, DossierSettings } from "../../server/src/core/check/config/config-model";
import { effectiveConfiguration } from "../../server/src/core/check/config/effective-config";
import { configCompletion, configHover } from "../../server/src/core/features/config-assist";
import { findConfigFile } from "../../server/src/node/config-files";
import type { OffsetRange } from "../../server/src/core/types";
import { assertFindings } from "../support/fixture";
import { hasMessage, renderMessage } from "../../server/src/core/check/render";
import { filesUnder, repositoryRoot } from "../support/repository";

const FILE = "/work/project/isv-dossier.config.yaml";

// the caret fixtures of the configuration file's checks (test/fixtures/config/): one failing per check, one passing
const FIXTURES = filesUnder(path.join(repositoryRoot(), "test", "fixtures", "config"), [".config.yaml"]);

test("the configuration fixtures: a failing one per config.* check and a passing one", () => {
  assert.deepEqual(FIXTURES.map((file) => path.basename(file)).sort(), [
    "config.type.config.yaml",
    "config.unknown-id.config.yaml",
    "config.unknown-key.config.yaml",
    "config.value.config.yaml",
    "valid.config.yaml",
  ]);
});

for (const file of FIXTURES) {
  test(`fixture ${path.basename(file)}`, () => {
    const text = fs.readFileSync(file, "utf8");
    const findings = checkConfigText(text, file).findings;
    assertFindings(text, findings, { includeInfo: true });
    for (const finding of findings) {
      assert.ok(hasMessage(finding.messageId), finding.messageId);
      // every placeholder filled, in both languages
      for (const locale of ["en", "zh-cn"] as const)
        assert.doesNotMatch(renderMessage(finding.messageId, finding.args, locale), /\{\w+\}/, finding.messageId);
    }
  });
}

/** The span of the `occurrence`-th `needle` in `text`. */
function span(text: string, needle: string, occurrence = 1): OffsetRange {
  let start = -1;
  for (let count = 0; count < occurrence; count++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, `${needle} is in the text`);
  return { start, end: start + needle.length };
}

function found(text: string): Array<{ ruleId: string; range: OffsetRange }> {
  return checkConfigText(text, FILE).findings.map(({ ruleId, range }) => ({ ruleId, range }));
}

const VALID = `# a consultant's configuration
severity:
  evidence.exists: warning
  4.1.5: "off"
leaseWarningMonths: 3
checkEvidence: false
locale: zh-cn
maxFileSizeBytes: 2048
timeBudgetMs: 5000
waivers:
  - rule: tools.source-evidence
    clause: 4.2.5
    dossier: "*.dossier.yaml"
    path: tools[0]
    justification: 自研工具，来源说明见附件
    approvedBy: 张三
    expires: 2027-06-30
`;

test("a valid configuration: no findings, every value takes effect, each waiver with its place in the file", () => {
  const report = checkConfigText(VALID, FILE);
  assert.deepEqual(report.findings, []);
  assert.deepEqual(report.settings, {
    severity: { "evidence.exists": "warning", "4.1.5": "off" },
    leaseWarningMonths: 3,
    checkEvidence: false,
    locale: "zh-cn",
    maxFileSizeBytes: 2048,
    timeBudgetMs: 5000,
  });
  assert.equal(report.waivers.length, 1);
  const [waiver] = report.waivers;
  assert.deepEqual(waiver.entry, {
    rule: "tools.source-evidence",
    clause: "4.2.5",
    dossier: "*.dossier.yaml",
    path: "tools[0]",
    justification: "自研工具，来源说明见附件",
    approvedBy: "张三",
    expires: "2027-06-30",
  });
  assert.equal(waiver.origin.kind, "config");
  assert.ok(waiver.origin.kind === "config");
  assert.equal(waiver.origin.file, FILE);
  assert.equal(waiver.origin.index, 0);
  assert.equal(waiver.origin.range?.start, span(VALID, "rule: tools.source-evidence").start);
  assert.equal(waiver.origin.range?.end, span(VALID, "2027-06-30").end + 1);
});

test("an unknown key: config.unknown-key on the key; the rest takes effect", () => {
  const text = "leaseWarningMonth: 3\ncheckEvidence: false\n";
  assert.deepEqual(found(text), [{ ruleId: "config.unknown-key", range: span(text, "leaseWarningMonth") }]);
  assert.deepEqual(checkConfigText(text, FILE).settings, { checkEvidence: false });
});

test("an id that is neither a check id nor a clause id (evidence.missing): config.unknown-id on it, the other ids kept", () => {
  const text = "severity:\n  evidence.missing: off\n  evidence.exists: info\n";
  assert.deepEqual(found(text), [{ ruleId: "config.unknown-id", range: span(text, "evidence.missing") }]);
  assert.deepEqual(checkConfigText(text, FILE).settings.severity, { "evidence.exists": "info" });
  // it names the ids it is most like (an argument of the message)
  const finding = checkConfigText(text, FILE).findings[0];
  assert.ok(JSON.stringify(finding.args.hint).includes("`evidence.exists`"));
});

test("a value of the wrong kind: config.type on the value; out of bounds or not allowed: config.value", () => {
  const text = [
    'leaseWarningMonths: "6"',
    "checkEvidence: no",
    "maxFileSizeBytes: 10",
    "locale: fr",
    "severity:",
    "  evidence.exists: fatal",
    "waivers: none",
    "",
  ].join("\n");
  assert.deepEqual(found(text), [
    { ruleId: "config.type", range: span(text, '"6"') },
    { ruleId: "config.type", range: span(text, "no") },
    { ruleId: "config.value", range: span(text, "10") },
    { ruleId: "config.value", range: span(text, "fr") },
    { ruleId: "config.value", range: span(text, "fatal") },
    { ruleId: "config.type", range: span(text, "none") },
  ]);
  assert.deepEqual(checkConfigText(text, FILE).settings, { severity: {} });
});

test("a waiver with a problem inside it is not a waiver; one lacking what it must carry is (its check is the waivers')", () => {
  const text = [
    "waivers:",
    "  - rule: evidence.missing",
    "    justification: x",
    "  - clause: 9.9.9",
    "  - rule: evidence.exists",
    "    justfication: typo",
    "  - rule: evidence.exists",
    "  - just text",
    "",
  ].join("\n");
  assert.deepEqual(found(text), [
    { ruleId: "config.unknown-id", range: span(text, "evidence.missing") },
    { ruleId: "config.unknown-id", range: span(text, "9.9.9") },
    { ruleId: "config.unknown-key", range: span(text, "justfication") },
    { ruleId: "config.type", range: span(text, "just text") },
  ]);
  const waivers = checkConfigText(text, FILE).waivers;
  assert.deepEqual(
    waivers.map((waiver) => [waiver.entry, waiver.origin.kind === "config" && waiver.origin.index]),
    [[{ rule: "evidence.exists" }, 3]],
  );
});

test("broken YAML, a list, an empty file: findings or nothing, never a throw", () => {
  const broken = "severity: [\n";
  assert.ok(found(broken).some((finding) => finding.ruleId === "yaml.syntax"));
  assert.deepEqual(found("- a\n- b\n"), [{ ruleId: "config.type", range: { start: 0, end: 8 } }]);
  assert.deepEqual(found(""), []);
  assert.deepEqual(found("# only a comment\n"), []);
  assert.deepEqual(checkConfigText("key: [1, 2\n", FILE).settings, {});
  for (const text of ["\u0000", "a: &a [*a]", "a:\n\tb: 1", "? [a]\n: b", "severity: {1: error}", "waivers: [[]]"])
    assert.doesNotThrow(() => checkConfigText(text, FILE), JSON.stringify(text));
});

const EDITOR: DossierSettings = {
  locale: "en",
  leaseWarningMonths: 12,
  severity: { "personnel.references": "off" },
  checkEvidence: false,
  maxFileSizeBytes: 4096,
  timeBudgetMs: 3000,
  showEnglish: false,
  workspaceDiagnostics: "workspace",
};

test("without a file the editor's settings are used; with one, the file wins for what changes verdicts", () => {
  assert.deepEqual(effectiveConfiguration(EDITOR, "editor").settings, EDITOR);
  const file = checkConfigText("severity:\n  evidence.exists: info\ntimeBudgetMs: 9000\n", FILE);
  const effective = effectiveConfiguration(EDITOR, "editor", file);
  assert.deepEqual(effective.settings, {
    locale: "en", // the editor's explicit choice
    severity: { "evidence.exists": "info" }, // the file's, the editor's not merged in
    leaseWarningMonths: DEFAULT_SETTINGS.leaseWarningMonths, // the file sets none: the default, not the editor's
    checkEvidence: DEFAULT_SETTINGS.checkEvidence,
    maxFileSizeBytes: 4096, // a limit the file does not set: the editor's
    timeBudgetMs: 9000, // a limit the file sets
    showEnglish: false, // the editor's: the file has no such key
    workspaceDiagnostics: "workspace",
  });
  assert.equal(effective.file, FILE);
  assert.deepEqual(effective.origins, {
    severity: "file",
    leaseWarningMonths: "default",
    checkEvidence: "default",
    waivers: "default",
    locale: "editor",
    maxFileSizeBytes: "editor",
    timeBudgetMs: "file",
  });
});

test("the locale: the editor's explicit choice, else the file's, else auto", () => {
  const file = checkConfigText("locale: zh-cn\n", FILE);
  assert.equal(effectiveConfiguration({ ...EDITOR, locale: "auto" }, "editor", file).settings.locale, "zh-cn");
  assert.equal(effectiveConfiguration({ ...EDITOR, locale: "en" }, "editor", file).settings.locale, "en");
  const none = checkConfigText("checkEvidence: true\n", FILE);
  assert.equal(effectiveConfiguration({ ...EDITOR, locale: "auto" }, "command-line", none).settings.locale, "auto");
});

test("the waivers of the file reach the effective configuration, with their origin", () => {
  const effective = effectiveConfiguration(DEFAULT_SETTINGS, "command-line", checkConfigText(VALID, FILE));
  assert.equal(effective.waivers.length, 1);
  assert.equal(effective.origins.waivers, "file");
  assert.deepEqual(effectiveConfiguration(DEFAULT_SETTINGS, "command-line").waivers, []);
});

const FOLDERS: string[] = [];
after(() => FOLDERS.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

test("the file is found by walking up: the nearest wins, the walk stops at a folder holding .git", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "isv-config-"));
  FOLDERS.push(root);
  const repository = path.join(root, "repository");
  const deep = path.join(repository, "clients", "a", "dossiers");
  fs.mkdirSync(deep, { recursive: true });
  fs.mkdirSync(path.join(repository, ".git"));
  fs.writeFileSync(path.join(root, "isv-dossier.config.yaml"), "checkEvidence: false\n");
  assert.equal(findConfigFile(deep), undefined, "not above the repository");
  fs.writeFileSync(path.join(repository, "isv-dossier.config.yaml"), "checkEvidence: false\n");
  assert.equal(findConfigFile(deep), path.join(repository, "isv-dossier.config.yaml"));
  fs.writeFileSync(path.join(repository, "clients", "isv-dossier.config.yaml"), "");
  assert.equal(findConfigFile(deep), path.join(repository, "clients", "isv-dossier.config.yaml"));
});

test("hovers: a key's meaning, a check id's and a clause id's description", () => {
  const report = checkConfigText(VALID, FILE);
  const at = (needle: string, occurrence = 1): OffsetRange | undefined =>
    configHover(report, span(VALID, needle, occurrence).start + 1, "zh-cn")?.range;
  assert.deepEqual(at("leaseWarningMonths"), span(VALID, "leaseWarningMonths"));
  assert.deepEqual(at("evidence.exists"), span(VALID, "evidence.exists"));
  assert.deepEqual(at("4.1.5"), span(VALID, "4.1.5"));
  assert.deepEqual(at("tools.source-evidence"), span(VALID, "tools.source-evidence"));
  assert.deepEqual(at("justification"), span(VALID, "justification"));
  assert.equal(configHover(report, span(VALID, "# a consultant").start + 2, "en"), undefined);
});

test("completion: the keys at the top, ids under severity, a waiver's keys, the values a key allows", () => {
  const labels = (text: string): string[] => configCompletion(text, text.length, "en").map((entry) => entry.label);
  assert.deepEqual(labels(""), [
    "severity",
    "leaseWarningMonths",
    "checkEvidence",
    "waivers",
    "locale",
    "maxFileSizeBytes",
    "timeBudgetMs",
  ]);
  const underSeverity = labels("severity:\n  evidence.exists: info\n  ");
  assert.ok(underSeverity.includes("evidence.exists") && underSeverity.includes("4.1.5"));
  assert.ok(!underSeverity.includes("config.unknown-id"));
  assert.deepEqual(labels("severity:\n  evidence.exists: "), ["error", "warning", "info", "off"]);
  assert.deepEqual(labels("waivers:\n  - rule: evidence.exists\n    "), [
    "rule",
    "clause",
    "dossier",
    "path",
    "justification",
    "approvedBy",
    "expires",
  ]);
  assert.deepEqual(labels("waivers:\n  - "), labels("waivers:\n  - rule: evidence.exists\n    "));
  assert.ok(labels("waivers:\n  - rule: evid").includes("evidence.exists"));
  assert.ok(labels("waivers:\n  - rule: x\n    clause: 4.1").includes("4.1.5"));
  assert.deepEqual(labels("locale: "), ["auto", "en", "zh-cn"]);
  assert.deepEqual(labels("checkEvidence: "), ["true", "false"]);
  const partial = configCompletion("waivers:\n  - rule: evid", 23, "en")[0];
  assert.deepEqual(partial.replaceRange, { start: 19, end: 23 });
});
