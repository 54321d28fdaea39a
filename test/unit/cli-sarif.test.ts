// `lint --format sarif` against the official SARIF 2.1.0 JSON schema (the copy Microsoft's SARIF Multitool
// ships, validated with ajv), with Microsoft's own validator when it runs here, and checked for what GitHub
// code scanning and reviewers rely on: clause taxonomy, rule ↔ clause relationships, fingerprints, relative paths.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { before, test } from "node:test";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type * as Sarif from "sarif";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { checkById } from "../../server/src/core/check/checks";
import { AS_OF, assertBuilt, ROOT, runCli } from "../support/cli-harness";

const MULTITOOL_DIR = path.join(ROOT, "node_modules", "@microsoft", "sarif-multitool-linux");
const SCHEMA_FILE = path.join(MULTITOOL_DIR, "sarif-2.1.0.json");

let logText = "";
let log: Sarif.Log;

before(async () => {
  assertBuilt();
  const run = await runCli(["lint", "samples", "--format", "sarif", "--as-of", AS_OF, "--lang", "zh-CN"]);
  assert.equal(run.code, 1, run.stderr);
  logText = run.stdout;
  log = JSON.parse(logText) as Sarif.Log;
});

test("the log validates against the SARIF 2.1.0 JSON schema", () => {
  assert.ok(
    fs.existsSync(SCHEMA_FILE),
    "the SARIF schema comes with the dev dependency @microsoft/sarif-multitool-linux (npm ci)",
  );
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")) as { title: string };
  assert.match(schema.title, /SARIF.*2\.1\.0/);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
});

