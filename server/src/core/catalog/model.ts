// The shapes of an edition's data files (model.yaml, categories.yaml) and the per-level clause resolution, shared
// by the schema generator (schemas/tools/) and the language service. Pure: imports only types.
import type { Localized } from "../types";

export type { Localized };

/** A field of the dossier model (model.yaml). */
export interface ModelNode {
  type: "string" | "integer" | "number" | "date" | "object" | "array" | "boolean";
  title?: Localized;
  description?: Localized;
  /** Clause ids; "4.x." stands for the level's section (4.1. / 4.2. / 4.3.). */
  clauses?: string[];
  properties?: { [key: string]: ModelNode };
  required?: string[];
  items?: ModelNode;
  enum?: Array<string | number>;
  labels?: { [value: string]: Localized };
  /** Take the enum (and labels) of the field at this pointer from the root. */
  ref_enum?: string;
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  uniqueItems?: boolean;
  /** A relative path to an evidence file beside the dossier. */
  evidence?: boolean;
  /** A personnel id. */
  personnel_ref?: boolean;
  /** What the field expects, said as to the applicant (a noun phrase: "数字 1、2 或 3" / "a number: 1, 2 or 3"); the
   * schema's type, format and pattern findings say it. Without it, it is derived from the field's type and kind. */
  expects?: Localized;
  vocabulary?: "stages";
  required_when?: { field: string; in: string[]; clauses: string[]; forbidden_otherwise?: boolean };
}

/** A term of the edition's vocabulary (glossary.yaml): the one Chinese and English word for a notion. */
export interface GlossaryTerm {
  id: string;
  zh: string;
  en: string;
  source?: string;
  /** Chinese variants no longer used (a test fails when a Chinese string uses one). */
  replaces?: string[];
  /** Phrases that hold a replaced variant and stay: the specification's own words (3.8 “获取审计证据”). */
  kept?: string[];
  values?: { [value: string]: Localized };
}

/** A service category (categories.yaml). */
export interface Category {
  label: Localized;
  definition: string;
  professional: string;
  annex: string;
  supplier_management?: boolean;
  stages?: { [stage: string]: Localized };
  classes?: { [drClass: string]: { label: Localized; stages: { [stage: string]: Localized } } };
}

export interface CategoriesFile {
  levels: { [level: string]: { section: string; label: Localized } };
  categories: { [id: string]: Category };
}

/**
 * "4.x.3.a" → "4.2.3.a" for the section "4.2"; other ids unchanged. When the catalog has no such clause (the items
 * of a structure-only clause are unknown), the nearest ancestor that exists: "4.3.4.a" → "4.3.4".
 */
export function resolveClauseTemplate(clauseId: string, section: string, exists: (id: string) => boolean): string {
  let resolved = clauseId.startsWith("4.x") ? section + clauseId.slice(3) : clauseId;
  while (!exists(resolved) && resolved.includes(".")) resolved = resolved.slice(0, resolved.lastIndexOf("."));
  return resolved;
}
