// Readers of the dossier data shared by the rules: list items with their paths, dates, labels of enum values.
// Tolerant of any shape (a half-typed dossier is normal); the JSON Schema reports wrong shapes, not the rules.
import type { Level } from "../../../catalog/edition";
import type { JsonPath, Localized, MessageArgument } from "../../../types";
import { asArray, asDate, asObject, asString, PlainObject } from "../../values";
import type { RuleContext } from "../rule";

export interface ListedObject {
  index: number;
  /** Built when read (findings need it, reading the data does not): keep it if you use it twice. */
  readonly path: JsonPath;
  value: PlainObject;
}

/** The plain value at a path of the dossier, or undefined. */
export function valueAt(context: RuleContext, path: JsonPath): unknown {
  let value: unknown = context.dossier;
  for (const segment of path) {
    if (typeof segment === "number") value = Array.isArray(value) ? value[segment] : undefined;
    else value = asObject(value)?.[segment];
  }
  return value;
}

/** The list at a path when it is a list, else undefined. */
export function listAt(context: RuleContext, path: JsonPath): unknown[] | undefined {
  const value = valueAt(context, path);
  return Array.isArray(value) ? value : undefined;
}

/** A path whose "*" segments stand for every index of the list there: ["personnel", "*", "competence"]. */
export type PathPattern = Array<string | number>;

/** A value of the dossier with its path. */
export interface PathValue {
  readonly path: JsonPath;
  readonly value: unknown;
}

