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
import type { DataMap } from "../src/engine/datamap.js";
import { assess } from "../src/engine/assess.js";
import { mapOf } from "./helpers.js";

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

/**
 * regulations.md §0 as amended on 2026-12-07: a year whose schedule is unpublished skips weekends
 * and the statutory holidays of 《全国年节及纪念日放假办法》 Art 2 (Decree No. 795), and every result
 * over it is provisional. The published years are cut at 2026 so that adding 2027.json (with its
 * days in lieu) does not change what these tests are about.
 */
describe("working days in unpublished years: statutory holidays skipped, results provisional (regulations.md §0; 放假办法 Art 2)", () => {
  const cal = new Calendar(new Map(published.filter((s) => s.year <= 2026).map((s) => [s.year, s])));
  test("the 60th working day before 2027-09-30 is 2027-07-07: Mid-Autumn (2027-09-15, a Wednesday) is skipped", () => {
    assert.deepEqual(cal.shiftWorkingDays("2027-09-30", -60), { date: "2027-07-07", provisional: true });
    assert.deepEqual(cal.shiftWorkingDays("2027-09-30", -59), { date: "2027-07-08", provisional: true }, "one fewer: the next day");
    assert.equal(cal.isWorkingDay("2027-09-15"), false);
  });
  test("the 60th working day before 2031-02-28 is 2030-12-02, across New Year and Spring Festival eve to day 3 (2031-01-01, 01-22 to 01-24 on weekdays)", () => {
    assert.deepEqual(cal.shiftWorkingDays("2031-02-28", -60), { date: "2030-12-02", provisional: true });
    for (const d of ["2031-01-01", "2031-01-22", "2031-01-23", "2031-01-24"]) assert.equal(cal.isWorkingDay(d), false, d);
    assert.equal(cal.isWorkingDay("2031-01-27"), true, "初五, a Monday: only the notice could give it off");
  });
  test("across a year end: 10 working days after 2026-12-24 (published) end on 2027-01-08, 2027-01-01 skipped, provisional", () => {
    assert.deepEqual(cal.shiftWorkingDays("2026-12-24", 10), { date: "2027-01-08", provisional: true });
    assert.deepEqual(cal.shiftWorkingDays("2026-12-24", 4), { date: "2026-12-30", provisional: false }, "within the published year: firm");
  });
  test("Spring Festival 2028 (eve 01-25 to day 3 01-28): 10 working days after 2028-01-20 end on 2028-02-09", () => {
    assert.deepEqual(cal.shiftWorkingDays("2028-01-20", 10), { date: "2028-02-09", provisional: true });
  });
  test("the engine's dates use it: a result issued 2024-09-30 expires 2027-09-30; its extension window (CBDF-2024 Art 9) opens 2027-07-07, provisional", () => {
    const map = mapOf({}, [{ id: "geo", general: 0, dataset: { personalInformation: false, importantData: true } }], {
      filings: [{ type: "security_assessment", transfer: "geo", resultDate: "2024-09-30" }],
    } as Partial<DataMap>);
    const d = assess(map, { asOf: "2026-06-30", calendar: cal }).deadlines;
    const at = (kind: string) => d.find((x) => x.kind === kind);
    assert.equal(at("assessment_expires")?.date, "2027-09-30");
    assert.deepEqual([at("extension_window_opens")?.date, at("extension_window_opens")?.provisional], ["2027-07-07", true]);
  });
});
