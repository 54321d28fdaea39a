// The samples stay valid and the needs-work set shows its mistakes: every samples/*/ dossier has no error or
// warning (evidence checked on disk, as the CLI does); every samples/needs-work/ dossier has at least one error or
// warning, citing the clause its header names ("违反条款：4.2.3 a" → 4.2.3.a; a standard named there, such as
// GB 32100-2015, stands for the rule that checks it).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { evidenceExistsIn } from "../../server/src/node/evidence-files";
import { createLanguageService } from "../../server/src/core/check/service";
import type { Finding } from "../../server/src/core/types";
import { filesUnder, repositoryRoot } from "../support/repository";

const SAMPLES = path.join(repositoryRoot(), "samples");
const NEEDS_WORK = path.join(SAMPLES, "needs-work");
/** Standards a header may name instead of a clause, and the rule that checks each. */
const RULE_FOR_STANDARD: { [standard: string]: string } = { "GB 32100-2015": "identifier.credit-code" };

function check(file: string): Finding[] {
  const service = createLanguageService({
    locale: "zh-cn",
    today: "2026-11-24",
    evidenceExists: evidenceExistsIn(path.dirname(file)),
  });
  return service.validate(fs.readFileSync(file, "utf8")).findings.filter((finding) => finding.severity !== "info");
}

function describe(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId} [${finding.clauseIds.join(",")}] ${finding.severity}`);
}

/** "4.1.4 a" → "4.1.4.a", "4.1.6（3.7）" → "4.1.6", "3.7"; standards are kept as written. */
function namedClauses(header: string): string[] {
  const line =
    /违反条款[:：]\s*(.+)/.exec(header)?.[1] ??
    [...header.matchAll(/（(\d+(?:\.\d+)*\s*[a-z]?)）/g)].map((match) => match[1]).join("；");
  return line
    .split(/[；;、（）()]/)
    .map((token) => token.trim())
    .filter((token) => token.length > 0)
    .map((token) =>
      RULE_FOR_STANDARD[token] ? token : token.replace(/^(\d+(?:\.\d+)*)\s+([a-z])\b.*$/, "$1.$2").replace(/\s.*$/, ""),
    );
}

function headerOf(text: string): string {
  return text
    .split("\n")
    .filter((line, index, lines) =>
      lines.slice(0, index + 1).every((earlier) => earlier.startsWith("#") || earlier.trim() === ""),
    )
    .join("\n");
}

test("the header reader turns the named clauses into clause ids", () => {
  assert.deepEqual(namedClauses("# 违反条款：4.2.3 a"), ["4.2.3.a"]);
  assert.deepEqual(namedClauses("# 违反条款：4.1.6（3.7）"), ["4.1.6", "3.7"]);
  assert.deepEqual(namedClauses("# 违反条款：1；GB 32100-2015"), ["1", "GB 32100-2015"]);
  assert.deepEqual(namedClauses("# 从业只有 2 年（4.2.3 b）。"), ["4.2.3.b"]);
});

const validSamples = filesUnder(SAMPLES, [".dossier.yaml"]).filter((file) => !file.startsWith(NEEDS_WORK + path.sep));

test("there are valid samples and needs-work samples", () => {
  assert.ok(validSamples.length > 0);
  assert.ok(filesUnder(NEEDS_WORK, [".dossier.yaml"]).length > 0);
});

for (const file of validSamples) {
  test(`sample ${path.relative(SAMPLES, file)} has no error or warning`, () => {
    assert.deepEqual(describe(check(file)), []);
  });
}

for (const file of filesUnder(NEEDS_WORK, [".dossier.yaml"])) {
  test(`needs-work ${path.basename(file)} shows its mistake`, () => {
    const named = namedClauses(headerOf(fs.readFileSync(file, "utf8")));
    assert.ok(named.length > 0, "the header names the clause it breaks");
    const findings = check(file);
    assert.ok(findings.length > 0, "at least one error or warning");
    const shown = findings.some(
      (finding) =>
        finding.clauseIds.some((clauseId) => named.includes(clauseId)) ||
        named.some((token) => RULE_FOR_STANDARD[token] === finding.ruleId),
    );
    assert.ok(shown, `a finding citing ${named.join(" or ")}; found ${describe(findings).join("; ")}`);
  });
}
