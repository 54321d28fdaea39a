// Nothing happens after the application date: the date established and service_since are on or before it (the same
// day is fine) — an error, as the applicant then has no time in service at all. A project signed or completed, or a
// certificate issued, after it is an info: that entry does not count, and whether a requirement then fails is said
// by the rules that count (performance.qualifying-projects, performance.service-duration, personnel.*).
// Clause: that of the field (4, the application, for established, 4.x.3.a, 4.x.3.b, 4.x.2).
import { compareIsoDates } from "../calendar";
import type { Finding, JsonPath, RelatedFinding } from "../../types";
import { asDate } from "../values";
import type { Rule, RuleContext } from "./rule";
import { applicationDate, fieldClauses, fieldTitle, objectsAt, PathPattern, valueAt } from "./support/dossier-data";

/** The dates, and whether a date after the application date only keeps its entry from counting (an info). */
const EVENT_DATES: Array<{ pattern: PathPattern; notCounted: boolean }> = [
  { pattern: ["applicant", "established"], notCounted: false },
  { pattern: ["performance", "service_since"], notCounted: false },
  { pattern: ["performance", "projects", "*", "signed"], notCounted: true },
  { pattern: ["performance", "projects", "*", "completed"], notCounted: true },
  { pattern: ["application", "held_certificates", "*", "issued"], notCounted: true },
  { pattern: ["personnel", "*", "competence", "*", "issued"], notCounted: true },
];

function applicationDateRelated(context: RuleContext): RelatedFinding[] {
  if (!applicationDate(context)) return [];
  return [
    {
      range: context.valueRange(["application", "date"]),
      messageId: "dates.not-after-application.application-date",
      args: { asOf: context.asOf },
    },
  ];
}

const ROOT = { path: [] };

function checkNotAfterApplication(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const withDate = applicationDate(context) !== undefined;
  const check = (value: unknown, base: { readonly path: JsonPath }, rest: PathPattern, notCounted: boolean): void => {
    // A later date sorts after asOf as a string; only those need reading as a date.
    if (typeof value !== "string" || value <= context.asOf) return;
    const date = asDate(value);
    if (!date || compareIsoDates(date, context.asOf) <= 0) return;
    const path = [...base.path, ...rest];
    const messageId = notCounted
      ? withDate
        ? "dates.not-after-application.not-counted"
        : "dates.not-after-application.not-counted-after-today"
      : withDate
        ? "dates.not-after-application.after"
        : "dates.not-after-application.after-today";
    findings.push(
      context.finding({
        clauses: fieldClauses(context, path),
        severity: notCounted ? "info" : "error",
        messageId,
        args: { title: fieldTitle(context, path), date, asOf: context.asOf },
        range: context.valueRange(path),
        related: applicationDateRelated(context),
      }),
    );
  };
  for (const { pattern, notCounted } of EVENT_DATES) {
    // A field of every item of a list: the items come from the shared list readers, the path is built for findings.
    const star = pattern.lastIndexOf("*");
    if (star < 0) {
      check(valueAt(context, pattern), ROOT, pattern, notCounted);
      continue;
    }
    if (star !== pattern.length - 2) throw new Error(`EVENT_DATES: ${pattern.join(".")} must end with "*" and one key`);
    const key = String(pattern[star + 1]);
    for (const item of objectsAt(context, pattern.slice(0, star))) check(item.value[key], item, [key], notCounted);
  }
  return findings;
}

export const notAfterApplicationRule: Rule = {
  id: "dates.not-after-application",
  clauses: ["4", "4.x.3.a", "4.x.3.b", "4.x.2"],
  description: {
    en: "The date established and service_since are not after the application date (the same day is fine). A project signed or completed, or a certificate issued, after it is an info: that entry does not count (the counting rules say whether a requirement then fails).",
    zh: "成立日期、开始从事服务日期均不晚于申请日期（同一天即可）。项目签订或完成日期、证书发证日期晚于申请日期时给出提示：该项不计入（是否因此不满足要求，由计数的规则判断）。",
  },
  boundary: {
    en: "A date equal to the application date is fine; the day after is not.",
    zh: "与申请日期同一天可以；晚一天即不符合。",
  },
  messages: {
    "dates.not-after-application.after": {
      en: "{title}: {date} is after the application date {asOf}.",
      zh: "{title}：{date} 晚于申请日期 {asOf}。",
    },
    "dates.not-after-application.after-today": {
      en: "{title}: {date} is after today ({asOf}), the date used while application.date is missing.",
      zh: "{title}：{date} 晚于今天（{asOf}）；缺少 application.date 时按今天计算。",
    },
    "dates.not-after-application.not-counted": {
      en: "{title}: {date} is after the application date {asOf}: this entry does not count.",
      zh: "{title}：{date} 晚于申请日期 {asOf}，该项不计入。",
    },
    "dates.not-after-application.not-counted-after-today": {
      en: "{title}: {date} is after today ({asOf}), the date used while application.date is missing: this entry does not count.",
      zh: "{title}：{date} 晚于今天（{asOf}；缺少 application.date 时按今天计算），该项不计入。",
    },
    "dates.not-after-application.application-date": { en: "The application date: {asOf}.", zh: "申请日期：{asOf}。" },
  },
  check: checkNotAfterApplication,
};
