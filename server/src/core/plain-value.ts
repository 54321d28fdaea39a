// The plain value of a parsed YAML document, equal to yaml's Document#toJS, made in one walk for the documents a
// dossier is: mappings with scalar keys, sequences and scalars, no anchors. toJS takes about 4 % of a dossier's
// validation (a context, an anchor lookup and a merge-key check for every node and key); this walk does what it
// does for such nodes and nothing else. Anything else anywhere in the document — an anchor or alias, a key that is
// not a scalar or whose value is an object, `<<` (a merge key under YAML 1.1), a tagged collection (!!set, !!omap…),
// a pair in a flow sequence — and the whole document is left to toJS. Tests compare both on every sample, fixture,
// generated dossier and thousands of mutants (test/unit/plain-value.test.ts).
import { Document, Scalar, YAMLMap, YAMLSeq } from "yaml";

/** What plainValueOf returns for a node it leaves to toJS. */
const NOT_PLAIN: unique symbol = Symbol("not plain");

/** The plain value of a node, as toJS makes it, or NOT_PLAIN. */
function plainValueOf(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (node instanceof Scalar) return node.anchor ? NOT_PLAIN : node.value;
  if (node instanceof YAMLMap && node.constructor === YAMLMap && !node.anchor) {
    const map: { [key: string]: unknown } = {};
    for (const pair of node.items as Array<{ key: unknown; value: unknown }>) {
      const stringKey = plainKeyOf(pair.key);
      if (stringKey === undefined) return NOT_PLAIN;
      const value = plainValueOf(pair.value);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      // as yaml's addPairToJSMap: a key the object already has (own or inherited, "__proto__" too) is defined on it
      if (stringKey in map) Object.defineProperty(map, stringKey, { value, writable: true, enumerable: true, configurable: true });
      else map[stringKey] = value;
    }
    return map;
  }
  if (node instanceof YAMLSeq && node.constructor === YAMLSeq && !node.anchor) {
    const sequence: unknown[] = [];
    for (const item of node.items as unknown[]) {
      // a pair in a flow sequence ([a: 1]) is no Scalar, YAMLMap or YAMLSeq: left to toJS
      const value = plainValueOf(item);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      sequence.push(value);
    }
    return sequence;
  }
  return NOT_PLAIN;
}

/** A mapping key as toJS writes it (String of its value, "" for null), or undefined when it is left to toJS. */
function plainKeyOf(key: unknown): string | undefined {
  if (key === null || key === undefined) return "";
  // a merge key is composed with its own addToJSMap (and, with the merge option, a symbol for its value)
  if (!(key instanceof Scalar) || key.anchor || "addToJSMap" in key) return undefined;
  const value: unknown = key.value;
  if (value === null) return "";
  if (typeof value === "object" || typeof value === "symbol" || value === "<<") return undefined;
  return String(value);
}

/** The document's plain value: document.toJS(options), without toJS for a document of plain nodes. */
export function documentValue(document: Document.Parsed | Document, options?: { maxAliasCount?: number }): unknown {
  const value = plainValueOf(document.contents);
  return value === NOT_PLAIN ? document.toJS(options) : value;
}
