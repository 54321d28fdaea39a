// Where the cursor is in a dossier, read from the text lines (indentation, `key:`, `- ` items, compact lists,
// one-line and multi-line flow lists), so that completion works on half-typed, broken YAML. Imports no yaml AST,
// no vscode, no vscode-languageserver*, no fs.
import type { JsonPath, OffsetRange } from "../types";

export type CursorKind = "key" | "value" | "list-value";

export interface CursorContext {
  /**
   * "key": a key is being typed in a mapping; "value": the value of `key:` on the cursor line; "list-value": an
   * item of a list with no key yet (`- |`, `[a, |]`) — a scalar, or the first key of a mapping item.
   */
  kind: CursorKind;
  /** key: the containing mapping's path; value: the field's path; list-value: the list's path plus the item index. */
  path: JsonPath;
  /** What is typed between the start of the key or value and the cursor (without an opening quote). */
  prefix: string;
  /** The key or value token a completion replaces (from the start of the prefix to the end of the token). */
  replaceRange: OffsetRange;
  /** Keys already present in the mapping at `path` (key) or in the list item (list-value), the one typed excluded. */
  siblingKeys: string[];
  /** The other scalar items already in the list (list-value only). */
  siblingValues: string[];
  /** Column at which a key typed here starts: the indentation of continuation lines of a multi-line insertion. */
  keyColumn: number;
  /** The cursor line already has the key's colon after the cursor: complete the key name only. */
  colonFollows: boolean;
  /** A value typed right after `key:` with no space needs one inserted before it. */
  valueNeedsSpace: boolean;
  /** The value is an item of a flow list `[a, b]`. */
  inFlowList: boolean;
  /** The quote that opens the value being typed, if any. */
  quote?: '"' | "'";
}

interface Line {
  start: number;
  /** The line without its line break (CR of CRLF removed). */
  text: string;
}

interface LineShape {
  indent: number;
  /** Columns of the `- ` indicators at the start of the line. */
  dashes: number[];
  /** Column after the indentation and the dashes. */
  contentColumn: number;
  /** Column of the comment's `#`, or the line length. */
  contentEnd: number;
  key?: { name: string; column: number; end: number; colon: number };
  /** Column and text of the value after `key:` (or of the content when there is no key), without comment. */
  valueColumn: number;
  value: string;
}

type Frame =
  | { kind: "map"; column: number; path: JsonPath; lastKey?: string }
  | { kind: "seq"; column: number; path: JsonPath; count: number };

/** A key standing for the one being typed: it never appears in a dossier. */
const TYPED_KEY = "\u0000typed";

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    const body = text.slice(start, end);
    lines.push({ start, text: body.endsWith("\r") ? body.slice(0, -1) : body });
    if (newline < 0) return lines;
    start = newline + 1;
  }
}

