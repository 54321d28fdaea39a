// Category consistency: a project, held certificate or competence certificate of another category than the one
// applied for does not count toward this application. Said once per item as an info on its category value (the
// counting rules also say so when that is why a count falls short). Clause: that of the field.
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { categoryLabel, fieldClauses, objectsAt, PathPattern, stringOf } from "./support/dossier-data";

const CATEGORIZED_ITEMS: Array<{ list: PathPattern; messageId: string }> = [
  { list: ["performance", "projects"], messageId: "category.other-category.project" },
  { list: ["application", "held_certificates"], messageId: "category.other-category.certificate" },
  { list: ["personnel", "*", "competence"], messageId: "category.other-category.competence" },
];

function checkCategoryConsistency(context: RuleContext): Finding[] {
  if (!context.category) return [];
  const findings: Finding[] = [];
  for (const items of CATEGORIZED_ITEMS) {
    for (const item of objectsAt(context, items.list)) {
      const category = stringOf(item.value, "category");
      if (!category || category === context.category || !context.edition.categories[category]) continue;
      const path = [...item.path, "category"];
      findings.push(
        context.finding({
          clauses: fieldClauses(context, path),
          severity: "info",
          messageId: items.messageId,
          args: { category: categoryLabel(context, category), applied: categoryLabel(context, context.category) },
          range: context.valueRange(path),
        }),
      );
    }
  }
  return findings;
}

export const categoryConsistencyRule: Rule = {
  id: "category.other-category",
  clauses: ["4.x.3.a", "4.x.3.b", "4.x.2"],
  description: {
    en: "Projects, held certificates and competence certificates of another category than the one applied for do not count (an info on each; the counting rules say so when that is why a count falls short).",
    zh: "与申报类别不一致的项目、已持有证书和能力证书不计入（逐项提示；计数规则在因此不足时说明）。",
  },
  messages: {
    "category.other-category.project": {
      en: "This project is of another category ({category}): it does not count toward this {applied} application.",
      zh: "该项目属于其他类别（{category}）：不计入本次{applied}申请的业绩。",
    },
    "category.other-category.certificate": {
      en: "This certificate is of another category ({category}): it does not count toward this {applied} application.",
      zh: "该证书属于其他类别（{category}）：不计入本次{applied}申请。",
    },
    "category.other-category.competence": {
      en: "This competence is of another category ({category}): it does not count toward this {applied} application.",
      zh: "该能力证书属于其他类别（{category}）：不计入本次{applied}申请。",
    },
  },
  check: checkCategoryConsistency,
};
