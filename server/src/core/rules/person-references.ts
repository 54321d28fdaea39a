// References to people name a listed person: every project `lead` (4.x.2) and every entry of
// management.confidentiality.agreements (4.x.4.c) is the id of someone in personnel. Ids of the wrong form are
// the schema's finding; a missing or empty personnel list too.
import type { Finding, JsonPath } from "../types";
import type { Rule, RuleContext } from "./rule";
import { asObject } from "../values";
import { isPersonId, listAt, objectsAt, PathPattern, valuesMatching } from "./support/dossier-data";
import { PERSONNEL_PATH } from "./support/personnel";

const REFERENCES: Array<{ pattern: PathPattern; clause: string; messageId: string }> = [
  { pattern: ["performance", "projects", "*", "lead"], clause: "4.x.2", messageId: "personnel.references.unknown-project-lead" },
  { pattern: ["management", "confidentiality", "agreements", "*"], clause: "4.x.4.c", messageId: "personnel.references.unknown-agreement" },
];

/** The well-formed ids of a personnel list, remembered per list (kept by incremental parses while it is unchanged). */
const idsOfPersonnel = new WeakMap<unknown[], Set<string>>();

function personIds(personnel: unknown[]): Set<string> {
  let ids = idsOfPersonnel.get(personnel);
  if (!ids) {
    ids = new Set();
    for (const person of personnel) {
      const id = asObject(person)?.id;
      if (isPersonId(id)) ids.add(id);
    }
    idsOfPersonnel.set(personnel, ids);
  }
  return ids;
}

function checkPersonReferences(context: RuleContext): Finding[] {
  const personnel = listAt(context, PERSONNEL_PATH);
  if (!personnel || personnel.length === 0) return [];
  const knownIds = personIds(personnel);
  const findings: Finding[] = [];
  for (const reference of REFERENCES) {
    const report = (id: string, path: JsonPath) =>
      findings.push(
        context.finding({
          clauses: [context.clause(reference.clause)],
          messageId: reference.messageId,
          args: { id },
          range: context.valueRange(path),
          related: [{ range: context.keyRange(PERSONNEL_PATH), messageId: "personnel.references.listed-personnel", args: {} }],
        }),
      );
    const unknown = (id: unknown): id is string => typeof id === "string" && !knownIds.has(id) && isPersonId(id);
    const star = reference.pattern.lastIndexOf("*");
    if (star === reference.pattern.length - 2) {
      // A key of every list item (a project's lead): read from the shared list readers, the path built for findings.
      const key = String(reference.pattern[star + 1]);
      for (const item of objectsAt(context, reference.pattern.slice(0, star))) {
        const id = item.value[key];
        if (unknown(id)) report(id, [...item.path, key]);
      }
    } else {
      for (const { path, value: id } of valuesMatching(context, reference.pattern)) if (unknown(id)) report(id, path);
    }
  }
  return findings;
}

export const personReferencesRule: Rule = {
  id: "personnel.references",
  clauses: ["4.x.2", "4.x.4.c"],
  description: {
    en: "Every project lead and every confidentiality agreement names a person listed in personnel, by id.",
    zh: "每个项目的项目负责人和每份保密协议都以标识指向人员名单中的人员。",
  },
  messages: {
    "personnel.references.unknown-project-lead": {
      en: "Project lead `{id}` is not in personnel: list the person with their competence, or name a listed person.",
      zh: "项目负责人 `{id}` 不在人员名单中：请在人员中列出此人及其能力证明，或改为名单中的人员。",
    },
    "personnel.references.unknown-agreement": {
      en: "`{id}` signed a confidentiality agreement but is not in personnel.",
      zh: "`{id}` 签订了保密协议，但不在人员名单中。",
    },
    "personnel.references.listed-personnel": { en: "The people listed.", zh: "人员名单。" },
  },
  check: checkPersonReferences,
};
