// Nothing the applicant did predates it (§1: the service provider is the applicant): performance.service_since
// (4.x.3 a) and each project's signing date (4.x.3 b) are on or after applicant.established — the same day is fine.
// Each earlier date is an error with the date established as related information. The counting rules count from the
// founding too: time in service from the later of the two dates, and a project signed before it does not count.
import { compareIsoDates } from "../calendar";
import type { Finding, JsonPath } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { dateOf, displayName, establishedDate, objectsAt, valueAt } from "./support/dossier-data";
import { asDate } from "../values";
import { PROJECTS_PATH } from "./support/projects";

const ESTABLISHED_PATH = ["applicant", "established"];

function checkNotBeforeEstablished(context: RuleContext): Finding[] {
  const established = establishedDate(context);
  if (!established) return [];
  const findings: Finding[] = [];
  const report = (clause: string, messageId: string, path: JsonPath, args: { [name: string]: string }) =>
    findings.push(
      context.finding({
        clauses: [context.clause(clause)],
        messageId,
        args: { ...args, established },
        range: context.valueRange(path),
        related: [
          {
            range: context.valueRange(ESTABLISHED_PATH),
            messageId: "dates.not-before-established.established",
            args: { established },
          },
        ],
      }),
    );
  const since = asDate(valueAt(context, ["performance", "service_since"]));
  if (since && compareIsoDates(since, established) < 0) {
    report("4.x.3.a", "dates.not-before-established.service-since", ["performance", "service_since"], { since });
  }
  for (const project of objectsAt(context, PROJECTS_PATH)) {
    const signed = dateOf(project.value, "signed");
    if (!signed || compareIsoDates(signed, established) >= 0) continue;
    report("4.x.3.b", "dates.not-before-established.project-signed", [...project.path, "signed"], {
      signed,
      name: displayName(project.value, ["name"], project.index),
    });
  }
  return findings;
}

export const notBeforeEstablishedRule: Rule = {
  id: "dates.not-before-established",
  clauses: ["4.x.3.a", "4.x.3.b"],
  description: {
    en: "The service provider is the applicant (§1): service_since and every project's signing date are on or after the date established (the same day is fine). Time in service is counted from the later of service_since and the date established, and a project signed before the founding does not count.",
    zh: "服务提供者即申请单位（第 1 章）：开始从事服务日期和每个项目的签订日期均不早于成立日期（同一天即可）。从业时间从开始从事服务日期与成立日期中较晚者起算；成立前签订的项目不计入。",
  },
  boundary: {
    en: "A date equal to the date established is fine; the day before is not.",
    zh: "与成立日期同一天可以；早一天即不符合。",
  },
  messages: {
    "dates.not-before-established.service-since": {
      en: "In service since {since}, before the applicant was established ({established}): the applicant's time in service counts from its founding.",
      zh: "开始从事服务日期 {since} 早于本单位成立日期（{established}）：从业时间自单位成立之日起算。",
    },
    "dates.not-before-established.project-signed": {
      en: "“{name}” was signed on {signed}, before the applicant was established ({established}): it is not the applicant's project and does not count.",
      zh: "“{name}”签订于 {signed}，早于本单位成立日期（{established}）：不是本单位的项目，不计入。",
    },
    "dates.not-before-established.established": {
      en: "The date established: {established}.",
      zh: "成立日期：{established}。",
    },
  },
  check: checkNotBeforeEstablished,
};
