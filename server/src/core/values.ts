// Small readers of plain dossier data (the toJS value), tolerant of any shape: a half-typed dossier is normal.

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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar date written YYYY-MM-DD, or undefined. */
export function asDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : undefined;
}
