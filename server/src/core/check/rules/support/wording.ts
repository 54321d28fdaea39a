// Message helpers shared by the rules: durations in both languages, and the message variant that says a figure
// comes from public summaries (level-1 clauses whose provenance is `public-summary`), not from the excerpt.
import type { Localized } from "../../../types";
import type { RuleContext } from "../rule";

/** "2 years 4 months" / "2 年 4 个月" (whole months; "0 months" for none). */
export function durationLabel(totalMonths: number): Localized {
  const years = Math.floor(totalMonths / 12);
  const months = totalMonths % 12;
  const en: string[] = [];
  const zh: string[] = [];
  if (years > 0) {
    en.push(`${years} year${years === 1 ? "" : "s"}`);
    zh.push(`${years} 年`);
  }
  if (months > 0 || years === 0) {
    en.push(`${months} month${months === 1 ? "" : "s"}`);
    zh.push(`${months} 个月`);
  }
  return { en: en.join(" "), zh: zh.join(" ") };
}

/** A count with its noun in both languages: "1 project" / "2 projects", "2 个项目" (`zh` is the measure word and
 * noun, written after the number and a space as in the other messages). */
export function countedNoun(count: number, en: [singular: string, plural: string], zh: string): Localized {
  return { en: `${count} ${count === 1 ? en[0] : en[1]}`, zh: `${count} ${zh}` };
}

export const PUBLIC_SUMMARY_SUFFIX = ".public-summary";

/** Whether the catalog marks a clause's figures as coming from public summaries rather than the excerpt. */
export function isPublicSummaryClause(context: RuleContext, clauseId: string): boolean {
  return context.edition.clause(clauseId)?.provenance === "public-summary";
}

/** `messageId`, or its ".public-summary" variant when the clause's figure comes from public summaries. */
export function messageForClause(context: RuleContext, messageId: string, clauseId: string): string {
  return isPublicSummaryClause(context, clauseId) ? messageId + PUBLIC_SUMMARY_SUFFIX : messageId;
}
