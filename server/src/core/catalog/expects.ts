// What a field of the dossier model expects, said as to an applicant in both languages (a noun phrase: "数字 1、2 或
// 3" / "a number: 1, 2 or 3"): the field's own `expects` in model.yaml, or words derived from its type and kind.
// The schema's type, format and pattern findings say it; never a JSON type name. Pure: imports catalog and types.
import type { Edition, ModelNode } from "./edition";
import type { Localized } from "../types";

/** "1、2 或 3" / "1, 2 or 3". */
export function alternatives(values: Array<string | number>): Localized {
  const texts = values.map(String);
  if (texts.length <= 1) return { zh: texts.join(""), en: texts.join("") };
  const head = texts.slice(0, -1);
  const last = texts[texts.length - 1];
  return { zh: `${head.join("、")} 或 ${last}`, en: `${head.join(", ")} or ${last}` };
}

const DATE: Localized = {
  zh: "日期，格式为 YYYY-MM-DD（如 2025-03-01）",
  en: "a date written YYYY-MM-DD (e.g. 2025-03-01)",
};
const PERSON_ID: Localized = {
  zh: "人员名单（personnel）中的人员标识（如 li-si）",
  en: "a person id from the personnel list (e.g. li-si)",
};
const EVIDENCE_PATH: Localized = {
  zh: "证明材料文件的相对路径（如 evidence/营业执照.pdf）",
  en: "the relative path of an evidence file (e.g. evidence/business-licence.pdf)",
};

/** The keys a mapping of this shape holds: its required ones, or its first few when none is required. */
function keysOf(node: ModelNode): string[] {
  const keys = node.required && node.required.length > 0 ? node.required : Object.keys(node.properties ?? {});
  return keys.slice(0, 6);
}

function scalarExpected(edition: Edition, node: ModelNode): Localized {
  if (node.expects) return node.expects;
  if (node.personnel_ref) return PERSON_ID;
  if (node.evidence) return EVIDENCE_PATH;
  const enumeration = edition.enumOf(node);
  if (enumeration && node.vocabulary === undefined) {
    const choice = alternatives(enumeration.values);
    if (node.type === "integer" || node.type === "number")
      return { zh: `数字 ${choice.zh}`, en: `a number: ${choice.en}` };
    if (enumeration.values.length === 1) return { zh: `“${choice.zh}”`, en: `"${choice.en}"` };
    if (enumeration.values.length === 2) return choice;
    return { zh: `以下取值之一：${choice.zh}`, en: `one of ${choice.en}` };
  }
  switch (node.type) {
    case "date":
      return DATE;
    case "integer":
      return node.minimum !== undefined
        ? { zh: `不小于 ${node.minimum} 的整数`, en: `a whole number of at least ${node.minimum}` }
        : { zh: "整数", en: "a whole number" };
    case "number":
      return node.exclusiveMinimum !== undefined
        ? { zh: `大于 ${node.exclusiveMinimum} 的数字`, en: `a number greater than ${node.exclusiveMinimum}` }
        : { zh: "数字", en: "a number" };
    case "boolean":
      return { zh: "true 或 false", en: "true or false" };
    default:
      return { zh: "一段文字", en: "text" };
  }
}

/** What the field of this model node expects. */
export function expectedOf(edition: Edition, node: ModelNode): Localized {
  if (node.expects) return node.expects;
  if (node.type === "object") {
    const keys = keysOf(node);
    return {
      zh: `分行填写的各项（${keys.join("、")}），每行写作 \`键: 值\``,
      en: `its entries (${keys.join(", ")}), one per line, written \`key: value\``,
    };
  }
  if (node.type === "array") {
    const items = node.items;
    if (items?.type === "object") {
      const keys = keysOf(items);
      return {
        zh: `列表，每项以 \`- \` 开头，包含 ${keys.join("、")}`,
        en: `a list whose entries start with \`- \` and hold ${keys.join(", ")}`,
      };
    }
    const each = items ? scalarExpected(edition, items) : undefined;
    return each
      ? {
          zh: `列表，每项以 \`- \` 开头，为${each.zh}`,
          en: `a list whose entries start with \`- \`, each entry: ${each.en}`,
        }
      : { zh: "列表，每项以 `- ` 开头", en: "a list whose entries start with `- `" };
  }
  return scalarExpected(edition, node);
}

/** What the field at a dossier path expects (undefined when the model has no field there). */
export function expectedAt(edition: Edition, path: Array<string | number>): Localized | undefined {
  const node = edition.modelAt(path);
  return node ? expectedOf(edition, node) : undefined;
}
