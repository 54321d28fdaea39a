// Every evidence path of a dossier, found by walking the dossier model (fields marked `evidence: true`, the
// schema's x-evidence) alongside the data — no hand-kept list. Each comes with the clauses of the field holding it.
import type { ModelNode } from "../../edition";
import type { JsonPath } from "../../types";
import { asObject } from "../../values";
import type { RuleContext } from "../rule";

export interface EvidenceValue {
  path: JsonPath;
  value: string;
  /** Clause templates of the nearest field that has some ("4.x.1" for premises.evidence[0]). */
  clauseTemplates: string[];
}

function walk(node: ModelNode, value: unknown, path: JsonPath, inherited: string[], found: EvidenceValue[]): void {
  const clauseTemplates = node.clauses && node.clauses.length > 0 ? node.clauses : inherited;
  if (node.evidence && typeof value === "string") {
    found.push({ path, value, clauseTemplates });
    return;
  }
  const items = node.items;
  if (items && Array.isArray(value)) {
    value.forEach((item, index) => walk(items, item, [...path, index], clauseTemplates, found));
    return;
  }
  const object = asObject(value);
  if (!node.properties || !object) return;
  for (const [key, child] of Object.entries(node.properties)) {
    if (key in object) walk(child, object[key], [...path, key], clauseTemplates, found);
  }
}

export function evidenceValues(context: RuleContext): EvidenceValue[] {
  const found: EvidenceValue[] = [];
  walk(context.edition.model, context.dossier, [], [], found);
  return found;
}

export function evidenceClauses(context: RuleContext, evidence: EvidenceValue): string[] {
  return [...new Set(evidence.clauseTemplates.map((template) => context.clause(template)))];
}
