// Maps between dossier paths (["personnel", 0, "role"]), yaml nodes and offset ranges. Imports only `yaml`.
import { Document, isMap, isScalar, isSeq, isPair, Pair, Node as YamlNode, isNode, YAMLMap } from "yaml";
import type { JsonPath, OffsetRange } from "../types";

export interface Located {
  /** The value node at the path (undefined when the key has no value). */
  node: YamlNode | undefined;
  /** The pair whose value it is, when the path ends at a mapping key. */
  pair?: Pair;
}

function rangeOf(node: unknown): OffsetRange | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

/** Mappings with more items than this get an index of their keys (pairByKey); smaller ones are searched in order. */
const INDEXED_MAP_SIZE = 16;

/**
 * Per large mapping: the first pair of each key (as locatePath compares keys: String of a scalar key's value), with
 * the items array and length it was built from. Built on the first lookup; built again when the mapping's items were
 * replaced or their number changed (an incremental parse replaces arrays, it never edits keys in place). Finding
 * thousands of keys in a mapping of thousands of keys is then linear, not quadratic.
 */
const keyIndexes = new WeakMap<YAMLMap, { items: unknown[]; length: number; pairs: Map<string, Pair> }>();

/** The first pair of a mapping whose key is a scalar whose String is `key`. */
export function pairByKey(map: YAMLMap, key: string): Pair | undefined {
  const items = map.items as Pair[];
  if (items.length <= INDEXED_MAP_SIZE)
    return items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  let index = keyIndexes.get(map);
  if (!index || index.items !== items || index.length !== items.length) {
    const pairs = new Map<string, Pair>();
    for (const item of items) {
      if (!isScalar(item.key)) continue;
      const name = String(item.key.value);
      if (!pairs.has(name)) pairs.set(name, item);
    }
    keyIndexes.set(map, (index = { items, length: items.length, pairs }));
  }
  return index.pairs.get(key);
}

/** Finds the node at a path; for a path that stops early, returns the deepest node found and how far it got. */
export function locatePath(document: Document, path: JsonPath): { located: Located; depth: number } {
  let located: Located = { node: document.contents ?? undefined };
  let depth = 0;
  for (const segment of path) {
    const node = located.node;
    if (isMap(node) && typeof segment === "string") {
      const pair = pairByKey(node, segment);
      if (!pair) break;
      located = { node: isNode(pair.value) ? pair.value : undefined, pair };
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (!isNode(item)) break;
      located = { node: item };
    } else {
      break;
    }
    depth++;
  }
  return { located, depth };
}

/** The range of the value at a path; the key when the value is empty; the deepest existing node otherwise. */
export function valueRange(document: Document, path: JsonPath, text: string): OffsetRange {
  const { located } = locatePath(document, path);
  const value = rangeOf(located.node);
  if (value && value.end > value.start) return value;
  return keyRange(document, path, text);
}

/**
 * The range that names the thing at a path: its key for a mapping entry, the first key of a list item that is a
 * mapping (or the item itself), the first line of the document for the root.
 */
export function keyRange(document: Document, path: JsonPath, text: string): OffsetRange {
  const { located, depth } = locatePath(document, path);
  if (depth === path.length && located.pair) {
    const key = rangeOf(located.pair.key);
    if (key) return key;
  }
  if (depth === path.length && depth > 0 && typeof path[depth - 1] === "number") {
    if (isMap(located.node) && located.node.items.length > 0) {
      const first = rangeOf(located.node.items[0].key);
      if (first) return first;
    }
    const item = rangeOf(located.node);
    if (item) return item;
  }
  if (depth < path.length && depth > 0) return keyRange(document, path.slice(0, depth), text);
  return firstLine(document, text);
}

/** The first key of the document (or the first line when it has none). */
function firstLine(document: Document, text: string): OffsetRange {
  const contents = document.contents;
  if (isMap(contents) && contents.items.length > 0) {
    const first = rangeOf(contents.items[0].key);
    if (first) return first;
  }
  const end = text.indexOf("\n");
  return { start: 0, end: end >= 0 ? end : text.length };
}

export interface PathAtOffset {
  path: JsonPath;
  /** "key" when the offset is on a mapping key, "value" on a scalar value, "container" elsewhere. */
  on: "key" | "value" | "container";
  node: YamlNode | undefined;
  range: OffsetRange | undefined;
}

function contains(range: OffsetRange | undefined, offset: number): boolean {
  return range !== undefined && offset >= range.start && offset <= range.end;
}

/** What is at an offset: the path of the key or value under it. */
export function pathAtOffset(document: Document, offset: number): PathAtOffset {
  const path: JsonPath = [];
  let node: unknown = document.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => contains(rangeOf(item.key), offset) || contains(rangeOf(item.value), offset),
      );
      if (!pair || !isScalar(pair.key)) return { path, on: "container", node: node as YamlNode, range: rangeOf(node) };
      path.push(String(pair.key.value));
      if (contains(rangeOf(pair.key), offset))
        return { path, on: "key", node: pair.key as YamlNode, range: rangeOf(pair.key) };
      node = pair.value;
      continue;
    }
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(rangeOf(item), offset));
      if (index < 0) return { path, on: "container", node: node as YamlNode, range: rangeOf(node) };
      path.push(index);
      node = node.items[index];
      continue;
    }
    if (isScalar(node)) return { path, on: "value", node: node as YamlNode, range: rangeOf(node) };
    if (isPair(node)) return { path, on: "container", node: undefined, range: undefined };
    return { path, on: "container", node: isNode(node) ? node : undefined, range: rangeOf(node) };
  }
}

export { rangeOf };
