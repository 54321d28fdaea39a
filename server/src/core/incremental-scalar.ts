// Typing inside a one-line scalar value — a name, a date, a client — changes that value and nothing else: the
// same tokens, the same nodes, only the scalar's text and every range after it. This module decides when an edit
// is surely such an edit, conservatively (anything unusual means "parse the piece again"): the scalar and the
// collections above it, the characters before and after, and how YAML reads the new text. Plain scalars that would
// read as something other than a string (null, true, 12, 0x1f, .inf) are left to the parser.
// Pure: imports only `yaml`.
import { isMap, isNode, isScalar, isSeq, Scalar, Schema } from "yaml";

export type ValueStep = string | number;

/** The scalar whose text holds [from, to) of the previous text, and the keys and indices that lead to it. */
export interface EditedScalar {
  scalar: Scalar;
  steps: ValueStep[];
}

/** Characters a plain scalar patched in place never contains: whitespace other than the space, `#` and `:` (they may
 * start a comment or a key), `&` and `*` (anchors and aliases), and what the encoding checks look for. */
const NOT_IN_PLAIN = "\\s#:&*\\u0000-\\u001f\\u007f-\\u009f\\ud800-\\udfff\\ufffd-\\uffff";
/** A one-line plain scalar read as its own text: no indicator first, single spaces inside, none at either end. */
const SIMPLE_PLAIN = new RegExp(`^[^${NOT_IN_PLAIN}\\-?,\\[\\]{}!|>'"%@\`](?:[^${NOT_IN_PLAIN}]| (?=[^ ]))*$`);
/** The inside of a one-line quoted scalar read as its own text (no escapes, no closing quote, no tab). */
const SIMPLE_DOUBLE_QUOTED = /^"([^"\\\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufffd-\uffff]*)"$/;
const SIMPLE_SINGLE_QUOTED = /^'([^'\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufffd-\uffff]*)'$/;

/**
 * The scalar in block collections below `root` whose text holds the span [from, to): for a plain scalar anywhere
 * from its first to its last character, for a quoted one strictly inside the quotes. Only values are looked for
 * (a key's edit may change which keys there are) and only under keys that are plain strings.
 */
export function editedScalar(root: unknown, from: number, to: number): EditedScalar | undefined {
  const steps: ValueStep[] = [];
  let node: unknown = root;
  for (;;) {
    if (isScalar(node)) {
      const range = node.range;
      if (!range) return undefined;
      const inside = node.type === Scalar.PLAIN ? range[0] <= from && to <= range[1] : range[0] < from && to < range[1];
      return inside ? { scalar: node, steps } : undefined;
    }
    if (isMap(node)) {
      if (node.flow) return undefined;
      const pair = node.items.find((item) => isNode(item.value) && holds(item.value.range, from, to));
      if (!pair || !isScalar(pair.key) || typeof pair.key.value !== "string" || pair.key.value === "__proto__") return undefined;
      steps.push(pair.key.value);
      node = pair.value;
    } else if (isSeq(node)) {
      if (node.flow) return undefined;
      const index = node.items.findIndex((item) => isNode(item) && holds(item.range, from, to));
      if (index < 0) return undefined;
      steps.push(index);
      node = node.items[index];
    } else {
      return undefined;
    }
  }
}

function holds(range: [number, number, number] | null | undefined, from: number, to: number): boolean {
  return !!range && range[0] <= from && to <= range[1];
}

/**
 * The value of a scalar of `type` written as `source` on one line, when YAML surely reads it as that very text and
 * as a string; undefined otherwise. `schema` decides which plain texts read as something else.
 */
export function simpleScalarValue(type: Scalar["type"], source: string, schema: Schema): string | undefined {
  if (type === Scalar.PLAIN) {
    if (!SIMPLE_PLAIN.test(source) || schema.compat) return undefined;
    // As the composer picks a plain scalar's tag: the first default tag whose test matches, else a string.
    const other = schema.tags.some((tag) => tag.default === true && !tag.collection && tag.test?.test(source));
    return other ? undefined : source;
  }
  const quoted = type === Scalar.QUOTE_DOUBLE ? SIMPLE_DOUBLE_QUOTED.exec(source) : type === Scalar.QUOTE_SINGLE ? SIMPLE_SINGLE_QUOTED.exec(source) : null;
  return quoted ? quoted[1] : undefined;
}

/**
 * `root` with the value at `steps` replaced, copying the objects and arrays on the way (the others stay shared:
 * parsed values are never changed in place); undefined when the steps do not lead to a value in plain objects and
 * arrays.
 */
export function withValueAt(root: unknown, steps: ValueStep[], value: unknown): unknown {
  if (steps.length === 0) return value;
  const [step, ...rest] = steps;
  if (typeof step === "number") {
    if (!Array.isArray(root) || step >= root.length) return undefined;
    const child = withValueAt(root[step], rest, value);
    if (child === undefined) return undefined;
    const copy = root.slice();
    copy[step] = child;
    return copy;
  }
  if (root === null || typeof root !== "object" || Array.isArray(root) || Object.getPrototypeOf(root) !== Object.prototype) return undefined;
  const object = root as { [key: string]: unknown };
  if (!Object.prototype.hasOwnProperty.call(object, step)) return undefined;
  const child = withValueAt(object[step], rest, value);
  if (child === undefined) return undefined;
  return { ...object, [step]: child };
}
