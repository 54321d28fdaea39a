// Evidence files exist: every evidence path that passes evidence.path names a file that the injected existence
// check (options.evidenceExists, given by the CLI and the server) finds. Without that check, nothing is reported.
// Clause: that of the field holding the path.
import type { Finding } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { evidenceClauses, evidenceValues } from "./support/evidence-fields";

function checkEvidenceExists(context: RuleContext): Finding[] {
  const exists = context.options.evidenceExists;
  if (!exists) return [];
  const findings: Finding[] = [];
  for (const evidence of evidenceValues(context)) {
    if (evidence.problem !== "ok" || exists(evidence.value)) continue;
    findings.push(
      context.finding({
        clauses: evidenceClauses(context, evidence),
        messageId: "evidence.exists.missing",
        args: { path: evidence.value },
        range: context.valueRange(evidence.path),
      }),
    );
  }
  return findings;
}

export const evidenceExistsRule: Rule = {
  id: "evidence.exists",
  clauses: ["4", "4.x.1", "4.x.2", "4.x.3.a", "4.x.3.b", "4.x.4.a", "4.x.4.b", "4.x.4.c", "4.x.4.d", "4.x.5", "4.x.6"],
  description: {
    en: "Every evidence file named exists beside the dossier (checked only when the caller provides an existence check, as the CLI and the server do). Cites the clause of the field holding the path.",
    zh: "所列每个证明材料文件都存在于申请材料所在文件夹中（仅在调用方提供存在性检查时检查，CLI 和语言服务器均提供）。引用该字段的条款。",
  },
  messages: {
    "evidence.exists.missing": {
      en: "Evidence file `{path}` was not found in the dossier's folder.",
      zh: "在申请材料所在文件夹中找不到证明材料文件 `{path}`。",
    },
  },
  check: checkEvidenceExists,
};
