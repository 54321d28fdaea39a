// Calendar arithmetic of the time windows: month ends clamp, leap days, whole months between two dates.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addMonths,
  addYears,
  compareIsoDates,
  daysInMonth,
  parseIsoDate,
  wholeMonthsBetween,
} from "../../server/src/core/check/calendar";

test("adding months keeps the day and clamps it to the end of a shorter month", () => {
  assert.equal(addMonths("2025-01-15", 1), "2025-02-15");
  assert.equal(addMonths("2025-01-31", 1), "2025-02-28");
  assert.equal(addMonths("2024-01-31", 1), "2024-02-29");
  assert.equal(addMonths("2025-08-31", 6), "2026-02-28");
  assert.equal(addMonths("2025-03-31", 1), "2025-04-30");
  assert.equal(addMonths("2025-12-31", 2), "2026-02-28");
  assert.equal(
    addMonths("2025-01-31", 2),
    "2025-03-31",
    "clamping happens once, from the start date, not month by month",
  );
});

test("adding years is adding 12 months: 29 February becomes 28 February in a common year", () => {
  assert.equal(addYears("2024-02-29", 1), "2025-02-28");
  assert.equal(addYears("2024-02-29", 4), "2028-02-29");
  assert.equal(addYears("2023-06-15", 3), "2026-06-15");
  assert.equal(addYears("2028-02-29", -3), "2025-02-28");
});

test("negative months and years go back, across year boundaries", () => {
  assert.equal(addMonths("2026-01-15", -1), "2025-12-15");
  assert.equal(addMonths("2026-03-31", -1), "2026-02-28");
  assert.equal(addYears("2026-06-15", -3), "2023-06-15");
  assert.equal(addMonths("2026-06-15", -36), "2023-06-15");
});

test("whole months between two dates follow the same clamping", () => {
  assert.equal(wholeMonthsBetween("2025-12-15", "2026-06-15"), 6);
  assert.equal(wholeMonthsBetween("2025-12-16", "2026-06-15"), 5);
  assert.equal(wholeMonthsBetween("2025-08-31", "2026-02-28"), 6);
  assert.equal(wholeMonthsBetween("2025-08-31", "2026-02-27"), 5);
  assert.equal(wholeMonthsBetween("2023-06-15", "2026-06-15"), 36);
  assert.equal(wholeMonthsBetween("2026-06-15", "2026-06-15"), 0);
  assert.equal(wholeMonthsBetween("2026-06-16", "2026-06-15"), 0);
});

test("only real calendar dates are parsed; comparison is chronological", () => {
  assert.deepEqual(parseIsoDate("2024-02-29"), { year: 2024, month: 2, day: 29 });
  assert.equal(parseIsoDate("2025-02-29"), undefined);
  assert.equal(parseIsoDate("2025-13-01"), undefined);
  assert.equal(parseIsoDate("2025-1-01"), undefined);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
  assert.throws(() => addMonths("2025-02-30", 1), RangeError);
  assert.ok(compareIsoDates("2025-12-31", "2026-01-01") < 0);
  assert.equal(compareIsoDates("2026-01-01", "2026-01-01"), 0);
});
