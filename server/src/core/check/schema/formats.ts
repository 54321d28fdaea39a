// The string formats of the generated shape validator (schemas/generated/*/validate-shape.ts imports this module):
// ajv-formats' "full" formats, except `date`, which the validator asks of every date of every item on every
// validation — calendar.ts's isIsoDate, read character by character instead of through a regular expression and
// its match array, with the same answers as ajv-formats' (test/unit/schema-formats.test.ts compares the two).
import type { FormatDefinition } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats";
import { isIsoDate } from "../calendar";

// ajv-formats defines `date` as { validate, compare }; the generated code calls `.validate`.
export const formats = {
  ...fullFormats,
  date: { ...(fullFormats.date as FormatDefinition<string>), validate: isIsoDate },
};
