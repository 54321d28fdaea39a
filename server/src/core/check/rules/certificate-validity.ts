// Certificates no longer valid on the application date: an info on each held service certificate (expires) and
// personal competence certificate (valid_until) whose last day of validity is before that day — it does not count.
// An expired certificate breaks no clause by itself (a renewed one may stand beside it, or nothing may rely on it):
// whether a requirement then fails is said by the rules that count certificates (performance.service-duration,
// personnel.technical-lead, personnel.project-staff), which list the ones that did not count and why.
// Clause: that of the field (4.x.3.a for held certificates, 4.x.2 for competences).
import { compareIsoDates } from "../calendar";
import type { Finding, JsonPath } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { dateOf, displayName, fieldClauses, ListedObject, objectsAt, PathPattern } from "./support/dossier-data";

const VALIDITY_FIELDS: Array<{ list: PathPattern; until: string; nameKey: string }> = [
  { list: ["application", "held_certificates"], until: "expires", nameKey: "number" },
  { list: ["personnel", "*", "competence"], until: "valid_until", nameKey: "certificate" },
];

/** A certificate's last day of validity and whether it is still valid on the application date. */
export interface CertificateValidity {
  certificate: ListedObject;
  /** The path of its `expires` / `valid_until`. */
  path: JsonPath;
  until: string;
  nameKey: string;
  validOnDate: boolean;
}

/** Every held service certificate and personal competence certificate with a valid last day of validity. */
export function certificateValidities(context: RuleContext): CertificateValidity[] {
  const validities: CertificateValidity[] = [];
  for (const field of VALIDITY_FIELDS) {
    for (const certificate of objectsAt(context, field.list)) {
      const until = dateOf(certificate.value, field.until);
      if (!until) continue;
      validities.push({
        certificate,
        path: [...certificate.path, field.until],
        until,
        nameKey: field.nameKey,
        validOnDate: compareIsoDates(until, context.asOf) >= 0,
      });
    }
  }
  return validities;
}

function checkCertificateValidity(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const { certificate, path, until, nameKey, validOnDate } of certificateValidities(context)) {
    if (validOnDate) continue;
    findings.push(
      context.finding({
        clauses: fieldClauses(context, path),
        severity: "info",
        messageId: "dates.certificate-validity.expired",
        args: { name: displayName(certificate.value, [nameKey], certificate.index), until, asOf: context.asOf },
        range: context.valueRange(path),
      }),
    );
  }
  return findings;
}

export const certificateValidityRule: Rule = {
  id: "dates.certificate-validity",
  clauses: ["4.x.3.a", "4.x.2"],
  description: {
    en: "An info on each held service certificate or personal competence certificate no longer valid on the application date (valid through its expires / valid_until day): it does not count. Whether a requirement then fails is said by the rules that count certificates.",
    zh: "已持有的资质证书或人员能力证书在申请日期已失效（有效期截止日当天仍有效）时逐项提示：该证书不计入。是否因此不满足要求，由计数证书的规则判断。",
  },
  boundary: {
    en: "Valid on its last day: expires = application date is fine, the day before is not.",
    zh: "有效期截止日当天仍有效：截止日等于申请日期可以，早一天即不符合。",
  },
  messages: {
    "dates.certificate-validity.expired": {
      en: "Certificate {name} was valid until {until}: it is no longer valid on the application date {asOf} and does not count.",
      zh: "证书 {name} 有效期至 {until}，在申请日期 {asOf} 已失效，不计入。",
    },
  },
  check: checkCertificateValidity,
};
