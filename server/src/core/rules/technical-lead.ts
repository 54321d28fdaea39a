// The technical lead (4.x.2, Annex H): exactly one person has the role technical-lead, and that person holds a
// service management competence of the applied category (competences of other categories do not count; their
// validity on the application date is dates.certificate-validity's concern).
import type { Finding } from "../types";
import type { Rule, RuleContext } from "./rule";
import { categoryLabel, displayName, ListedObject, listAt } from "./support/dossier-data";
import { allRolesKnown, categoryLabels, competencesOf, competenceVerdict, PERSONNEL_PATH, peopleWithRole } from "./support/personnel";

const CLAUSES = ["4.x.2", "H"];

function clauses(context: RuleContext): string[] {
  return CLAUSES.map((template) => context.clause(template));
}

function countFindings(context: RuleContext, leads: ListedObject[]): Finding[] {
  if (leads.length === 0) {
    return [context.finding({ clauses: clauses(context), messageId: "personnel.technical-lead.missing", range: context.keyRange(PERSONNEL_PATH) })];
  }
  const first = leads[0];
  return leads.slice(1).map((extra) =>
    context.finding({
      clauses: clauses(context),
      messageId: "personnel.technical-lead.more-than-one",
      args: { name: displayName(extra.value, ["name", "id"], extra.index), first: displayName(first.value, ["name", "id"], first.index), count: leads.length },
      range: context.valueRange([...extra.path, "role"]),
      related: [{ range: context.valueRange([...first.path, "role"]), messageId: "personnel.technical-lead.first", args: {} }],
    }),
  );
}

function competenceFinding(context: RuleContext, lead: ListedObject): Finding | undefined {
  if (!context.category || competenceVerdict(context, lead, "management") !== "lacks") return undefined;
  const management = competencesOf(context, lead, "management");
  const otherCategory = management.otherCount;
  return context.finding({
    clauses: clauses(context),
    messageId: otherCategory > 0 ? "personnel.technical-lead.no-management-competence.other-category" : "personnel.technical-lead.no-management-competence",
    args: {
      name: displayName(lead.value, ["name", "id"], lead.index),
      category: categoryLabel(context, context.category),
      otherCategory,
      otherCategories: categoryLabels(context, management.otherCategories),
    },
    range: context.keyRange([...lead.path, "competence"]),
  });
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
    en: "Exactly one person is the technical lead, and holds a service management competence certificate of the applied category (other categories do not count).",
    zh: "有且只有一名技术负责人，且其持有与申报类别一致的信息安全服务管理能力证书（其他类别的证书不计入）。",
  },
  messages: {
    "personnel.technical-lead.missing": {
      en: "No technical lead: one person must have the role technical-lead.",
      zh: "没有技术负责人：须有一名人员的岗位为技术负责人（technical-lead）。",
    },
    "personnel.technical-lead.more-than-one": {
      en: "{name} is a second technical lead ({count} in all, the first is {first}): there is exactly one.",
      zh: "{name} 是又一名技术负责人（共 {count} 名，第一名为 {first}）：技术负责人只能有一名。",
    },
    "personnel.technical-lead.first": { en: "The first technical lead.", zh: "第一名技术负责人。" },
    "personnel.technical-lead.no-management-competence": {
      en: "Technical lead {name} holds no service management competence for {category}.",
      zh: "技术负责人 {name} 没有{category}的信息安全服务管理能力证书。",
    },
    "personnel.technical-lead.no-management-competence.other-category": {
      en: "Technical lead {name} holds no service management competence for {category}; the {otherCategory} management competence(s) held are for other categories ({otherCategories}) and do not count.",
      zh: "技术负责人 {name} 没有{category}的信息安全服务管理能力证书；其 {otherCategory} 类管理能力证书属于其他类别（{otherCategories}），不计入。",
    },
  },
  check: checkTechnicalLead,
};
