// Runs every caret-annotated fixture under test/fixtures/ through the language service, in both locales.
import { test } from "node:test";
import * as fs from "node:fs";
import * as path from "node:path";
import { createLanguageService } from "../../server/src/core/check/service";
import assert from "node:assert/strict";
import { hasMessage } from "../../server/src/core/check/render";
import { assertFindings, parseExpectations } from "../support/fixture";
import type { Finding } from "../../server/src/core/types";
import { filesUnder, repositoryRoot } from "../support/repository";

const FIXTURES = path.join(repositoryRoot(), "test", "fixtures");
const TODAY = "2026-11-24";

for (const file of filesUnder(FIXTURES, [".dossier.yaml", ".dossier.yml"])) {
  const name = path.relative(FIXTURES, file);
  test(`fixture ${name}`, () => {
    const text = fs.readFileSync(file, "utf8");
    const folder = path.dirname(file);
    for (const locale of ["en", "zh-cn"]) {
      const service = createLanguageService({
        locale,
        today: TODAY,
        evidenceExists: (relative) => fs.existsSync(path.join(folder, relative)),
      });
      const findings = service.validate(text).findings;
      assertFindings(text, findings);
      const withoutText = findings
        .flatMap((finding) => [finding.messageId, ...finding.related.map((related) => related.messageId)])
        .filter((id) => !hasMessage(id));
      assert.deepEqual(withoutText, [], "every message has texts in both languages");
    }
  });
}

// The checker itself: a related location is asserted like a finding.
const MARKED = [
  "application:",
  "  date: 2026-06-15",
  "#       ~~~~~~~~~~ related dates.not-after-application",
  "performance:",
  "  service_since: 2026-06-16",
  "#                ^^^^^^^^^^ 4.1.3.a dates.not-after-application error",
  "",
].join("\n");
const DATE = { start: MARKED.indexOf("2026-06-15"), end: MARKED.indexOf("2026-06-15") + 10 };
const SINCE = { start: MARKED.indexOf("2026-06-16"), end: MARKED.indexOf("2026-06-16") + 10 };

function finding(related: Array<{ start: number; end: number }>): Finding {
  return {
    ruleId: "dates.not-after-application",
    clauseIds: ["4.1.3.a"],
    severity: "error",
    messageId: "dates.not-after-application",
    args: {},
    range: SINCE,
    related: related.map((range) => ({ range, messageId: "dates.not-after-application.application-date", args: {} })),
  };
}

test("a related mark is a related location of the findings it chooses", () => {
  assert.deepEqual(
    parseExpectations(MARKED).map((expectation) => expectation.related),
    [[DATE]],
  );
  assertFindings(MARKED, [finding([DATE])]);
});

test("a related location missing, moved or not marked fails the fixture", () => {
  assert.throws(() => assertFindings(MARKED, [finding([])]));
  assert.throws(() => assertFindings(MARKED, [finding([{ start: DATE.start - 6, end: DATE.end }])]));
  assert.throws(() => assertFindings(MARKED, [finding([DATE, SINCE])]));
  const unmarked = MARKED.split("\n")
    .filter((line) => !line.includes("~"))
    .join("\n");
  assert.throws(() => assertFindings(unmarked, [finding([DATE])]));
});

test("a related mark that chooses no annotated finding is an error in the fixture", () => {
  assert.throws(
    () => parseExpectations(MARKED.replace("related dates.not-after-application", "related dates.order")),
    /chooses no annotated finding/,
  );
  assert.throws(() => parseExpectations(MARKED.replace("related dates.not-after-application", "4.1.3.a")), /related/);
});

test("a related mark chooses one annotated finding by its @name", () => {
  const text = [
    "projects:",
    "  - { signed: 2025-03-01, completed: 2025-02-27 }",
    "#             ~~~~~~~~~~ related @first",
    "#                                    ^^^^^^^^^^ 4.1.3.b dates.order @first",
    "  - { signed: 2025-09-01, completed: 2025-08-28 }",
    "#             ~~~~~~~~~~ related @second",
    "#                                    ^^^^^^^^^^ 4.1.3.b dates.order @second",
    "",
  ].join("\n");
  const signed = (value: string) => ({ start: text.indexOf(value), end: text.indexOf(value) + 10 });
  const expectations = parseExpectations(text);
  assert.deepEqual(
    expectations.map((expectation) => [expectation.name, expectation.ids, expectation.related]),
    [
      ["first", ["4.1.3.b", "dates.order"], [signed("2025-03-01")]],
      ["second", ["4.1.3.b", "dates.order"], [signed("2025-09-01")]],
    ],
  );
});
