// Dates in order: a project is completed on or after the day it was signed, and a certificate (held service
// certificate or personal competence certificate) expires on or after the day it was issued. The same day is fine.
// Clause: that of the later field (4.x.3.b for projects, 4.x.3.a for held certificates, 4.x.2 for competences).
import { compareIsoDates } from "../calendar";
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { dateOf, displayName, fieldClauses, objectsAt, PathPattern } from "./support/dossier-data";

interface DatePair {
  list: PathPattern;
  start: string;
  end: string;
  nameKeys: string[];
  messageId: string;
}

const DATE_PAIRS: DatePair[] = [
  {
    list: ["performance", "projects"],
    start: "signed",
    end: "completed",
    nameKeys: ["name"],
    messageId: "dates.order.completed-before-signed",
  },
  {
    list: ["application", "held_certificates"],
    start: "issued",
    end: "expires",
    nameKeys: ["number"],
    messageId: "dates.order.expires-before-issued",
  },
  {
    list: ["personnel", "*", "competence"],
    start: "issued",
    end: "valid_until",
    nameKeys: ["certificate"],
    messageId: "dates.order.expires-before-issued",
  },
];

function checkPair(context: RuleContext, pair: DatePair): Finding[] {
  const findings: Finding[] = [];
  for (const item of objectsAt(context, pair.list)) {
    const start = dateOf(item.value, pair.start);
    const end = dateOf(item.value, pair.end);
    if (!start || !end || compareIsoDates(end, start) >= 0) continue;
    const endPath = [...item.path, pair.end];
    findings.push(
      context.finding({
        clauses: fieldClauses(context, endPath),
        messageId: pair.messageId,
        args: { name: displayName(item.value, pair.nameKeys, item.index), start, end },
        range: context.valueRange(endPath),
        related: [
          {
            range: context.valueRange([...item.path, pair.start]),
            messageId: "dates.order.start-date",
            args: { start },
          },
        ],
      }),
    );
  }
  return findings;
}

export const dateOrderRule: Rule = {
  id: "dates.order",
  clauses: ["4.x.3.b", "4.x.3.a", "4.x.2"],
  description: {
    en: "A project is completed on or after the day it was signed; a held certificate or competence certificate expires on or after the day it was issued. The same day is fine.",
    zh: "项目完成日期不早于签订日期；已持有的资质证书和人员能力证书的有效期截止日不早于发证日期。同一天即可。",
  },
  boundary: { en: "Equal dates are in order.", zh: "两个日期相同视为顺序正确。" },
  messages: {
    "dates.order.completed-before-signed": {
      en: "“{name}” is completed on {end}, before it was signed ({start}).",
      zh: "“{name}”的完成日期 {end} 早于签订日期（{start}）。",
    },
    "dates.order.expires-before-issued": {
      en: "Certificate {name} expires on {end}, before it was issued ({start}).",
      zh: "证书 {name} 的有效期截止日 {end} 早于发证日期（{start}）。",
    },
    "dates.order.start-date": { en: "The earlier date: {start}.", zh: "应在先的日期：{start}。" },
  },
  check: (context) => DATE_PAIRS.flatMap((pair) => checkPair(context, pair)),
};
