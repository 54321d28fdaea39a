// Runs every caret-annotated fixture under test/fixtures/ through the language service, in both locales.
import { test } from "node:test";
import * as fs from "node:fs";
import * as path from "node:path";
import { createLanguageService } from "../../server/src/core/service";
import assert from "node:assert/strict";
import { hasMessage } from "../../server/src/core/l10n/render";
import { assertFindings } from "../support/fixture";
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
      const withoutText = findings.flatMap((finding) => [finding.messageId, ...finding.related.map((related) => related.messageId)]).filter((id) => !hasMessage(id));
      assert.deepEqual(withoutText, [], "every message has texts in both languages");
    }
  });
}
