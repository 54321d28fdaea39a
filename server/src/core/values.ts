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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits of `value` from `start` to `end`, or -1 when one is not a digit. */
export function digitsAt(value: string, start: number, end: number): number {
  let number = 0;
  for (let index = start; index < end; index++) {
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/** A valid calendar date written YYYY-MM-DD, or undefined (years 0000–0099 too: Date.UTC read them as 19xx).
 * Read character by character: the rules ask this of every date of every item on every validation. */
export function asDate(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]) ? value : undefined;
}
