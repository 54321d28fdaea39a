// One index of the person ids of a dossier: where each id is defined (`id:` of a personnel entry) and every place the
// model lets a person id be named (the fields marked `personnel_ref`: project leads, confidentiality agreements).
// Go to definition, references, document highlight and rename all read it. Pure.
import { isScalar } from "yaml";
import type { DossierReport } from "../check/service";
import { isPersonId } from "../check/rules/support/dossier-data";
import { pick } from "../l10n/locale";
import type { JsonPath, Locale, Localized, OffsetRange } from "../types";
import { scalarTextRange, walkModel } from "./model-walk";

export interface PersonOccurrence {
  personId: string;
  /** The id's text (inside quotes, if quoted). */
  range: OffsetRange;
  path: JsonPath;
  /** "definition": the `id` of a personnel entry; "reference": a field that names a person by id. */
  kind: "definition" | "reference";
}

export interface PersonIndex {
  /** Every occurrence, in document order. */
  occurrences: PersonOccurrence[];
  /** The occurrences of one id, definitions first. */
  of(personId: string): PersonOccurrence[];
  /** The first definition of an id (its `id:` in personnel). */
  definitionOf(personId: string): PersonOccurrence | undefined;
  /** The occurrence under an offset. */
  at(offset: number): PersonOccurrence | undefined;
}

const indexes = new WeakMap<DossierReport, PersonIndex>();

function isDefinitionPath(path: JsonPath): boolean {
  return path.length === 3 && path[0] === "personnel" && typeof path[1] === "number" && path[2] === "id";
}

/** The person index of a checked dossier (built once per report). */
export function personIndex(report: DossierReport): PersonIndex {
  const cached = indexes.get(report);
  if (cached) return cached;
  const occurrences: PersonOccurrence[] = [];
  walkModel(report, ({ path, model, node }) => {
    const definition = isDefinitionPath(path);
    if ((!definition && !model.personnel_ref) || !node || !isScalar(node)) return;
    const value = node.value;
    if (typeof value !== "string" || value.length === 0) return;
    const range = scalarTextRange(node, report.parsed.text);
    if (range) occurrences.push({ personId: value, range, path, kind: definition ? "definition" : "reference" });
  });
  const byId = new Map<string, PersonOccurrence[]>();
  for (const occurrence of occurrences) {
    const list = byId.get(occurrence.personId) ?? [];
    list.push(occurrence);
    byId.set(occurrence.personId, list);
  }
  for (const list of byId.values()) list.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "definition" ? -1 : 1));
  const index: PersonIndex = {
    occurrences,
    of: (personId) => byId.get(personId) ?? [],
    definitionOf: (personId) => byId.get(personId)?.find((occurrence) => occurrence.kind === "definition"),
    at: (offset) =>
      occurrences.find((occurrence) => offset >= occurrence.range.start && offset <= occurrence.range.end),
  };
  indexes.set(report, index);
  return index;
}

const REFUSALS: { [reason: string]: Localized } = {
  "not-a-person": {
    zh: "只能重命名人员标识（人员名单中的 id、项目负责人、保密协议签订人）。",
    en: "Only a person id can be renamed (an id in personnel, a project lead, a confidentiality agreement).",
  },
  "invalid-id": {
    zh: "“{id}”不是有效的人员标识：只能使用小写字母、数字和连字符，如 li-si。",
    en: "“{id}” is not a valid person id: lowercase letters, digits and hyphens only, e.g. li-si.",
  },
  taken: {
    zh: "人员标识“{id}”已被人员名单中的其他人使用。",
    en: "The person id “{id}” is already used by someone else in personnel.",
  },
};

/** Why a rename is refused: the reason and its message in the locale. */
export interface RenameRefusal {
  reason: "not-a-person" | "invalid-id" | "taken";
  message: string;
}

function refusal(reason: RenameRefusal["reason"], locale: Locale, id = ""): RenameRefusal {
  return { reason, message: pick(REFUSALS[reason], locale).replace("{id}", id) };
}

/** What a rename at an offset would change: the id under it and its range, or why it cannot be renamed. */
export function prepareRename(
  report: DossierReport,
  offset: number,
  locale: Locale,
): { personId: string; range: OffsetRange } | RenameRefusal {
  const occurrence = personIndex(report).at(offset);
  return occurrence ? { personId: occurrence.personId, range: occurrence.range } : refusal("not-a-person", locale);
}

/** The edits of renaming the person id under an offset to `newId`: every occurrence in the dossier. */
export function renamePerson(
  report: DossierReport,
  offset: number,
  newId: string,
  locale: Locale,
): { edits: Array<{ range: OffsetRange; newText: string }> } | RenameRefusal {
  const index = personIndex(report);
  const occurrence = index.at(offset);
  if (!occurrence) return refusal("not-a-person", locale);
  if (!isPersonId(newId)) return refusal("invalid-id", locale, newId);
  if (newId !== occurrence.personId && index.definitionOf(newId)) return refusal("taken", locale, newId);
  return { edits: index.of(occurrence.personId).map((each) => ({ range: each.range, newText: newId })) };
}
