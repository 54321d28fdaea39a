// Every evidence path of a dossier, found by walking the dossier model (fields marked `evidence: true`, the
// schema's x-evidence) alongside the data — no hand-kept list. Each comes with the clauses of the field holding it
// and what checkEvidencePath says of it.
import type { ModelNode } from "../../edition";
import { checkEvidencePath, EvidencePathProblem } from "../../evidence-path";
import type { JsonPath } from "../../types";
import { asObject } from "../../values";
import type { RuleContext } from "../rule";

export interface EvidenceValue {
  path: JsonPath;
  value: string;
  /** Clause templates of the nearest field that has some ("4.x.1" for premises.evidence[0]). */
  clauseTemplates: string[];
  /** checkEvidencePath(value). */
  problem: "ok" | EvidencePathProblem;
}

/** The model's properties as entries, computed once per model node (the walk visits every list item). */
const propertyEntries = new WeakMap<ModelNode, Array<[string, ModelNode]>>();

function entriesOf(node: ModelNode): Array<[string, ModelNode]> {
  let entries = propertyEntries.get(node);
  if (!entries) propertyEntries.set(node, (entries = Object.entries(node.properties ?? {})));
  return entries;
}

/** What the walk found in one object (a section's value or a list item), with what it was walked with. */
interface Walked {
  node: ModelNode;
  inherited: string[];
  path: JsonPath;
  found: EvidenceValue[];
}

const walkedObjects = new WeakMap<object, Walked>();

function samePath(a: JsonPath, b: JsonPath): boolean {
  if (a.length !== b.length) return false;
  for (let index = a.length - 1; index >= 0; index--) if (a[index] !== b[index]) return false;
  return true;
}

/** Walks a section's value or a list item, or takes what an earlier walk of the same object at the same path found. */
function walkRemembered(node: ModelNode, value: unknown, path: JsonPath, inherited: string[], found: EvidenceValue[]): void {
  if (value === null || typeof value !== "object") {
    walk(node, value, path, inherited, found);
    return;
  }
  const walked = walkedObjects.get(value);
  if (walked && walked.node === node && walked.inherited === inherited && samePath(walked.path, path)) {
    for (const evidence of walked.found) found.push(evidence);
    return;
  }
  const own: EvidenceValue[] = [];
  walk(node, value, path, inherited, own);
  walkedObjects.set(value, { node, inherited, path: [...path], found: own });
  for (const evidence of own) found.push(evidence);
}

/** `path` is the walk's own stack: copied only for the paths found. */
function walk(node: ModelNode, value: unknown, path: JsonPath, inherited: string[], found: EvidenceValue[]): void {
  const clauseTemplates = node.clauses && node.clauses.length > 0 ? node.clauses : inherited;
  if (node.evidence && typeof value === "string") {
    found.push({ path: [...path], value, clauseTemplates, problem: checkEvidencePath(value) });
    return;
  }
  const items = node.items;
  if (items && Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      walkRemembered(items, value[index], path, clauseTemplates, found);
      path.pop();
    }
    return;
  }
  const object = asObject(value);
  if (!node.properties || !object) return;
  const sections = path.length === 0;
  for (const [key, child] of entriesOf(node)) {
    if (!(key in object)) continue;
    path.push(key);
    if (sections) walkRemembered(child, object[key], path, clauseTemplates, found);
    else walk(child, object[key], path, clauseTemplates, found);
    path.pop();
  }
}

const NO_CLAUSES: string[] = [];
const byDossier = new WeakMap<object, { model: ModelNode; found: EvidenceValue[] }>();

/**
 * Every evidence value of the dossier, in the model's order. The walk is the rules' most repeated work (every
 * person, certificate and project has evidence), so what it finds is remembered per validation (evidence.path and
 * evidence.exists share one walk) and per section value and list item: an incremental parse keeps the plain values
 * of unchanged sections and items, so after an edit only the changed item is walked again. The results are shared:
 * callers must not change them.
 */
export function evidenceValues(context: RuleContext): readonly EvidenceValue[] {
  const cached = byDossier.get(context.dossier);
  if (cached && cached.model === context.edition.model) return cached.found;
  const found: EvidenceValue[] = [];
  walk(context.edition.model, context.dossier, [], NO_CLAUSES, found);
  byDossier.set(context.dossier, { model: context.edition.model, found });
  return found;
}

export function evidenceClauses(context: RuleContext, evidence: EvidenceValue): string[] {
  return [...new Set(evidence.clauseTemplates.map((template) => context.clause(template)))];
}
