// Descriptions of the checks that are not requirement rules (YAML syntax and schema checks), for the SARIF rule
// list; requirement rules describe themselves (RULES[].description). Both languages.
import type { Localized } from "../core/types";

export const CHECK_DESCRIPTIONS: { [ruleId: string]: Localized } = {
  "yaml.syntax": { en: "The dossier must be well-formed YAML.", zh: "申请材料必须是格式正确的 YAML。" },
  "yaml.duplicate-key": { en: "Each key may appear only once in a mapping.", zh: "同一映射中每个键只能出现一次。" },
  "yaml.tab": { en: "Indentation uses spaces, not tabs.", zh: "缩进使用空格而非制表符。" },
  "yaml.multiple-documents": { en: "A dossier is a single YAML document.", zh: "申请材料是单个 YAML 文档。" },
  "yaml.alias-limit": { en: "A dossier must not expand into too many YAML aliases.", zh: "申请材料不能包含过多 YAML 别名。" },
  "schema.empty": { en: "A dossier must not be empty.", zh: "申请材料不能为空。" },
  "schema.required": { en: "Every key the specification requires is present.", zh: "规范要求的各项均已填写。" },
  "schema.unknown-key": { en: "Only keys of the dossier model are used.", zh: "只使用申请材料模型中定义的键。" },
  "schema.type": { en: "Each value has the expected type.", zh: "各项取值类型正确。" },
  "schema.enum": { en: "Each value is one of the allowed values.", zh: "各项取值在允许的范围内。" },
  "schema.format": { en: "Dates and other formatted values are well-formed.", zh: "日期等有格式要求的取值格式正确。" },
  "schema.pattern": { en: "Values have the required form.", zh: "取值符合规定的格式。" },
  "schema.min-length": { en: "Required texts are not empty.", zh: "必填文本不能为空。" },
  "schema.minimum": { en: "Numbers are not below their minimum.", zh: "数值不小于下限。" },
  "schema.exclusive-minimum": { en: "Numbers are above their lower bound.", zh: "数值大于下限。" },
  "schema.min-items": { en: "Lists have at least the required number of entries.", zh: "列表至少包含规定数量的项。" },
  "schema.unique-items": { en: "List entries do not repeat.", zh: "列表各项不重复。" },
  "schema.forbidden": { en: "Keys that do not apply to the application are absent.", zh: "不适用于本申请的键不应出现。" },
  "identifier.format": { en: "Identifiers such as the unified social credit code are well-formed.", zh: "统一社会信用代码等标识格式正确。" },
  "spec.unknown-edition": { en: "The dossier names a known specification edition.", zh: "申请材料注明已知的规范版本。" },
  "dates.as-of-today": {
    en: "Without an application date, time windows are measured against today.",
    zh: "没有申请日期时，时间要求按今天计算。",
  },
  "limits.file-size": {
    en: "A dossier larger than the file-size limit is not checked.",
    zh: "超过文件大小上限的申请材料不予检查。",
  },
  "internal.rule-failed": { en: "A rule failed internally; its requirement was not checked.", zh: "规则内部错误，未检查相应要求。" },
};
