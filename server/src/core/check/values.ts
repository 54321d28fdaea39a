// Small readers of plain dossier data (the toJS value), tolerant of any shape: a half-typed dossier is normal.
import { isIsoDate } from "./calendar";

export type PlainObject = { [key: string]: unknown };

export function asObject(value: unknown): PlainObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as PlainObject) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value when it is a date written YYYY-MM-DD that exists (calendar.ts isIsoDate), or undefined. */
export function asDate(value: unknown): string | undefined {
  return typeof value === "string" && isIsoDate(value) ? value : undefined;
}
