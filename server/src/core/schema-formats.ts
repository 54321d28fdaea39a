// The string formats of the generated shape validator (schemas/generated/*/validate-shape.ts imports this module):
// ajv-formats' "full" formats, except `date`, which the validator asks of every date of every item on every
// validation — read here character by character instead of through a regular expression and its match array,
// with the same answers (test/unit/schema-formats.test.ts compares the two).
import type { FormatDefinition } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats";
import { digitsAt } from "./values";

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 full-date (YYYY-MM-DD, a real calendar day), as ajv-formats' `date`. */
export function isFullDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month]);
}

// ajv-formats defines `date` as { validate, compare }; the generated code calls `.validate`.
export const formats = { ...fullFormats, date: { ...(fullFormats.date as FormatDefinition<string>), validate: isFullDate } };
