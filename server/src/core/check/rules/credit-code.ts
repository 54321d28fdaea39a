// The unified social credit code's check characters (GB 32100-2015 position 18, and the GB 11714 organisation
// code check at position 17). The form (18 characters of the 31-symbol alphabet) is the schema's pattern finding;
// this rule runs only on well-formed codes. Identifier findings cite no clause.
import { verifyCreditCode } from "../credit-code";
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { valueAt } from "./support/dossier-data";

const CREDIT_CODE_PATH = ["applicant", "credit_code"];

function checkCreditCode(context: RuleContext): Finding[] {
  const code = valueAt(context, CREDIT_CODE_PATH);
  if (typeof code !== "string") return [];
  const verdict = verifyCreditCode(code);
  if (!verdict.wellFormed || (verdict.checkCharacterValid && verdict.organizationCodeValid)) return [];
  const messageId = !verdict.checkCharacterValid
    ? verdict.organizationCodeValid
      ? "identifier.credit-code.check-character"
      : "identifier.credit-code.both-checks"
    : "identifier.credit-code.organization-code";
  return [
    context.finding({
      clauses: [],
      messageId,
      args: {
        found: code[17],
        expected: verdict.expectedCheckCharacter ?? "",
        organizationCode: code.slice(8, 17),
        organizationFound: code[16],
        organizationExpected: verdict.expectedOrganizationCheck ?? "",
      },
      range: context.valueRange(CREDIT_CODE_PATH),
    }),
  ];
}

export const creditCodeRule: Rule = {
  id: "identifier.credit-code",
  clauses: [],
  description: {
    en: "The unified social credit code's check character (GB 32100-2015, position 18) and the check of the GB 11714 organisation code it embeds (positions 9–17) are right. Cites no clause.",
    zh: "统一社会信用代码的第 18 位校验码（GB 32100-2015）及其中第 9—17 位组织机构代码（GB 11714）的校验码正确。不引用条款。",
  },
  messages: {
    "identifier.credit-code.check-character": {
      en: "The credit code's check character is {found}, but the first 17 characters give {expected}: a character is mistyped.",
      zh: "统一社会信用代码的校验码为 {found}，按前 17 位计算应为 {expected}：可能有字符录入错误。",
    },
    "identifier.credit-code.organization-code": {
      en: "The organisation code {organizationCode} inside the credit code ends in {organizationFound}, but its check gives {organizationExpected}: a character is mistyped.",
      zh: "统一社会信用代码中的组织机构代码 {organizationCode} 校验码为 {organizationFound}，计算应为 {organizationExpected}：可能有字符录入错误。",
    },
    "identifier.credit-code.both-checks": {
      en: "Neither check of the credit code holds (position 18 should be {expected}; the organisation code {organizationCode} should end in {organizationExpected}): a character of positions 9–16 is probably mistyped.",
      zh: "统一社会信用代码两项校验均不成立（第 18 位应为 {expected}；组织机构代码 {organizationCode} 校验码应为 {organizationExpected}）：第 9—16 位可能有字符抄录错误。",
    },
  },
  check: checkCreditCode,
};
