// Inlay hints: the facts the rules computed, shown where the applicant types them — after `service_since` the time
// in service at the application date, after each project whether it counts toward 4.x.3 b) and why not, after a
// certificate's last day of validity how long it is still valid at the application date, after a clause id in a
// comment its title. Each fact comes from the rule's own code (service-duration.ts serviceTime,
// qualifying-projects.ts projectCountVerdicts, certificate-validity.ts certificateValidities) through the rules'
// reading context: nothing is checked again, nothing is computed a second way. Pure.
import { clauseLabel, clauseTitle } from "../catalog/clause-text";
import { wholeMonthsBetween } from "../check/calendar";
import { certificateValidities } from "../check/rules/certificate-validity";
import { projectCountVerdicts } from "../check/rules/qualifying-projects";
import { serviceTime } from "../check/rules/service-duration";
import { projectNamePath } from "../check/rules/support/projects";
import { durationLabel } from "../check/rules/support/wording";
import { readingContext, type DossierReport } from "../check/service";
import { pick } from "../l10n/locale";
import type { Locale, Localized, OffsetRange } from "../types";
import { clauseMentionsInComments } from "./clause-mentions";

export type InlayFact = "service-time" | "project-count" | "certificate-validity" | "clause-title";

export interface InlayHintEntry {
  /** Where the hint is shown (after the value or the mention). */
  offset: number;
  label: string;
  fact: InlayFact;
  /** For project-count: whether the project counts; for certificate-validity: whether still valid. */
  holds?: boolean;
  /** The clause the fact is about (clause-title: the clause mentioned). */
  clauseId?: string;
}

const TEXT: { [key: string]: Localized } = {
  inService: { zh: "至申请日期已从事 {duration}", en: "{duration} in service by the application date" },
  fromEstablished: {
    zh: "至申请日期已从事 {duration}（自成立日期起算）",
    en: "{duration} in service by the application date (counted from the date established)",
  },
  counts: { zh: "计入 {clause}", en: "counts toward {clause}" },
  notCounted: { zh: "不计入 {clause}：{reason}", en: "does not count toward {clause}: {reason}" },
  stillValid: { zh: "在申请日期有效，尚余 {duration}", en: "valid on the application date, {duration} more" },
  lessThanMonth: { zh: "不足 1 个月", en: "less than a month" },
  expired: { zh: "在申请日期已失效，不计入", en: "no longer valid on the application date: does not count" },
};

/** Why a project does not count, in a few words (keyed by the qualifying-projects rule's reasons). */
const REASONS: { [reason: string]: Localized } = {
  repeated: { zh: "与前面的项目为同一合同", en: "the same contract as a project above" },
  "other-category": { zh: "类别不同", en: "another category" },
  "signed-after-date": { zh: "签订于申请日期之后", en: "signed after the application date" },
  "completed-before-signed": { zh: "完成日期早于签订日期", en: "completed before it was signed" },
  "not-completed": { zh: "完成日期晚于申请日期", en: "completed after the application date" },
  "signed-before-established": { zh: "签订于本单位成立之前", en: "signed before the applicant was established" },
  "signed-before-window": { zh: "签订于近 3 年期间之前", en: "signed before the 3-year window" },
};

function fill(template: Localized, locale: Locale, values: { [name: string]: string }): string {
  return pick(template, locale).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The inlay hints whose position lies in `range` (the whole text when omitted), in document order. */
export function inlayHints(report: DossierReport, locale: Locale, range?: OffsetRange): InlayHintEntry[] {
  const { parsed, edition } = report;
  if (parsed.declined || parsed.value === undefined || parsed.value === null) return [];
  const from = range?.start ?? 0;
  const to = range?.end ?? parsed.text.length;
  const hints: InlayHintEntry[] = [];
  const inRange = (offset: number): boolean => offset >= from && offset <= to;
  const context = readingContext(report);

  const time = serviceTime(context);
  if (time) {
    const offset = context.valueRange(["performance", "service_since"]).end;
    if (inRange(offset))
      hints.push({
        offset,
        label: fill(time.since === time.written ? TEXT.inService : TEXT.fromEstablished, locale, {
          duration: pick(durationLabel(time.months), locale),
        }),
        fact: "service-time",
        clauseId: context.clause("4.x.3.a"),
      });
  }

  const projectsClause = context.clause("4.x.3.b");
  const clause = clauseLabel(projectsClause, locale);
  for (const { project, verdict } of projectCountVerdicts(context)) {
    const offset = context.valueRange(projectNamePath(project)).end;
    if (!inRange(offset)) continue;
    const label = verdict.counts
      ? fill(TEXT.counts, locale, { clause })
      : fill(TEXT.notCounted, locale, { clause, reason: pick(REASONS[verdict.reason] ?? REASONS.repeated, locale) });
    hints.push({ offset, label, fact: "project-count", holds: verdict.counts, clauseId: projectsClause });
  }

  for (const validity of certificateValidities(context)) {
    const offset = context.valueRange(validity.path).end;
    if (!inRange(offset)) continue;
    const months = wholeMonthsBetween(report.asOf, validity.until);
    const label = !validity.validOnDate
      ? pick(TEXT.expired, locale)
      : fill(TEXT.stillValid, locale, {
          duration: months > 0 ? pick(durationLabel(months), locale) : pick(TEXT.lessThanMonth, locale),
        });
    hints.push({ offset, label, fact: "certificate-validity", holds: validity.validOnDate });
  }

  for (const mention of clauseMentionsInComments(parsed.text, edition, from, to)) {
    const title = clauseTitle(edition, mention.clauseId);
    if (!title || !inRange(mention.range.end)) continue;
    hints.push({
      offset: mention.range.end,
      label: pick(title, locale),
      fact: "clause-title",
      clauseId: mention.clauseId,
    });
  }
  return hints.sort((a, b) => a.offset - b.offset);
}
