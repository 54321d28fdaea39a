// A walk over a parsed dossier's YAML nodes together with the model node each one has: the one reader of "which
// field is this" for the features that look at every field (person ids, the fields a clause rests on). Pure.
import { isMap, isNode, isScalar, isSeq, Node as YamlNode } from "yaml";
import type { ModelNode } from "../catalog/edition";
import type { DossierReport } from "../check/service";
import { rangeOf } from "../parse/locate";
import type { JsonPath, OffsetRange } from "../types";

export interface WalkedField {
  path: JsonPath;
  model: ModelNode;
  /** The value's node (undefined when the key has no value). */
  node: YamlNode | undefined;
  /** The key's range for a mapping entry; undefined for a list item. */
  keyRange: OffsetRange | undefined;
}

/** Calls `visit` for every mapping entry and list item the model knows, parents before children. */
export function walkModel(report: DossierReport, visit: (field: WalkedField) => void): void {
  if (report.parsed.declined) return;
  const step = (node: unknown, model: ModelNode, path: JsonPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const child = model.properties?.[key];
        if (!child) continue;
        const childPath = [...path, key];
        const value = isNode(pair.value) ? pair.value : undefined;
        visit({ path: childPath, model: child, node: value, keyRange: rangeOf(pair.key) });
        step(value, child, childPath);
      }
    } else if (isSeq(node) && model.items) {
      node.items.forEach((item, index) => {
        const childPath = [...path, index];
        const value = isNode(item) ? item : undefined;
        visit({ path: childPath, model: model.items!, node: value, keyRange: undefined });
        step(value, model.items!, childPath);
      });
    }
  };
  step(report.parsed.document.contents, report.edition.model, []);
}

/** The range of a scalar's text without its quotes (a rename keeps them). */
export function scalarTextRange(node: YamlNode, text: string): OffsetRange | undefined {
  const range = rangeOf(node);
  if (!range || !isScalar(node)) return undefined;
  const first = text[range.start];
  if ((first === '"' || first === "'") && range.end - range.start >= 2 && text[range.end - 1] === first)
    return { start: range.start + 1, end: range.end - 1 };
  return range;
}
