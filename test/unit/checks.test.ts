// The table of check ids (server/src/core/check/checks.ts) is complete and has nothing extra: every id the sources can
// report (ruleId / code literals, the *_RULES constants, the schema keywords the generated schemas use) and every id
// reported on the fixtures, the samples and hostile inputs has an entry, with the severities it was reported with;
// every entry is reported by something.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CHECKS, checkById, checkIds, configurableIds } from "../../server/src/core/check/checks";
import { defaultEdition, LEVELS } from "../../server/src/core/catalog/edition";
import { decodeDossierBytes } from "../../server/src/core/parse/encoding";
import { RULES } from "../../server/src/core/check/rules";
import { createLanguageService } from "../../server/src/core/check/service";
import type { Finding, Severity } from "../../server/src/core/types";
import { filesUnder, repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();
const SOURCES = path.join(ROOT, "server", "src");
const TODAY = "2026-11-24";
const ID_LITERAL = /"([a-z]+\.[a-z0-9]+(?:[.-][a-z0-9]+)*)"/g;

/** Ids in the sources: string literals on lines that set a `ruleId` or a diagnostic `code`, and the values of `…_RULES` objects. */
function idsInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of filesUnder(SOURCES, [".ts"])) {
    const text = fs.readFileSync(file, "utf8");
    const where = path.relative(ROOT, file);
    for (const line of text.split("\n")) {
      if (!/\bruleId\b|\bcode:/.test(line) || /^\s*(\/\/|\*|\/\*)/.test(line)) continue;
      for (const match of line.matchAll(ID_LITERAL)) found.set(match[1], where);
    }
    for (const block of text.matchAll(/const \w+_RULES\b[^=]*=\s*\{([^}]*)\}/g)) {
      for (const match of block[1].matchAll(/:\s*"([a-z]+\.[a-z0-9.-]+)"/g)) found.set(match[1], where);
    }
  }
  return found;
}

/** The value keywords check/schema/check.ts turns into findings (its VALUE_KEYWORDS), read from its source. */
function valueKeywords(): string[] {
  const source = fs.readFileSync(path.join(SOURCES, "core", "check", "schema", "check.ts"), "utf8");
  const list = /const VALUE_KEYWORDS = \[([^\]]*)\]/.exec(source);
  assert.ok(list, "check/schema/check.ts lists VALUE_KEYWORDS");
  return [...list[1].matchAll(/"(\w+)"/g)].map((match) => match[1]);
}

/** The schema ids the generated schemas can give rise to: one per constraint keyword they use (check/schema/check.ts's mapping). */
function idsFromSchemas(): Set<string> {
  const keywords = new Set(["required", "additionalProperties", "minItems", "uniqueItems", ...valueKeywords()]);
  const special: { [keyword: string]: string } = {
    additionalProperties: "schema.unknown-key",
    not: "schema.forbidden",
    const: "schema.enum",
  };
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const object = node as { [key: string]: unknown };
    for (const [key, value] of Object.entries(object)) {
      if (keywords.has(key) && key !== "properties") {
        if (key === "pattern" && !(Array.isArray(object["x-clause"]) && object["x-clause"].length > 0))
          ids.add("identifier.format");
        else if (key === "additionalProperties" && value !== false) {
          // a schema, not a prohibition
        } else ids.add(special[key] ?? `schema.${key.replace(/[A-Z]/g, (letter) => "-" + letter.toLowerCase())}`);
      }
      visit(value);
    }
  };
  // the dossier schemas only: the configuration file's schema gives rise to config.* (check/config/config-check.ts)
  for (const file of filesUnder(path.join(ROOT, "schemas", "generated"), [".schema.json"]))
    if (!file.endsWith("isv-dossier.config.schema.json")) visit(JSON.parse(fs.readFileSync(file, "utf8")));
  return ids;
}

