// Long-term premises (4.x.1): a leased office's lease_until is on or after the application date (error otherwise),
// and a warning when the lease ends less than `leaseWarningMonths` calendar months after it.
// Boundary convention: lease_until is the lease's last day. No error when it equals the application date; no
// warning when it is on or after the application date plus N months (calendar.ts; N = 0 turns the warning off).
import { addMonths, compareIsoDates } from "../calendar";
import type { Finding, RelatedFinding } from "../../types";
import { asDate } from "../values";
import type { Rule, RuleContext } from "./rule";
import { applicationDate, valueAt } from "./support/dossier-data";
import { durationLabel } from "./support/wording";

const CLAUSE = "4.x.1";
const LEASE_UNTIL_PATH = ["premises", "lease_until"];

function applicationDateRelated(context: RuleContext): RelatedFinding[] {
  if (!applicationDate(context)) return [];
  return [
    {
      range: context.valueRange(["application", "date"]),
      messageId: "premises.lease-term.application-date",
      args: { asOf: context.asOf },
    },
  ];
}

function checkLeaseTerm(context: RuleContext): Finding[] {
  if (valueAt(context, ["premises", "tenure"]) !== "leased") return [];
  const leaseUntil = asDate(valueAt(context, LEASE_UNTIL_PATH));
  if (!leaseUntil) return [];
  const base = {
    clauses: [context.clause(CLAUSE)],
    range: context.valueRange(LEASE_UNTIL_PATH),
    related: applicationDateRelated(context),
  };
  if (compareIsoDates(leaseUntil, context.asOf) < 0) {
    return [
      context.finding({ ...base, messageId: "premises.lease-term.ended", args: { leaseUntil, asOf: context.asOf } }),
    ];
  }
  const months = context.options.leaseWarningMonths;
  if (months <= 0) return [];
  const warnBefore = addMonths(context.asOf, months);
  if (compareIsoDates(leaseUntil, warnBefore) >= 0) return [];
  return [
    context.finding({
      ...base,
      severity: "warning",
      messageId: "premises.lease-term.ending-soon",
      args: { leaseUntil, asOf: context.asOf, months: durationLabel(months), warnBefore },
    }),
  ];
}

export const leaseTermRule: Rule = {
  id: "premises.lease-term",
  clauses: [CLAUSE],
  description: {
    en: "A leased office's lease runs on the application date (lease_until on or after it); a warning when it ends less than the configured number of months (default 6) after it.",
    zh: "租赁办公场所的租期在申请日期仍有效（租赁截止日期不早于申请日期）；租期在申请日期后不足设定月数（默认 6 个月）即结束时给出警告。",
  },
  boundary: {
    en: "lease_until = application date is no error; lease_until ≥ application date + N calendar months is no warning.",
    zh: "租赁截止日期等于申请日期不报错；不早于申请日期加 N 个日历月不警告。",
  },
  messages: {
    "premises.lease-term.ended": {
      en: "The lease ended on {leaseUntil}, before the application date {asOf}: no long-term premises.",
      zh: "租赁合同已于 {leaseUntil} 到期，早于申请日期 {asOf}：不满足长期固定办公场所要求。",
    },
    "premises.lease-term.ending-soon": {
      en: "The lease ends on {leaseUntil}, less than {months} after the application date {asOf} (before {warnBefore}): renew it or add the renewal as evidence.",
      zh: "租赁合同于 {leaseUntil} 到期，距申请日期 {asOf} 不足 {months}（早于 {warnBefore}）：请续租或补充续租证明。",
    },
    "premises.lease-term.application-date": { en: "The application date: {asOf}.", zh: "申请日期：{asOf}。" },
  },
  check: checkLeaseTerm,
};
