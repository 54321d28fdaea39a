// Calendar arithmetic on ISO dates (YYYY-MM-DD) for the time windows of the requirement rules. Pure: imports nothing.
// Convention: adding months or years keeps the day of the month and clamps it to the target month's last day —
// 2025-01-31 + 1 month = 2025-02-28, 2024-02-29 + 1 year = 2025-02-28 (as java.time and date-fns do). No 365-day years.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The date written YYYY-MM-DD, or undefined when the text is not a real calendar date. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
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
