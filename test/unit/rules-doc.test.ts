// The README's rule table is generated from the rules (server/src/tools/rules-doc.ts) and must not go stale.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import { RULES } from "../../server/src/core/check/rules";
import { CHECKS } from "../../server/src/core/check/checks";
import {
  CHECKS_END,
  CHECKS_START,
  readmePath,
  renderChecksSection,
  renderRulesSection,
  RULES_END,
  RULES_START,
  withChecksSection,
  withRulesSection,
} from "../../server/src/tools/rules-doc";

test("the README rules section is up to date (regenerate: node out/server/src/tools/rules-doc.js)", () => {
  const readme = fs.readFileSync(readmePath(), "utf8");
  assert.equal(withRulesSection(readme), readme);
});

test("the README checks section is up to date (regenerate: node out/server/src/tools/rules-doc.js)", () => {
  const readme = fs.readFileSync(readmePath(), "utf8");
  assert.equal(withChecksSection(readme), readme);
});

test("the checks section lists every check id that is not a rule once, and no rule", () => {
  const section = renderChecksSection();
  for (const check of CHECKS)
    assert.equal(section.split(`| \`${check.id}\` |`).length, check.kind === "rule" ? 1 : 2, check.id);
  assert.match(section, /\| `dates\.as-of-today` \| [^|]+ \| info \| 4\.1\.3 \/ 4\.2\.3 \/ 4\.3\.3 \|/);
  assert.match(section, /\| `encoding\.bom` \| [^|]+ \| info \| — \|/);
});

test("the section lists every rule once, with its clauses per level", () => {
  const section = renderRulesSection();
  for (const rule of RULES) assert.equal(section.split(`| \`${rule.id}\` |`).length, 2, rule.id);
  assert.match(section, /\| `performance\.service-duration` \| 4\.1\.3\.a \/ 4\.2\.3\.a \/ 4\.3\.3\.a \|/);
  assert.match(section, /\| `management\.document-control` \| 4\.1\.4\.a \/ 4\.2\.4\.a \/ 4\.3\.4 \|/);
});

test("only the text between the markers changes", () => {
  const readme = `before\n${RULES_START}\nold\n${RULES_END}\nafter\n`;
  const updated = withRulesSection(readme, `${RULES_START}\nnew\n${RULES_END}`);
  assert.equal(updated, `before\n${RULES_START}\nnew\n${RULES_END}\nafter\n`);
  assert.throws(() => withRulesSection("no markers"));
  const both = `${readme}${CHECKS_START}\nold\n${CHECKS_END}\n`;
  assert.equal(
    withChecksSection(both, `${CHECKS_START}\nnew\n${CHECKS_END}`),
    `${readme}${CHECKS_START}\nnew\n${CHECKS_END}\n`,
  );
  assert.throws(() => withChecksSection(readme));
});
