// Service processes (4.x.6 with the category's §3 definition): together, the processes cover every stage of the
// applied category's vocabulary (categories.yaml; disaster recovery class A and class B differ). Each missing stage
// is its own finding on the `processes` key, citing 4.x.6 and the definition clause (e.g. 3.2). A warning: 4.x.6
// asks for the processes the service needs without listing stages; the stages are the tool's reading of §3.
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { categoryLabel, listAt, stringsAt, objectsAt } from "./support/dossier-data";

const CLAUSE = "4.x.6";
const PROCESSES_PATH = ["processes"];

function coveredStages(context: RuleContext): Set<string> {
  const covered = new Set<string>();
  for (const process of objectsAt(context, PROCESSES_PATH)) {
    for (const stage of stringsAt(context, [...process.path, "stages"])) covered.add(stage.value);
  }
  return covered;
}

function checkProcessStages(context: RuleContext): Finding[] {
  const processes = listAt(context, PROCESSES_PATH);
  const category = context.category ? context.edition.categories[context.category] : undefined;
  // An absent or empty list is the schema's finding; so is a disaster-recovery dossier without a valid class
  // (both classes' stages would be asked for).
  if (!processes || processes.length === 0 || !category) return [];
  if (category.classes && !(context.drClass && category.classes[context.drClass])) return [];
  const stages = context.edition.stagesFor(context.category, context.drClass) ?? {};
  const covered = coveredStages(context);
  const clauses = [context.clause(CLAUSE), category.definition];
  return Object.entries(stages)
    .filter(([stage]) => !covered.has(stage))
    .map(([stage, label]) =>
      context.finding({
        clauses,
        severity: "warning",
        messageId: "processes.stage-coverage.missing-stage",
        args: { stage, label, category: categoryLabel(context, context.category), definition: category.definition },
        range: context.keyRange(PROCESSES_PATH),
      }),
    );
}

export const processStagesRule: Rule = {
  id: "processes.stage-coverage",
  // With 4.x.6, the definition clause of the applied category (categories.yaml `definition`: 3.2–3.8).
  clauses: [CLAUSE, "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8"],
  description: {
    en: "Together, the service processes cover every stage of the applied category as its §3 definition describes it (categories.yaml; disaster recovery classes A and B differ); each missing stage is its own warning citing 4.x.6 and the definition clause (4.x.6 lists no stages: the stages are the tool's reading of the definition).",
    zh: "各服务流程合起来覆盖第 3 章对申报类别定义的全部环节（见 categories.yaml；灾难备份与恢复 A、B 两类不同）；每缺一个环节单独给出警告，引用 4.x.6 和定义条款（4.x.6 未列出环节：环节是本工具对定义的理解）。",
  },
  messages: {
    "processes.stage-coverage.missing-stage": {
      en: "The tool's reading of the definition of {category} ({definition}): no service process covers its stage {label} (`{stage}`).",
      zh: "按本工具对{category}定义（{definition}）的理解，没有服务流程覆盖其“{label}”环节（`{stage}`）。",
    },
  },
  check: checkProcessStages,
};
