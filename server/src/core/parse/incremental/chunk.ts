// One piece of a dossier (a top-level section, a list's head or one list item) parsed on its own with the same
// options as the whole, kept with its plain value, and moved (every node range, error and warning position) when
// text before it grows or shrinks. A piece keeps only what composing needs: its nodes (sharing one schema), its
// value, its problems and a few numbers; a list item keeps the item alone, not the one-item list it was parsed as.
// Imports only `yaml` and the parse options.
import {
  Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Node as YamlNode,
  Schema,
  YAMLError,
  YAMLWarning,
} from "yaml";
import { mayHoldAnchorOrAlias } from "./split";
import { PARSE_OPTIONS, parseYamlDocument } from "../parse";

/**
 * How a piece ends inside the whole: a top-level section is followed by another key at column 0, a list item by
 * another item at the same indentation. A piece with YAML errors is composable only when the same text followed
 * by such a line (a sentinel) gives the same nodes and errors and a clean sibling — else the errors may have
 * changed how the next piece is read (an unclosed quote or bracket, a compact mapping that swallows what follows).
 */
export type Boundary = { kind: "section" } | { kind: "item"; indent: number };

const SECTION_SENTINEL = "0sentinel: 0\n";

/** A copy of `text` that shares no storage with the string it was cut from (so that old versions can be freed). */
function independentCopy(text: string): string {
  return (" " + text).slice(1);
}

/** Every collection of a piece gets this schema instead of its own document's (equal: the same options). */
const SHARED_SCHEMA: Schema = new Document(undefined, PARSE_OPTIONS).schema;

/** The errors or warnings of a piece without any (one array for all). */
const NO_PROBLEMS: readonly never[] = Object.freeze([]);

/** Whether two node trees agree in kind, range (b's shifted by `delta`), value, type, tag and anchor. */
function sameNodes(a: unknown, b: unknown, delta: number): boolean {
  if (isPair(a) || isPair(b))
    return isPair(a) && isPair(b) && sameNodes(a.key, b.key, delta) && sameNodes(a.value, b.value, delta);
  if (!isNode(a) || !isNode(b)) return a === b || (!isNode(a) && !isNode(b) && a == null && b == null);
  const rangeA = a.range;
  const rangeB = b.range;
  if (
    !rangeA ||
    !rangeB ||
    rangeA[0] + delta !== rangeB[0] ||
    rangeA[1] + delta !== rangeB[1] ||
    rangeA[2] + delta !== rangeB[2]
  )
    return false;
  if (a.tag !== b.tag || a.anchor !== b.anchor || (a as { type?: string }).type !== (b as { type?: string }).type)
    return false;
  if (isScalar(a) || isScalar(b)) return isScalar(a) && isScalar(b) && Object.is(a.value, b.value);
  if ((isMap(a) && isMap(b)) || (isSeq(a) && isSeq(b))) {
    return a.items.length === b.items.length && a.items.every((item, index) => sameNodes(item, b.items[index], delta));
  }
  return false;
}

const REFERENCE_KEYS = new Set(["$schema", "$ref"]);

/**
 * The nesting depth of a tree (containers only, the root at 1) and whether it has a `$schema` or `$ref` key. On the
 * way, every collection is given the shared schema and an items array of its own length (the parser's arrays grow
 * by pushing and keep room for 16 items or more; a piece is kept for as long as the document is open).
 */
function shapeOf(root: unknown): { depth: number; hasReferenceKey: boolean } {
  let depth = 0;
  let hasReferenceKey = false;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const node = entry.node;
    if (!isMap(node) && !isSeq(node)) continue;
    node.schema = SHARED_SCHEMA;
    (node as { items: unknown[] }).items = node.items.slice();
    depth = Math.max(depth, entry.depth);
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (isScalar(item.key) && REFERENCE_KEYS.has(String(item.key.value))) hasReferenceKey = true;
        stack.push({ node: item.key, depth: entry.depth + 1 }, { node: item.value, depth: entry.depth + 1 });
      } else {
        stack.push({ node: item, depth: entry.depth + 1 });
      }
    }
  }
  return { depth, hasReferenceKey };
}

/**
 * The plain value with every array given its own length (its arrays are built by pushing, with room for 16 items or
 * more). Only plain objects and arrays are looked into: the value of a piece without aliases is a tree of them.
 */
function compactArrays(value: unknown): unknown {
  const top = Array.isArray(value) ? value.slice() : value;
  const stack: unknown[] = [top];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const item: unknown = node[index];
        if (Array.isArray(item)) node[index] = item.slice();
        if (item !== null && typeof item === "object") stack.push(node[index]);
      }
    } else if (node !== null && typeof node === "object" && Object.getPrototypeOf(node) === Object.prototype) {
      const object = node as { [key: string]: unknown };
      // Own keys only: an assignment to an own property sets that property, even for "__proto__".
      for (const key of Object.keys(object)) {
        const item = object[key];
        if (Array.isArray(item)) object[key] = item.slice();
        if (item !== null && typeof item === "object") stack.push(object[key]);
      }
    }
  }
  return top;
}

