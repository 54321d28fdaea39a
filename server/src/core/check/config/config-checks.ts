// The checks of the configuration file (isv-dossier.config.yaml): their ids, declarations for the check table
// (checks.ts) and messages in both languages (render.ts). Its YAML problems keep the yaml.* ids. Pure data.
import type { CheckDeclaration, Localized } from "../../types";

/** Rule ids of the configuration file's findings. */
export const CONFIG_RULES = {
  unknownKey: "config.unknown-key",
  unknownId: "config.unknown-id",
  type: "config.type",
  value: "config.value",
} as const;

export const CONFIG_MESSAGES: { [messageId: string]: Localized } = {
  "config.unknown-key": {
    zh: "未知的配置项 `{key}`，此项不起作用。此处允许：{allowed}。",
    en: "Unknown setting `{key}`: it has no effect. Allowed here: {allowed}.",
  },
  "config.unknown-check-or-clause": {
    zh: "`{id}` 既不是检查编号，也不是条款号，此项不起作用。{hint}",
    en: "`{id}` is neither a check id nor a clause id: this entry has no effect.{hint}",
  },
  "config.unknown-check": {
    zh: "`{id}` 不是检查编号，此豁免不起作用。{hint}",
    en: "`{id}` is not a check id: this waiver has no effect.{hint}",
  },
  "config.unknown-clause": {
    zh: "`{id}` 不是条款号，此豁免不起作用。{hint}",
    en: "`{id}` is not a clause id: this waiver has no effect.{hint}",
  },
  "config.type": {
    zh: "{key} 应为{expected}，此项不起作用。",
    en: "{key} must be {expected}: it has no effect.",
  },
  "config.enum": {
    zh: "{key} 的取值应为以下之一：{allowed}。此项不起作用。",
    en: "{key} must be one of {allowed}: it has no effect.",
  },
  "config.invalid": {
    zh: "{key} 的取值无效，此项不起作用。",
    en: "{key} has a value that is not allowed: it has no effect.",
  },
  "config.range": {
    zh: "{key} 应为 {minimum} 到 {maximum} 之间的整数，此项不起作用。",
    en: "{key} must be a whole number from {minimum} to {maximum}: it has no effect.",
  },
};

export const CONFIG_CHECKS: CheckDeclaration[] = [
  {
    id: CONFIG_RULES.unknownKey,
    kind: "config",
    clauses: [],
    severities: ["error"],
    description: {
      en: "The configuration file and its waivers use only the keys the tool knows (a misspelt key would do nothing).",
      zh: "配置文件及其豁免只使用本工具认识的配置项（拼错的配置项不起作用）。",
    },
  },
  {
    id: CONFIG_RULES.unknownId,
    kind: "config",
    clauses: [],
    severities: ["error"],
    description: {
      en: "Severity overrides and waivers name check ids and clause ids that exist.",
      zh: "严重程度设置和豁免所写的检查编号、条款号必须存在。",
    },
  },
  {
    id: CONFIG_RULES.type,
    kind: "config",
    clauses: [],
    severities: ["error"],
    description: {
      en: "Each setting of the configuration file has a value of its kind (a mapping, a list, text, a whole number, true or false).",
      zh: "配置文件每一项的取值类型正确（映射、列表、文本、整数、true 或 false）。",
    },
  },
  {
    id: CONFIG_RULES.value,
    kind: "config",
    clauses: [],
    severities: ["error"],
    description: {
      en: "Each setting of the configuration file has one of its allowed values, within its bounds.",
      zh: "配置文件每一项的取值在允许的范围内。",
    },
  },
];
