// Evidence paths stay inside the dossier's folder: every evidence field (found through the model) is a relative
// path with `/` separators, no URL, drive, UNC or absolute path, no percent-encoded dots or separators, and no
// `..` that climbs out (core/check/evidence-path.ts). Clause: that of the field holding the path. Empty strings are the
// schema's finding (minLength).
import type { EvidencePathProblem } from "../evidence-path";
import type { Finding, Localized } from "../../types";
import type { Rule, RuleContext } from "./rule";
import { evidenceClauses, evidenceValues } from "./support/evidence-fields";

const PROBLEM_MESSAGES: { [problem in EvidencePathProblem]: Localized } = {
  empty: { en: "The evidence path is blank.", zh: "证明材料路径为空白。" },
  "control-character": {
    en: "The evidence path `{path}` contains a control character.",
    zh: "证明材料路径 `{path}` 含有控制字符。",
  },
  url: {
    en: "`{path}` is a URL: evidence is a file beside the dossier, given by a relative path.",
    zh: "`{path}` 是网址：证明材料应为申请材料所在文件夹内的文件，并以相对路径填写。",
  },
  drive: {
    en: "`{path}` names a Windows drive: use a path relative to the dossier's folder.",
    zh: "`{path}` 含 Windows 盘符：请使用相对于申请材料所在文件夹的路径。",
  },
  unc: {
    en: "`{path}` is a network (UNC) path: use a path relative to the dossier's folder.",
    zh: "`{path}` 是网络（UNC）路径：请使用相对于申请材料所在文件夹的路径。",
  },
  absolute: {
    en: "`{path}` is an absolute path: use a path relative to the dossier's folder.",
    zh: "`{path}` 是绝对路径：请使用相对于申请材料所在文件夹的路径。",
  },
  backslash: {
    en: "`{path}` uses backslashes: separate folders with `/`.",
    zh: "`{path}` 使用了反斜杠：文件夹之间请用 `/` 分隔。",
  },
  encoded: {
    en: "`{path}` contains a percent-encoded dot or separator: write the path plainly.",
    zh: "`{path}` 含有百分号编码的点或分隔符：请直接写出路径。",
  },
  escapes: {
    en: "`{path}` leads out of the dossier's folder: the submitted package would not contain it.",
    zh: "`{path}` 指向申请材料所在文件夹之外：提交的材料包中不会包含该文件。",
  },
  folder: { en: "`{path}` names a folder, not a file.", zh: "`{path}` 指向文件夹而不是文件。" },
};

function checkEvidencePaths(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const evidence of evidenceValues(context)) {
    const problem = evidence.problem;
    if (problem === "ok" || evidence.value.length === 0) continue;
    findings.push(
      context.finding({
        clauses: evidenceClauses(context, evidence),
        messageId: `evidence.path.${problem}`,
        args: { path: evidence.value },
        range: context.valueRange(evidence.path),
      }),
    );
  }
  return findings;
}

export const evidencePathRule: Rule = {
  id: "evidence.path",
  clauses: ["4", "4.x.1", "4.x.2", "4.x.3.a", "4.x.3.b", "4.x.4.a", "4.x.4.b", "4.x.4.c", "4.x.4.d", "4.x.5", "4.x.6"],
  description: {
    en: "Every evidence path (every field the model marks as evidence) is relative and stays inside the dossier's folder: no absolute, drive or UNC path, no URL, no backslash, no percent-encoded dot or separator, no `..` that leads out. Cites the clause of the field holding the path.",
    zh: "每个证明材料路径（模型中标为证明材料的每个字段）都是相对路径且不出申请材料所在文件夹：不能是绝对路径、盘符或 UNC 路径、网址，不能含反斜杠、百分号编码的点或分隔符，不能用 `..` 跳出。引用该字段的条款。",
  },
  boundary: { en: "A `..` that stays inside (`a/../b`) is allowed.", zh: "不跳出文件夹的 `..`（如 `a/../b`）允许。" },
  messages: Object.fromEntries(
    Object.entries(PROBLEM_MESSAGES).map(([problem, message]) => [`evidence.path.${problem}`, message]),
  ),
  check: checkEvidencePaths,
};