/** Calls `visit` with the range array of `node` and of every node below it. */
function visitRanges(node: unknown, visit: (range: [number, number, number]) => void): void {
  if (!isNode(node)) return;
  if (node.range) visit(node.range);
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        visitRanges(item.key, visit);
        visitRanges(item.value, visit);
      } else {
        visitRanges(item, visit);
      }
    }
  }
}

/** Adds `delta` to the range of `node` and of every node below it. */
export function shiftNode(node: unknown, delta: number): void {
  visitRanges(node, (range) => {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  });
}

export class Chunk {
  /** Offset of the piece's first character in the text its ranges currently refer to. */
  base = 0;
  /** The length of the piece's text. */
  readonly length: number;
  /** The piece's contents; once taken as a list item (see listItem), that item's node. */
  private node: YamlNode | null;
  readonly errors: readonly YAMLError[];
  readonly warnings: readonly YAMLWarning[];
  /** Where the piece's own document starts and ends, from the piece's start. */
  private documentStartOffset: number;
  private documentEndOffset: number;
  /** The plain value (toJS) of the piece's contents; once taken as a list item, of that item. */
  private plainValue: unknown;
  /** The deepest mapping or list, counted as excessiveNestingInDocument counts (the piece's root is 1). */
  readonly depth: number;
  /** Whether some mapping has a `$schema` or `$ref` key (remoteReferenceFindings has something to say). */
  readonly hasReferenceKey: boolean;
  /** Whether the piece parses on its own as it does at the end of the whole (no anchors or aliases). */
  readonly composableAtEnd: boolean;
  /** Whether it also does when followed by the next piece (see Boundary); decided when first asked. */
  private composableInside: boolean | undefined;
  /** The text, kept only while composableInside is undecided. */
  private pendingText: string | undefined;
  /** Once taken as a list item (see listItem): the indentation of its dash (else -1), and the one-item list's
   * range from the piece's start. */
  private itemIndent = -1;
  private listStart = 0;
  private listValueEnd = 0;
  private listEnd = 0;

  /**
   * Parses `text`, the piece's text, which starts at `base`. The strings of the nodes and the value are cut from
   * the text parsed, so a piece parsed from a slice keeps the whole text it was sliced from alive: with `copy` (the
   * default) a copy that shares no storage with it is parsed. Without, only when every piece of one text is parsed
   * anew (nothing else is kept): they then keep that one text, which costs no more than a copy each.
   */
  constructor(text: string, base: number, copy = true) {
    this.length = text.length;
    const own = copy ? independentCopy(text) : text;
    const document = parseYamlDocument(own);
    this.node = document.contents;
    this.errors = document.errors.length > 0 ? document.errors : NO_PROBLEMS;
    this.warnings = document.warnings.length > 0 ? document.warnings : NO_PROBLEMS;
    this.documentStartOffset = document.range[0];
    this.documentEndOffset = document.range[2];
    const shape = shapeOf(this.node);
    this.depth = shape.depth;
    this.hasReferenceKey = shape.hasReferenceKey;
    let composable = !mayHoldAnchorOrAlias(own) && !this.errors.some((error) => error.code === "MULTIPLE_DOCS");
    let value: unknown = undefined;
    if (composable) {
      try {
        value = compactArrays(document.toJS());
      } catch {
        composable = false;
      }
    }
    this.plainValue = value;
    this.composableAtEnd = composable;
    if (composable && this.errors.length === 0) this.composableInside = true;
    else if (composable) this.pendingText = own;
    else this.composableInside = false;
    // Placed by walking the tree once: the flat list of ranges (nodeRanges) is gathered only if the piece moves again.
    this.base = base;
    if (base !== 0) {
      shiftNode(this.node, base);
      for (const problem of this.errors) shiftPosition(problem.pos, base);
      for (const problem of this.warnings) shiftPosition(problem.pos, base);
    }
  }

  /** The piece's contents: a section's or a head's mapping, or (see listItem) a list item's node. */
  get root(): YamlNode | null {
    return this.node;
  }

  /** The plain value of root. */
  get value(): unknown {
    return this.plainValue;
  }

  /** Where the piece's own document starts and ends, in the text the ranges refer to. */
  get documentStart(): number {
    return this.base + this.documentStartOffset;
  }

  get documentEnd(): number {
    return this.base + this.documentEndOffset;
  }

  /**
   * Whether the piece is one item of a block list whose dashes are indented by `indent` (as a list item is parsed:
   * a list of one item, starting at its dash). The first time it is, the piece keeps only the item: root and value
   * become the item's, and listRange gives the one-item list's range.
   */
  listItem(indent: number, boundary: "inside" | "at end"): boolean {
    if (this.itemIndent >= 0) return this.itemIndent === indent;
    const root = this.node;
    if (
      !isSeq(root) ||
      root.flow ||
      root.items.length !== 1 ||
      root.range?.[0] !== this.base + indent ||
      !isNode(root.items[0])
    )
      return false;
    // Decided now, while the list the sentinel check compares with is still there.
    if (boundary === "at end" && this.composableInside === undefined && this.composableAtEnd)
      this.composableBefore({ kind: "item", indent });
    this.itemIndent = indent;
    this.listStart = root.range[0] - this.base;
    this.listValueEnd = root.range[1] - this.base;
    this.listEnd = root.range[2] - this.base;
    this.node = root.items[0] as YamlNode;
    this.ranges = undefined;
    this.plainValue = (this.plainValue as unknown[] | undefined)?.[0];
    return true;
  }

