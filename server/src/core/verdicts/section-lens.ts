// Code lenses: above each top-level section of a dossier, the clauses that section answers (the model's `clauses:`
// of the section and its fields, at the dossier's level) with their verdicts from clause-status.ts — "4.2.3 a) 符合 ·
// 4.2.3 b) 不符合（5/6）". A heading whose items are listed gives way to them; clauses that do not apply are left out.
// A count the rule reported (counted of required) is shown beside a violated clause. Pure.
import { clauseLabel } from "../catalog/clause-text";
import { isMap, isScalar } from "yaml";
import type { ModelNode } from "../catalog/edition";
import type { DossierReport } from "../check/service";
import { rangeOf } from "../parse/locate";
import { pick } from "../l10n/locale";
import type { Finding, Locale, OffsetRange } from "../types";
import { ClauseVerdict, dossierVerdicts, STATUS_LABELS } from "./clause-status";

export interface SectionLens {
  /** The section's key. */
  section: string;
  range: OffsetRange;
  clauseId: string;
  status: ClauseVerdict["status"];
  title: string;
}

/** The top-level keys of a dossier with their ranges. */
function sectionKeys(report: DossierReport): Array<{ key: string; range: OffsetRange }> {
  const contents = report.parsed.document.contents;
  if (!isMap(contents)) return [];
  const keys: Array<{ key: string; range: OffsetRange }> = [];
  for (const pair of contents.items) {
    const range = rangeOf(pair.key);
    if (isScalar(pair.key) && range) keys.push({ key: String(pair.key.value), range });
  }
  return keys;
}

function modelClauses(node: ModelNode, into: Set<string>): void {
  for (const clause of node.clauses ?? []) into.add(clause);
  for (const child of Object.values(node.properties ?? {})) modelClauses(child, into);
  if (node.items) modelClauses(node.items, into);
}

/** "（5/6）" / " (5/6)" when a finding of the clause counted something against a requirement. */
function countOf(verdict: ClauseVerdict<Finding>, locale: Locale): string {
  for (const finding of verdict.findings) {
    const { counted, required } = finding.args;
    if (typeof counted === "number" && typeof required === "number")
      return locale === "zh-cn" ? `（${counted}/${required}）` : ` (${counted}/${required})`;
  }
  return "";
}

/** One lens per clause of each top-level section, in section order. */
export function sectionLenses(report: DossierReport, locale: Locale): SectionLens[] {
  if (report.parsed.declined) return [];
  const verdicts = new Map(dossierVerdicts(report).map((verdict) => [verdict.clauseId, verdict]));
  const lenses: SectionLens[] = [];
  for (const { key, range } of sectionKeys(report)) {
    const node = report.edition.model.properties?.[key];
    if (!node) continue;
    const templates = new Set<string>();
    modelClauses(node, templates);
    const ids = [...new Set([...templates].map((template) => report.edition.resolveClause(template, report.level)))];
    const shown = ids.filter((id) => {
      const verdict = verdicts.get(id);
      if (!verdict || verdict.status === "not-applicable") return false;
      return !ids.some((other) => other !== id && report.edition.clause(other)?.parent === id && verdicts.has(other));
    });
    for (const clauseId of report.edition.clauses.map((clause) => clause.id).filter((id) => shown.includes(id))) {
      const verdict = verdicts.get(clauseId)!;
      const title = `${clauseLabel(clauseId, locale)} ${pick(STATUS_LABELS[verdict.status], locale)}${countOf(verdict, locale)}`;
      lenses.push({ section: key, range, clauseId, status: verdict.status, title });
    }
  }
  return lenses;
}
