// The difference between two submissions of a dossier, clause by clause: each clause's verdict before and after
// (clause-status.ts, the one model of a clause's status), the findings fixed and the findings new, and the fields
// that changed under it. Findings are matched by check id, clause ids and their place in the dossier's own terms
// (`personnel[id=zhou-ruoxi].competence[certificate=…].valid_until`, never a line number), so that moving a
// section or inserting a project does not make every later finding look new. The fields are a structural diff of
// the two parsed values: list items are matched by their id (people), certificate number, name (projects) or, in
// lists of plain values (evidence paths, stages, person ids), by the value itself; each change is attributed to
// the clauses the dossier model names for the field (its own or its nearest ancestor's). Pure: takes two reports.
import type { Edition, Level } from "../catalog/edition";
import type { DossierReport } from "../check/service";
import { pathAtOffset } from "../parse/locate";
import type { Finding, JsonPath, OffsetRange, Severity } from "../types";
import { ClauseBasis, ClauseStatus, ClauseVerdict, dossierVerdicts } from "./clause-status";

/** A finding of one of the two submissions, placed in the dossier's terms. */
export interface DiffFinding {
  ruleId: string;
  clauseIds: string[];
  severity: Severity;
  /** Where it is, in the dossier's terms ("" for the whole document). */
  path: string;
  messageId: string;
  args: Finding["args"];
  /** Its range in its own submission's text. */
  range: OffsetRange;
}

export type FieldChangeKind = "added" | "removed" | "changed";

/** A field, or a list item, added, removed or changed between the submissions. */
export interface FieldChange {
  kind: FieldChangeKind;
  /** In the dossier's terms: `performance.projects[name=…].completed`, `personnel[id=lu-zihang]`. */
  path: string;
  /** The value before (absent for "added"): a plain value of the dossier. */
  before?: unknown;
  /** The value after (absent for "removed"). */
  after?: unknown;
  /** The clauses the dossier model names for the field (resolved at the submission's level). */
  clauseIds: string[];
}

export interface ClauseSide {
  status: ClauseStatus;
  basis: ClauseBasis;
}

export interface ClauseDiff {
  clauseId: string;
  /** The verdict in the earlier submission; absent when the clause was not judged there (another level). */
  before?: ClauseSide;
  after?: ClauseSide;
  /** Satisfied before, violated after. */
  regression: boolean;
  fixed: DiffFinding[];
  added: DiffFinding[];
  fields: FieldChange[];
}

export interface DossierDiff {
  editionId: string;
  before: { category: string | undefined; level: Level; editionId: string };
  after: { category: string | undefined; level: Level; editionId: string };
  /** The clauses with a change (status, findings or fields), in catalog order. */
  clauses: ClauseDiff[];
  /** Findings that cite no clause (YAML syntax, identifiers, limits), and fields no clause rests on. */
  other: { fixed: DiffFinding[]; added: DiffFinding[]; fields: FieldChange[] };
  /** The clause ids that went from satisfied to violated. */
  regressions: string[];
  /** How many judged clauses have no change at all. */
  unchanged: number;
}

type Plain = unknown;

function isRecord(value: Plain): value is { [key: string]: Plain } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The fields a list item is known by, tried in this order (people: id; competence: certificate; projects: name). */
const IDENTITY_FIELDS = ["id", "certificate", "name"];

/** How a list item is named in a path: `[id=…]`, `[name=…]`, `["value"]` for a plain value, else its index. */
function itemLabel(item: Plain, index: number): string {
  if (isRecord(item)) {
    for (const field of IDENTITY_FIELDS) {
      const value = item[field];
      if (typeof value === "string" && value !== "") return `[${field}=${value}]`;
    }
    return `[${index}]`;
  }
  if (typeof item === "string" || typeof item === "number" || typeof item === "boolean")
    return `[${JSON.stringify(item)}]`;
  return `[${index}]`;
}

const listKeys = new WeakMap<Plain[], string[]>();

