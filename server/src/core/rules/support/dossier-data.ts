// Readers of the dossier data shared by the rules: list items with their paths, dates, labels of enum values.
// Tolerant of any shape (a half-typed dossier is normal); the JSON Schema reports wrong shapes, not the rules.
import type { Level } from "../../edition";
import type { JsonPath, Localized, MessageArgument } from "../../types";
import { asArray, asDate, asObject, asString, PlainObject } from "../../values";
import type { RuleContext } from "../rule";

export interface ListedObject {
  index: number;
  path: JsonPath;
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

/** The existing paths a pattern matches ("*" expanded over the lists present). */
export function pathsMatching(context: RuleContext, pattern: PathPattern): JsonPath[] {
  let paths: JsonPath[] = [[]];
  for (const segment of pattern) {
    if (segment !== "*") {
      paths = paths.map((path) => [...path, segment]);
      continue;
    }
    paths = paths.flatMap((path) => asArray(valueAt(context, path)).map((_item, index) => [...path, index]));
  }
  return paths;
}

/** The items that are mappings of the list(s) at a path pattern, with their paths. */
export function objectsAt(context: RuleContext, pattern: PathPattern): ListedObject[] {
  const listed: ListedObject[] = [];
  for (const path of pathsMatching(context, pattern)) {
    asArray(valueAt(context, path)).forEach((item, index) => {
      const value = asObject(item);
      if (value) listed.push({ index, path: [...path, index], value });
    });
  }
  return listed;
}

/** The strings of the list at a path, with their paths (other items skipped). */
export function stringsAt(context: RuleContext, path: JsonPath): Array<{ index: number; path: JsonPath; value: string }> {
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
