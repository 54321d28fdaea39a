// Settings are validated: integers where counts are meant, within bounds, enums, booleans. A bad value falls back
// to the default, and the user is told once per bad value (window/showMessage, in the user's language, naming the
// setting, never a dossier's content). package.json contributes the same types and bounds.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  DEFAULT_SETTINGS,
  INTEGER_SETTINGS,
  LOCALES,
  readSettingsChecked,
  settingProblemMessage,
  SEVERITIES,
  WORKSPACE_DIAGNOSTICS,
} from "../../server/src/lsp/settings";
import { TestLspClient } from "../support/lsp-client";
import { repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();

test("settings: bad values fall back to the default, each a problem naming the setting; good ones are kept", () => {
  const bad: Array<[string, unknown]> = [
    ["leaseWarningMonths", 12.7],
    ["leaseWarningMonths", 1e21],
    ["leaseWarningMonths", -1],
    ["leaseWarningMonths", 121],
    ["leaseWarningMonths", "6"],
    ["leaseWarningMonths", Number.NaN],
    ["maxFileSizeBytes", 0.5],
    ["maxFileSizeBytes", 1e21],
    ["maxFileSizeBytes", 10],
    ["timeBudgetMs", 1e21],
    ["timeBudgetMs", 0],
    ["timeBudgetMs", 2.5],
    ["timeBudgetMs", Number.POSITIVE_INFINITY],
    ["locale", "fr"],
    ["locale", 1],
    ["checkEvidence", "yes"],
    ["showEnglish", "true"],
    ["severity", "off"],
    ["severity", ["error"]],
    ["workspaceDiagnostics", "all"],
    ["workspaceDiagnostics", true],
  ];
  for (const [key, value] of bad) {
    const read = readSettingsChecked({ [key]: value });
    assert.deepEqual(read.settings, DEFAULT_SETTINGS, `${key}: ${String(value)}`);
    assert.deepEqual(
      read.problems.map((problem) => problem.setting),
      [key],
      `${key}: ${String(value)}`,
    );
  }
  const good = {
    leaseWarningMonths: 0,
    maxFileSizeBytes: 1024,
    timeBudgetMs: 600_000,
    locale: "zh-CN",
    checkEvidence: false,
    severity: { "4.1.3.a": "warning" },
    showEnglish: true,
    workspaceDiagnostics: "openFiles",
  };
  const read = readSettingsChecked(good);
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.settings, { ...good, locale: "zh-cn" });
  assert.equal(readSettingsChecked({ leaseWarningMonths: 120 }).settings.leaseWarningMonths, 120);
  // absent values are the defaults, silently
  assert.deepEqual(readSettingsChecked({ leaseWarningMonths: null, locale: undefined }), {
    settings: DEFAULT_SETTINGS,
    problems: [],
  });
  assert.deepEqual(readSettingsChecked(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
  // ids that are neither check ids nor clause ids (evidence.missing does not exist) are a problem naming them, and dropped
  const unknown = readSettingsChecked({
    severity: { "evidence.missing": "off", "evidence.exists": "off", "9.9": "info" },
  });
  assert.deepEqual(unknown.settings.severity, { "evidence.exists": "off" });
  assert.deepEqual(
    unknown.problems.map((problem) => [problem.setting, problem.unknownIds]),
    [["severity", ["evidence.missing", "9.9"]]],
  );
  // a severity map keeps its good entries; the bad ones are one problem
  const severity = readSettingsChecked({ severity: { "schema.unknown-key": "off", "4.1.3.a": "loud", x: 3 } });
  assert.deepEqual(severity.settings.severity, { "schema.unknown-key": "off" });
  assert.deepEqual(
    severity.problems.map((problem) => problem.setting),
    ["severity"],
  );
});

test("settings: the message names the setting in both languages and shows no value the client sent", () => {
  for (const setting of [
    "leaseWarningMonths",
    "maxFileSizeBytes",
    "timeBudgetMs",
    "locale",
    "checkEvidence",
    "showEnglish",
    "severity",
  ] as const) {
    const problem = { setting, value: JSON.stringify("合同编号 HT-2026-001") };
    const zh = settingProblemMessage(problem, "zh-cn");
    const en = settingProblemMessage(problem, "en");
    for (const message of [zh, en]) {
      assert.ok(message.includes(`isvDossier.${setting}`), message);
      assert.ok(!message.includes("HT-2026-001"), message);
    }
    assert.match(zh, /[\u4e00-\u9fff]/);
    assert.doesNotMatch(en, /[\u4e00-\u9fff]/);
  }
});

test("package.json contributes the settings with the server's types, bounds and values", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    contributes: {
      configuration: {
        properties: {
          [key: string]: {
            type: string;
            minimum?: number;
            maximum?: number;
            enum?: string[];
            default: unknown;
            additionalProperties?: { enum?: string[] };
          };
        };
      };
    };
  };
  const properties = manifest.contributes.configuration.properties;
  for (const [key, bounds] of Object.entries(INTEGER_SETTINGS)) {
    const property = properties[`isvDossier.${key}`];
    assert.equal(property.type, "integer", key);
    assert.equal(property.minimum, bounds.minimum, key);
    assert.equal(property.maximum, bounds.maximum, key);
    assert.equal(property.default, DEFAULT_SETTINGS[key as keyof typeof INTEGER_SETTINGS], key);
  }
  assert.deepEqual(properties["isvDossier.locale"].enum, [...LOCALES]);
  assert.deepEqual(properties["isvDossier.severity"].additionalProperties?.enum, [...SEVERITIES]);
  assert.equal(properties["isvDossier.checkEvidence"].type, "boolean");
  assert.equal(properties["isvDossier.showEnglish"].type, "boolean");
  assert.equal(properties["isvDossier.showEnglish"].default, DEFAULT_SETTINGS.showEnglish);
  assert.deepEqual(properties["isvDossier.workspaceDiagnostics"].enum, [...WORKSPACE_DIAGNOSTICS]);
  assert.equal(properties["isvDossier.workspaceDiagnostics"].default, DEFAULT_SETTINGS.workspaceDiagnostics);
});