/** The names of a list's items; a name that repeats takes `#2`, `#3` … after its first occurrence. */
function itemKeys(list: Plain[]): string[] {
  const cached = listKeys.get(list);
  if (cached) return cached;
  const seen = new Map<string, number>();
  const keys = list.map((item, index) => {
    const label = itemLabel(item, index);
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label.slice(0, -1)}#${count}]`;
  });
  listKeys.set(list, keys);
  return keys;
}

function joinPath(base: string, segment: string): string {
  if (segment.startsWith("[")) return base + segment;
  const key = /^[A-Za-z_][\w-]*$/.test(segment) ? segment : JSON.stringify(segment);
  return base === "" ? key : `${base}.${key}`;
}

/** A JSON path of one submission (list indexes) in the dossier's terms, read through its plain value. */
export function dossierPath(value: Plain, path: JsonPath): string {
  let text = "";
  let node = value;
  for (const segment of path) {
    if (typeof segment === "number" && Array.isArray(node)) {
      text += itemKeys(node)[segment] ?? `[${segment}]`;
      node = node[segment];
    } else {
      text = joinPath(text, String(segment));
      node = isRecord(node) ? node[String(segment)] : undefined;
    }
  }
  return text;
}

function placeFindings(report: DossierReport): DiffFinding[] {
  const value = report.parsed.value;
  return report.findings.map((finding) => ({
    ruleId: finding.ruleId,
    clauseIds: finding.clauseIds,
    severity: finding.severity,
    path: dossierPath(value, pathAtOffset(report.parsed.document, finding.range.start).path),
    messageId: finding.messageId,
    args: finding.args,
    range: finding.range,
  }));
}

function signature(finding: DiffFinding): string {
  return `${finding.ruleId}\u0000${[...finding.clauseIds].sort().join(",")}\u0000${finding.path}`;
}

/** Findings of `from` that `to` does not have (as many times as they repeat). */
function unmatched(from: DiffFinding[], to: DiffFinding[]): DiffFinding[] {
  const available = new Map<string, number>();
  for (const finding of to) available.set(signature(finding), (available.get(signature(finding)) ?? 0) + 1);
  return from.filter((finding) => {
    const key = signature(finding);
    const count = available.get(key) ?? 0;
    if (count === 0) return true;
    available.set(key, count - 1);
    return false;
  });
}

/** A change found by the structural diff, with the model path (list items as index 0) it is attributed through. */
interface RawChange {
  kind: FieldChangeKind;
  path: string;
  modelPath: JsonPath;
  before?: Plain;
  after?: Plain;
}

function sameValue(a: Plain, b: Plain): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffValues(before: Plain, after: Plain, path: string, modelPath: JsonPath, changes: RawChange[]): void {
  if (sameValue(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !(key in before))];
    for (const key of keys) {
      const child = joinPath(path, key);
      if (!(key in after))
        changes.push({ kind: "removed", path: child, modelPath: [...modelPath, key], before: before[key] });
      else if (!(key in before))
        changes.push({ kind: "added", path: child, modelPath: [...modelPath, key], after: after[key] });
      else diffValues(before[key], after[key], child, [...modelPath, key], changes);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeKeys = itemKeys(before);
    const afterKeys = itemKeys(after);
    const afterByKey = new Map(afterKeys.map((key, index) => [key, index]));
    const beforeKeySet = new Set(beforeKeys);
    const itemModel = [...modelPath, 0];
    beforeKeys.forEach((key, index) => {
      const other = afterByKey.get(key);
      if (other === undefined)
        changes.push({ kind: "removed", path: path + key, modelPath: itemModel, before: before[index] });
      else diffValues(before[index], after[other], path + key, itemModel, changes);
    });
    afterKeys.forEach((key, index) => {
      if (!beforeKeySet.has(key))
        changes.push({ kind: "added", path: path + key, modelPath: itemModel, after: after[index] });
    });
    return;
  }
  changes.push({ kind: "changed", path, modelPath, before, after });
}

