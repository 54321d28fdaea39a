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
    zh: "申请材料只能是一个 YAML 文档；此分隔符之后的内容被忽略。",
  },
  "yaml.alias-limit": {
    en: "Too many YAML aliases (more than {limit}): the dossier was not checked.",
    zh: "YAML 别名过多（超过 {limit} 个）：未检查本申请材料。",
  },
  "schema.required": { en: "Missing required key `{key}` ({title}).", zh: "缺少必填项 `{key}`（{title}）。" },
  "schema.unknown-key": {
    en: "Unknown key `{key}`. Allowed here: {allowed}.",
    zh: "未知的键 `{key}`。此处允许：{allowed}。",
  },
  "schema.type": { en: "{title}: expected a value of type {expected}.", zh: "{title}：应为 {expected} 类型的值。" },
  "schema.enum": { en: "{title}: the value must be one of {values}.", zh: "{title}：取值必须是以下之一：{values}。" },
  "schema.format": {
    en: "{title}: expected a {format} (a date is written YYYY-MM-DD).",
    zh: "{title}：格式应为 {format}（日期写作 YYYY-MM-DD）。",
  },
  "schema.pattern": { en: "{title}: the value does not have the required form.", zh: "{title}：取值的格式不正确。" },
  "schema.min-length": { en: "{title}: must not be empty.", zh: "{title}：不能为空。" },
  "schema.minimum": { en: "{title}: must be at least {limit}.", zh: "{title}：不能小于 {limit}。" },
  "schema.exclusive-minimum": { en: "{title}: must be greater than {limit}.", zh: "{title}：必须大于 {limit}。" },
  "schema.min-items": {
    en: "{title}: too few entries (the minimum is {limit}).",
    zh: "{title}：至少需要 {limit} 项。",
  },
  "schema.unique-items": { en: "{title}: entries must not repeat.", zh: "{title}：各项不能重复。" },
  "schema.forbidden": { en: "`{key}` does not apply here and must be removed.", zh: "`{key}` 不适用于此处，应删除。" },
  "fill.empty": { en: "{title}: to fill in.", zh: "{title}：待填写。" },
  "fill.empty.choice": { en: "{title}: to fill in, one of {values}.", zh: "{title}：待填写，可选：{values}。" },
  "fill.empty.date": {
    en: "{title}: to fill in, a date written YYYY-MM-DD.",
    zh: "{title}：待填写，日期写作 YYYY-MM-DD。",
  },
  "identifier.format": { en: "{title}: not a well-formed identifier.", zh: "{title}：标识格式不正确。" },
  "spec.unknown-edition": {
    en: "Unknown specification edition; checked against {edition}.",
    zh: "未知的规范版本；已按 {edition} 检查。",
  },
  "schema.empty": {
    en: "The dossier is empty: start with `spec: CCRC-ISV-C01:2025`.",
    zh: "申请材料为空：请从 `spec: CCRC-ISV-C01:2025` 开始。",
  },
  "dates.as-of-today": {
    en: "No valid application.date: time windows are measured against today ({today}).",
    zh: "没有有效的 application.date：时间要求按今天（{today}）计算。",
  },
  "internal.rule-failed": {
    en: "Internal error in rule {rule}; its requirement was not checked. Other checks are unaffected.",
    zh: "规则 {rule} 内部错误，未能检查该要求；其他检查不受影响。",
  },
};
