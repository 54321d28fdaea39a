// The check ids of the waivers themselves (check/waivers.ts) and their messages: a waiver that is malformed or lacks
// its justification, approver or expiry (an error: it does not apply), one that has expired (the findings it covered
// come back, each with a note), one that covers nothing. They cite no clause: a waiver is the applicant's record,
// not a requirement of the specification. Pure data.
import type { CheckDeclaration, Localized } from "../types";

export const WAIVER_RULES = {
  invalid: "waiver.invalid",
  expired: "waiver.expired",
  unused: "waiver.unused",
} as const;

export const WAIVER_CHECKS: CheckDeclaration[] = [
  {
    id: WAIVER_RULES.invalid,
    kind: "waiver",
    clauses: [],
    severities: ["error"],
    description: {
      en: "A waiver names a known check id or clause id and carries a justification, who approved it and an expiry date (YYYY-MM-DD); otherwise it does not apply.",
      zh: "豁免须写明已知的检查编号或条款编号，并有豁免理由、批准人和有效期（YYYY-MM-DD）；否则豁免不生效。",
    },
  },
  {
    id: WAIVER_RULES.expired,
    kind: "waiver",
    clauses: [],
    severities: ["warning"],
    description: {
      en: "A waiver whose expiry date has passed (measured against today) no longer applies: the findings it covered are reported again.",
      zh: "已过有效期的豁免（按今天计算）不再生效：其所豁免的问题重新报告。",
    },
  },
  {
    id: WAIVER_RULES.unused,
    kind: "waiver",
    clauses: [],
    severities: ["warning"],
    description: {
      en: "A waiver that covers no finding of the dossier is stale and should be removed.",
      zh: "未豁免本申请材料中任何问题的豁免已失效，应删除。",
    },
  },
];

/** Why a waiver is invalid: the `problem` argument of waiver.invalid. */
export const WAIVER_PROBLEMS: { [problem: string]: Localized } = {
  syntax: {
    en: "write it as `# isv-dossier-waive <check or clause id> -- <justification> (approved: <name>, until: YYYY-MM-DD)`",
    zh: "格式应为 `# isv-dossier-waive <检查编号或条款编号> -- <豁免理由>（批准：<姓名>，有效期至：YYYY-MM-DD）`",
  },
  "no-id": { en: "it names no check id or clause id", zh: "未写明检查编号或条款编号" },
  "unknown-id": {
    en: "`{id}` is neither a check id nor a clause id of the edition",
    zh: "`{id}` 既不是检查编号也不是本版规范的条款编号",
  },
  "no-justification": { en: "it has no justification", zh: "缺少豁免理由" },
  "no-approver": { en: "it does not say who approved it", zh: "缺少批准人" },
  "no-expiry": { en: "it has no expiry date", zh: "缺少有效期" },
  "bad-date": {
    en: "its expiry `{date}` is not a date (YYYY-MM-DD)",
    zh: "有效期 `{date}` 不是有效日期（YYYY-MM-DD）",
  },
  "unknown-field": { en: "`{field}` is not one of approved, until", zh: "`{field}` 不是可用的字段（批准、有效期至）" },
  "bad-path": {
    en: "its path `{path}` is not of the form `section.key[index]`",
    zh: "路径 `{path}` 的格式应为 `章节.键[序号]`",
  },
};

export const WAIVER_MESSAGES: { [messageId: string]: Localized } = {
  "waiver.invalid": {
    en: "This waiver does not apply: {problem}.",
    zh: "此豁免不生效：{problem}。",
  },
  "waiver.invalid.config": {
    en: "Waiver {index} of {file} does not apply: {problem}.",
    zh: "{file} 的第 {index} 项豁免不生效：{problem}。",
  },
  "waiver.expired": {
    en: "This waiver expired on {expires}: the findings it covered are reported again. Renew it (a new approval and date) or remove it.",
    zh: "此豁免已于 {expires} 到期：其所豁免的问题重新报告。请重新批准并更新有效期，或删除此豁免。",
  },
  "waiver.expired.config": {
    en: "Waiver {index} of {file} expired on {expires}: the findings it covered are reported again. Renew it (a new approval and date) or remove it.",
    zh: "{file} 的第 {index} 项豁免已于 {expires} 到期：其所豁免的问题重新报告。请重新批准并更新有效期，或删除此豁免。",
  },
  "waiver.unused": {
    en: "This waiver covers no finding: remove it.",
    zh: "此豁免未对应任何问题，请删除。",
  },
  "waiver.unused.config": {
    en: "Waiver {index} of {file} covers no finding of this dossier: remove it.",
    zh: "{file} 的第 {index} 项豁免未对应本申请材料中的任何问题，请删除。",
  },
  "waiver.expired-note": {
    en: "Its waiver expired on {expires} (justification: {justification}).",
    zh: "其豁免已于 {expires} 到期（豁免理由：{justification}）。",
  },
  "waiver.waived": {
    en: "Waived until {expires}, approved by {approvedBy}: {justification} — {message}",
    zh: "已豁免（批准人：{approvedBy}，有效期至 {expires}）：{justification} —— {message}",
  },
};
