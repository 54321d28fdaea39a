// Golden outputs of the real CLI: every lint format on the valid samples and on samples/needs-work, the
// checklist in every format, and the clause catalog. Fixed --as-of and --lang; outputs hold no absolute paths,
// timestamps or version numbers; message wording is replaced by message ids (see normalizeTexts).
// UPDATE_GOLDEN=1 npm test rewrites test/golden/.
import * as assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Locale } from "../../server/src/core/types";
import {
  AS_OF,
  assertBuilt,
  assertGolden,
  messageReplacements,
  normalizeTexts,
  ruleDescriptionReplacements,
  runCli,
  TextReplacement,
  validSampleFolders,
  withoutVersion,
} from "../support/cli-harness";

const LINT_FORMATS: Array<{ format: string; extension: string }> = [
  { format: "stylish", extension: "stylish.txt" },
  { format: "json", extension: "json" },
  { format: "sarif", extension: "sarif" },
  { format: "junit", extension: "junit.xml" },
  { format: "github", extension: "github.txt" },
];

const SETS: Array<{ name: string; paths: () => string[]; exitCode: number }> = [
  { name: "valid", paths: validSampleFolders, exitCode: 0 },
  { name: "needs-work", paths: () => ["samples/needs-work"], exitCode: 1 },
];

interface JsonLint {
  files: Array<{
    findings: Array<{ message: string; messageId: string; related: Array<{ message: string; messageId: string }> }>;
  }>;
}

const lintReplacements = new Map<string, Promise<TextReplacement[]>>();

/** The messages of a lint run (from its JSON output) and the rule descriptions, in one locale. */
function replacementsForLint(paths: string[], lang: string, locale: Locale): Promise<TextReplacement[]> {
  const key = `${paths.join(" ")}|${lang}`;
  let pending = lintReplacements.get(key);
  if (!pending) {
    pending = runCli(["lint", ...paths, "--format", "json", "--as-of", AS_OF, "--lang", lang]).then((run) => {
      const report = JSON.parse(run.stdout) as JsonLint;
      return [
        ...messageReplacements(report.files.flatMap((file) => file.findings)),
        ...ruleDescriptionReplacements(locale),
      ];
    });
    lintReplacements.set(key, pending);
  }
  return pending;
}

describe("lint goldens", { concurrency: 4 }, () => {
  for (const set of SETS) {
    for (const { format, extension } of LINT_FORMATS) {
      test(`${set.name} as ${format}`, async () => {
        assertBuilt();
        const [run, replacements] = await Promise.all([
          runCli(["lint", ...set.paths(), "--format", format, "--as-of", AS_OF, "--lang", "en"]),
          replacementsForLint(set.paths(), "en", "en"),
        ]);
        assert.equal(run.stderr, "");
        assert.equal(run.code, set.exitCode);
        assertGolden(`lint/${set.name}.${extension}`, withoutVersion(normalizeTexts(run.stdout, replacements)));
      });
    }
    test(`${set.name} as stylish in Chinese`, async () => {
      const [run, replacements] = await Promise.all([
        runCli(["lint", ...set.paths(), "--as-of", AS_OF, "--lang", "zh-CN"]),
        replacementsForLint(set.paths(), "zh-CN", "zh-cn"),
      ]);
      assert.equal(run.code, set.exitCode);
      assertGolden(`lint/${set.name}.stylish.zh-CN.txt`, normalizeTexts(run.stdout, replacements));
    });
  }
});

const CHECKLIST_DOSSIERS = [
  { name: "nanjing-qiyuan", path: "samples/nanjing-qiyuan/nanjing-qiyuan.dossier.yaml" },
  { name: "lease-expired", path: "samples/needs-work/lease-expired.dossier.yaml" },
];

interface JsonChecklist {
  rows: Array<{
    findings: Array<{ message: string; messageId: string }>;
    remarks: Array<{ message: string; messageId: string }>;
  }>;
}

const checklistReplacements = new Map<string, Promise<TextReplacement[]>>();

function replacementsForChecklist(dossier: string, lang: string): Promise<TextReplacement[]> {
  const key = `${dossier}|${lang}`;
  let pending = checklistReplacements.get(key);
  if (!pending) {
    pending = runCli(["checklist", dossier, "--format", "json", "--lang", lang, "--as-of", AS_OF]).then((run) => {
      const checklist = JSON.parse(run.stdout) as JsonChecklist;
      return messageReplacements(checklist.rows.flatMap((row) => [...row.findings, ...row.remarks]));
    });
    checklistReplacements.set(key, pending);
  }
  return pending;
}

async function checklistGolden(dossier: string, format: string, lang: string): Promise<string> {
  const [run, replacements] = await Promise.all([
    runCli(["checklist", dossier, "--format", format, "--lang", lang, "--as-of", AS_OF]),
    replacementsForChecklist(dossier, lang),
  ]);
  assert.equal(run.stderr, "");
  assert.equal(run.code, 0);
  return normalizeTexts(run.stdout, replacements);
}

describe("checklist goldens", { concurrency: 4 }, () => {
  for (const dossier of CHECKLIST_DOSSIERS) {
    for (const format of ["md", "html", "csv", "json"]) {
      test(`${dossier.name} as ${format}`, async () => {
        assertGolden(`checklist/${dossier.name}.zh-CN.${format}`, await checklistGolden(dossier.path, format, "zh-CN"));
      });
    }
    test(`${dossier.name} as md in English`, async () => {
      assertGolden(`checklist/${dossier.name}.en.md`, await checklistGolden(dossier.path, "md", "en"));
    });
  }
});

describe("clauses goldens", { concurrency: 4 }, () => {
  for (const [name, args, locale] of [
    ["tree.zh-CN.txt", ["clauses", "--lang", "zh-CN"], "zh-cn"],
    ["tree.en.txt", ["clauses", "--lang", "en"], "en"],
    ["4.2.3.b.en.md", ["clauses", "4.2.3.b", "--lang", "en"], "en"],
    ["4.3.3.a.zh-CN.md", ["clauses", "4.3.3 a)", "--lang", "zh-CN"], "zh-cn"],
  ] as const) {
    test(name, async () => {
      const run = await runCli([...args]);
      assert.equal(run.code, 0);
      assertGolden(`clauses/${name}`, normalizeTexts(run.stdout, ruleDescriptionReplacements(locale)));
    });
  }
});