test(
  "server: a bad setting is used as its default, and told once per bad value in the user's language",
  { timeout: 120_000 },
  async () => {
    const fixture = path.join(
      ROOT,
      "test",
      "fixtures",
      "rules",
      "premises.lease-term",
      "ends-the-day-before-six-months.dossier.yaml",
    );
    const text = fs.readFileSync(fixture, "utf8");
    const client = new TestLspClient();
    const messages: Array<{ type: number; message: string }> = [];
    client.connection.onNotification("window/showMessage", (params: { type: number; message: string }) => {
      messages.push(params);
    });
    try {
      await client.initialize("zh-cn");
      client.configuration = { leaseWarningMonths: 12.7, timeBudgetMs: 60_000 };
      const leaseMessages = async (uri: string, content: string): Promise<string[]> => {
        const published = client.diagnostics(uri, (next) => next.version === 1);
        await client.open(uri, content);
        return (await published).diagnostics
          .filter((diagnostic) => (diagnostic as { data?: { ruleId?: string } }).data?.ruleId === "premises.lease-term")
          .map((diagnostic) => diagnostic.message);
      };
      const uri = pathToFileURL(fixture).toString();
      const first = await leaseMessages(uri, text);
      assert.equal(first.length, 1, "the lease warning with the default 6 months");
      assert.doesNotMatch(first[0], /\d+\.\d/, first[0]);
      assert.match(first[0], new RegExp(`${DEFAULT_SETTINGS.leaseWarningMonths} 个月`), first[0]);
      // another document, and the same settings again: nothing more is said
      await leaseMessages("untitled:second.dossier.yaml", text);
      await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // a new bad value is told too
      client.configuration = { leaseWarningMonths: 1e21, timeBudgetMs: 60_000 };
      await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
      await leaseMessages("untitled:third.dossier.yaml", text);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(messages.length, 2, JSON.stringify(messages));
      for (const message of messages) {
        assert.equal(message.type, 2, "a warning");
        assert.ok(message.message.includes("isvDossier.leaseWarningMonths"), message.message);
        assert.match(message.message, /[\u4e00-\u9fff]/, "in the user's language");
      }
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.child.exitCode === null) client.kill();
    }
  },
);