/** Column of the `#` that starts a comment (unquoted, at line start or after whitespace), or -1. */
export function commentColumn(line: string): number {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (quote) {
      if (character === quote) quote = undefined;
      continue;
    }
    if ((character === '"' || character === "'") && (index === 0 || /[\s:[,{-]/.test(line[index - 1])))
      quote = character;
    else if (character === "#" && (index === 0 || /\s/.test(line[index - 1]))) return index;
  }
  return -1;
}

function skipSpaces(text: string, column: number): number {
  while (column < text.length && (text[column] === " " || text[column] === "\t")) column++;
  return column;
}

/** The `key:` at `column`, if the content there is a mapping key (plain or quoted). */
function keyAt(text: string, column: number, contentEnd: number): LineShape["key"] {
  const first = text[column];
  if (first === undefined || column >= contentEnd || /[[\]{}|>&*!%@`#,]/.test(first)) return undefined;
  let nameEnd: number;
  if (first === '"' || first === "'") {
    const close = text.indexOf(first, column + 1);
    if (close < 0 || close >= contentEnd) return undefined;
    nameEnd = close + 1;
  } else {
    nameEnd = column;
    for (;;) {
      const colon = text.indexOf(":", nameEnd);
      if (colon < 0 || colon >= contentEnd) return undefined;
      const next = text[colon + 1];
      if (next === undefined || next === " " || next === "\t" || colon + 1 === contentEnd) {
        nameEnd = colon;
        break;
      }
      nameEnd = colon + 1;
    }
  }
  const colon = skipSpaces(text, nameEnd);
  if (text[colon] !== ":") return undefined;
  const after = text[colon + 1];
  if (after !== undefined && after !== " " && after !== "\t" && colon + 1 !== contentEnd) return undefined;
  const raw = text.slice(column, nameEnd).trimEnd();
  const name = first === '"' || first === "'" ? raw.slice(1, -1) : raw;
  return { name, column, end: column + raw.length, colon };
}

export function lineShape(text: string): LineShape {
  const indent = skipSpaces(text, 0);
  const hash = commentColumn(text);
  const contentEnd = hash < 0 ? text.length : hash;
  const dashes: number[] = [];
  let column = indent;
  while (
    column < contentEnd &&
    text[column] === "-" &&
    (column + 1 === text.length || text[column + 1] === " " || text[column + 1] === "\t")
  ) {
    dashes.push(column);
    column = skipSpaces(text, column + 1);
  }
  const key = keyAt(text, column, contentEnd);
  const valueColumn = key ? Math.min(skipSpaces(text, key.colon + 1), contentEnd) : column;
  return {
    indent,
    dashes,
    contentColumn: column,
    contentEnd,
    key,
    valueColumn,
    value: text.slice(valueColumn, contentEnd).trimEnd(),
  };
}

function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

function isBlockScalarIndicator(value: string): boolean {
  return /^(?:[!&][^\s]*\s+)*[|>][0-9+-]*$/.test(value);
}

/** Bracket depth change of a flow collection's text (quotes respected). */
function flowDepthChange(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (const character of text) {
    if (quote) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === "[" || character === "{") depth++;
    else if (character === "]" || character === "}") depth--;
  }
  return depth;
}

/** The block structure of the lines read so far: open mappings and lists, and what each one holds. */
class Structure {
  private readonly stack: Frame[] = [];
  readonly keysByPath = new Map<string, string[]>();
  readonly scalarItemsByList = new Map<string, Array<{ index: number; value: string }>>();
  private readonly countsByList = new Map<string, number>();
  /** Column at or below which a line ends the block scalar being skipped. */
  blockScalarColumn: number | undefined;
  /** An unclosed multi-line flow collection being skipped: its depth and where it opened. */
  flow: { depth: number; path: JsonPath; start: number; ownerColumn: number } | undefined;

  /** Enters a `- ` at `column`; returns the item's path. */
  dash(column: number): JsonPath {
    while (this.top() && this.top()!.column > column) this.stack.pop();
    const top = this.top();
    let list: Frame & { kind: "seq" };
    if (top?.kind === "seq" && top.column === column) list = top;
    else {
      const path = this.childPath(top);
      list = { kind: "seq", column, path, count: this.countsByList.get(pathKey(path)) ?? 0 };
      this.stack.push(list);
    }
    list.count++;
    this.countsByList.set(pathKey(list.path), list.count);
    return [...list.path, list.count - 1];
  }

  /** Enters a key at `column` (right after a dash on the same line when `itemPath` is given); returns its mapping. */
  key(name: string, column: number, itemPath: JsonPath | undefined): Frame & { kind: "map" } {
    let map: Frame & { kind: "map" };
    if (itemPath) {
      map = { kind: "map", column, path: itemPath };
      this.stack.push(map);
    } else {
      while (
        this.top() &&
        (this.top()!.column > column || (this.top()!.kind === "seq" && this.top()!.column === column))
      )
        this.stack.pop();
      const top = this.top();
      if (top?.kind === "map" && top.column === column) map = top;
      else {
        map = { kind: "map", column, path: this.childPath(top) };
        this.stack.push(map);
      }
    }
    map.lastKey = name;
    const keys = this.keysByPath.get(pathKey(map.path)) ?? [];
    keys.push(name);
    this.keysByPath.set(pathKey(map.path), keys);
    return map;
  }

  scalarItem(itemPath: JsonPath, value: string): void {
    const listPath = itemPath.slice(0, -1);
    const items = this.scalarItemsByList.get(pathKey(listPath)) ?? [];
    items.push({ index: itemPath[itemPath.length - 1] as number, value });
    this.scalarItemsByList.set(pathKey(listPath), items);
  }

  /** Reads one line that is not the cursor's. */
  read(line: Line): void {
    const shape = lineShape(line.text);
    if (this.skipped(line, shape)) return;
    let itemPath: JsonPath | undefined;
    for (const column of shape.dashes) itemPath = this.dash(column);
    if (shape.key) {
      const map = this.key(shape.key.name, shape.key.column, itemPath);
      this.afterKey(line, shape, [...map.path, shape.key.name], shape.key.column);
    } else if (itemPath && shape.value) {
      if (!isBlockScalarIndicator(shape.value)) this.scalarItem(itemPath, unquote(shape.value));
      this.afterKey(line, shape, itemPath, shape.dashes[0]);
    }
  }

  /** Notes a block scalar or an unclosed flow collection that starts after a key or dash. */
  afterKey(line: Line, shape: LineShape, valuePath: JsonPath, ownerColumn: number): void {
    if (isBlockScalarIndicator(shape.value)) this.blockScalarColumn = ownerColumn;
    else if (shape.value.startsWith("[") || shape.value.startsWith("{")) {
      const depth = flowDepthChange(shape.value);
      if (depth > 0) this.flow = { depth, path: valuePath, start: line.start + shape.valueColumn, ownerColumn };
    }
  }

  /** Lines that carry no structure: blank, comment, document markers, block scalar content, inside a flow. */
  skipped(line: Line, shape: LineShape): boolean {
    const blankOrComment = line.text.trim() === "" || line.text.trimStart().startsWith("#");
    if (!blankOrComment && this.leftFlow(line.text, shape.indent)) this.flow = undefined;
    if (this.flow) {
      this.flow.depth += flowDepthChange(line.text.slice(0, shape.contentEnd));
      if (this.flow.depth <= 0) this.flow = undefined;
      return true;
    }
    const blank = shape.contentColumn >= shape.contentEnd && shape.dashes.length === 0;
    if (this.blockScalarColumn !== undefined) {
      if (blank || shape.indent > this.blockScalarColumn) return true;
      this.blockScalarColumn = undefined;
    }
    return blank || /^(---|\.\.\.)(\s|$)/.test(line.text) || line.text.startsWith("%");
  }

  /**
   * Whether a line at `indentation` cannot belong to the open flow collection: it is not indented past the key
   * that opened it and does not close it. YAML would call the flow unclosed; the line is read as block structure.
   */
  leftFlow(line: string, indentation: number): boolean {
    return this.flow !== undefined && indentation <= this.flow.ownerColumn && !/^\s*[\]}]/.test(line);
  }

  top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private childPath(top: Frame | undefined): JsonPath {
    if (!top) return [];
    if (top.kind === "map") return top.lastKey === undefined ? top.path : [...top.path, top.lastKey];
    return [...top.path, Math.max(0, top.count - 1)];
  }
}

function unquote(value: string): string {
  const first = value[0];
  if ((first === '"' || first === "'") && value.length >= 2 && value.endsWith(first)) return value.slice(1, -1);
  return value;
}

/** The end column of the token that starts at `column` (up to whitespace, a comment, `,`, `]` or `}`). */
function tokenEnd(text: string, column: number, stopAt: RegExp): number {
  let end = column;
  while (end < text.length && !stopAt.test(text[end])) end++;
  return end;
}

interface Typed {
  prefix: string;
  start: number;
  end: number;
  quote?: '"' | "'";
}

/** What is typed in `text` from `from` (a value or item start) to the cursor, and where the token ends. */
function typedToken(text: string, from: number, cursor: number, limit: number, stopAt: RegExp): Typed {
  let start = from;
  while (start < cursor && /\s/.test(text[start])) start++;
  let quote: '"' | "'" | undefined;
  if ((text[start] === '"' || text[start] === "'") && start < cursor) {
    quote = text[start] as '"' | "'";
    start++;
  }
  let end = Math.max(cursor, quote ? tokenEnd(text, cursor, new RegExp(`[${quote}]`)) : tokenEnd(text, cursor, stopAt));
  end = Math.min(end, limit);
  while (end > cursor && /\s/.test(text[end - 1])) end--;
  return { prefix: text.slice(start, cursor), start, end: Math.max(end, cursor), quote };
}

function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline;
}

/** The item of a flow list under the cursor: its index, what is typed, the other items. */
function flowItem(
  text: string,
  open: number,
  cursor: number,
): { index: number; typed: Typed; others: string[] } | undefined {
  let depth = 0;
  let quote: string | undefined;
  let index = 0;
  let itemStart = open + 1;
  let cursorIndex = -1;
  let cursorItemStart = -1;
  const items: Array<{ start: number; end: number }> = [];
  let position = open;
  for (; position < text.length; position++) {
    if (position === cursor && depth === 1) {
      cursorIndex = index;
      cursorItemStart = itemStart;
    }
    const character = text[position];
    if (quote) {
      if (character === quote) quote = undefined;
      continue;
    }
    if (character === '"' || character === "'") quote = character;
    else if (character === "[" || character === "{") depth++;
    else if (character === "]" || character === "}") {
      depth--;
      if (depth === 0) break;
    } else if (character === "#" && /\s/.test(text[position - 1] ?? "")) {
      position = text.indexOf("\n", position) < 0 ? text.length - 1 : text.indexOf("\n", position);
    } else if (character === "," && depth === 1) {
      items.push({ start: itemStart, end: position });
      index++;
      itemStart = position + 1;
    }
  }
  if (position === cursor && depth === 1 && cursorIndex < 0) {
    cursorIndex = index;
    cursorItemStart = itemStart;
  }
  const closed = position < text.length;
  items.push({ start: itemStart, end: Math.min(position, text.length) });
  if (cursorIndex < 0 || (closed && position < cursor)) return undefined;
  const item = items[cursorIndex];
  const typed = typedToken(text, cursorItemStart, cursor, closed ? item.end : lineEndAt(text, cursor), /[\s,\]}#]/);
  // an unclosed flow list runs to the end of the text: only the items before the cursor are known to be its own
  const others = items
    .filter((_, itemIndex) => itemIndex !== cursorIndex && (closed || itemIndex < cursorIndex))
    .map((other) => unquote(text.slice(other.start, other.end).trim()))
    .filter((value) => value.length > 0);
  return { index: cursorIndex, typed, others };
}

function keysOf(structure: Structure, path: JsonPath): string[] {
  return (structure.keysByPath.get(pathKey(path)) ?? []).filter((key) => key !== TYPED_KEY);
}

function valuesOf(structure: Structure, listPath: JsonPath, except: number): string[] {
  return (structure.scalarItemsByList.get(pathKey(listPath)) ?? [])
    .filter((item) => item.index !== except)
    .map((item) => item.value);
}

interface Pending {
  context: Omit<CursorContext, "siblingKeys" | "siblingValues">;
  /** Which mapping's keys are the siblings, and which list's items are the other values. */
  keysPath: JsonPath | undefined;
  listPath: JsonPath | undefined;
  index: number;
  /** The other items of a flow list, read from the flow itself. */
  flowOthers?: string[];
}

/** Reads the cursor line: what is typed there and where it belongs, entering its structure like any line. */
function readCursorLine(structure: Structure, line: Line, cursor: number, text: string): Pending | undefined {
  const column = Math.min(cursor - line.start, line.text.length);
  const blankBeforeCursor = line.text.slice(0, column).trim() === "";
  const shape = lineShape(line.text);
  if (structure.leftFlow(line.text, blankBeforeCursor ? column : shape.indent)) structure.flow = undefined;
  if (structure.flow) {
    const flow = flowItem(text, structure.flow.start, cursor);
    if (!flow) return undefined;
    return flowPending(flow, structure.flow.path, 0);
  }
  if (shape.contentEnd < column) return undefined; // inside a comment
  if (structure.blockScalarColumn !== undefined) {
    const indentation = blankBeforeCursor ? column : shape.indent;
    if (indentation > structure.blockScalarColumn) return undefined;
    structure.blockScalarColumn = undefined;
  }
  if (blankBeforeCursor) return keyPending(structure, line, column, column, undefined, shape);
  const dashes = shape.dashes.filter((dash) => dash + 1 < column);
  let itemPath: JsonPath | undefined;
  for (const dash of dashes) itemPath = structure.dash(dash);
  const contentColumn =
    dashes.length === shape.dashes.length
      ? shape.contentColumn
      : dashes.length > 0
        ? skipSpaces(line.text, dashes[dashes.length - 1] + 1)
        : shape.indent;
  if (shape.key && dashes.length === shape.dashes.length && column > shape.key.colon) {
    const map = structure.key(shape.key.name, shape.key.column, itemPath);
    return valuePending(structure, line, shape, [...map.path, shape.key.name], column, text);
  }
  if (itemPath && !shape.key && column >= contentColumn) {
    const typed = typedToken(line.text, contentColumn, column, shape.contentEnd, /[\s#]/);
    const index = itemPath[itemPath.length - 1] as number;
    const context = baseContext("list-value", itemPath, line.start, typed, contentColumn);
    return { context, keysPath: itemPath, listPath: itemPath.slice(0, -1), index };
  }
  return keyPending(structure, line, Math.min(contentColumn, column), column, itemPath, shape);
}

function baseContext(
  kind: CursorKind,
  path: JsonPath,
  lineStart: number,
  typed: Typed,
  keyColumn: number,
): Pending["context"] {
  return {
    kind,
    path,
    prefix: typed.prefix,
    replaceRange: { start: lineStart + typed.start, end: lineStart + typed.end },
    keyColumn,
    colonFollows: false,
    valueNeedsSpace: false,
    inFlowList: false,
    quote: typed.quote,
  };
}

function flowPending(flow: NonNullable<ReturnType<typeof flowItem>>, fieldPath: JsonPath, keyColumn: number): Pending {
  const context: Pending["context"] = {
    kind: "list-value",
    path: [...fieldPath, flow.index],
    prefix: flow.typed.prefix,
    replaceRange: { start: flow.typed.start, end: flow.typed.end },
    keyColumn,
    colonFollows: false,
    valueNeedsSpace: false,
    inFlowList: true,
    quote: flow.typed.quote,
  };
  return { context, keysPath: undefined, listPath: undefined, index: flow.index, flowOthers: flow.others };
}

function valuePending(
  structure: Structure,
  line: Line,
  shape: LineShape,
  fieldPath: JsonPath,
  column: number,
  text: string,
): Pending | undefined {
  const keyColumn = shape.key!.column;
  if (shape.value.startsWith("[") && shape.valueColumn < column) {
    const flow = flowItem(text, line.start + shape.valueColumn, line.start + column);
    if (!flow) return undefined;
    structure.afterKey(line, shape, fieldPath, keyColumn);
    return flowPending(flow, fieldPath, shape.key!.column);
  }
  if (shape.value.startsWith("{") && shape.valueColumn < column) return undefined;
  if (isBlockScalarIndicator(shape.value) && shape.valueColumn < column) return undefined;
  structure.afterKey(line, shape, fieldPath, keyColumn);
  const typed = typedToken(line.text, shape.key!.colon + 1, column, shape.contentEnd, /[\s#]/);
  const context = baseContext("value", fieldPath, line.start, typed, shape.key!.column);
  if (typed.start === shape.key!.colon + 1 && !typed.quote) context.valueNeedsSpace = true;
  if (typed.quote) {
    // the closing quote stays
    context.replaceRange.end = Math.min(
      context.replaceRange.end,
      line.start + tokenEnd(line.text, column, new RegExp(`[${typed.quote}]`)),
    );
  } else {
    // a value runs to the comment: replace all of it
    context.replaceRange.end = Math.max(
      context.replaceRange.end,
      line.start + Math.max(column, shape.valueColumn + shape.value.length),
    );
  }
  return { context, keysPath: undefined, listPath: undefined, index: -1 };
}

/** A key typed at `keyColumn` (the cursor at `column`): enters a stand-in key to learn its mapping. */
function keyPending(
  structure: Structure,
  line: Line,
  keyColumn: number,
  column: number,
  itemPath: JsonPath | undefined,
  shape: LineShape,
): Pending {
  const map = structure.key(TYPED_KEY, keyColumn, itemPath);
  const typedEnd = shape.key && shape.key.column === keyColumn ? shape.key.end : shape.contentEnd;
  const typed = typedToken(line.text, keyColumn, column, Math.max(column, typedEnd), /[\s:#]/);
  const context = baseContext("key", map.path, line.start, typed, keyColumn);
  context.colonFollows = shape.key !== undefined && shape.key.column === keyColumn && column <= shape.key.end;
  return { context, keysPath: map.path, listPath: undefined, index: -1 };
}

/** The completion context at an offset, or undefined where nothing can be completed (comments, block scalars). */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const cursor = Math.max(0, Math.min(offset, text.length));
  const lines = splitLines(text);
  let cursorLineIndex = lines.length - 1;
  while (cursorLineIndex > 0 && lines[cursorLineIndex].start > cursor) cursorLineIndex--;
  const structure = new Structure();
  for (let index = 0; index < cursorLineIndex; index++) structure.read(lines[index]);
  const pending = readCursorLine(structure, lines[cursorLineIndex], cursor, text);
  if (!pending) return undefined;
  for (let index = cursorLineIndex + 1; index < lines.length; index++) structure.read(lines[index]);
  return {
    ...pending.context,
    siblingKeys: pending.keysPath ? keysOf(structure, pending.keysPath) : [],
    siblingValues: pending.flowOthers ?? (pending.listPath ? valuesOf(structure, pending.listPath, pending.index) : []),
  };
}
