// Every evidence path of a dossier, found by walking the dossier model (fields marked `evidence: true`, the
// schema's x-evidence) alongside the data — no hand-kept list. Each comes with the clauses of the field holding it
// and what checkEvidencePath says of it.
import type { ModelNode } from "../../../catalog/edition";
import { checkEvidencePath, EvidencePathProblem } from "../../evidence-path";
import type { JsonPath } from "../../../types";
import { asObject } from "../../values";
import type { RuleContext } from "../rule";

export interface EvidenceValue {
  /** Built when read (only findings need it). */
  readonly path: JsonPath;
  readonly value: string;
  /** Clause templates of the nearest field that has some ("4.x.1" for premises.evidence[0]). */
  readonly clauseTemplates: string[];
  /** checkEvidencePath(value). */
  readonly problem: "ok" | EvidencePathProblem;
}

/** An evidence value found below a remembered object: its path is the object's plus a relative one. */
class FoundEvidence implements EvidenceValue {
  readonly problem: "ok" | EvidencePathProblem;

  constructor(
    private readonly base: JsonPath,
    private readonly relative: JsonPath,
    readonly value: string,
    readonly clauseTemplates: string[],
  ) {
    this.problem = checkEvidencePath(value);
  }

  get path(): JsonPath {
    return [...this.base, ...this.relative];
  }
}

/** The model's properties as entries, computed once per model node (the walk visits every list item). */
const propertyEntries = new WeakMap<ModelNode, Array<[string, ModelNode]>>();

function entriesOf(node: ModelNode): Array<[string, ModelNode]> {
  let entries = propertyEntries.get(node);
  if (!entries) propertyEntries.set(node, (entries = Object.entries(node.properties ?? {})));
  return entries;
}

/** Relative paths are few and repeat from item to item (["evidence", 0], ["competence", 0, "evidence", 0]): one array
 * each. */
const relativePaths = new Map<string, JsonPath>();

function relativePath(path: JsonPath, from: number): JsonPath {
  const relative = path.slice(from);
  const key = relative.join("\u0000");
  let shared = relativePaths.get(key);
  if (!shared) {
    if (relativePaths.size >= 10_000) relativePaths.clear();
    relativePaths.set(key, (shared = relative));
  }
  return shared;
}

/** What the walk found in one remembered object (a section's value or a list item), with what it was walked with. */
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

/** Where the walk is: the path stack, and the remembered object below which it is (its path and depth). */
interface Place {
  path: JsonPath;
  /** The path of the remembered object the walk is in (shared by what is found below it). */
  base: JsonPath;
  /** Whether the walk is inside a list item already remembered (items of its lists are not remembered again: when
   * the item changes, they are new objects too). */
  insideItem: boolean;
}

/** Walks a section's value or a list item, or takes what an earlier walk of the same object at the same path found. */
function walkRemembered(
  node: ModelNode,
  value: unknown,
  place: Place,
  inherited: string[],
  found: EvidenceValue[],
  item: boolean,
): void {
  if (value === null || typeof value !== "object") {
    walk(node, value, place, inherited, found);
    return;
  }
  const walked = walkedObjects.get(value);
  if (walked && walked.node === node && walked.inherited === inherited && samePath(walked.path, place.path)) {
    for (const evidence of walked.found) found.push(evidence);
    return;
  }
  const own: EvidenceValue[] = [];
  const base = [...place.path];
  walk(node, value, { path: place.path, base, insideItem: place.insideItem || item }, inherited, own);
  walkedObjects.set(value, { node, inherited, path: base, found: own });
  for (const evidence of own) found.push(evidence);
}

/** `place.path` is the walk's own stack: copied only for the objects remembered. */
function walk(node: ModelNode, value: unknown, place: Place, inherited: string[], found: EvidenceValue[]): void {
  const clauseTemplates = node.clauses && node.clauses.length > 0 ? node.clauses : inherited;
  const path = place.path;
  if (node.evidence && typeof value === "string") {
    found.push(new FoundEvidence(place.base, relativePath(path, place.base.length), value, clauseTemplates));
    return;
  }
  const items = node.items;
  if (items && Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      if (place.insideItem) walk(items, value[index], place, clauseTemplates, found);
      else walkRemembered(items, value[index], place, clauseTemplates, found, true);
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
    if (sections) walkRemembered(child, object[key], place, clauseTemplates, found, false);
    else walk(child, object[key], place, clauseTemplates, found);
    path.pop();
  }
}

const NO_CLAUSES: string[] = [];
const ROOT_PATH: JsonPath = [];

/**
 * Every evidence value of the dossier, in the model's order. The walk is the rules' most repeated work (every
 * person, certificate and project has evidence), so what it finds is remembered per section value and list item: an
 * incremental parse keeps the plain values of unchanged sections and items, so after an edit only the changed item
 * is walked again. The results are shared: callers must not change them.
 */
export function evidenceValues(context: RuleContext): readonly EvidenceValue[] {
  return evidenceValuesOf(context.edition.model, context.dossier);
}

/** evidenceValues for a dossier's plain value and its edition's model (the cross-dossier checks read it too). */
export function evidenceValuesOf(model: ModelNode, dossier: unknown): readonly EvidenceValue[] {
  const found: EvidenceValue[] = [];
  walk(model, dossier, { path: [], base: ROOT_PATH, insideItem: false }, NO_CLAUSES, found);
  return found;
}

export function evidenceClauses(context: RuleContext, evidence: EvidenceValue): string[] {
  return [...new Set(evidence.clauseTemplates.map((template) => context.clause(template)))];
}
