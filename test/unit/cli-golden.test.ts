// Golden outputs of the real CLI: every lint format on the valid samples and on samples/needs-work, the
// checklist in every format, and the clause catalog. Fixed --as-of and --lang; outputs hold no absolute paths,
// timestamps or version numbers. UPDATE_GOLDEN=1 npm test rewrites test/golden/.
import * as assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AS_OF, assertBuilt, assertGolden, runCli, validSampleFolders, withoutVersion } from "../support/cli-harness";

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

describe("lint goldens", { concurrency: 4 }, () => {
  for (const set of SETS) {
    for (const { format, extension } of LINT_FORMATS) {
      test(`${set.name} as ${format}`, async () => {
        assertBuilt();
        const run = await runCli(["lint", ...set.paths(), "--format", format, "--as-of", AS_OF, "--lang", "en"]);
        assert.equal(run.stderr, "");
        assert.equal(run.code, set.exitCode);
        assertGolden(`lint/${set.name}.${extension}`, withoutVersion(run.stdout));
      });
    }
    test(`${set.name} as stylish in Chinese`, async () => {
      const run = await runCli(["lint", ...set.paths(), "--as-of", AS_OF, "--lang", "zh-CN"]);
      assert.equal(run.code, set.exitCode);
      assertGolden(`lint/${set.name}.stylish.zh-CN.txt`, run.stdout);
    });
  }
});

const CHECKLIST_DOSSIERS = [
  { name: "nanjing-qiyuan", path: "samples/nanjing-qiyuan/nanjing-qiyuan.dossier.yaml" },
  { name: "lease-expired", path: "samples/needs-work/lease-expired.dossier.yaml" },
];

describe("checklist goldens", { concurrency: 4 }, () => {
  for (const dossier of CHECKLIST_DOSSIERS) {
    for (const format of ["md", "html", "csv", "json"]) {
      test(`${dossier.name} as ${format}`, async () => {
        const run = await runCli(["checklist", dossier.path, "--format", format, "--lang", "zh-CN", "--as-of", AS_OF]);
        assert.equal(run.stderr, "");
        assert.equal(run.code, 0);
        assertGolden(`checklist/${dossier.name}.zh-CN.${format}`, run.stdout);
      });
    }
    test(`${dossier.name} as md in English`, async () => {
      const run = await runCli(["checklist", dossier.path, "--lang", "en", "--as-of", AS_OF]);
      assert.equal(run.code, 0);
      assertGolden(`checklist/${dossier.name}.en.md`, run.stdout);
    });
  }
});

describe("clauses goldens", { concurrency: 4 }, () => {
  for (const [name, args] of [
    ["tree.zh-CN.txt", ["clauses", "--lang", "zh-CN"]],
    ["tree.en.txt", ["clauses", "--lang", "en"]],
    ["4.2.3.b.en.md", ["clauses", "4.2.3.b", "--lang", "en"]],
    ["4.3.3.a.zh-CN.md", ["clauses", "4.3.3 a)", "--lang", "zh-CN"]],
  ] as const) {
    test(name, async () => {
      const run = await runCli([...args]);
      assert.equal(run.code, 0);
      assertGolden(`clauses/${name}`, run.stdout);
    });
  }
});
