// The JSON Schema of the configuration file (isv-dossier.config.yaml) and its ajv standalone validator: the keys
// and bounds of core/check/config/config-model.ts, every check id a dossier's finding may carry and every clause id
// of every edition enumerated (for severity keys and a waiver's rule and clause). Written by generate.ts.
import Ajv2020 from "ajv/dist/2020";
import standaloneCode from "ajv/dist/standalone";
import {
  CONFIG_KEY_DESCRIPTIONS,
  CONFIG_KEYS,
  INTEGER_SETTINGS,
  LOCALES,
  SEVERITIES,
  WAIVER_KEY_DESCRIPTIONS,
} from "../../server/src/core/check/config/config-model";
import { WAIVER_KEYS } from "../../server/src/core/check/waiver-entry";
import type { Localized } from "../../server/src/core/types";
import type { JsonSchema } from "./model-to-schema";

export const CONFIG_SCHEMA_ID = "https://isv-dossier.invalid/schemas/isv-dossier.config.schema.json";

function described(text: Localized): JsonSchema {
  return { description: `${text.zh}\n\n${text.en}`, markdownDescription: `${text.zh}\n\n${text.en}` };
}

/** The configuration file's schema: check ids first, then clause ids (each list as given, without repeats). */
export function buildConfigSchema(checkIds: string[], clauseIds: string[]): JsonSchema {
  const ids = [...new Set([...checkIds, ...clauseIds])];
  const keys = CONFIG_KEY_DESCRIPTIONS;
  const integer = (key: keyof typeof INTEGER_SETTINGS): JsonSchema => ({
    ...described(keys[key]),
    type: "integer",
    minimum: INTEGER_SETTINGS[key].minimum,
    maximum: INTEGER_SETTINGS[key].maximum,
  });
  const waiverProperties: { [key: string]: JsonSchema } = {};
  for (const key of WAIVER_KEYS) {
    const description = described(WAIVER_KEY_DESCRIPTIONS[key]);
    if (key === "rule") waiverProperties[key] = { ...description, enum: [...new Set(checkIds)] };
    else if (key === "clause") waiverProperties[key] = { ...description, enum: [...new Set(clauseIds)] };
    else waiverProperties[key] = { ...description, type: "string" };
  }
  const properties: { [key: string]: JsonSchema } = {
    severity: {
      ...described(keys.severity),
      type: "object",
      propertyNames: { enum: ids },
      additionalProperties: { enum: [...SEVERITIES] },
    },
    leaseWarningMonths: integer("leaseWarningMonths"),
    checkEvidence: { ...described(keys.checkEvidence), type: "boolean" },
    waivers: {
      ...described(keys.waivers),
      type: "array",
      items: { type: "object", additionalProperties: false, properties: waiverProperties },
    },
    locale: { ...described(keys.locale), enum: [...LOCALES] },
    maxFileSizeBytes: integer("maxFileSizeBytes"),
    timeBudgetMs: integer("timeBudgetMs"),
  };
  if (Object.keys(properties).join() !== CONFIG_KEYS.join())
    throw new Error("config schema keys differ from CONFIG_KEYS");
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: CONFIG_SCHEMA_ID,
    title: "isv-dossier 配置文件 · isv-dossier configuration file (isv-dossier.config.yaml)",
    type: "object",
    additionalProperties: false,
    properties,
  };
}

/** ajv standalone code of the schema, as a TypeScript module exporting `validateConfig`. */
export function configValidatorSource(schema: JsonSchema, marker: string): string {
  const ajv = new Ajv2020({
    allErrors: true,
    // no message texts: the findings are written from each error's keyword and parameters (core/check/config/)
    messages: false,
    strict: true,
    // errors carry their schema (parentSchema): the allowed keys and values a finding names
    verbose: true,
    // markdownDescription is an editor's annotation (VS Code's), not a JSON Schema keyword
    keywords: ["markdownDescription"],
    code: { source: true, esm: true, lines: false },
  });
  ajv.addSchema(schema);
  const code = standaloneCode(ajv, { validateConfigGenerated: CONFIG_SCHEMA_ID })
    .replace(/^"use strict";/, "")
    .replace(/export const validateConfigGenerated = /, "const validateConfigGenerated = ");
  if (/require\(/.test(code)) throw new Error("the configuration's validator needs a runtime module");
  return [
    `// ${marker}`,
    "// ajv standalone validator of the configuration file (isv-dossier.config.yaml), so that start-up pays no schema compilation.",
    "// @ts-nocheck",
    "/* eslint-disable */",
    'import type { ConfigValidator } from "../../server/src/core/check/config/config-check";',
    code.trim(),
    "export const validateConfig: ConfigValidator = validateConfigGenerated;",
    "",
  ].join("\n");
}