test("Microsoft's SARIF validator reports no errors", (context) => {
  const binary = path.join(MULTITOOL_DIR, "Sarif.Multitool");
  if (!fs.existsSync(binary))
    return context.skip("Sarif.Multitool is not installed (dev dependency @microsoft/sarif-multitool-linux)");
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    fs.chmodSync(binary, 0o755); // what the package's postinstall does, when install scripts were not run
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-sarif-"));
  try {
    const input = path.join(folder, "samples.sarif");
    const output = path.join(folder, "validation.sarif");
    fs.writeFileSync(input, logText);
    const run = spawnSync(binary, ["validate", input, "--output", output], { encoding: "utf8", timeout: 60_000 });
    if (run.error || !fs.existsSync(output))
      return context.skip(`Sarif.Multitool does not run here: ${run.error?.message ?? run.stderr.split("\n")[0]}`);
    assert.equal(run.status, 0, run.stdout);
    const validation = JSON.parse(fs.readFileSync(output, "utf8")) as Sarif.Log;
    // errors, and SARIF2005 (the tool's name, version and informationUri), a warning
    const reported = (validation.runs[0].results ?? []).filter(
      (result) => result.level === "error" || result.ruleId === "SARIF2005",
    );
    assert.deepEqual(
      reported.map((result) => `${result.ruleId}: ${JSON.stringify(result.message)}`),
      [],
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test("the specification is a taxonomy whose taxa are the clauses, with Chinese text and provenance", () => {
  const run = log.runs[0];
  const edition = defaultEdition();
  const taxonomy = run.taxonomies?.[0];
  assert.ok(taxonomy);
  assert.equal(taxonomy.name, edition.id);
  assert.deepEqual(run.tool.driver.supportedTaxonomies, [{ name: edition.id, index: 0 }]);
  assert.deepEqual(
    taxonomy.taxa?.map((taxon) => taxon.id),
    edition.clauses.map((clause) => clause.id),
  );
  for (const taxon of taxonomy.taxa ?? []) {
    const clause = edition.clause(taxon.id ?? "");
    assert.ok(clause);
    assert.equal(taxon.properties?.provenance, clause.provenance, taxon.id);
    assert.equal(taxon.helpUri, undefined, "no link unless --help-base-url is given");
    assert.ok(taxon.help?.text && taxon.help.markdown, `taxon ${taxon.id} carries its help`);
    if (clause.text) {
      assert.ok(taxon.fullDescription?.text.includes(clause.text.zh), `taxon ${taxon.id} quotes the Chinese text`);
      assert.ok(taxon.help.text.includes(clause.text.zh), `taxon ${taxon.id}: help quotes the Chinese text`);
      assert.ok(taxon.help.markdown?.includes(`> ${clause.text.zh.split("\n")[0]}`), taxon.id);
    }
    if (clause.provenance === "public-summary") {
      assert.match(taxon.fullDescription?.text ?? "", /非本规范原文/);
      // said to be a summary before the summary is given, and never as a Markdown quote
      const mark = taxon.help.text.indexOf("非本规范原文");
      assert.ok(mark >= 0, taxon.id);
      if (clause.summary) {
        assert.ok(mark < taxon.help.text.indexOf(clause.summary.zh), taxon.id);
        assert.ok(!taxon.help.markdown?.includes(`> ${clause.summary.zh}`), taxon.id);
      }
    }
  }
});

test("no isv-spec: links; the tool's informationUri is the package's public address", () => {
  assert.ok(!logText.includes("isv-spec:"));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    homepage?: string;
    repository?: { url?: string };
  };
  const expected = manifest.repository?.url?.replace(/^git\+/, "").replace(/\.git$/, "") ?? manifest.homepage;
  assert.match(expected ?? "", /^https:\/\//, "package.json names a repository or homepage");
  assert.equal(log.runs[0].tool.driver.informationUri, expected);
});

test("--help-base-url: clauses and rules link there; anything but an http(s) URL is a usage error", async () => {
  const edition = defaultEdition();
  const [plain, template, bad] = await Promise.all([
    runCli([
      "lint",
      "samples/needs-work",
      "-f",
      "sarif",
      "--as-of",
      AS_OF,
      "--help-base-url",
      "https://spec.example/c01",
    ]),
    runCli([
      "lint",
      "samples/needs-work",
      "-f",
      "sarif",
      "--as-of",
      AS_OF,
      "--help-base-url",
      "http://intranet.example/spec?clause={clause}",
    ]),
    runCli(["lint", "samples/needs-work", "-f", "sarif", "--help-base-url", "isv-spec:/c01.md"]),
  ]);
  assert.equal(plain.code, 1, plain.stderr);
  const run = (JSON.parse(plain.stdout) as Sarif.Log).runs[0];
  for (const taxon of run.taxonomies?.[0].taxa ?? [])
    assert.equal(taxon.helpUri, `https://spec.example/c01#${encodeURIComponent(taxon.id ?? "")}`);
  const rules = run.tool.driver.rules ?? [];
  assert.ok(rules.some((rule) => rule.helpUri));
  for (const rule of rules) {
    // a rule that cites no clause (an identifier check) has nowhere to link to
    if ((rule.relationships ?? []).length === 0) {
      assert.equal(rule.helpUri, undefined, rule.id);
      continue;
    }
    assert.match(rule.helpUri ?? "", /^https:\/\/spec\.example\/c01#/, rule.id);
    const clause = decodeURIComponent((rule.helpUri ?? "").split("#")[1]);
    assert.ok(edition.clause(clause), `${rule.id} links to a clause: ${clause}`);
  }
  const templated = (JSON.parse(template.stdout) as Sarif.Log).runs[0].taxonomies?.[0].taxa?.[0];
  assert.equal(templated?.helpUri, `http://intranet.example/spec?clause=${encodeURIComponent(templated?.id ?? "")}`);
  assert.equal(bad.code, 2);
  assert.equal(bad.stdout, "");
});

test("each rule's help is its description from the check table, as text and Markdown", () => {
  const rules = log.runs[0].tool.driver.rules ?? [];
  for (const rule of rules) {
    const description = checkById(rule.id)?.description.zh;
    assert.ok(description, rule.id);
    assert.ok(rule.help?.text.startsWith(description), rule.id);
    assert.ok(rule.help?.markdown?.startsWith(description), rule.id);
  }
});

test("rules relate to their clause taxa; results name their clauses, fingerprints and relative artifacts", () => {
  const run = log.runs[0];
  const taxa = run.taxonomies?.[0].taxa ?? [];
  const rules = run.tool.driver.rules ?? [];
  assert.ok(rules.length > 0);
  for (const rule of rules) {
    assert.equal(rule.helpUri, undefined, rule.id);
    for (const relationship of rule.relationships ?? []) {
      const index = relationship.target.index ?? -1;
      assert.equal(taxa[index]?.id, relationship.target.id, `${rule.id} → ${relationship.target.id}`);
      assert.equal(relationship.target.toolComponent?.index, 0);
    }
  }
  const clauseRules = rules.filter((rule) => (rule.relationships ?? []).length > 0);
  assert.ok(clauseRules.length >= rules.length - 2, "all but identifier checks cite clauses");
  const baseIds = Object.keys(run.originalUriBaseIds ?? {});
  const fingerprints = new Set<string>();
  const results = run.results ?? [];
  assert.ok(results.length > 0);
  for (const result of results) {
    assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId);
    const location = result.locations?.[0]?.physicalLocation?.artifactLocation;
    assert.ok(location?.uri && !location.uri.startsWith("/") && !/^[a-z]+:/i.test(location.uri), location?.uri);
    assert.ok(location.uriBaseId && baseIds.includes(location.uriBaseId));
    assert.equal(run.artifacts?.[location.index ?? -1]?.location?.uri, location.uri);
    const fingerprint = Object.values(result.partialFingerprints ?? {})[0];
    assert.ok(fingerprint);
    fingerprints.add(`${location.uri} ${fingerprint}`);
    for (const reference of result.taxa ?? []) assert.equal(taxa[reference.index ?? -1]?.id, reference.id);
    const clauses = (result.properties?.clauses ?? []) as string[];
    assert.deepEqual(
      result.taxa?.map((reference) => reference.id) ?? [],
      clauses.filter((clause) => taxa.some((taxon) => taxon.id === clause)),
    );
  }
  assert.equal(fingerprints.size, results.length, "fingerprints are unique within a file");
  assert.ok(!logText.includes(ROOT), "no absolute path of this machine in the log");
});

test("fingerprints do not move when lines are inserted above a finding", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "isv-fingerprint-"));
  try {
    const original = fs.readFileSync(path.join(ROOT, "samples", "needs-work", "lease-expired.dossier.yaml"), "utf8");
    fs.writeFileSync(path.join(folder, "a.dossier.yaml"), original);
    fs.writeFileSync(path.join(folder, "b.dossier.yaml"), `# one more comment line\n# and another\n${original}`);
    const run = await runCli(["lint", ".", "--format", "sarif", "--as-of", AS_OF, "--lang", "en"], { cwd: folder });
    const results = (JSON.parse(run.stdout) as Sarif.Log).runs[0].results ?? [];
    const byFile = (uri: string): Array<string | undefined> =>
      results
        .filter((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri === uri)
        .map((result) => Object.values(result.partialFingerprints ?? {})[0]);
    const lines = (uri: string): Array<number | undefined> =>
      results
        .filter((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri === uri)
        .map((result) => result.locations?.[0]?.physicalLocation?.region?.startLine);
    assert.ok(byFile("a.dossier.yaml").length > 0);
    assert.deepEqual(byFile("b.dossier.yaml"), byFile("a.dossier.yaml"));
    assert.deepEqual(
      lines("b.dossier.yaml"),
      lines("a.dossier.yaml").map((line) => (line ?? 0) + 2),
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
