// The clause ids of `self_assessment` (自评说明) name rows of this dossier's self-assessment table; a note under an
// id the catalog does not know, or under a clause the table does not list (another level, a heading), would not be
// printed. The tool's own check of an identifier, like the credit code's: a warning, citing no clause.
import { verdictClauses } from "../../catalog/clause-applicability";
import { SELF_ASSESSMENT_PATH, selfAssessmentEntries } from "../self-assessment";
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";

/** The same requirement at the dossier's level ("4.2.3.a" at level 3 → "4.1.3.a"), when that is a table row. */
function counterpartAtLevel(context: RuleContext, clauseId: string, rows: Set<string>): string | undefined {
  const match = /^4\.[1-3](\..+)$/.exec(clauseId);
  if (!match) return undefined;
  const counterpart = context.clause(`4.x${match[1]}`);
  return rows.has(counterpart) ? counterpart : undefined;
}

function checkSelfAssessmentClauses(context: RuleContext): Finding[] {
  const entries = selfAssessmentEntries(context.dossier);
  if (entries.length === 0) return [];
  const rows = new Set(verdictClauses(context.edition, context.level, context.category).map(({ clause }) => clause.id));
  const findings: Finding[] = [];
  for (const entry of entries) {
    if (rows.has(entry.clauseId)) continue;
    const known = context.edition.clause(entry.clauseId) !== undefined;
    const counterpart = known ? counterpartAtLevel(context, entry.clauseId, rows) : undefined;
    const messageId = !known
      ? "identifier.self-assessment-clause.unknown"
      : counterpart
        ? "identifier.self-assessment-clause.other-level"
        : "identifier.self-assessment-clause.not-in-table";
    findings.push(
      context.finding({
        clauses: [],
        messageId,
        args: { clause: entry.written, counterpart: counterpart ?? "" },
        range: context.valueRange([...SELF_ASSESSMENT_PATH, entry.index, "clause"]),
        severity: "warning",
      }),
    );
  }
  return findings;
}

export const selfAssessmentClauseRule: Rule = {
  id: "identifier.self-assessment-clause",
  clauses: [],
  description: {
    en: "Warning: every clause id in self_assessment (the applicant's notes) is a row of this dossier's self-assessment table (a clause of the catalog that applies at its level); a note under any other id would not be printed. The tool's own check; cites no clause.",
    zh: "警告：self_assessment（自评说明）中的每个条款编号都是本申请自评估表中的一行（目录中适用于本申报级别的条款）；写在其他编号下的说明不会列入自评估表。本工具自身的检查，不引用条款。",
  },
  messages: {
    "identifier.self-assessment-clause.unknown": {
      en: "Self-assessment note: {clause} is not a clause of the specification (write it as the self-assessment table does, e.g. 4.1.3.a); this note will not appear in the table. (The tool's own check.)",
      zh: "自评说明：{clause} 不是规范中的条款编号（请按自评估表填写，如 4.1.3.a）；该说明不会列入自评估表。（本工具自身的检查）",
    },
    "identifier.self-assessment-clause.other-level": {
      en: "Self-assessment note: {clause} belongs to another level; at this dossier's level the same requirement is {counterpart}. This note will not appear in the table. (The tool's own check.)",
      zh: "自评说明：{clause} 属于其他级别的条款，本申报级别对应的条款为 {counterpart}；该说明不会列入自评估表。（本工具自身的检查）",
    },
    "identifier.self-assessment-clause.not-in-table": {
      en: "Self-assessment note: {clause} is not a row of this dossier's self-assessment table (a heading, or a clause that does not apply at its level); this note will not appear in the table. (The tool's own check.)",
      zh: "自评说明：{clause} 不在本申请的自评估表中（为章节标题，或不适用于本申报级别）；该说明不会列入自评估表。（本工具自身的检查）",
    },
  },
  check: checkSelfAssessmentClauses,
};
