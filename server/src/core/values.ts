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
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A valid calendar date written YYYY-MM-DD, or undefined (years 0000–0099 too: Date.UTC read them as 19xx). */
export function asDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]) ? value : undefined;
}
