// The applicant's own explanation per clause (自评说明): the optional `self_assessment` list of the dossier
// ({clause, note} entries), read into notes by clause id for the self-assessment table's last column.
// Pure: reads the parsed dossier's plain value only.
import type { JsonPath } from "../types";

// written with \u escapes: a bundle of ASCII alone is held by V8 one byte per character (the server's memory target)
/** A leading § */
const SECTION_SIGN = /^\u00a7\s*/;

export const SELF_ASSESSMENT_PATH: JsonPath = ["self_assessment"];

export interface SelfAssessmentEntry {
  /** Index in the `self_assessment` list. */
  index: number;
  /** The clause id as written, trimmed. */
  written: string;
  /** The clause id in catalog form ("4.1.3 a)" → "4.1.3.a"). */
  clauseId: string;
  /** The explanation, trimmed; empty when missing. */
  note: string;
}

/**
 * A clause id in catalog form: "4.1.3.a" as it is; "4.1.3 a)" / "4.1.3a)" (as the specification prints it) →
 * "4.1.3.a"; "§4.1.1" → "4.1.1"; a number a YAML reader made of "5.1" back to "5.1".
 */
export function normalizeClauseId(written: string | number): string {
  const text = String(written).trim().replace(SECTION_SIGN, "");
  const lettered = /^(\d+(?:\.\d+)*)\s*\.?\s*([a-z])\)?$/.exec(text);
  return lettered ? `${lettered[1]}.${lettered[2]}` : text;
}

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The entries of `self_assessment` that name a clause (string or number), in list order. */
export function selfAssessmentEntries(dossier: unknown): SelfAssessmentEntry[] {
  const list = isPlainObject(dossier) ? dossier.self_assessment : undefined;
  if (!Array.isArray(list)) return [];
  const entries: SelfAssessmentEntry[] = [];
  list.forEach((item: unknown, index) => {
    if (!isPlainObject(item)) return;
    const clause = item.clause;
    if ((typeof clause !== "string" && typeof clause !== "number") || String(clause).trim() === "") return;
    const note = typeof item.note === "string" ? item.note.trim() : "";
    entries.push({ index, written: String(clause).trim(), clauseId: normalizeClauseId(clause), note });
  });
  return entries;
}

/** Notes by clause id (catalog form); two entries for one clause are joined, in list order, by a blank line. */
export function selfAssessmentNotes(dossier: unknown): Map<string, string> {
  const notes = new Map<string, string>();
  for (const entry of selfAssessmentEntries(dossier)) {
    if (!entry.note) continue;
    const before = notes.get(entry.clauseId);
    notes.set(entry.clauseId, before ? `${before}\n\n${entry.note}` : entry.note);
  }
  return notes;
}
