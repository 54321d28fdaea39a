// Nothing happens after the application date: the date established, service_since, projects' signing and
// completion dates and certificates' issue dates are on or before it (the same day is fine).
// Clause: that of the field (1 for established, 4.x.3.a, 4.x.3.b, 4.x.2).
import { compareIsoDates } from "../calendar";
import type { Finding, JsonPath, RelatedFinding } from "../types";
import { asDate } from "../values";
import type { Rule, RuleContext } from "./rule";
import { applicationDate, fieldClauses, fieldTitle, objectsAt, PathPattern, valueAt } from "./support/dossier-data";

const EVENT_DATES: PathPattern[] = [
  ["applicant", "established"],
  ["performance", "service_since"],
  ["performance", "projects", "*", "signed"],
  ["performance", "projects", "*", "completed"],
  ["application", "held_certificates", "*", "issued"],
  ["personnel", "*", "competence", "*", "issued"],
];

function applicationDateRelated(context: RuleContext): RelatedFinding[] {
  if (!applicationDate(context)) return [];
  return [{ range: context.valueRange(["application", "date"]), messageId: "dates.not-after-application.application-date", args: { asOf: context.asOf } }];
}

const ROOT = { path: [] };

function checkNotAfterApplication(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const messageId = applicationDate(context) ? "dates.not-after-application.after" : "dates.not-after-application.after-today";
  const check = (value: unknown, base: { readonly path: JsonPath }, rest: PathPattern): void => {
    // A later date sorts after asOf as a string; only those need reading as a date.
    if (typeof value !== "string" || value <= context.asOf) return;
    const date = asDate(value);
    if (!date || compareIsoDates(date, context.asOf) <= 0) return;
    const path = [...base.path, ...rest];
    findings.push(
      context.finding({
        clauses: fieldClauses(context, path),
        messageId,
        args: { title: fieldTitle(context, path), date, asOf: context.asOf },
        range: context.valueRange(path),
        related: applicationDateRelated(context),
      }),
    );
  };
  for (const pattern of EVENT_DATES) {
    // A field of every item of a list: the items come from the shared list readers, the path is built for findings.
    const star = pattern.lastIndexOf("*");
    if (star < 0) {
      check(valueAt(context, pattern), ROOT, pattern);
      continue;
    }
    if (star !== pattern.length - 2) throw new Error(`EVENT_DATES: ${pattern.join(".")} must end with "*" and one key`);
    const key = String(pattern[star + 1]);
    for (const item of objectsAt(context, pattern.slice(0, star))) check(item.value[key], item, [key]);
  }
  return findings;
}

export const notAfterApplicationRule: Rule = {
  id: "dates.not-after-application",
  clauses: ["1", "4.x.3.a", "4.x.3.b", "4.x.2"],
  description: {
    en: "The date established, service_since, projects' signing and completion dates and certificates' issue dates are not after the application date (the same day is fine).",
    zh: "成立日期、开始从事服务日期、项目签订和完成日期、证书发证日期均不晚于申请日期（同一天即可）。",
  },
  boundary: { en: "A date equal to the application date is fine; the day after is not.", zh: "与申请日期同一天可以；晚一天即不符合。" },
  messages: {
    "dates.not-after-application.after": {
      en: "{title}: {date} is after the application date {asOf}.",
      zh: "{title}：{date} 晚于申请日期 {asOf}。",
    },
    "dates.not-after-application.after-today": {
      en: "{title}: {date} is after today ({asOf}), the date used while application.date is missing.",
      zh: "{title}：{date} 晚于今天（{asOf}）；缺少 application.date 时按今天计算。",
    },
    "dates.not-after-application.application-date": { en: "The application date: {asOf}.", zh: "申请日期：{asOf}。" },
  },
  check: checkNotAfterApplication,
};
