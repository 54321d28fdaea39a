// The generated validator of the dossier's shape (ajv standalone code, with the faster `date` format of
// core/check/schema/formats.ts) gives the errors an ajv validator compiled here from the level schemas gives, on the
// samples, generated dossiers with faults and hundreds of random mutations of them. Not timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ErrorObject } from "ajv";
import { parse } from "yaml";
import { generateDossier } from "../support/generate-dossier";
import { Prng } from "../support/prng";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { shapeSchema } from "../../schemas/tools/generate";
import type { JsonSchema } from "../../schemas/tools/model-to-schema";
import { filesUnder, repositoryRoot } from "../support/repository";

const edition = defaultEdition();
const shape = shapeSchema(
  new Map([1, 2, 3].map((level) => [level, edition.levelSchema(level as 1 | 2 | 3) as JsonSchema])),
  edition.slug,
);
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const whole = ajv.compile(shape);

function signature(errors: readonly ErrorObject[]): string[] {
  return errors
    .map((error) => JSON.stringify([error.instancePath, error.schemaPath, error.keyword, error.params]))
    .sort();
}

function wholeErrors(value: unknown): string[] {
  return whole(value) ? [] : signature(whole.errors ?? []);
}

const SAMPLE_VALUES: unknown[] = filesUnder(path.join(repositoryRoot(), "samples"), [".dossier.yaml"]).map((file) =>
  parse(fs.readFileSync(file, "utf8")),
);
const GENERATED_VALUES: unknown[] = [1, 2, 3].map((seed) =>
  parse(generateDossier({ lines: 400, faults: true, seed }).text),
);

const JUNK: unknown[] = [
  null,
  0,
  7,
  -1,
  1.5,
  true,
  "",
  "x",
  "2024-02-30",
  [],
  ["x"],
  [{}],
  {},
  { name: 1 },
  { id: "a", unknown: true },
];

/** A deep copy of `value` with one random change: a value replaced by junk, a key removed, or an unknown key added. */
function mutant(prng: Prng, value: unknown): unknown {
  const copy = structuredClone(value) as { [key: string]: unknown };
  const containers: Array<{ [key: string]: unknown } | unknown[]> = [];
  const collect = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    containers.push(node as { [key: string]: unknown });
    for (const child of Object.values(node)) collect(child);
  };
  collect(copy);
  const target = prng.pick(containers);
  const keys = Object.keys(target);
  const choice = prng.below(3);
  if (choice === 0 && keys.length > 0)
    (target as { [key: string]: unknown })[prng.pick(keys)] = structuredClone(prng.pick(JUNK));
  else if (choice === 1 && keys.length > 0 && !Array.isArray(target)) delete target[prng.pick(keys)];
  else if (!Array.isArray(target)) target[`unknown_${prng.below(3)}`] = prng.pick(JUNK);
  else target.push(structuredClone(prng.pick(JUNK)));
  return copy;
}

test("the generated validator gives the errors of an ajv validator compiled from the level schemas", () => {
  const prng = new Prng(31);
  const values = [...SAMPLE_VALUES, ...GENERATED_VALUES];
  for (let index = 0; index < 600; index++) {
    let value = prng.pick([...SAMPLE_VALUES, ...GENERATED_VALUES]);
    for (let changes = prng.between(1, 4); changes > 0; changes--) value = mutant(prng, value);
    values.push(value);
  }
  values.push(
    null,
    1,
    "text",
    [],
    {},
    { personnel: "x" },
    { personnel: [1, null, "x", []] },
    { performance: { projects: {} } },
    { performance: [] },
  );
  let withErrors = 0;
  let withItemErrors = 0;
  const validate = edition.validateShape;
  for (const [index, value] of values.entries()) {
    const expected = wholeErrors(value);
    if (expected.length > 0) withErrors++;
    if (expected.some((error) => /^\["\/(personnel|performance\/projects|tools)\/\d/.test(error))) withItemErrors++;
    assert.equal(validate(value), expected.length === 0, `value ${index}`);
    assert.deepEqual(signature(validate.errors ?? []), expected, `value ${index}`);
  }
  assert.ok(withErrors > 400, `${withErrors} values with errors`);
  assert.ok(withItemErrors > 150, `${withItemErrors} values with errors inside list items`);
});
