// The dossier's shape checked in parts (the generated validators, schemas/generated/*/validate-shape.ts): the long
// lists of mappings whose items no other value constrains (people, projects) item by item, and everything else
// at once. Together they give the errors one validator of the whole shape gives (a test compares them), with
// instance and schema paths as from the root. Imports only ajv's types.
import type { ErrorObject } from "ajv";

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** A list checked item by item: the keys to it from the root, its items' schema path, and their validator. */
export interface ShapeList {
  path: string[];
  schemaPath: string;
  validate: GeneratedValidator;
}

export interface ShapeParts {
  /** The shape with the lists' items left unchecked. */
  outer: GeneratedValidator;
  lists: ShapeList[];
}

const NO_ERRORS: readonly ErrorObject[] = Object.freeze([]);

function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The value at `path` when every step is a property of an object (where the schema's `properties` apply). */
function listAt(value: unknown, path: string[]): unknown[] | undefined {
  let node = value;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return Array.isArray(node) ? node : undefined;
}

export class ShapeValidator {
  constructor(private readonly parts: ShapeParts) {}

  /** The errors of `value` against the whole shape: those outside the lists first, then the lists' items'. */
  errors(value: unknown): ErrorObject[] {
    const outer = this.parts.outer;
    const errors: ErrorObject[] = outer(value) ? [] : [...(outer.errors ?? [])];
    this.parts.lists.forEach((list) => {
      const items = listAt(value, list.path);
      if (!items) return;
      const listPointer = "/" + list.path.map((key) => key.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
      for (let item = 0; item < items.length; item++) {
        const itemErrors = list.validate(items[item]) ? NO_ERRORS : (list.validate.errors ?? []);
        for (const error of itemErrors) {
          errors.push({
            ...error,
            instancePath: `${listPointer}/${item}${error.instancePath}`,
            schemaPath: list.schemaPath + error.schemaPath.slice(1),
          });
        }
      }
    });
    return errors;
  }

  /** The parts as one validator of the whole shape. */
  readonly validate: GeneratedValidator = Object.assign(
    (value: unknown): boolean => {
      const errors = this.errors(value);
      this.validate.errors = errors.length > 0 ? errors : null;
      return errors.length === 0;
    },
    { errors: null as ErrorObject[] | null },
  );
}

const validators = new WeakMap<ShapeParts, ShapeValidator>();

/** The validator of an edition's shape parts (`edition.shapeParts`), made once, with items' errors remembered. */
export function shapeValidator(parts: ShapeParts): ShapeValidator {
  let validator = validators.get(parts);
  if (!validator) validators.set(parts, (validator = new ShapeValidator(parts)));
  return validator;
}
