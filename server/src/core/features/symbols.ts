// The outline of a dossier by section: top-level keys, their nested keys, list items named by their `name` or
// `id` (or value), four levels deep at most. Reads the yaml AST, which a broken document still has in part.
// Pure: imports only `yaml`; no vscode, no vscode-languageserver*, no fs.
import { isMap, isNode, isScalar, isSeq, Node as YamlNode, Pair } from "yaml";
import { pick } from "../l10n/locale";
import type { DossierReport } from "../check/service";
import type { JsonPath, Locale, OffsetRange } from "../types";

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: "section" | "field" | "list" | "item";
  range: OffsetRange;
  /** The part to reveal when the symbol is picked (a key, or an item's name); always inside `range`. */
  selectionRange: OffsetRange;
  children: OutlineSymbol[];
}

export const MAX_OUTLINE_DEPTH = 4;
const MAX_NAME_LENGTH = 60;

interface Walk {
  report: DossierReport;
  locale: Locale;
}

export function documentSymbols(report: DossierReport, locale: Locale): OutlineSymbol[] {
  const contents = report.parsed.document.contents;
  if (!isMap(contents)) return [];
  return mapChildren(contents.items, [], 1, { report, locale });
}

/** The span [start, end) of a node, its trailing whitespace left out. */
function spanOf(node: unknown, text: string): OffsetRange | undefined {
  if (!isNode(node) || !node.range) return undefined;
  const start = Math.min(node.range[0], text.length);
  let end = Math.min(Math.max(node.range[1], start), text.length);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The localized title of a field the model knows (a list item takes its list's title); none for unknown keys. */
function titleAt(walk: Walk, path: JsonPath): string | undefined {
  if (!walk.report.edition.modelAt(path)) return undefined;
  const title = walk.report.edition.titleAt(path);
  return title ? pick(title, walk.locale) : undefined;
}

function shortName(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_NAME_LENGTH ? `${line.slice(0, MAX_NAME_LENGTH - 1)}…` : line;
}

function mapChildren(pairs: Array<Pair<unknown, unknown>>, path: JsonPath, depth: number, walk: Walk): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  for (const pair of pairs) {
    const symbol = pairSymbol(pair, path, depth, walk);
    if (symbol) symbols.push(symbol);
  }
  return symbols;
}

function pairSymbol(
  pair: Pair<unknown, unknown>,
  path: JsonPath,
  depth: number,
  walk: Walk,
): OutlineSymbol | undefined {
  const text = walk.report.parsed.text;
  const keyRange = spanOf(pair.key, text);
  if (!isScalar(pair.key) || pair.key.value === null || !keyRange) return undefined;
  const key = String(pair.key.value);
  const keyPath = [...path, key];
  const valueRange = spanOf(pair.value, text);
  const children = depth < MAX_OUTLINE_DEPTH ? childrenOf(pair.value, keyPath, depth + 1, walk) : [];
  return {
    name: key.length > 0 ? key : '""',
    detail: titleAt(walk, keyPath),
    kind: depth === 1 ? "section" : isSeq(pair.value) ? "list" : "field",
    range: covering({ start: keyRange.start, end: Math.max(keyRange.end, valueRange?.end ?? keyRange.end) }, children),
    selectionRange: keyRange,
    children,
  };
}

/** A range widened to hold its children's (yaml's ranges of a broken document do not always nest). */
function covering(range: OffsetRange, children: OutlineSymbol[]): OffsetRange {
  return children.reduce(
    (widened, symbol) => ({
      start: Math.min(widened.start, symbol.range.start),
      end: Math.max(widened.end, symbol.range.end),
    }),
    range,
  );
}

function childrenOf(value: unknown, path: JsonPath, depth: number, walk: Walk): OutlineSymbol[] {
  if (isMap(value)) return mapChildren(value.items, path, depth, walk);
  if (!isSeq(value)) return [];
  const symbols: OutlineSymbol[] = [];
  value.items.forEach((item, index) => {
    const symbol = itemSymbol(item, [...path, index], depth, walk);
    if (symbol) symbols.push(symbol);
  });
  return symbols;
}

/** The scalar under `name` or `id` in a mapping item, with its range. */
function namingScalar(item: YamlNode, text: string): { value: string; range: OffsetRange; by: string } | undefined {
  if (!isMap(item)) return undefined;
  for (const by of ["name", "id"]) {
    const pair = item.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === by);
    const range = spanOf(pair?.value, text);
    if (pair && isScalar(pair.value) && pair.value.value !== null && String(pair.value.value).trim() && range) {
      return { value: String(pair.value.value), range, by };
    }
  }
  return undefined;
}

function itemSymbol(item: unknown, path: JsonPath, depth: number, walk: Walk): OutlineSymbol | undefined {
  const text = walk.report.parsed.text;
  const span = spanOf(item, text);
  if (!isNode(item) || !span || span.end === span.start) return undefined;
  const index = path[path.length - 1] as number;
  const named = namingScalar(item, text);
  const scalarValue = isScalar(item) && item.value !== null ? String(item.value).trim() : "";
  let name = `#${index + 1}`;
  const children = depth < MAX_OUTLINE_DEPTH ? childrenOf(item, path, depth + 1, walk) : [];
  const range = covering(span, children);
  let selectionRange: OffsetRange = { start: range.start, end: range.start };
  if (named) {
    name = shortName(named.value);
    selectionRange = named.range;
  } else if (scalarValue) {
    name = shortName(scalarValue);
    selectionRange = span;
  } else if (isMap(item) && item.items.length > 0) {
    selectionRange = spanOf(item.items[0].key, text) ?? selectionRange;
  }
  const id = isMap(item) ? item.get("id") : undefined;
  const detail =
    named?.by === "name" && (typeof id === "string" || typeof id === "number") ? String(id) : titleAt(walk, path);
  return {
    name,
    detail,
    kind: "item",
    range,
    selectionRange,
    children,
  };
}
