// Project leads and engineers (4.x.2, Annex H): at least one person is a project lead and at least one a project
// engineer, and every project lead and engineer holds a service technical competence of the applied category
// (competences of other categories do not count).
import type { Finding } from "../types";
import type { Rule, RuleContext } from "./rule";
import { categoryLabel, displayName, enumLabel, ListedObject, listAt } from "./support/dossier-data";
import { allRolesKnown, categoryLabels, competencesOf, competenceVerdict, PERSONNEL_PATH, peopleWithRole } from "./support/personnel";

const CLAUSES = ["4.x.2", "H"];
const STAFF_ROLES = ["project-lead", "project-engineer"];

function clauses(context: RuleContext): string[] {
  return CLAUSES.map((template) => context.clause(template));
}

function competenceFinding(context: RuleContext, person: ListedObject, role: string): Finding | undefined {
  if (!context.category || competenceVerdict(context, person, "technical") !== "lacks") return undefined;
  const technical = competencesOf(context, person, "technical");
  const otherCategory = technical.otherCount;
  return context.finding({
    clauses: clauses(context),
    messageId: otherCategory > 0 ? "personnel.project-staff.no-technical-competence.other-category" : "personnel.project-staff.no-technical-competence",
    args: {
      name: displayName(person.value, ["name", "id"], person.index),
      role: enumLabel(context, [...person.path, "role"], role),
      category: categoryLabel(context, context.category),
      otherCategory,
      otherCategories: categoryLabels(context, technical.otherCategories),
    },
    range: context.keyRange([...person.path, "competence"]),
  });
}

function checkProjectStaff(context: RuleContext): Finding[] {
  const personnel = listAt(context, PERSONNEL_PATH);
  if (!personnel || personnel.length === 0) return [];
  const findings: Finding[] = [];
  for (const role of STAFF_ROLES) {
    const people = peopleWithRole(context, role);
    // A person without a valid role is the schema's finding; counting roles then would only repeat it.
    if (people.length === 0 && allRolesKnown(context)) {
      findings.push(
        context.finding({
          clauses: clauses(context),
          messageId: "personnel.project-staff.missing-role",
          args: { role: enumLabel(context, [...PERSONNEL_PATH, 0, "role"], role) },
          range: context.keyRange(PERSONNEL_PATH),
        }),
      );
    }
    for (const person of people) {
      const finding = competenceFinding(context, person, role);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

export const projectStaffRule: Rule = {
  id: "personnel.project-staff",
  clauses: CLAUSES,
  description: {
    en: "At least one project lead and at least one project engineer, and each of them holds a service technical competence certificate of the applied category (other categories do not count).",
    zh: "至少一名项目负责人和至少一名项目工程师，且每人持有与申报类别一致的信息安全服务技术能力证书（其他类别的证书不计入）。",
  },
  messages: {
    "personnel.project-staff.missing-role": {
      en: "No {role} listed: at least one is needed.",
      zh: "人员中没有{role}：至少需要一名。",
    },
    "personnel.project-staff.no-technical-competence": {
      en: "{role} {name} holds no service technical competence for {category}.",
      zh: "{role} {name} 没有{category}的信息安全服务技术能力证书。",
    },
    "personnel.project-staff.no-technical-competence.other-category": {
      en: "{role} {name} holds no service technical competence for {category}; the {otherCategory} technical competence(s) held are for other categories ({otherCategories}) and do not count.",
      zh: "{role} {name} 没有{category}的信息安全服务技术能力证书；其 {otherCategory} 类技术能力证书属于其他类别（{otherCategories}），不计入。",
    },
  },
  check: checkProjectStaff,
};
