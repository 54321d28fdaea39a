// The staff list as the personnel rules read it: people with their role and the competences they hold.
import type { MessageArgument } from "../../types";
import { asString } from "../../values";
import type { RuleContext } from "../rule";
import { categoryLabel, ListedObject, objectsAt, objectsIn, stringOf } from "./dossier-data";

export const PERSONNEL_PATH = ["personnel"];

export type CompetenceKind = "management" | "technical";

export function peopleWithRole(context: RuleContext, role: string): ListedObject[] {
  return objectsAt(context, PERSONNEL_PATH).filter((person) => person.value.role === role);
}

/** The competences of a person of one kind, split into the applied category's and the other categories'. */
export function competencesOf(
  context: RuleContext,
  person: ListedObject,
  kind: CompetenceKind,
): { applied: number; otherCount: number; otherCategories: string[] } {
  const competences = objectsIn(person, "competence").filter((competence) => competence.value.kind === kind);
  const applied = competences.filter((competence) => stringOf(competence.value, "category") === context.category).length;
  const otherCategories = competences
    .map((competence) => asString(competence.value.category))
    .filter((category): category is string => category !== undefined && category !== context.category);
  return { applied, otherCount: otherCategories.length, otherCategories: [...new Set(otherCategories)] };
}

export function categoryLabels(context: RuleContext, categories: string[]): MessageArgument[] {
  return categories.map((category) => categoryLabel(context, category));
}

const ROLES = ["technical-lead", "project-lead", "project-engineer"];
const COMPETENCE_KINDS: string[] = ["management", "technical"];

/** Whether every person has a valid role: counting roles otherwise would repeat the schema's finding. */
export function allRolesKnown(context: RuleContext): boolean {
  return objectsAt(context, PERSONNEL_PATH).every((person) => typeof person.value.role === "string" && ROLES.includes(person.value.role));
}

/**
 * Whether a person's competences can be judged: a non-empty list whose items all have a valid kind and a known
 * category. An absent or empty list, or a half-written item, is the schema's finding.
 */
export function competencesJudgeable(context: RuleContext, person: ListedObject): boolean {
  const competence = person.value.competence;
  if (!Array.isArray(competence) || competence.length === 0) return false;
  return objectsIn(person, "competence").every((item) => {
    const kind = item.value.kind;
    const category = item.value.category;
    return typeof kind === "string" && COMPETENCE_KINDS.includes(kind) && typeof category === "string" && context.edition.categories[category] !== undefined;
  });
}

/**
 * Whether a person's competences can be judged and, if so, whether one of `kind` is of the applied category —
 * remembered per person value, kind, category and edition (an incremental parse keeps unchanged people), since
 * both personnel rules ask it of every person on every validation.
 */
export function competenceVerdict(context: RuleContext, person: ListedObject, kind: CompetenceKind): "unjudgeable" | "holds" | "lacks" {
  const key = `${context.edition.id}\u0000${context.category ?? ""}`;
  const verdicts = competenceVerdicts[kind];
  const known = verdicts.get(person.value);
  if (known && known.key === key) return known.verdict;
  const verdict = !competencesJudgeable(context, person) ? "unjudgeable" : competencesOf(context, person, kind).applied > 0 ? "holds" : "lacks";
  verdicts.set(person.value, { key, verdict });
  return verdict;
}

/** The last verdict per person value and kind, with the edition and category it was given for. */
const competenceVerdicts: { [kind in CompetenceKind]: WeakMap<object, { key: string; verdict: "unjudgeable" | "holds" | "lacks" }> } = {
  management: new WeakMap(),
  technical: new WeakMap(),
};
