// The generated validator's `date` format (calendar.ts isIsoDate, through server/src/core/check/schema/formats.ts) answers
// as ajv-formats' own does, on every day of several years (leap years, 1900, 2000), impossible days and malformed
// strings. Not timed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fullFormats } from "ajv-formats/dist/formats";
import type { FormatDefinition } from "ajv";
import { isIsoDate } from "../../server/src/core/check/calendar";
import { formats } from "../../server/src/core/check/schema/formats";
import { defaultEdition } from "../../server/src/core/catalog/edition";

const reference = (fullFormats.date as FormatDefinition<string>).validate as (text: string) => boolean;

test("isIsoDate gives ajv-formats' answers", () => {
  const samples = [
    "2024-02-29",
    "2023-02-29",
    "2000-02-29",
    "1900-02-29",
    "0000-02-29",
    "0000-01-01",
    "9999-12-31",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-1-01",
    "20260101",
    "2026/01/01",
    "２０２６-01-01",
    "2026-01-01 ",
    " 2026-01-01",
    "2026-01-01\n",
    "+026-01-01",
    "-026-01-01",
    "2026-0a-01",
    "2026--1-01",
    "",
    "2026-01-00",
    "2026-01-32",
    "2026-01-01T00:00:00Z",
    "2026-01-0１",
    "2026-01-1/",
  ];
  for (const year of [1900, 1999, 2000, 2023, 2024, 2100]) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++)
        samples.push(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
    }
  }
  for (const sample of samples) assert.equal(isIsoDate(sample), reference(sample), sample);
});

test("the generated validator uses these formats: a wrong day is a format finding, a right one is not", () => {
  assert.equal((formats.date as FormatDefinition<string>).validate, isIsoDate);
  const validate = defaultEdition().validateShape;
  const errorsFor = (date: string) => {
    validate({ application: { date } });
    return (validate.errors ?? [])
      .filter((error) => error.instancePath === "/application/date")
      .map((error) => error.keyword);
  };
  assert.deepEqual(errorsFor("2023-02-29"), ["format"]);
  assert.deepEqual(errorsFor("2024-02-29"), []);
});
