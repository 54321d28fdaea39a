// The technical lead (4.x.2, Annex H): a person has the role technical-lead, and every technical lead holds a service
// management competence that counts: of the applied category and valid on the application date (the finding lists
// the ones that do not count and why). 4.x.2 does not say how many technical leads there may be: more than one is a
// warning, the tool's reading of "技术负责人" in the singular.
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { displayName, ListedObject, listAt } from "./support/dossier-data";
import {
  allRolesKnown,
  lacksCompetenceFinding,
  COMPETENCE_MESSAGES,
  PERSONNEL_PATH,
  peopleWithRole,
} from "./support/personnel";

const CLAUSES = ["4.x.2", "H"];

function clauses(context: RuleContext): string[] {
  return CLAUSES.map((template) => context.clause(template));
}

function countFindings(context: RuleContext, leads: ListedObject[]): Finding[] {
  if (leads.length === 0) {
    return [
      context.finding({
        clauses: clauses(context),
        messageId: "personnel.technical-lead.missing",
        range: context.keyRange(PERSONNEL_PATH),
      }),
    ];
  }
  const first = leads[0];
  return leads.slice(1).map((extra) =>
    context.finding({
      clauses: clauses(context),
      severity: "warning",
      messageId: "personnel.technical-lead.more-than-one",
      args: {
        name: displayName(extra.value, ["name", "id"], extra.index),
        first: displayName(first.value, ["name", "id"], first.index),
        count: leads.length,
      },
      range: context.valueRange([...extra.path, "role"]),
      related: [
        { range: context.valueRange([...first.path, "role"]), messageId: "personnel.technical-lead.first", args: {} },
      ],
    }),
  );
}

function competenceFinding(context: RuleContext, lead: ListedObject): Finding | undefined {
  return lacksCompetenceFinding(
    context,
    lead,
    "management",
    clauses(context),
    "personnel.technical-lead.no-management-competence",
  );
}

function checkTechnicalLead(context: RuleContext): Finding[] {
  const personnel = listAt(context, PERSONNEL_PATH);
  if (!personnel || personnel.length === 0) return [];
  const leads = peopleWithRole(context, "technical-lead");
  // A person without a valid role is the schema's finding; counting roles then would only repeat it.
  const findings = allRolesKnown(context) ? countFindings(context, leads) : [];
  for (const lead of leads) {
    const finding = competenceFinding(context, lead);
    if (finding) findings.push(finding);
  }
  return findings;
}

export const technicalLeadRule: Rule = {
  id: "personnel.technical-lead",
  clauses: CLAUSES,
  description: {
    en: "A person is the technical lead and holds a service management competence certificate of the applied category valid on the application date (certificates of other categories, expired or not yet issued do not count; the finding lists them). More than one technical lead is a warning: the text names the post in the singular but does not say how many there may be.",
    zh: "须有技术负责人，且其持有与申报类别一致、在申请日期有效的信息安全服务管理能力证书（其他类别、已失效或尚未发证的证书不计入，提示中逐一列出）。技术负责人多于一名时给出警告：规范以单数称该岗位，但未规定人数。",
  },
  messages: {
    "personnel.technical-lead.missing": {
      en: "No technical lead: one person must have the role technical-lead.",
      zh: "没有技术负责人：须有一名人员的岗位为技术负责人（technical-lead）。",
    },
    "personnel.technical-lead.more-than-one": {
      en: "The tool's reading: a dossier names one technical lead, but {count} are listed ({first}, {name}). The specification does not say how many there may be; make sure the reviewers know which one is responsible.",
      zh: "按本工具的理解，技术负责人应为一名，但名单中共有 {count} 名（{first}、{name}）。规范未规定技术负责人的人数；请确认评审时能说明由谁负责。",
    },
    "personnel.technical-lead.first": { en: "The first technical lead.", zh: "第一名技术负责人。" },
    "personnel.technical-lead.no-management-competence": {
      en: "Technical lead {name} holds no service management competence for {category} valid on the application date {asOf}.",
      zh: "技术负责人 {name} 没有在申请日期 {asOf} 有效的{category}信息安全服务管理能力证书。",
    },
    "personnel.technical-lead.no-management-competence.other-category": {
      en: "Technical lead {name} holds no service management competence for {category} valid on the application date {asOf}; not counted: {otherHeld} ({otherCategories}).",
      zh: "技术负责人 {name} 没有在申请日期 {asOf} 有效的{category}信息安全服务管理能力证书；其持有的 {otherHeld}（{otherCategories}）不计入。",
    },
    ...COMPETENCE_MESSAGES,
  },
  check: checkTechnicalLead,
};
