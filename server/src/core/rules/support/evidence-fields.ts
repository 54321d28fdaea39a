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

/** The model's properties as entries, computed once per model node (the walk visits every list item). */
const propertyEntries = new WeakMap<ModelNode, Array<[string, ModelNode]>>();

function entriesOf(node: ModelNode): Array<[string, ModelNode]> {
  let entries = propertyEntries.get(node);
  if (!entries) propertyEntries.set(node, (entries = Object.entries(node.properties ?? {})));
  return entries;
}

/** `path` is the walk's own stack: copied only for the paths found. */
function walk(node: ModelNode, value: unknown, path: JsonPath, inherited: string[], found: EvidenceValue[]): void {
  const clauseTemplates = node.clauses && node.clauses.length > 0 ? node.clauses : inherited;
  if (node.evidence && typeof value === "string") {
    found.push({ path: [...path], value, clauseTemplates });
    return;
  }
  const items = node.items;
  if (items && Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      walk(items, value[index], path, clauseTemplates, found);
      path.pop();
    }
    return;
  }
  const object = asObject(value);
  if (!node.properties || !object) return;
  for (const [key, child] of entriesOf(node)) {
    if (!(key in object)) continue;
    path.push(key);
    walk(child, object[key], path, clauseTemplates, found);
    path.pop();
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
