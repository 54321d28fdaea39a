// The staff list as the personnel rules read it: people with their role and the competences they hold, and which
// of those count for the application (its category, the right kind, valid on the application date) and why not.
import type { Finding, Localized, MessageArgument, MessageArguments, RelatedFinding } from "../../../types";
import { compareIsoDates } from "../../calendar";
import { asDate, asString } from "../../values";
import type { RuleContext } from "../rule";
import { categoryLabel, displayName, ListedObject, objectsAt, objectsIn, stringOf } from "./dossier-data";
import { countedNoun } from "./wording";

export const PERSONNEL_PATH = ["personnel"];

export type CompetenceKind = "management" | "technical";

export function peopleWithRole(context: RuleContext, role: string): ListedObject[] {
  return objectsAt(context, PERSONNEL_PATH).filter((person) => person.value.role === role);
}

/** Why a competence of the right kind does not count: the message id (personnel.competence.*), its field, its args. */
export interface CompetenceNotCounted {
  competence: ListedObject;
  reason: "other-category" | "expired" | "not-yet-issued";
  field: string;
  args: MessageArguments;
}

/** Whether one competence of the right kind counts on the application date, and if not, why. */
function judgeCompetence(context: RuleContext, competence: ListedObject): CompetenceNotCounted | undefined {
  const certificate = displayName(competence.value, ["certificate"], competence.index);
  const category = stringOf(competence.value, "category");
  if (category !== context.category) {
    return {
      competence,
      reason: "other-category",
      field: "category",
      args: { certificate, category: categoryLabel(context, category) },
    };
  }
  const until = asDate(competence.value.valid_until);
  if (until && compareIsoDates(until, context.asOf) < 0) {
    return { competence, reason: "expired", field: "valid_until", args: { certificate, until, asOf: context.asOf } };
  }
  const issued = asDate(competence.value.issued);
  if (issued && compareIsoDates(issued, context.asOf) > 0) {
    return { competence, reason: "not-yet-issued", field: "issued", args: { certificate, issued, asOf: context.asOf } };
  }
  return undefined;
}

/** The competences of a person of one kind: how many count, and the others with why they do not. */
export function competencesOf(
  context: RuleContext,
  person: ListedObject,
  kind: CompetenceKind,
): { counted: number; notCounted: CompetenceNotCounted[]; otherCount: number; otherCategories: string[] } {
  let counted = 0;
  const notCounted: CompetenceNotCounted[] = [];
  for (const competence of objectsIn(person, "competence")) {
    if (competence.value.kind !== kind) continue;
    const verdict = judgeCompetence(context, competence);
    if (verdict) notCounted.push(verdict);
    else counted++;
  }
  const otherCategories = notCounted
    .filter((item) => item.reason === "other-category")
    .map((item) => asString(item.competence.value.category))
    .filter((category): category is string => category !== undefined);
  return { counted, notCounted, otherCount: otherCategories.length, otherCategories: [...new Set(otherCategories)] };
}

/** The competences that did not count, as related information on the field that says why. */
export function competencesNotCountedRelated(
  context: RuleContext,
  notCounted: CompetenceNotCounted[],
): RelatedFinding[] {
  return notCounted.map(({ competence, reason, field, args }) => ({
    range: context.valueRange([...competence.path, field]),
    messageId: `personnel.competence.${reason}`,
    args,
  }));
}

/** "1 张其他类别的管理能力证书" / "1 management competence of another category" (and the plural). */
export function otherCategoryCompetences(count: number, kind: CompetenceKind): Localized {
  const zh = kind === "management" ? "张其他类别的管理能力证书" : "张其他类别的技术能力证书";
  const en: [string, string] =
    kind === "management"
      ? ["management competence of another category", "management competences of other categories"]
      : ["technical competence of another category", "technical competences of other categories"];
  return countedNoun(count, en, zh);
}

