// Project management procedure (4.x.4 b): operating rules for all five project stages (organisation, planning,
// implementation, risk control, delivery) — each missing stage its own finding — and at least one project risk
// management record.
import type { Rule, RuleContext } from "./rule";
import { emptyList, missingFromList } from "./support/coverage";

const CLAUSE = "4.x.4.b";
const PROCEDURE_PATH = ["management", "project_management"];

export const projectManagementRule: Rule = {
  id: "management.project-management",
  clauses: [CLAUSE],
  description: {
    en: "The project management procedure covers all five stages (organisation, planning, implementation, risk control, delivery), each missing one its own finding, and at least one project risk management record is given.",
    zh: "项目管理程序覆盖组织、计划、实施、风险控制、交付五个环节（每缺一个单独报告），并至少提供一份项目风险管理记录。",
  },
  messages: {
    "management.project-management.missing-stage": {
      en: "The project management procedure has no operating rules for the stage {label} (`{value}`).",
      zh: "项目管理程序未明确“{label}”环节（`{value}`）的操作规程。",
    },
    "management.project-management.no-risk-records": {
      en: "No project risk management record: at least one is needed.",
      zh: "没有项目风险管理记录：至少需要一份。",
    },
  },
  check: (context: RuleContext) => {
    const clauses = [context.clause(CLAUSE)];
    return [
      ...missingFromList(context, {
        listPath: [...PROCEDURE_PATH, "stages"],
        clauses,
        messageId: "management.project-management.missing-stage",
      }),
      ...emptyList(
        context,
        [...PROCEDURE_PATH, "risk_records"],
        clauses,
        "management.project-management.no-risk-records",
      ),
    ];
  },
};
