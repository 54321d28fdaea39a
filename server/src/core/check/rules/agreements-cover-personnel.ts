// The technical staff sign a confidentiality agreement (4.x.4.c): every person listed in personnel appears in
// management.confidentiality.agreements. Others may sign too (4.x.4 c) limits nobody): they are recorded by name and
// role in other_signers and are not checked here. An absent or empty agreements list is reported once, by
// management.confidentiality (or the schema), not once per person — unless others signed (other_signers): then each
// technical person missing is reported.
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { displayName, hasOtherSigners, isPersonId, listAt, objectsAt } from "./support/dossier-data";
import { PERSONNEL_PATH } from "./support/personnel";

const AGREEMENTS_PATH = ["management", "confidentiality", "agreements"];

function checkAgreementsCoverPersonnel(context: RuleContext): Finding[] {
  const agreements = listAt(context, AGREEMENTS_PATH);
  // An empty list with no other signer either is management.confidentiality's one finding.
  if (!agreements || (agreements.length === 0 && !hasOtherSigners(context))) return [];
  const signed = new Set(agreements.filter((entry) => typeof entry === "string"));
  const findings: Finding[] = [];
  for (const person of objectsAt(context, PERSONNEL_PATH)) {
    const id = person.value.id;
    if (!isPersonId(id) || signed.has(id)) continue;
    findings.push(
      context.finding({
        clauses: [context.clause("4.x.4.c")],
        messageId: "confidentiality.agreements-cover-personnel.missing",
        args: { id, name: displayName(person.value, ["name"], person.index) },
        range: context.valueRange([...person.path, "id"]),
        related: [
          {
            range: context.keyRange(AGREEMENTS_PATH),
            messageId: "confidentiality.agreements-cover-personnel.agreements",
            args: {},
          },
        ],
      }),
    );
  }
  return findings;
}

export const agreementsCoverPersonnelRule: Rule = {
  id: "confidentiality.agreements-cover-personnel",
  clauses: ["4.x.4.c"],
  description: {
    en: "Every person listed in personnel appears in management.confidentiality.agreements (has signed a confidentiality agreement). Other signers, outside the technical staff, are recorded by name and role in other_signers.",
    zh: "人员名单中的每个人都列在 management.confidentiality.agreements 中（已签订保密协议）。技术人员以外的签订人在 other_signers 中写明姓名和岗位。",
  },
  messages: {
    "confidentiality.agreements-cover-personnel.missing": {
      en: "{name} (`{id}`) has not signed a confidentiality agreement: add `{id}` to management.confidentiality.agreements.",
      zh: "{name}（`{id}`）未签订保密协议：请将 `{id}` 加入 management.confidentiality.agreements。",
    },
    "confidentiality.agreements-cover-personnel.agreements": {
      en: "The people who signed.",
      zh: "已签订保密协议的人员。",
    },
  },
  check: checkAgreementsCoverPersonnel,
};
