// Project leads and engineers (4.x.2, Annex H): at least one person is a project lead and at least one a project
// engineer, and every project lead and engineer holds a service technical competence that counts: of the applied
// category and valid on the application date (the finding lists the ones that do not count and why). A listed
// person named as the lead of a project of the applied category is a project lead there, whatever their role:
// they too need that technical competence.
import type { Finding, RelatedFinding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import {
  categoryLabel,
  displayName,
  enumLabel,
  ListedObject,
  listAt,
  objectsAt,
  stringOf,
} from "./support/dossier-data";
import {
  allRolesKnown,
  lacksCompetenceFinding,
  COMPETENCE_MESSAGES,
  competencesNotCountedRelated,
  competencesOf,
  competenceVerdict,
  PERSONNEL_PATH,
  peopleWithRole,
} from "./support/personnel";

const CLAUSES = ["4.x.2", "H"];
const STAFF_ROLES = ["project-lead", "project-engineer"];
const PROJECTS_PATH = ["performance", "projects"];

function clauses(context: RuleContext): string[] {
  return CLAUSES.map((template) => context.clause(template));
}

function competenceFinding(context: RuleContext, person: ListedObject, role: string): Finding | undefined {
  return lacksCompetenceFinding(
    context,
    person,
    "technical",
    clauses(context),
    "personnel.project-staff.no-technical-competence",
    {
      role: enumLabel(context, [...person.path, "role"], role),
    },
  );
}

/**
 * Listed people of another role (the technical lead) named as the lead of a project of the applied category and
 * holding no technical competence that counts: one finding per person, on the first such project's lead, with the
 * person and their other projects as related information. Project leads and engineers are judged by their role.
 */
function projectLeadFindings(context: RuleContext): Finding[] {
  const leads = new Map<string, { person: ListedObject; projects: ListedObject[] }>();
  // The first listed person of each id, looked up once per project (not a scan of the list per project).
  const personById = new Map<unknown, ListedObject>();
  for (const candidate of objectsAt(context, PERSONNEL_PATH)) {
    if (!personById.has(candidate.value.id)) personById.set(candidate.value.id, candidate);
  }
  for (const project of objectsAt(context, PROJECTS_PATH)) {
    const id = project.value.lead;
    if (typeof id !== "string" || stringOf(project.value, "category") !== context.category) continue;
    let lead = leads.get(id);
    if (!lead) {
      const person = personById.get(id);
      if (!person || typeof person.value.role !== "string" || STAFF_ROLES.includes(person.value.role)) continue;
      leads.set(id, (lead = { person, projects: [] }));
    }
    lead.projects.push(project);
  }
  const findings: Finding[] = [];
  for (const { person, projects } of leads.values()) {
    if (competenceVerdict(context, person, "technical") !== "lacks") continue;
    const name = displayName(person.value, ["name", "id"], person.index);
    const [first, ...others] = projects;
    const related: RelatedFinding[] = [
      {
        range: context.keyRange([...person.path, "competence"]),
        messageId: "personnel.project-staff.person-competences",
        args: { name },
      },
      ...others.map((project) => ({
        range: context.valueRange([...project.path, "lead"]),
        messageId: "personnel.project-staff.also-leads",
        args: { name, project: displayName(project.value, ["name"], project.index) },
      })),
      ...competencesNotCountedRelated(context, competencesOf(context, person, "technical").notCounted),
    ];
    findings.push(
      context.finding({
        clauses: clauses(context),
        messageId: "personnel.project-staff.project-lead-without-technical-competence",
        args: {
          name,
          role: enumLabel(context, [...person.path, "role"], String(person.value.role)),
          project: displayName(first.value, ["name"], first.index),
          category: categoryLabel(context, context.category),
          asOf: context.asOf,
        },
        range: context.valueRange([...first.path, "lead"]),
        related,
      }),
    );
  }
  return findings;
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
  if (context.category) findings.push(...projectLeadFindings(context));
  return findings;
}

export const projectStaffRule: Rule = {
  id: "personnel.project-staff",
  clauses: CLAUSES,
  description: {
    en: "At least one project lead and at least one project engineer, and each of them holds a service technical competence certificate of the applied category valid on the application date (certificates of other categories, expired or not yet issued do not count; the finding lists them). A listed person of another role named as the lead of a project of the applied category is its project lead and needs that competence too.",
    zh: "至少一名项目负责人和至少一名项目工程师，且每人持有与申报类别一致、在申请日期有效的信息安全服务技术能力证书（其他类别、已失效或尚未发证的证书不计入，提示中逐一列出）。名单中其他岗位的人员担任申报类别项目的负责人时，即为该项目的项目负责人，同样须具备该技术能力证书。",
  },
  messages: {
    "personnel.project-staff.missing-role": {
      en: "No {role} listed: at least one is needed.",
      zh: "人员中没有{role}：至少需要一名。",
    },
    "personnel.project-staff.no-technical-competence": {
      en: "{role} {name} holds no service technical competence for {category} valid on the application date {asOf}.",
      zh: "{role} {name} 没有在申请日期 {asOf} 有效的{category}信息安全服务技术能力证书。",
    },
    "personnel.project-staff.no-technical-competence.other-category": {
      en: "{role} {name} holds no service technical competence for {category} valid on the application date {asOf}; not counted: {otherHeld} ({otherCategories}).",
      zh: "{role} {name} 没有在申请日期 {asOf} 有效的{category}信息安全服务技术能力证书；其持有的 {otherHeld}（{otherCategories}）不计入。",
    },
    "personnel.project-staff.project-lead-without-technical-competence": {
      en: "{name} ({role}) leads the project “{project}” and so is a project lead, but holds no service technical competence for {category} valid on the application date {asOf}: a project lead needs one.",
      zh: "{name}（{role}）担任项目“{project}”的项目负责人：项目负责人应具备{category}的信息安全服务技术能力，但其没有在申请日期 {asOf} 有效的此类证书。",
    },
    "personnel.project-staff.person-competences": {
      en: "The competences {name} holds.",
      zh: "{name} 持有的能力证书。",
    },
    "personnel.project-staff.also-leads": {
      en: "{name} also leads “{project}”.",
      zh: "{name} 也是“{project}”的项目负责人。",
    },
    ...COMPETENCE_MESSAGES,
  },
  check: checkProjectStaff,
};