/** Whether two paths are the same. */
function samePath(a: JsonPath, b: JsonPath): boolean {
  if (a.length !== b.length) return false;
  for (let index = a.length - 1; index >= 0; index--) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * The items of a list with their place, and those that are mappings, remembered per list and path: an incremental
 * parse keeps the plain values of unchanged sections and items (their lists included), so the rules — which all
 * ask for the same lists — walk a list once per change of it, not once per rule and validation. Compact, as they
 * live as long as the parsed values: an item's path is built only when asked. Shared: callers must not change them.
 */
class ListEntries {
  private allItems: ListItem[] | undefined;
  readonly objects: ListedObject[] = [];

  constructor(
    readonly list: unknown[],
    readonly path: JsonPath,
  ) {
    for (let index = 0; index < list.length; index++) {
      const object = asObject(list[index]);
      if (object) this.objects.push(new ListItem(this, index, object));
    }
  }

  /** Every item, mappings or not (built when first asked). */
  get items(): readonly PathValue[] {
    return (this.allItems ??= this.list.map((value, index) => new ListItem(this, index, value)));
  }
}

class ListItem<T = unknown> {
  constructor(
    /** The list it is an item of. */
    readonly owner: ListEntries,
    readonly index: number,
    readonly value: T,
  ) {}

  get path(): JsonPath {
    return [...this.owner.path, this.index];
  }
}

/** The value at a key or index of a matched value: its path is built when read, as a list item's is (the rules read
 * the values of every item and the paths of the few they report). */
class ChildValue implements PathValue {
  constructor(
    private readonly parent: PathValue,
    private readonly segment: string | number,
    readonly value: unknown,
  ) {}

  get path(): JsonPath {
    return [...this.parent.path, this.segment];
  }
}

const listEntries = new WeakMap<unknown[], ListEntries>();

function entriesOfList(list: unknown[], path: JsonPath): ListEntries {
  const cached = listEntries.get(list);
  if (cached && samePath(cached.path, path)) return cached;
  const entries = new ListEntries(list, [...path]);
  listEntries.set(list, entries);
  return entries;
}

/** The existing paths a pattern matches ("*" expanded over the lists present), with their values (undefined where a
 * key is absent). Values are carried along the walk: each path is walked once. Shared: do not change the result. */
export function valuesMatching(context: RuleContext, pattern: PathPattern): readonly PathValue[] {
  let matches: readonly PathValue[] = [{ path: [], value: context.dossier }];
  for (const segment of pattern) {
    if (segment === "*") {
      if (matches.length === 1) {
        const only = matches[0];
        matches = Array.isArray(only.value) ? entriesOfList(only.value, only.path).items : [];
        continue;
      }
      const next: PathValue[] = [];
      for (const { path, value } of matches) if (Array.isArray(value)) next.push(...entriesOfList(value, path).items);
      matches = next;
      continue;
    }
    const next: PathValue[] = [];
    for (const parent of matches) {
      const value = parent.value;
      const child =
        typeof segment === "number" ? (Array.isArray(value) ? value[segment] : undefined) : asObject(value)?.[segment];
      next.push(new ChildValue(parent, segment, child));
    }
    matches = next;
  }
  return matches;
}

/** The items that are mappings of the list(s) at a path pattern, with their paths (shared: do not change them). */
export function objectsAt(context: RuleContext, pattern: PathPattern): readonly ListedObject[] {
  const matches = valuesMatching(context, pattern);
  if (matches.length === 1)
    return Array.isArray(matches[0].value) ? entriesOfList(matches[0].value, matches[0].path).objects : [];
  const listed: ListedObject[] = [];
  for (const { path, value } of matches) if (Array.isArray(value)) listed.push(...entriesOfList(value, path).objects);
  return listed;
}

/** The mapping items of the list at `key` of a listed object (shared: do not change them). */
export function objectsIn(parent: ListedObject, key: string): readonly ListedObject[] {
  const list = parent.value[key];
  if (!Array.isArray(list)) return [];
  const cached = listEntries.get(list);
  return cached && isChildPath(cached.path, parent, key)
    ? cached.objects
    : entriesOfList(list, [...parent.path, key]).objects;
}

/** Whether `path` is the path of `key` in a listed object (without building the object's path). */
function isChildPath(path: JsonPath, parent: ListedObject, key: string): boolean {
  if (!(parent instanceof ListItem)) return samePath(path, [...parent.path, key]);
  const listPath = parent.owner.path;
  if (path.length !== listPath.length + 2 || path[path.length - 1] !== key || path[path.length - 2] !== parent.index)
    return false;
  for (let index = 0; index < listPath.length; index++) if (path[index] !== listPath[index]) return false;
  return true;
}

/** The strings of the list at a path, with their paths (other items skipped). */
export function stringsAt(
  context: RuleContext,
  path: JsonPath,
): Array<{ index: number; path: JsonPath; value: string }> {
  const listed: Array<{ index: number; path: JsonPath; value: string }> = [];
  asArray(valueAt(context, path)).forEach((item, index) => {
    if (typeof item === "string") listed.push({ index, path: [...path, index], value: item });
  });
  return listed;
}

/** A valid YYYY-MM-DD date at `key` of an object, or undefined. */
export function dateOf(object: PlainObject, key: string): string | undefined {
  return asDate(object[key]);
}

export function stringOf(object: PlainObject, key: string): string | undefined {
  return asString(object[key]);
}

/** The application date as written, when it is a valid date (asOf is today's date otherwise). */
export function applicationDate(context: RuleContext): string | undefined {
  return asDate(valueAt(context, ["application", "date"]));
}

/** The date the applicant was established, when it is a valid date on or before the application date (a later one is
 * dates.not-after-application's finding, and counting from it would say nothing more). */
export function establishedDate(context: RuleContext): string | undefined {
  const established = asDate(valueAt(context, ["applicant", "established"]));
  return established && established <= context.asOf ? established : undefined;
}

/** Whether someone outside personnel is recorded as having signed a confidentiality agreement (other_signers). */
export function hasOtherSigners(context: RuleContext): boolean {
  return (listAt(context, ["management", "confidentiality", "other_signers"])?.length ?? 0) > 0;
}

/** The category's label in both languages (the id itself for an unknown category). */
export function categoryLabel(context: RuleContext, category: string | undefined): MessageArgument {
  if (category === undefined) return "";
  return context.edition.categories[category]?.label ?? category;
}

export function levelLabel(context: RuleContext, level: Level): Localized {
  return context.edition.levelLabel(level);
}

/** The label of an enum value of the field at a path ("project-lead" → 项目负责人 / Project lead). */
export function enumLabel(context: RuleContext, path: JsonPath, value: string): MessageArgument {
  const node = context.edition.modelAt(path);
  const labels = node ? context.edition.enumOf(node)?.labels : undefined;
  return labels?.[value] ?? value;
}

/** The title of the field at a path in both languages. */
export function fieldTitle(context: RuleContext, path: JsonPath): MessageArgument {
  return context.edition.titleAt(path) ?? String(path.at(-1) ?? "");
}

/** The clause ids the model gives the field at a path, resolved at the dossier's level. */
export function fieldClauses(context: RuleContext, path: JsonPath): string[] {
  for (let depth = path.length; depth >= 0; depth--) {
    const clauses = context.edition.modelAt(path.slice(0, depth))?.clauses;
    if (clauses && clauses.length > 0) return clauses.map((template) => context.clause(template));
  }
  return [];
}

/** How a project, certificate or person is named in messages: its name or number, else its position. */
export function displayName(object: PlainObject, keys: string[], index: number): string {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === "string" && value.length > 0) return value;
  }
  return `#${index + 1}`;
}

/** Whether a value is a well-formed person id (others are the schema's to report). */
export function isPersonId(value: unknown): value is string {
  return typeof value === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}
