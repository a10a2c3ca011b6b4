/**
 * Years without a published schedule keep their statutory holidays (regulations.md §0; the
 * national holiday measures as revised in force from 2025-01-01, secondary). Data-driven: every
 * schedule in data/calendar is a check of the computed dates — when 2027.json is added, 2027 is
 * tested against it with no change here.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Calendar, CalendarRangeError } from "../src/calendar/working-days.js";
import { schedules } from "../src/calendar/schedule.js";
import { REVISED_MEASURES_FROM, statutoryHolidays } from "../src/calendar/statutory.js";

const published = [...schedules().values()];

describe("statutory holidays against the State Council's published schedules", () => {
  test("there are published years to check against", () => assert.ok(published.length >= 7));
  for (const s of published) {
    test(`${s.year}: every computed statutory holiday is a day off in the notice`, () => {
      const days = statutoryHolidays(s.year);
      // 13 days from 2025, 11 before; one fewer date when two fall together (2020: Mid-Autumn on 1 October).
      const expected = s.year >= REVISED_MEASURES_FROM ? 13 : 11;
      assert.ok(days.size === expected || (s.year === 2020 && days.size === expected - 1), `${days.size} dates`);
      for (const [date, name] of days) assert.ok(s.offDays.has(date), `${date} (${name}) is not off in ${s.file}`);
    });
  }
  test("named dates a reader can check by hand", () => {
    const d2027 = statutoryHolidays(2027);
    assert.equal(d2027.get("2027-02-05"), "spring_festival_eve");
    assert.equal(d2027.get("2027-02-06"), "spring_festival");
    assert.equal(d2027.get("2027-04-05"), "qingming");
    assert.equal(d2027.get("2027-06-09"), "dragon_boat");
    assert.equal(d2027.get("2027-09-15"), "mid_autumn");
    assert.equal(d2027.get("2027-05-02"), "labour_day");
    assert.equal(statutoryHolidays(2024).get("2024-05-02"), undefined, "1 May only, before the revision");
    assert.equal(statutoryHolidays(2024).get("2024-02-09"), undefined, "Spring Festival eve only from 2025");
  });
});

describe("an unpublished year's working days", () => {
  const cal = new Calendar(new Map(published.filter((s) => s.year <= 2026).map((s) => [s.year, s])));
  test("its statutory weekdays are off, other weekdays work, and results stay provisional", () => {
    assert.equal(cal.isPublished(2027), false);
    assert.equal(cal.isWorkingDay("2027-02-05"), false, "除夕, a Friday");
    assert.equal(cal.isWorkingDay("2027-02-08"), false, "初三, a Monday");
    assert.equal(cal.isWorkingDay("2027-02-09"), true, "初四: only the notice can give it off");
    assert.equal(cal.isWorkingDay("2027-10-01"), false);
    assert.deepEqual(cal.shiftWorkingDays("2027-02-04", 1), { date: "2027-02-09", provisional: true });
    assert.deepEqual(cal.shiftWorkingDays("2027-09-30", 1), { date: "2027-10-04", provisional: true });
  });
});

describe("the calendar's range (statutory holidays known from the 2014 measures; the lunar library to 2100)", () => {
  const cal = new Calendar();
  test("2014-01-01 and 2100-12-31 are in it; a day outside is an input error", () => {
    assert.equal(cal.shiftWorkingDays("2014-01-01", 1).date, "2014-01-02");
    assert.equal(cal.shiftWorkingDays("2014-01-03", -1).date, "2014-01-02");
    assert.throws(() => cal.shiftWorkingDays("2014-01-03", -2), /go past 2014-01-01/);
    assert.throws(() => cal.shiftWorkingDays("2013-12-31", 1), CalendarRangeError);
    assert.throws(() => cal.shiftWorkingDays("2100-12-30", 2), /go past 2100-12-31/);
    assert.doesNotThrow(() => cal.shiftWorkingDays("2100-12-29", 1));
  });
});
