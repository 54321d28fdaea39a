// "Waive this finding…" into the configuration file (core/features/waiver-config-edit.ts): the entry the quick fix
// writes is one the configuration checker accepts and that waives exactly that finding; appended to an existing file
// its comments and entries survive; a file it cannot edit safely is refused, never overwritten. Ids and paths only.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { checkConfigText } from "../../server/src/core/check/config/config-check";
import { createLanguageService } from "../../server/src/core/check/service";
import { waiveActions } from "../../server/src/core/features/code-actions";
import {
  appendConfigWaiver,
  ConfigWaiverEntry,
  dossierPathText,
  minimalReplacement,
} from "../../server/src/core/features/waiver-config-edit";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const TODAY = "2026-11-24";
const DOSSIER = fs.readFileSync(path.join(ROOT, "samples", "needs-work", "lease-expired.dossier.yaml"), "utf8");
const LEASE_LINE = "  lease_until: 2026-06-30";
const SAMPLE_CONFIG = fs.readFileSync(path.join(ROOT, "samples", "nanjing-qiyuan", "isv-dossier.config.yaml"), "utf8");
const FOLDER = "/work/clients";

/** The entry the quick fix writes for the lease finding, for a dossier at `dossier` (relative to FOLDER). */
function leaseEntry(dossier: string): ConfigWaiverEntry {
  const report = createLanguageService({ locale: "en", today: TODAY }).validate(DOSSIER);
  const offset = DOSSIER.indexOf(LEASE_LINE) + LEASE_LINE.length - 2;
  const [action] = waiveActions(report, { start: offset, end: offset }, "en");
  assert.deepEqual([action.rule, action.clause, action.path], ["premises.lease-term", "4.1.1", "premises.lease_until"]);
  return {
    rule: action.rule,
    clause: action.clause,
    dossier,
    path: action.path,
    justification: "续租合同在签，见附件",
    approvedBy: "张三（质量负责人）",
    expires: "2027-06-30",
  };
}

/** The lease finding of the dossier at FOLDER/relative, checked under a configuration text at FOLDER. */
function leaseFindingUnder(configText: string, relative: string) {
  const config = checkConfigText(configText, path.posix.join(FOLDER, "isv-dossier.config.yaml"));
  assert.deepEqual(
    config.findings.map((finding) => finding.ruleId),
    [],
    "the configuration checker accepts the file",
  );
  const report = createLanguageService({
    locale: "en",
    today: TODAY,
    waivers: config.waivers,
    dossierPath: path.posix.join(FOLDER, relative),
  }).validate(DOSSIER);
  assert.deepEqual(
    report.findings.filter((finding) => finding.ruleId.startsWith("waiver.")).map((finding) => finding.ruleId),
    [],
  );
  return report.findings.find((finding) => finding.ruleId === "premises.lease-term");
}

test("a new configuration file: one entry that waives the finding, and nothing else", () => {
  const text = appendConfigWaiver(undefined, leaseEntry("lease-expired.dossier.yaml"));
  assert.ok(text);
  assert.deepEqual(Object.keys(parse(text) as object), ["waivers"]);
  const finding = leaseFindingUnder(text, "lease-expired.dossier.yaml");
  assert.deepEqual([finding?.waived?.origin.kind, finding?.waived?.expires], ["config", "2027-06-30"]);
  // the same in a blank file
  assert.equal(appendConfigWaiver(" \n", leaseEntry("lease-expired.dossier.yaml")), text);
});

test("appended to an existing file: its comments, settings and waivers stay; the dossier named from its folder", () => {
  const text = appendConfigWaiver(SAMPLE_CONFIG, leaseEntry("a/lease-expired.dossier.yaml"));
  assert.ok(text);
  for (const line of SAMPLE_CONFIG.split("\n").filter((candidate) => candidate.trimStart().startsWith("#")))
    assert.ok(text.includes(line), `comment kept: ${line}`);
  assert.ok(text.startsWith(SAMPLE_CONFIG.trimEnd()), "the new entry only appended");
  const waivers = (parse(text) as { waivers: Array<{ rule: string; dossier: string; path?: string }> }).waivers;
  assert.deepEqual(
    waivers.map((waiver) => [waiver.rule, waiver.dossier, waiver.path]),
    [
      ["tools.source-evidence", "nanjing-qiyuan.dossier.yaml", "tools[3]"],
      ["premises.lease-term", "a/lease-expired.dossier.yaml", "premises.lease_until"],
    ],
  );
  // the sample's own waiver names another dossier: for this one, only the new entry counts
  const config = checkConfigText(text, path.posix.join(FOLDER, "isv-dossier.config.yaml"));
  assert.deepEqual(config.findings, []);
  const report = createLanguageService({
    locale: "en",
    today: TODAY,
    waivers: config.waivers,
    dossierPath: path.posix.join(FOLDER, "a", "lease-expired.dossier.yaml"),
  }).validate(DOSSIER);
  assert.equal(
    report.findings.find((finding) => finding.ruleId === "premises.lease-term")?.waived?.origin.kind,
    "config",
  );
});

test("no waivers yet: a list is added (after the settings), or fills an empty `waivers:` keeping its comment", () => {
  const entry = leaseEntry("lease-expired.dossier.yaml");
  const added = appendConfigWaiver("checkEvidence: false # 只有 YAML\n", entry);
  assert.ok(added?.startsWith("checkEvidence: false # 只有 YAML\n") && added);
  assert.deepEqual(Object.keys(parse(added) as object), ["checkEvidence", "waivers"]);
  const filled = appendConfigWaiver("waivers:\n# 待补充\nleaseWarningMonths: 3\n", entry);
  assert.ok(filled?.includes("# 待补充") && filled);
  assert.deepEqual(Object.keys(parse(filled) as object), ["waivers", "leaseWarningMonths"]);
  assert.ok(leaseFindingUnder(filled, "lease-expired.dossier.yaml")?.waived);
  const commentsOnly = appendConfigWaiver("# 配置文件\n", entry);
  assert.ok(commentsOnly?.includes("# 配置文件") && commentsOnly);
  assert.ok(leaseFindingUnder(commentsOnly, "lease-expired.dossier.yaml")?.waived);
});

test("a file that cannot be edited safely is refused, never overwritten", () => {
  const entry = leaseEntry("lease-expired.dossier.yaml");
  for (const text of ["waivers: 3\n", "waivers:\n  rule: x\n", "- a\n- b\n", "severity: [\n", "a: 1\na: 2\n"])
    assert.equal(appendConfigWaiver(text, entry), undefined, JSON.stringify(text));
});

test("paths in the dossier's words; a key that cannot be written so gives none", () => {
  assert.equal(dossierPathText(["performance", "projects", 3, "evidence", 0]), "performance.projects[3].evidence[0]");
  assert.equal(dossierPathText(["tools", 3]), "tools[3]");
  assert.equal(dossierPathText([]), undefined);
  assert.equal(dossierPathText(["a.b"]), undefined);
  assert.equal(dossierPathText([0]), undefined);
});

test("the edit is the smallest replacement", () => {
  const before = "a: 1\n# note\nwaivers:\n  - rule: x\n";
  const after = appendConfigWaiver(before, leaseEntry("lease-expired.dossier.yaml"));
  assert.ok(after);
  const change = minimalReplacement(before, after);
  assert.equal(before.slice(0, change.start) + change.text + before.slice(change.end), after);
  assert.equal(change.start, before.length);
  assert.equal(change.end, before.length);
  assert.deepEqual(minimalReplacement("abc", "abc"), { start: 3, end: 3, text: "" });
});
