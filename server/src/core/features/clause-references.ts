// The references of a clause in one dossier: every field that rests on it (the model's `clauses:` of that field, at
// the dossier's level) and every finding that cites it — the reviewer's "what in this dossier answers 4.2.3 b)?". A
// clause stands for itself and the clauses under it (4.2.3 gathers 4.2.3 a) and b)). Also: the clause a reference
// request starts from, in a comment of a dossier or on a heading of the spec document. Pure.
import type { Edition } from "../catalog/edition";
import type { DossierReport } from "../check/service";
import type { OffsetRange } from "../types";
import { clauseMentionAt } from "./clause-mentions";
import { walkModel } from "./model-walk";
import type { SpecDocument } from "./spec-document";

export interface ClauseReference {
  range: OffsetRange;
  /** "field": a key whose field rests on the clause; "finding": a finding citing it (its range). */
  kind: "field" | "finding";
  /** The field's path (kind "field") or the finding's rule id (kind "finding"). */
  what: string;
}

/** The clause and every clause under it. */
function clauseFamily(edition: Edition, clauseId: string): Set<string> {
  const family = new Set<string>([clauseId]);
  const visit = (id: string): void => {
    for (const child of edition.children(id)) {
      family.add(child.id);
      visit(child.id);
    }
  };
  visit(clauseId);
  return family;
}

/** Where a dossier answers a clause: its fields resting on it, then the findings citing it (each range once per kind). */
export function clauseReferences(report: DossierReport, clauseId: string): ClauseReference[] {
  const { edition, level } = report;
  if (!edition.clause(clauseId)) return [];
  const family = clauseFamily(edition, clauseId);
  const references: ClauseReference[] = [];
  const seen = new Set<string>();
  const add = (reference: ClauseReference): void => {
    const key = `${reference.kind}:${reference.range.start}:${reference.range.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    references.push(reference);
  };
  const resolved = new Map<string, string>();
  const resolve = (template: string): string => {
    let id = resolved.get(template);
    if (id === undefined) resolved.set(template, (id = edition.resolveClause(template, level)));
    return id;
  };
  walkModel(report, ({ path, model, keyRange }) => {
    if (!keyRange || !(model.clauses ?? []).some((template) => family.has(resolve(template)))) return;
    add({ range: keyRange, kind: "field", what: path.join(".") });
  });
  for (const finding of report.findings)
    if (finding.clauseIds.some((id) => family.has(id)))
      add({ range: finding.range, kind: "finding", what: finding.ruleId });
  return references;
}

/** The clause a references request at an offset of a dossier starts from: a clause mentioned in a comment. */
export function clauseAtOffset(report: DossierReport, offset: number): string | undefined {
  return clauseMentionAt(report.parsed.text, report.edition, offset)?.clauseId;
}

/** The clause whose section of the spec document holds an offset: the last heading at or before it. */
export function clauseInSpecDocument(spec: SpecDocument, offset: number): string | undefined {
  let best: { clauseId: string; start: number } | undefined;
  for (const [clauseId, range] of Object.entries(spec.anchors))
    if (range.start <= offset && (!best || range.start > best.start)) best = { clauseId, start: range.start };
  return best?.clauseId;
}
