// Every user-facing message of the language service, in English and Simplified Chinese.
// Placeholders {name} are filled from a finding's arguments.
import type { Localized } from "../types";

export const MESSAGES: { [messageId: string]: Localized } = {
  "yaml.syntax": { en: "YAML syntax error: {detail}", zh: "YAML 语法错误：{detail}" },
  "yaml.duplicate-key": {
    en: "Duplicate key: each key may appear only once in a mapping.",
    zh: "重复的键：同一映射中每个键只能出现一次。",
  },
  "yaml.tab": {
    en: "Tabs are not allowed for indentation in YAML; use spaces.",
    zh: "YAML 不允许用制表符缩进，请使用空格。",
  },
  "yaml.multiple-documents": {
    en: "A dossier is one YAML document; everything after this separator is ignored.",
    zh: "申请材料只能是一个 YAML 文档；此分隔符之后的内容将被忽略。",
  },
  "yaml.alias-limit": {
    en: "Too many YAML aliases (more than {limit}): the dossier was not checked.",
    zh: "YAML 别名过多（超过 {limit} 个）：未检查本申请材料。",
  },
  "schema.required": { en: "Missing required key `{key}` ({title}).", zh: "缺少必填项 `{key}`（{title}）。" },
  "schema.unknown-key": {
    en: "Unknown key `{key}`. Allowed here: {allowed}.",
    zh: "未知的键 `{key}`。此处可用的键：{allowed}。",
  },
  "schema.unknown-key.did-you-mean": {
    en: "Unknown key `{key}`: did you mean `{suggestion}` ({title})?",
    zh: "未知的键 `{key}`：是否应为 `{suggestion}`（{title}）？",
  },
  "schema.unknown-key.did-you-mean-required": {
    en: "Unknown key `{key}`: did you mean `{suggestion}` ({title})? `{suggestion}` is required here and is missing.",
    zh: "未知的键 `{key}`：是否应为 `{suggestion}`（{title}）？此处必须填写 `{suggestion}`，目前缺少该项。",
  },
  "schema.type": { en: "{title}: expected {expected}.", zh: "{title}：应为{expected}。" },
  "schema.enum": { en: "{title}: expected one of {values}.", zh: "{title}：应为以下取值之一：{values}。" },
  "schema.format": { en: "{title}: expected {expected}.", zh: "{title}：应为{expected}。" },
  "schema.pattern": { en: "{title}: expected {expected}.", zh: "{title}：应为{expected}。" },
  "schema.min-length": { en: "{title}: must not be empty.", zh: "{title}：不能为空。" },
  "schema.minimum": { en: "{title}: must be at least {limit}.", zh: "{title}：不能小于 {limit}。" },
  "schema.exclusive-minimum": { en: "{title}: must be greater than {limit}.", zh: "{title}：必须大于 {limit}。" },
  "schema.min-items": {
    en: "{title}: too few entries (the minimum is {limit}).",
    zh: "{title}：至少应填写 {limit} 项。",
  },
  "schema.unique-items": { en: "{title}: entries must not repeat.", zh: "{title}：各项不能重复。" },
  "schema.forbidden": { en: "`{key}` does not apply here and must be removed.", zh: "`{key}` 不适用于此处，应删除。" },
  "identifier.format": { en: "{title}: expected {expected}.", zh: "{title}：应为{expected}。" },
  "fill.empty": { en: "{title}: to fill in.", zh: "{title}：待填写。" },
  "fill.empty.choice": { en: "{title}: to fill in, one of {values}.", zh: "{title}：待填写，可选：{values}。" },
  "fill.empty.date": {
    en: "{title}: to fill in, a date written YYYY-MM-DD.",
    zh: "{title}：待填写，日期写作 YYYY-MM-DD。",
  },
  "spec.unknown-edition": {
    en: "Unknown specification edition; checked against {edition}.",
    zh: "未知的规范版本；已按 {edition} 检查。",
  },
  "schema.empty": {
    en: "The dossier is empty: start with `spec: CCRC-ISV-C01:2025`.",
    zh: "申请材料为空：请以 `spec: CCRC-ISV-C01:2025` 开头。",
  },
  "dates.as-of-today": {
    en: "No valid application date (application.date): time windows are measured against today ({today}).",
    zh: "未填写有效的申请日期（application.date）：各项时间要求按今天（{today}）计算。",
  },
  "internal.rule-failed": {
    en: "Internal error in rule {rule}; its requirement was not checked. Other checks are unaffected.",
    zh: "规则 {rule} 内部错误，未能检查该要求；其他检查不受影响。",
  },
};