/** The clauses the model names for a field: its own, else its nearest ancestor's (resolved at the level). */
function fieldClauses(edition: Edition, level: Level, modelPath: JsonPath): string[] {
  for (let depth = modelPath.length; depth >= 0; depth--) {
    const clauses = edition.modelAt(modelPath.slice(0, depth))?.clauses;
    if (clauses && clauses.length > 0) return clauses.map((template) => edition.resolveClause(template, level));
  }
  return [];
}

/** The structural diff of two submissions' values, each change with its clauses (at either submission's level). */
export function fieldChanges(before: DossierReport, after: DossierReport): FieldChange[] {
  const raw: RawChange[] = [];
  diffValues(before.parsed.value ?? {}, after.parsed.value ?? {}, "", [], raw);
  return raw.map(({ modelPath, ...change }) => ({
    ...change,
    clauseIds: [
      ...new Set([
        ...fieldClauses(after.edition, after.level, modelPath),
        ...fieldClauses(before.edition, before.level, modelPath),
      ]),
    ],
  }));
}

function side(verdict: ClauseVerdict | undefined): ClauseSide | undefined {
  return verdict ? { status: verdict.status, basis: verdict.basis } : undefined;
}

/** The difference between an earlier submission (`before`) and a later one (`after`), clause by clause. */
export function diffDossiers(before: DossierReport, after: DossierReport): DossierDiff {
  const beforeVerdicts = new Map(dossierVerdicts(before).map((verdict) => [verdict.clauseId, verdict]));
  const afterVerdicts = new Map(dossierVerdicts(after).map((verdict) => [verdict.clauseId, verdict]));
  const beforeFindings = placeFindings(before);
  const afterFindings = placeFindings(after);
  const fixed = unmatched(beforeFindings, afterFindings);
  const added = unmatched(afterFindings, beforeFindings);
  const fields = fieldChanges(before, after);

  const order = new Map<string, number>();
  for (const edition of [after.edition, before.edition])
    edition.clauses.forEach((clause, index) => order.has(clause.id) || order.set(clause.id, index));
  const ids = new Set<string>([
    ...afterVerdicts.keys(),
    ...beforeVerdicts.keys(),
    ...[...fixed, ...added].flatMap((finding) => finding.clauseIds),
    ...fields.flatMap((change) => change.clauseIds),
  ]);
  const clauses: ClauseDiff[] = [];
  let unchanged = 0;
  for (const clauseId of [...ids].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))) {
    const entry: ClauseDiff = {
      clauseId,
      before: side(beforeVerdicts.get(clauseId)),
      after: side(afterVerdicts.get(clauseId)),
      regression:
        beforeVerdicts.get(clauseId)?.status === "satisfied" && afterVerdicts.get(clauseId)?.status === "violated",
      fixed: fixed.filter((finding) => finding.clauseIds.includes(clauseId)),
      added: added.filter((finding) => finding.clauseIds.includes(clauseId)),
      fields: fields.filter((change) => change.clauseIds.includes(clauseId)),
    };
    const statusChanged = entry.before?.status !== entry.after?.status || entry.before?.basis !== entry.after?.basis;
    if (statusChanged || entry.fixed.length > 0 || entry.added.length > 0 || entry.fields.length > 0)
      clauses.push(entry);
    else unchanged++;
  }
  const describe = (report: DossierReport) => ({
    category: report.category,
    level: report.level,
    editionId: report.edition.id,
  });
  return {
    editionId: after.edition.id,
    before: describe(before),
    after: describe(after),
    clauses,
    other: {
      fixed: fixed.filter((finding) => finding.clauseIds.length === 0),
      added: added.filter((finding) => finding.clauseIds.length === 0),
      fields: fields.filter((change) => change.clauseIds.length === 0),
    },
    regressions: clauses.filter((entry) => entry.regression).map((entry) => entry.clauseId),
    unchanged,
  };
}
