// Calendar arithmetic on ISO dates (YYYY-MM-DD) for the time windows of the requirement rules, and the one reading of
// a date (isIsoDate). Pure: imports nothing.
// Convention: adding months or years keeps the day of the month and clamps it to the target month's last day —
// 2025-01-31 + 1 month = 2025-02-28, 2024-02-29 + 1 year = 2025-02-28 (as java.time and date-fns do). No 365-day years.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month];
}

/** The number written by the ASCII digits of `text` from `start` to `end`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let number = 0;
  for (let index = start; index < end; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * Whether the text is a date written YYYY-MM-DD that exists (RFC 3339 full-date: years 0000–9999 of the Gregorian
 * calendar). The one reading of a date: the schema's `date` format, the rules' dates (values.ts asDate) and the
 * command line's date options all ask this. Read character by character, without a regular expression: it is
 * asked of every date of every item on every validation.
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The date written YYYY-MM-DD, or undefined when the text is not a real calendar date (isIsoDate). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  if (!isIsoDate(text)) return undefined;
  return { year: digitsAt(text, 0, 4), month: digitsAt(text, 5, 7), day: digitsAt(text, 8, 10) };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (value: number, width: number): string => String(value).padStart(width, "0");
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function requireDate(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`not a calendar date: ${text}`);
  return date;
}

/** `isoDate` plus `months` calendar months (negative to go back), the day clamped to the target month's length. */
export function addMonths(isoDate: string, months: number): string {
  const start = requireDate(isoDate);
  const monthIndex = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return formatIsoDate({ year, month, day: Math.min(start.day, daysInMonth(year, month)) });
}

/** `isoDate` plus `years` calendar years: the same as adding 12 × years months (29 February → 28 February). */
export function addYears(isoDate: string, years: number): string {
  return addMonths(isoDate, years * 12);
}

/** Negative, zero or positive as `a` is before, on or after `b` (both valid ISO dates). */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The number of whole calendar months from `start` to `end`: the largest n with start + n months ≤ end (0 when end < start). */
export function wholeMonthsBetween(start: string, end: string): number {
  if (compareIsoDates(end, start) < 0) return 0;
  const from = requireDate(start);
  const to = requireDate(end);
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  while (months > 0 && compareIsoDates(addMonths(start, months), end) > 0) months--;
  return months;
}
