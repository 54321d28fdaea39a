// An empty dossier is an error whatever else is found: a file holding only a UTF-8 BOM, only comments or only a
// `# yaml-language-server: $schema=…` modeline gets schema.empty beside its infos, and the CLI exits 1.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createLanguageService } from "../../server/src/core/check/service";
import { runCli } from "../support/cli-harness";

const service = createLanguageService({ locale: "en", today: "2026-03-18" });

const EMPTY: { [name: string]: string } = {
  nothing: "",
  "only a BOM": "\uFEFF",
  "only comments": "# a dossier to be written\n# later\n",
  "a BOM and comments": "\uFEFF# a dossier to be written\n",
  "only a modeline": "# yaml-language-server: $schema=https://example.com/dossier.schema.json\n",
  "a modeline and a $schema comment": "# yaml-language-server: $schema=./local.json\n# $schema: x\n",
  "only document markers": "---\n...\n",
  "only a null": "~\n",
  "a stray bracket": "]\n",
};

test("core: an empty dossier gets schema.empty (clause 4, an error, on the first line) whatever else is found", () => {
  for (const [name, text] of Object.entries(EMPTY)) {
    const findings = service.validate(text).findings;
    const empty = findings.filter((finding) => finding.ruleId === "schema.empty");
    assert.equal(empty.length, 1, `${name}: ${findings.map((finding) => finding.ruleId).join(", ")}`);
    assert.equal(empty[0].severity, "error", name);
    assert.deepEqual(empty[0].clauseIds, ["4"], name);
    const firstLineEnd = text.indexOf("\n") >= 0 ? text.indexOf("\n") : text.length;
    assert.deepEqual(empty[0].range, { start: 0, end: firstLineEnd }, name);
  }
});

test("core: a dossier with content, or one not looked at, is not empty", () => {
  const notEmpty: { [name: string]: string } = {
    "a key": "spec: CCRC-ISV-C01:2025\n",
    "an empty string": '""\n',
    "too many aliases": "a: &a [1, 1]\nb: [" + "*a, ".repeat(200) + "*a]\n",
    binary: "spec: x\u0000\u0000\n",
    "nested too deep": "[".repeat(1000) + "]".repeat(1000) + "\n",
  };
  for (const [name, text] of Object.entries(notEmpty)) {
    const ids = service.validate(text).findings.map((finding) => finding.ruleId);
    assert.ok(!ids.includes("schema.empty"), `${name}: ${ids.join(", ")}`);
  }
});

test(
  "CLI: a file holding only a BOM, only comments or only a modeline lints with exit 1 and schema.empty",
  { timeout: 120_000 },
  async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-empty-"));
    try {
      const files: { [name: string]: Buffer } = {
        "bom.dossier.yaml": Buffer.from([0xef, 0xbb, 0xbf]),
        "comments.dossier.yaml": Buffer.from("# to be written\n"),
        "modeline.dossier.yaml": Buffer.from(
          "# yaml-language-server: $schema=https://example.com/dossier.schema.json\n",
        ),
      };
      for (const [name, bytes] of Object.entries(files)) {
        const file = path.join(folder, name);
        fs.writeFileSync(file, bytes);
        const run = await runCli(["lint", "--format", "json", "--as-of", "2026-03-18", file]);
        assert.equal(run.code, 1, `${name}: ${run.stdout}${run.stderr}`);
        const rules = (
          JSON.parse(run.stdout) as { files: Array<{ findings: Array<{ rule: string }> }> }
        ).files[0].findings.map((finding) => finding.rule);
        assert.ok(rules.includes("schema.empty"), `${name}: ${rules.join(", ")}`);
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  },
);