/** Why a competence did not count (related information of the personnel rules; each rule lists them). */
export const COMPETENCE_MESSAGES: { [messageId: string]: Localized } = {
  "personnel.competence.other-category": {
    en: "Certificate {certificate} is for {category}, another category: it does not count.",
    zh: "证书 {certificate} 属于{category}，类别不同，不计入。",
  },
  "personnel.competence.expired": {
    en: "Certificate {certificate} was valid until {until}, before the application date {asOf}: it does not count.",
    zh: "证书 {certificate} 有效期至 {until}，在申请日期 {asOf} 已失效，不计入。",
  },
  "personnel.competence.not-yet-issued": {
    en: "Certificate {certificate} is issued on {issued}, after the application date {asOf}: it does not count.",
    zh: "证书 {certificate} 发证日期为 {issued}，晚于申请日期 {asOf}，不计入。",
  },
};

export function categoryLabels(context: RuleContext, categories: string[]): MessageArgument[] {
  return categories.map((category) => categoryLabel(context, category));
}

const ROLES = ["technical-lead", "project-lead", "project-engineer"];
const COMPETENCE_KINDS: string[] = ["management", "technical"];

/** Whether every person has a valid role: counting roles otherwise would repeat the schema's finding. */
export function allRolesKnown(context: RuleContext): boolean {
  return objectsAt(context, PERSONNEL_PATH).every(
    (person) => typeof person.value.role === "string" && ROLES.includes(person.value.role),
  );
}

/**
 * Whether a person's competences can be judged: a non-empty list whose items all have a valid kind, a known
 * category, a valid `valid_until` and, when given, a valid `issued`. An absent or empty list, or a half-written
 * item, is the schema's finding.
 */
export function competencesJudgeable(context: RuleContext, person: ListedObject): boolean {
  const competence = person.value.competence;
  if (!Array.isArray(competence) || competence.length === 0) return false;
  if (objectsIn(person, "competence").length !== competence.length) return false;
  return objectsIn(person, "competence").every((item) => {
    const { kind, category, valid_until: until, issued } = item.value;
    return (
      typeof kind === "string" &&
      COMPETENCE_KINDS.includes(kind) &&
      typeof category === "string" &&
      context.edition.categories[category] !== undefined &&
      asDate(until) !== undefined &&
      (issued === undefined || asDate(issued) !== undefined)
    );
  });
}

/**
 * Whether a person's competences can be judged and, if so, whether one of `kind` counts (the applied category,
 * valid on the application date).
 */
export function competenceVerdict(
  context: RuleContext,
  person: ListedObject,
  kind: CompetenceKind,
): "unjudgeable" | "holds" | "lacks" {
  return !competencesJudgeable(context, person)
    ? "unjudgeable"
    : competencesOf(context, person, kind).counted > 0
      ? "holds"
      : "lacks";
}

/**
 * The finding for a person who holds no competence of `kind` that counts (of the applied category, valid on the
 * application date), on their `competence` key, with the competences that did not count as related locations:
 * `messageId`, or its `.other-category` variant when some were of another category. Undefined when the person has
 * one, or when it cannot be judged.
 */
export function lacksCompetenceFinding(
  context: RuleContext,
  person: ListedObject,
  kind: CompetenceKind,
  clauses: string[],
  messageId: string,
  extraArgs: MessageArguments = {},
): Finding | undefined {
  if (!context.category || competenceVerdict(context, person, kind) !== "lacks") return undefined;
  const held = competencesOf(context, person, kind);
  const otherCategory = held.otherCount;
  return context.finding({
    clauses,
    messageId: otherCategory > 0 ? `${messageId}.other-category` : messageId,
    args: {
      name: displayName(person.value, ["name", "id"], person.index),
      ...extraArgs,
      category: categoryLabel(context, context.category),
      asOf: context.asOf,
      otherCategory,
      otherHeld: otherCategoryCompetences(otherCategory, kind),
      otherCategories: categoryLabels(context, held.otherCategories),
    },
    range: context.keyRange([...person.path, "competence"]),
    related: competencesNotCountedRelated(context, held.notCounted),
  });
}
