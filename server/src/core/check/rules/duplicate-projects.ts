// A project listed twice (4.x.3 b): an entry with the same contract as an earlier one — the same client, signing and
// completion dates, and an evidence file in common — is the same project. It is counted once
// (performance.qualifying-projects skips the repeat), and the repeat is an error on its name, with the first entry as
// related information.
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { displayName } from "./support/dossier-data";
import { projectNamePath, repeatedProjects } from "./support/projects";

const CLAUSE = "4.x.3.b";

function checkDuplicateProjects(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const [repeat, first] of repeatedProjects(context)) {
    const args = {
      name: displayName(repeat.value, ["name"], repeat.index),
      first: displayName(first.value, ["name"], first.index),
      client: String(repeat.value.client),
      signed: String(repeat.value.signed),
      completed: String(repeat.value.completed),
    };
    findings.push(
      context.finding({
        clauses: [context.clause(CLAUSE)],
        messageId: "performance.duplicate-projects.repeated",
        args,
        range: context.valueRange(projectNamePath(repeat)),
        related: [
          {
            range: context.valueRange(projectNamePath(first)),
            messageId: "performance.duplicate-projects.first",
            args,
          },
        ],
      }),
    );
  }
  return findings;
}

export const duplicateProjectsRule: Rule = {
  id: "performance.duplicate-projects",
  clauses: [CLAUSE],
  description: {
    en: "A project is listed once: an entry with the same contract as an earlier one (same client, signing and completion dates, and an evidence file in common) is the same project, counted once, and the repeat is an error.",
    zh: "每个项目只列一次：与前面某项合同相同（客户、签订日期、完成日期相同，且有相同的证明材料文件）的条目是同一项目，只计一次，重复的条目报告为错误。",
  },
  messages: {
    "performance.duplicate-projects.repeated": {
      en: "“{name}” is listed a second time: the same contract as “{first}” above (client {client}, signed {signed}, completed {completed}). A project counts once; remove the repeat.",
      zh: "“{name}”重复列出：与前面的“{first}”为同一合同（客户：{client}，签订于 {signed}，完成于 {completed}）。同一项目只计一次，请删除重复的条目。",
    },
    "performance.duplicate-projects.first": {
      en: "The project as first listed: “{first}”.",
      zh: "该项目首次列出于此：“{first}”。",
    },
  },
  check: checkDuplicateProjects,
};
