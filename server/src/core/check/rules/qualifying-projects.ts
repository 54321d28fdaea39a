// Qualifying projects (4.x.3 b): projects of the applied category both signed and completed within the 3 years
// before the application date — at least 1 (level 3), 6 (level 2), 10 (level 1, public-summary figure).
// Window convention: from the application date minus 3 calendar years (calendar.ts) to the application date, both
// days included: a project counts when start ≤ signed ≤ completed ≤ application date. Judged only when every project
// has a known category and valid dates (otherwise the schema reports those first). A project listed twice (the same
// contract: support/projects.ts) counts once; a project signed before the applicant was established does not count.
import { addYears, compareIsoDates } from "../calendar";
import type { Level } from "../../catalog/edition";
import type { Finding, MessageArguments, RelatedFinding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import {
  categoryLabel,
  dateOf,
  displayName,
  establishedDate,
  ListedObject,
  levelLabel,
  listAt,
  objectsAt,
  stringOf,
} from "./support/dossier-data";
import { projectNamePath, PROJECTS_PATH, repeatedProjects } from "./support/projects";
import { countedNoun, messageForClause } from "./support/wording";

const CLAUSE = "4.x.3.b";
const WINDOW_YEARS = 3;
const REQUIRED_BY_LEVEL: { [level in Level]: number } = { 3: 1, 2: 6, 1: 10 };

/** Why a project does not count, on which of its fields (undefined: the entry itself, at its name). */
export type ProjectVerdict =
  { counts: true } | { counts: false; reason: string; field: string | undefined; args: MessageArguments };

/** Whether the project's dates (both valid) put it in the window, its category aside. */
function judgeProjectDates(
  project: ListedObject,
  signed: string,
  completed: string,
  windowStart: string,
  context: RuleContext,
): ProjectVerdict {
  const { asOf } = context;
  const name = displayName(project.value, ["name"], project.index);
  if (compareIsoDates(signed, asOf) > 0)
    return { counts: false, reason: "signed-after-date", field: "signed", args: { name, signed, asOf } };
  if (compareIsoDates(completed, signed) < 0)
    return { counts: false, reason: "completed-before-signed", field: "completed", args: { name, signed, completed } };
  if (compareIsoDates(completed, asOf) > 0)
    return { counts: false, reason: "not-completed", field: "completed", args: { name, completed, asOf } };
  const established = establishedDate(context);
  if (established && compareIsoDates(signed, established) < 0) {
    return { counts: false, reason: "signed-before-established", field: "signed", args: { name, signed, established } };
  }
  if (compareIsoDates(signed, windowStart) < 0)
    return { counts: false, reason: "signed-before-window", field: "signed", args: { name, signed, windowStart } };
  return { counts: true };
}

interface ProjectTally {
  counted: number;
  /** Projects with an unknown category or without valid dates (the schema's findings): they might count once fixed. */
  unjudgeable: number;
  /** Projects of another category whose dates are in the window: they would have counted. */
  otherCategory: number;
  /** The projects that did not count and why (ranges are looked up only when the finding is made). */
  notCounted: Array<{ project: ListedObject; verdict: Extract<ProjectVerdict, { counts: false }> }>;
  /** Every judged project with its verdict, in list order (unjudgeable ones are left out). */
  judged: Array<{ project: ListedObject; verdict: ProjectVerdict }>;
}

function tallyProjects(context: RuleContext, windowStart: string): ProjectTally {
  const tally: ProjectTally = { counted: 0, unjudgeable: 0, otherCategory: 0, notCounted: [], judged: [] };
  const repeats = repeatedProjects(context);
  for (const project of objectsAt(context, PROJECTS_PATH)) {
    const first = repeats.get(project);
    if (first) {
      const args = {
        name: displayName(project.value, ["name"], project.index),
        first: displayName(first.value, ["name"], first.index),
      };
      const verdict = { counts: false as const, reason: "repeated", field: undefined, args };
      tally.notCounted.push({ project, verdict });
      tally.judged.push({ project, verdict });
      continue;
    }
    const category = stringOf(project.value, "category");
    const signed = dateOf(project.value, "signed");
    const completed = dateOf(project.value, "completed");
    if (!category || !context.edition.categories[category] || !signed || !completed) {
      tally.unjudgeable++;
      continue;
    }
    const datesVerdict = judgeProjectDates(project, signed, completed, windowStart, context);
    let verdict = datesVerdict;
    if (category !== context.category) {
      if (datesVerdict.counts) tally.otherCategory++;
      const name = displayName(project.value, ["name"], project.index);
      verdict = {
        counts: false,
        reason: "other-category",
        field: "category",
        args: { name, category: categoryLabel(context, category) },
      };
    }
    if (verdict.counts) tally.counted++;
    else tally.notCounted.push({ project, verdict });
    tally.judged.push({ project, verdict });
  }
  return tally;
}

/**
 * Whether each project counts toward 4.x.3 b) and, if not, why (the reason is the suffix of its message id:
 * "signed-before-window", "not-completed", …), as the rule judges it; empty when the applied category is unknown.
 */
export function projectCountVerdicts(context: RuleContext): Array<{ project: ListedObject; verdict: ProjectVerdict }> {
  if (!context.category) return [];
  return tallyProjects(context, addYears(context.asOf, -WINDOW_YEARS)).judged;
}

function notCountedRelated(context: RuleContext, tally: ProjectTally): RelatedFinding[] {
  return tally.notCounted.map(({ project, verdict }) => ({
    range: context.valueRange(
      verdict.field === undefined ? projectNamePath(project) : [...project.path, verdict.field],
    ),
    messageId: `performance.qualifying-projects.${verdict.reason}`,
    args: verdict.args,
  }));
}

function checkQualifyingProjects(context: RuleContext): Finding[] {
  const projects = listAt(context, PROJECTS_PATH);
  // No list, or an empty one, is the schema's finding (required, minItems); an unknown category too.
  if (!projects || projects.length === 0 || !context.category) return [];
  const windowStart = addYears(context.asOf, -WINDOW_YEARS);
  const required = REQUIRED_BY_LEVEL[context.level];
  const tally = tallyProjects(context, windowStart);
  tally.unjudgeable += projects.length - objectsAt(context, PROJECTS_PATH).length;
  // The count is judged on a well-formed list only: while a project is half-written (the schema's findings), its
  // fate is unknown, and a new dossier's single placeholder project is not yet a shortfall.
  if (tally.counted >= required || tally.unjudgeable > 0) return [];
  const clauseId = context.clause(CLAUSE);
  const messageId =
    tally.otherCategory > 0
      ? "performance.qualifying-projects.too-few.other-category"
      : "performance.qualifying-projects.too-few";
  return [
    context.finding({
      clauses: [clauseId],
      messageId: messageForClause(context, messageId, clauseId),
      args: {
        counted: tally.counted,
        required,
        otherCategory: tally.otherCategory,
        otherProjects: countedNoun(tally.otherCategory, ["project", "projects"], "个项目"),
        category: categoryLabel(context, context.category),
        level: levelLabel(context, context.level),
        windowStart,
        asOf: context.asOf,
      },
      range: context.keyRange(PROJECTS_PATH),
      related: notCountedRelated(context, tally),
    }),
  ];
}

const TOO_FEW_EN = "Projects of {category} signed and completed between {windowStart} and {asOf}: {counted}";
const TOO_FEW_ZH = "{windowStart} 至 {asOf} 期间签订并完成的{category}项目为 {counted} 个";

export const qualifyingProjectsRule: Rule = {
  id: "performance.qualifying-projects",
  clauses: [CLAUSE],
  description: {
    en: "Projects of the applied category both signed and completed within the 3 years before the application date: at least 1 (level 3), 6 (level 2) or 10 (level 1, a public-summary figure). The finding lists each project that did not count and why. A project listed twice (the same contract) counts once; one signed before the applicant was established does not count. A project signed exactly 3 years before the date, or completed on it, counts. Not judged while a project has an unknown category or an invalid date (the schema reports those).",
    zh: "申请日期前 3 年内签订并完成的申报类别项目：三级至少 1 个，二级至少 6 个，一级至少 10 个（一级数字来自公开资料概述）。提示中逐一列出未计入的项目及原因。同一项目重复列出（合同相同）只计一次；成立前签订的项目不计入。恰在申请日期 3 年前签订、或在申请日期当天完成的项目计入。有项目类别未知或日期无效时（由结构校验报告）不作判断。",
  },
  boundary: {
    en: "Window from the application date minus 3 calendar years to the application date, both days included: start ≤ signed ≤ completed ≤ date (29 Feb − 3 years = 28 Feb).",
    zh: "时间窗口为申请日期前推 3 个日历年至申请日期，两端均含：起点 ≤ 签订 ≤ 完成 ≤ 申请日期（2 月 29 日前推 3 年为 2 月 28 日）。",
  },
  messages: {
    "performance.qualifying-projects.too-few": {
      en: `${TOO_FEW_EN}; {level} needs at least {required}.`,
      zh: `${TOO_FEW_ZH}；{level}要求至少 {required} 个。`,
    },
    "performance.qualifying-projects.too-few.other-category": {
      en: `${TOO_FEW_EN}; {level} needs at least {required}. In that period, {otherProjects} of another category did not count.`,
      zh: `${TOO_FEW_ZH}；{level}要求至少 {required} 个。该期间另有 {otherProjects}属于其他类别，不计入。`,
    },
    "performance.qualifying-projects.too-few.public-summary": {
      en: `${TOO_FEW_EN}; according to public summaries (not the specification excerpt), {level} needs at least {required}.`,
      zh: `${TOO_FEW_ZH}；据公开资料概述（非规范原文），{level}要求至少 {required} 个。`,
    },
    "performance.qualifying-projects.too-few.other-category.public-summary": {
      en: `${TOO_FEW_EN}; according to public summaries (not the specification excerpt), {level} needs at least {required}. In that period, {otherProjects} of another category did not count.`,
      zh: `${TOO_FEW_ZH}；据公开资料概述（非规范原文），{level}要求至少 {required} 个。该期间另有 {otherProjects}属于其他类别，不计入。`,
    },
    "performance.qualifying-projects.other-category": {
      en: "Not counted: “{name}” is a {category} project, another category.",
      zh: "未计入：“{name}”为{category}项目，类别不同。",
    },
    "performance.qualifying-projects.repeated": {
      en: "Not counted twice: “{name}” is the same contract as “{first}” above.",
      zh: "未重复计入：“{name}”与前面的“{first}”为同一合同。",
    },
    "performance.qualifying-projects.signed-before-established": {
      en: "Not counted: “{name}” was signed on {signed}, before the applicant was established ({established}).",
      zh: "未计入：“{name}”签订于 {signed}，早于本单位成立日期（{established}）。",
    },
    "performance.qualifying-projects.signed-before-window": {
      en: "Not counted: “{name}” was signed on {signed}, before the 3-year window that starts on {windowStart}.",
      zh: "未计入：“{name}”签订于 {signed}，早于近 3 年期间的起点（{windowStart}）。",
    },
    "performance.qualifying-projects.not-completed": {
      en: "Not counted: “{name}” is completed on {completed}, after the application date {asOf}.",
      zh: "未计入：“{name}”完成日期为 {completed}，晚于申请日期 {asOf}。",
    },
    "performance.qualifying-projects.signed-after-date": {
      en: "Not counted: “{name}” was signed on {signed}, after the application date {asOf}.",
      zh: "未计入：“{name}”签订于 {signed}，晚于申请日期 {asOf}。",
    },
    "performance.qualifying-projects.completed-before-signed": {
      en: "Not counted: “{name}” is completed ({completed}) before it was signed ({signed}).",
      zh: "未计入：“{name}”的完成日期（{completed}）早于签订日期（{signed}）。",
    },
  },
  check: checkQualifyingProjects,
};
