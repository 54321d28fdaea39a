// The generated JSON Schemas: fresh (regenerating changes nothing), every x-clause names a catalog clause,
// every machine-checkable clause is referenced by a constraint or a rule, and plain ajv accepts the files as
// they are and agrees with the language service on the samples.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { generateAll } from "../../schemas/tools/generate";
import { ANNOTATION_KEYWORDS } from "../../schemas/tools/model-to-schema";
import { allEditions } from "../../server/src/core/catalog/edition";
import { RULES } from "../../server/src/core/check/rules";
import { createLanguageService } from "../../server/src/core/check/service";
import { filesUnder, repositoryRoot } from "../support/repository";

const ROOT = repositoryRoot();

test("generated files are up to date (run `npm run generate` after editing schemas/*/)", () => {
  for (const file of generateAll(ROOT)) {
    const current = fs.readFileSync(path.join(ROOT, file.relativePath), "utf8");
    assert.equal(current, file.content, `${file.relativePath} is stale`);
  }
});

test("generated files say they are generated", () => {
  for (const file of generateAll(ROOT))
    assert.match(file.content.slice(0, 300), /generated .* do not edit/, file.relativePath);
});

function collectClauseAnnotations(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => collectClauseAnnotations(item, found));
  else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "x-clause" && Array.isArray(child)) child.forEach((id) => found.add(String(id)));
      else collectClauseAnnotations(child, found);
    }
  }
}

function localizedProblems(node: unknown, where: string): string[] {
  if (node === null || typeof node !== "object") return [];
  const problems: string[] = [];
  const record = node as { [key: string]: unknown };
  const isLocalized = (value: unknown): boolean =>
    value !== null &&
    typeof value === "object" &&
    Object.keys(value).sort().join(",") === "en,zh" &&
    Object.values(value).every((text) => typeof text === "string" && text.length > 0);
  for (const key of ["title", "description"])
    if (key in record && !isLocalized(record[key])) problems.push(`${where}.${key}`);
  for (const [value, label] of Object.entries((record.labels ?? {}) as object))
    if (!isLocalized(label)) problems.push(`${where}.labels.${value}`);
  for (const [key, child] of Object.entries((record.properties ?? {}) as object))
    problems.push(...localizedProblems(child, `${where}.${key}`));
  if (record.items) problems.push(...localizedProblems(record.items, `${where}[]`));
  return problems;
}

for (const edition of allEditions()) {
  test(`${edition.id}: every title, description and label of the model has exactly a Chinese and an English text`, () => {
    assert.deepEqual(localizedProblems(edition.model, "root"), []);
    const keysWithoutTitle: string[] = [];
    const visit = (node: { properties?: { [key: string]: unknown }; items?: unknown }, where: string): void => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const field = child as {
          title?: unknown;
          description?: unknown;
          properties?: { [key: string]: unknown };
          items?: unknown;
        };
        if (!field.title || !field.description) keysWithoutTitle.push(`${where}.${key}`);
        visit(field, `${where}.${key}`);
      }
      if (node.items) visit(node.items as { properties?: { [key: string]: unknown } }, `${where}[]`);
    };
    visit(edition.model, "root");
    assert.deepEqual(keysWithoutTitle, []);
  });

  const folder = path.join(ROOT, "schemas", "generated", edition.slug);
  const schemaFiles = fs.readdirSync(folder).filter((name) => name.endsWith(".schema.json"));

  test(`${edition.id}: every x-clause resolves to a catalog clause`, () => {
    for (const name of schemaFiles) {
      const referenced = new Set<string>();
      collectClauseAnnotations(JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")), referenced);
      assert.ok(referenced.size > 10, name);
      for (const id of referenced) assert.ok(edition.clause(id), `${name}: x-clause ${id} is not in the catalog`);
    }
  });

  test(`${edition.id}: every checkable clause is referenced by the schema or a rule, as its catalog entry says`, () => {
    const bySchema = new Set<string>();
    for (const name of schemaFiles)
      collectClauseAnnotations(JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")), bySchema);
    const byRules = new Set<string>();
    for (const rule of RULES)
      for (const template of rule.clauses)
        for (const level of [1, 2, 3] as const) byRules.add(edition.resolveClause(template, level));
    const problems: string[] = [];
    for (const clause of edition.clauses) {
      const check = clause.check ?? [];
      if (check.includes("schema") && !bySchema.has(clause.id))
        problems.push(`${clause.id}: check says schema, no constraint cites it`);
      if (RULES.length > 0 && check.includes("rule") && !byRules.has(clause.id) && !bySchema.has(clause.id)) {
        problems.push(`${clause.id}: check says rule, no rule cites it`);
      }
      if (check.length === 0) problems.push(`${clause.id}: no check kind`);
    }
    assert.deepEqual(problems, []);
  });

  test(`${edition.id}: plain ajv accepts the schemas unchanged and agrees with the service on the samples`, () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(folder, "dossier.schema.json"), "utf8")));
    const service = createLanguageService({ today: "2026-11-24" });
    const samples = filesUnder(path.join(ROOT, "samples"), [".dossier.yaml"]);
    assert.ok(samples.length >= 8);
    for (const file of samples) {
      const text = fs.readFileSync(file, "utf8");
      const schemaFindings = service.validate(text).findings.filter((finding) => finding.ruleId.startsWith("schema."));
      assert.equal(validate(parse(text)), schemaFindings.length === 0, path.relative(ROOT, file));
    }
  });
}
