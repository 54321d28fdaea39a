// Confidentiality procedure (4.x.4 c): post duties (the schema requires the document), signed agreements and
// confidentiality education records — an empty agreements or education_records list is a finding on its key.
// Who is missing from the agreements is confidentiality.agreements-cover-personnel's concern.
import type { Rule, RuleContext } from "./rule";
import { emptyList } from "./support/coverage";
import { hasOtherSigners } from "./support/dossier-data";

const CLAUSE = "4.x.4.c";
const PROCEDURE_PATH = ["management", "confidentiality"];

export const confidentialityRule: Rule = {
  id: "management.confidentiality",
  clauses: [CLAUSE],
  description: {
    en: "The confidentiality procedure has signed agreements and confidentiality education records (neither list empty); the post duties document is required by the schema.",
    zh: "保密管理程序有已签订的保密协议和保密教育记录（两个列表均不为空）；岗位保密责任文件由结构校验要求。",
  },
  messages: {
    "management.confidentiality.no-agreements": {
      en: "Nobody has signed a confidentiality agreement: list the ids of the people who signed.",
      zh: "没有人签订保密协议：请列出已签订保密协议的人员标识。",
    },
    "management.confidentiality.no-education-records": {
      en: "No confidentiality education record: at least one is needed.",
      zh: "没有保密教育记录：至少需要一份。",
    },
  },
  check: (context: RuleContext) => {
    const clauses = [context.clause(CLAUSE)];
    return [
      // With other signers recorded, the technical staff missing from an empty list are each reported by
      // confidentiality.agreements-cover-personnel.
      ...(hasOtherSigners(context)
        ? []
        : emptyList(context, [...PROCEDURE_PATH, "agreements"], clauses, "management.confidentiality.no-agreements")),
      ...emptyList(
        context,
        [...PROCEDURE_PATH, "education_records"],
        clauses,
        "management.confidentiality.no-education-records",
      ),
    ];
  },
};