/** Every ruleId reported, with its severities: fixtures, samples, and inputs made for the checks they do not reach. */
function reportedIds(): Map<string, Set<Severity>> {
  const reported = new Map<string, Set<Severity>>();
  const note = (findings: Finding[]): void => {
    for (const finding of findings) {
      const severities = reported.get(finding.ruleId) ?? new Set<Severity>();
      severities.add(finding.severity);
      reported.set(finding.ruleId, severities);
    }
  };
  const files = [
    ...filesUnder(path.join(ROOT, "test", "fixtures"), [".dossier.yaml", ".dossier.yml"]),
    ...filesUnder(path.join(ROOT, "samples"), [".dossier.yaml", ".dossier.yml"]),
  ];
  assert.ok(files.length > 20);
  for (const file of files) {
    const folder = path.dirname(file);
    const service = createLanguageService({
      locale: "en",
      today: TODAY,
      evidenceExists: (relative) => fs.existsSync(path.join(folder, relative)),
    });
    note(service.validate(fs.readFileSync(file, "utf8")).findings);
  }
  const valid = fs.readFileSync(path.join(ROOT, "test", "fixtures", "schema", "valid.dossier.yaml"), "utf8");
  const service = createLanguageService({ locale: "en", today: TODAY });
  const aliases = [
    "a: &a [x, x, x, x, x, x, x, x, x, x]",
    ...Array.from({ length: 12 }, (_, index) => `b${index}: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]`),
  ].join("\n");
  for (const text of [
    valid,
    `\ufeff${valid}`,
    `${valid}\n# \u0001\n`,
    `${valid}\n# \ufffd\n`,
    `spec: x\u0000\n`,
    aliases,
  ])
    note(service.validate(text).findings);
  let clock = 0;
  const slow = createLanguageService({
    locale: "en",
    today: TODAY,
    timeBudget: { limitMs: 1, now: () => (clock += 10) },
  });
  note(slow.validate(valid).findings);
  const utf16 = new Uint8Array([
    0xff,
    0xfe,
    ...[...valid].flatMap((character) => [character.charCodeAt(0) & 0xff, character.charCodeAt(0) >> 8]),
  ]);
  note(decodeDossierBytes(utf16).findings);
  return reported;
}

const sourceIds = idsInSources();
const schemaIds = idsFromSchemas();
const reported = reportedIds();

test("the source scan finds ids where they are made (the scan itself works)", () => {
  for (const id of [
    "yaml.syntax",
    "yaml.tab",
    "yaml.alias-limit",
    "schema.required",
    "schema.min-items",
    "identifier.format",
    "limits.file-size",
    "encoding.bom",
    "security.remote-reference",
    "dates.as-of-today",
  ]) {
    assert.ok(sourceIds.has(id), id);
  }
  assert.ok(schemaIds.has("schema.enum") && schemaIds.has("schema.format"));
});

test("every id the sources can report has an entry in the table", () => {
  const missing = [...sourceIds].filter(([id]) => !checkById(id)).map(([id, where]) => `${id} (${where})`);
  assert.deepEqual(missing, []);
  assert.deepEqual(
    [...schemaIds].filter((id) => !checkById(id)),
    [],
  );
});

test("every reported id has an entry, declaring the severities it was reported with", () => {
  assert.deepEqual(
    [...reported.keys()].filter((id) => !checkById(id)),
    [],
  );
  for (const [id, severities] of reported) {
    const declared = checkById(id)?.severities ?? [];
    assert.deepEqual(
      [...severities].filter((severity) => !declared.includes(severity)),
      [],
      id,
    );
  }
});

test("every entry is reported by something", () => {
  const rules = new Set(RULES.map((rule) => rule.id));
  const unreported = checkIds().filter(
    (id) => !rules.has(id) && !sourceIds.has(id) && !schemaIds.has(id) && !reported.has(id),
  );
  assert.deepEqual(unreported, []);
  const hostile = [
    "encoding.binary",
    "encoding.control-character",
    "encoding.replacement-character",
    "encoding.bom",
    "encoding.utf16",
    "limits.time-budget",
    "limits.nesting-depth",
    "yaml.alias-limit",
    "security.remote-reference",
  ];
  assert.deepEqual(
    hostile.filter((id) => !reported.has(id)),
    [],
    "the made-up inputs reach the checks they are for",
  );
});

test("every entry: a unique id, its kind, clauses that resolve, severities, a description in both languages", () => {
  const edition = defaultEdition();
  assert.equal(new Set(checkIds()).size, CHECKS.length);
  for (const rule of RULES) assert.equal(checkById(rule.id)?.kind, "rule", rule.id);
  for (const check of CHECKS) {
    assert.ok(check.severities.length > 0 && check.defaultSeverity === check.severities[0], check.id);
    assert.ok(check.description.en.length > 0, check.id);
    assert.match(check.description.zh, /[\u4e00-\u9fff]/, check.id);
    assert.ok(!check.clausesFromSchema || check.clauses.length === 0, check.id);
    for (const template of check.clauses)
      for (const level of LEVELS)
        assert.ok(edition.clause(edition.resolveClause(template, level)), `${check.id} ${template}`);
  }
});

test("the configurable ids are every check id but the configuration file's own, and every clause id of the edition", () => {
  const edition = defaultEdition();
  const ids = configurableIds(edition);
  assert.deepEqual(
    ids.checks,
    checkIds().filter((id) => !id.startsWith("config.")),
  );
  assert.ok(checkIds().includes("config.unknown-id"));
  assert.deepEqual(
    ids.clauses,
    edition.clauses.map((clause) => clause.id),
  );
  assert.ok(ids.checks.includes("limits.time-budget") && ids.clauses.includes("4.1.3.a"));
});
