// References to people name a listed person: every project `lead` (4.x.2) and every entry of
// management.confidentiality.agreements (4.x.4.c) is the id of someone in personnel. A warning, the tool's reading:
// the text requires neither (a past project's lead may have left; 4.x.4.c does not limit who signs, and signers
// outside the technical staff are recorded by name and role in other_signers), but an id that names nobody is
// likely a slip. Ids of the wrong form are the schema's finding; a missing or empty personnel list too.
import type { Finding, JsonPath } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { asObject } from "../values";
import { isPersonId, listAt, objectsAt, PathPattern, valuesMatching } from "./support/dossier-data";
import { PERSONNEL_PATH } from "./support/personnel";

const REFERENCES: Array<{ pattern: PathPattern; clause: string; messageId: string }> = [
  {
    pattern: ["performance", "projects", "*", "lead"],
    clause: "4.x.2",
    messageId: "personnel.references.unknown-project-lead",
  },
  {
    pattern: ["management", "confidentiality", "agreements", "*"],
    clause: "4.x.4.c",
    messageId: "personnel.references.unknown-agreement",
  },
];

/** The well-formed ids of a personnel list. */
function personIds(personnel: unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const person of personnel) {
    const id = asObject(person)?.id;
    if (isPersonId(id)) ids.add(id);
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
          severity: "warning",
          messageId: reference.messageId,
          args: { id },
          range: context.valueRange(path),
          related: [
            { range: context.keyRange(PERSONNEL_PATH), messageId: "personnel.references.listed-personnel", args: {} },
          ],
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
    en: "Warning: a project lead or a confidentiality agreement names, by id, nobody listed in personnel (the tool's reading: the text requires neither to be in personnel; signers outside the technical staff go in other_signers by name and role).",
    zh: "警告：项目负责人或保密协议中的人员标识不在人员名单中（本工具的理解：规范并未要求二者均在人员名单中；技术人员以外的签订人请在 other_signers 中写明姓名和岗位）。",
  },
  messages: {
    "personnel.references.unknown-project-lead": {
      en: "The tool's reading: project lead `{id}` names nobody in personnel, so their competence cannot be checked. If the person is on the staff, list them with their competence; if they have left, reviewers may ask who led the project.",
      zh: "按本工具的理解，项目负责人 `{id}` 不在人员名单中，无法核对其能力证书。如此人仍在职，请在人员中列出其能力证书；如已离职，评审时可能询问该项目由谁负责。",
    },
    "personnel.references.unknown-agreement": {
      en: "The tool's reading: `{id}` names nobody in personnel. A signer outside the technical staff (administrative staff, for instance) is recorded by name and role in management.confidentiality.other_signers.",
      zh: "按本工具的理解，`{id}` 不在人员名单中。技术人员以外的签订人（如行政人员）请在 management.confidentiality.other_signers 中写明姓名和岗位。",
    },
    "personnel.references.listed-personnel": { en: "The people listed.", zh: "人员名单。" },
  },
  check: checkPersonReferences,
};
