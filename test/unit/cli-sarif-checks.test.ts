// Every check id in a SARIF run has a reportingDescriptor described from the check table (core/check/checks.ts): the
// rules, and the encoding, limit and security checks too, with the default level of the check's usual severity.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildSarifLog } from "../../server/src/cli/format-sarif";
import { lintBytes, LintedFile } from "../../server/src/cli/lint-file";
import { checkById } from "../../server/src/core/check/checks";
import { defaultEdition } from "../../server/src/core/catalog/edition";
import { pick } from "../../server/src/core/check/render";
import { RULES } from "../../server/src/core/check/rules";
import type { Locale } from "../../server/src/core/types";
import { repositoryRoot } from "../support/repository";

const VALID = path.join(repositoryRoot(), "test", "fixtures", "schema", "valid.dossier.yaml");
const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

function utf16le(text: string): Uint8Array {
  return new Uint8Array([
    0xff,
    0xfe,
    ...[...text].flatMap((character) => [character.charCodeAt(0) & 0xff, character.charCodeAt(0) >> 8]),
  ]);
}

function linted(locale: Locale): LintedFile[] {
  const valid = fs.readFileSync(VALID, "utf8");
  const settings = { locale, today: "2026-11-24" };
  const inputs: Array<[string, Uint8Array]> = [
    [
      "hostile.dossier.yaml",
      new TextEncoder().encode(
        `\ufeff${valid}\n# yaml-language-server: $schema=https://example.com/s.json\n# \u0001 \ufffd\n`,
      ),
    ],
    ["utf16.dossier.yaml", utf16le(valid)],
    ["binary.dossier.yaml", new TextEncoder().encode("spec: x\u0000\n")],
    ["deep.dossier.yaml", new TextEncoder().encode(`spec: ${"[".repeat(150)}\n`)],
  ];
  return inputs.map(([name, bytes]) =>
    lintBytes({ absolutePath: path.join(path.dirname(VALID), name), displayPath: name }, bytes, settings),
  );
}

for (const locale of ["en", "zh-cn"] as const) {
  test(`every check id of a run has its description from the check table (${locale})`, () => {
    const files = linted(locale);
    const edition = defaultEdition();
    const log = buildSarifLog(files, { locale, color: false, toolVersion: "0.0.0", edition });
    const run = log.runs[0];
    const rules = run.tool.driver.rules ?? [];
    const results = run.results ?? [];
    const ids = new Set(results.map((result) => result.ruleId ?? ""));
    for (const prefix of ["encoding.", "limits.", "security."])
      assert.ok(
        [...ids].some((id) => id.startsWith(prefix)),
        `a ${prefix}* finding in the run`,
      );
    for (const id of [...ids, ...RULES.map((rule) => rule.id)]) {
      const check = checkById(id);
      assert.ok(check, `${id} is in the check table`);
      const descriptor = rules.find((rule) => rule.id === id);
      assert.ok(descriptor, `${id} has a reportingDescriptor`);
      const description = pick(check.description, locale);
      assert.equal(descriptor.shortDescription?.text, description, id);
      assert.ok(descriptor.fullDescription?.text.startsWith(description), id);
      assert.equal(descriptor.defaultConfiguration?.level, LEVEL[check.defaultSeverity], id);
    }
    for (const result of results) assert.equal(rules[result.ruleIndex ?? -1]?.id, result.ruleId);
  });
}