  /** Whether the piece was taken as a list item (see listItem). */
  get isListItem(): boolean {
    return this.itemIndent >= 0;
  }

  /** The range of the one-item list a list item was parsed as (see listItem). */
  get listRange(): [number, number, number] {
    return [this.base + this.listStart, this.base + this.listValueEnd, this.base + this.listEnd];
  }

  /** Whether the piece parses on its own as it does when followed, in the whole, by the next piece. */
  composableBefore(boundary: Boundary): boolean {
    if (this.composableInside === undefined) {
      this.composableInside = this.sentinelAgrees(this.pendingText!, boundary);
      this.pendingText = undefined;
    }
    return this.composableInside;
  }

  private sentinelAgrees(text: string, boundary: Boundary): boolean {
    // An item that is not the last of its list ends with the next item's indentation (see parse/incremental/index.ts).
    const indentation = boundary.kind === "item" ? " ".repeat(boundary.indent) : "";
    const endsIndented = boundary.kind === "item" && text.endsWith("\n" + indentation);
    if (!endsIndented && !text.endsWith("\n")) return false;
    const sentinel = boundary.kind === "section" ? SECTION_SENTINEL : (endsIndented ? "" : indentation) + "- 0\n";
    const sentinelNode = text.length + sentinel.length - (boundary.kind === "section" ? SECTION_SENTINEL.length : 2);
    const document = parseYamlDocument(text + sentinel);
    const root = document.contents;
    const own = this.node;
    let ownItems: unknown[];
    let items: unknown[];
    if (boundary.kind === "section" && isMap(root) && isMap(own) && !root.flow) {
      ownItems = own.items;
      items = root.items;
      const last = items[items.length - 1];
      if (!isPair(last) || !isNode(last.key) || last.key.range?.[0] !== sentinelNode) return false;
    } else if (boundary.kind === "item" && isSeq(root) && isSeq(own) && !root.flow && !this.isListItem) {
      ownItems = own.items;
      items = root.items;
      const last = items[items.length - 1];
      if (!isNode(last) || last.range?.[0] !== sentinelNode) return false;
    } else {
      return false;
    }
    if (items.length !== ownItems.length + 1) return false;
    const delta = -this.base;
    const problems = (list: readonly YAMLError[] | readonly YAMLWarning[], shift: number) =>
      JSON.stringify(
        list.map((problem) => [problem.code, problem.message, problem.pos[0] + shift, problem.pos[1] + shift]),
      );
    if (
      problems(document.errors, 0) !== problems(this.errors, delta) ||
      problems(document.warnings, 0) !== problems(this.warnings, delta)
    )
      return false;
    return ownItems.every((item, index) => sameNodes(item, items[index], delta));
  }

  /**
   * When this piece is the head of a list section: the pair whose value is the list (whose nodes belong to other
   * pieces) and the empty value the head was parsed with.
   */
  private attached: { pair: { value: unknown }; placeholder: unknown } | undefined;

  /** Makes `list` the value of `pair` (a pair of this piece whose value was empty). */
  attach(pair: { value: unknown }, list: unknown): void {
    if (!this.attached) this.attached = { pair, placeholder: pair.value };
    pair.value = list;
  }

  /** Puts back the empty value of the pair a list was attached to. */
  detach(): void {
    if (this.attached) this.attached.pair.value = this.attached.placeholder;
    this.attached = undefined;
  }

  /** Moves every range and position so that the piece starts at `base` (an attached list is not moved). */
  moveTo(base: number): void {
    const delta = base - this.base;
    if (delta === 0) return;
    this.base = base;
    for (const range of this.nodeRanges()) {
      range[0] += delta;
      range[1] += delta;
      range[2] += delta;
    }
    for (const problem of this.errors) shiftPosition(problem.pos, delta);
    for (const problem of this.warnings) shiftPosition(problem.pos, delta);
  }

  /** The range arrays of the piece's own nodes (not of a list attached to it), gathered on the first move: a piece
   * after an edit moves on every keystroke, and a flat list is much quicker to shift than the tree is to walk. */
  private ranges: Array<[number, number, number]> | undefined;

  private nodeRanges(): Array<[number, number, number]> {
    if (this.ranges) return this.ranges;
    const ranges: Array<[number, number, number]> = [];
    const gather = () => visitRanges(this.node, (range) => ranges.push(range));
    if (this.attached) {
      const list = this.attached.pair.value;
      this.attached.pair.value = this.attached.placeholder;
      try {
        gather();
      } finally {
        this.attached.pair.value = list;
      }
    } else {
      gather();
    }
    return (this.ranges = ranges);
  }
}

function shiftPosition(position: number[], delta: number): void {
  for (let index = 0; index < position.length; index++) position[index] += delta;
}
