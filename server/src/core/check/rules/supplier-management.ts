// Supplier management procedure (4.x.4 d), for the categories categories.yaml marks `supplier_management: true`
// (security integration, security operations, disaster recovery). Its absence there is the schema's finding; this
// rule adds what the schema does not: a warning when no operating record is given ("建立与运行": established and
// operated), and an info when the procedure is given for a category it does not apply to.
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { categoryLabel, listAt, valueAt } from "./support/dossier-data";
import { asObject } from "../values";

const CLAUSE = "4.x.4.d";
const PROCEDURE_PATH = ["management", "supplier_management"];

function checkSupplierManagement(context: RuleContext): Finding[] {
  const procedure = asObject(valueAt(context, PROCEDURE_PATH));
  if (!procedure || !context.category) return [];
  const clauses = [context.clause(CLAUSE)];
  const applies = context.edition.categories[context.category]?.supplier_management === true;
  if (!applies) {
    return [
      context.finding({
        clauses,
        severity: "info",
        messageId: "management.supplier-management.not-applicable",
        args: { category: categoryLabel(context, context.category) },
        range: context.keyRange(PROCEDURE_PATH),
      }),
    ];
  }
  // Without its procedure document the schema reports the procedure missing; records come after that.
  const records = listAt(context, [...PROCEDURE_PATH, "records"]);
  if ((records && records.length > 0) || typeof procedure.procedure !== "string" || procedure.procedure.length === 0)
    return [];
  const range = records ? context.keyRange([...PROCEDURE_PATH, "records"]) : context.keyRange(PROCEDURE_PATH);
  return [
    context.finding({ clauses, severity: "warning", messageId: "management.supplier-management.no-records", range }),
  ];
}

export const supplierManagementRule: Rule = {
  id: "management.supplier-management",
  clauses: [CLAUSE],
  description: {
    en: "For security integration, security operations and disaster recovery (where the schema requires the procedure): a warning when no supplier management record shows it operating. For other categories: an info that the procedure does not apply.",
    zh: "安全集成、安全运维、灾难备份与恢复（结构校验已要求提供该程序）：没有供应商管理运行记录时给出警告。其他类别：提示该程序不适用。",
  },
  messages: {
    "management.supplier-management.no-records": {
      en: "No supplier management record (such as supplier evaluations): the procedure must be operated, not only established.",
      zh: "未提供供应商管理运行记录：规范要求“建立与运行”供应商管理程序，请补充合格供应商名录、年度评价等记录。",
    },
    "management.supplier-management.not-applicable": {
      en: "Supplier management applies only to security integration, security operations and disaster recovery, not to {category}: it is not assessed.",
      zh: "供应商管理程序仅适用于安全集成、安全运维、灾难备份与恢复，不适用于{category}：不作评价。",
    },
  },
  check: checkSupplierManagement,
};
