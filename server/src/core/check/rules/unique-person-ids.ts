// Person ids are unique (4.x.2): projects and confidentiality agreements name people by id, so two people with
// the same id make those references ambiguous. Each repeat is a finding, with the first use as related information.
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { isPersonId, objectsAt } from "./support/dossier-data";
import { PERSONNEL_PATH } from "./support/personnel";

function checkUniquePersonIds(context: RuleContext): Finding[] {
  const firstPathById = new Map<string, Array<string | number>>();
  const findings: Finding[] = [];
  for (const person of objectsAt(context, PERSONNEL_PATH)) {
    const id = person.value.id;
    if (!isPersonId(id)) continue;
    const idPath = [...person.path, "id"];
    const firstPath = firstPathById.get(id);
    if (!firstPath) {
      firstPathById.set(id, idPath);
      continue;
    }
    findings.push(
      context.finding({
        clauses: [context.clause("4.x.2")],
        messageId: "personnel.unique-ids.repeated",
        args: { id },
        range: context.valueRange(idPath),
        related: [{ range: context.valueRange(firstPath), messageId: "personnel.unique-ids.first", args: { id } }],
      }),
    );
  }
  return findings;
}

export const uniquePersonIdsRule: Rule = {
  id: "personnel.unique-ids",
  clauses: ["4.x.2"],
  description: {
    en: "Every person id in personnel is unique (projects and confidentiality agreements refer to people by id).",
    zh: "人员标识在人员名单中唯一（项目和保密协议通过标识引用人员）。",
  },
  messages: {
    "personnel.unique-ids.repeated": {
      en: "The person id `{id}` is already used: ids must be unique.",
      zh: "人员标识 `{id}` 已被使用：标识必须唯一。",
    },
    "personnel.unique-ids.first": { en: "`{id}` is first used here.", zh: "`{id}` 首次使用于此。" },
  },
  check: checkUniquePersonIds,
};
