import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addYears, isIsoDate, todayInShanghai, weekday } from "../src/calendar/date.js";
import { ScheduleError, parseSchedule } from "../src/calendar/schedule.js";
import { Calendar } from "../src/calendar/working-days.js";

const cal = new Calendar();

describe("dates", () => {
  test("today in Asia/Shanghai turns at 16:00 UTC (UTC+8, no daylight saving), as the time-zone database says", () => {
    const at = (iso: string) => todayInShanghai(new Date(iso));
    assert.equal(at("2026-11-22T15:59:59.999Z"), "2026-11-22");
    assert.equal(at("2026-11-22T16:00:00.000Z"), "2026-11-23");
    assert.equal(at("2024-12-31T16:00:00.000Z"), "2025-01-01");
    assert.equal(at("2024-02-28T16:30:00.000Z"), "2024-02-29");
    for (const iso of ["2026-06-30T16:00:00Z", "2026-03-08T02:00:00Z", "2026-10-31T23:59:59Z"]) {
      const zone = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
      assert.equal(at(iso), zone.format(new Date(iso)), iso);
    }
  });
  test("only real dates are ISO dates", () => {
    assert.ok(isIsoDate("2024-02-29"));
    assert.ok(!isIsoDate("2023-02-29"));
    assert.ok(!isIsoDate("2024-13-01"));
    assert.ok(!isIsoDate("2024-1-01"));
  });
  test("weekday", () => {
    assert.equal(weekday("2026-11-22"), 0); // a Sunday
    assert.equal(weekday("2024-09-27"), 5);
  });
  test("valid N years: same month and day; 29 Feb falls back to 28 Feb", () => {
    assert.equal(addYears("2024-05-10", 3), "2027-05-10");
    assert.equal(addYears("2024-02-29", 3), "2027-02-28");
    assert.equal(addYears("2024-02-29", 4), "2028-02-29");
  });
});

describe("working days (State Council schedules)", () => {
  test("weekend make-up days are working days; holiday weekdays are not", () => {
    assert.equal(cal.isWorkingDay("2024-02-04"), true); // Sunday, Spring Festival make-up
    assert.equal(cal.isWorkingDay("2024-02-12"), false); // Monday, Spring Festival
    assert.equal(cal.isWorkingDay("2026-10-10"), true); // Saturday, National Day make-up
    assert.equal(cal.isWorkingDay("2026-10-05"), false); // Monday, National Day
    assert.equal(cal.isWorkingDay("2026-11-21"), false); // ordinary Saturday
    assert.equal(cal.isWorkingDay("2026-11-23"), true); // ordinary Monday
  });

  test("the contract's example: 10 working days after 2024-09-27 is 2024-10-16", () => {
    assert.deepEqual(cal.shiftWorkingDays("2024-09-27", 10), { date: "2024-10-16", provisional: false });
  });

  test("across Spring Festival 2024 with both make-up Sundays", () => {
    // 2/9 (除夕, a working day), 2/10–17 off, 2/18 (Sun) make-up, then 2/19…
    assert.equal(cal.shiftWorkingDays("2024-02-08", 10).date, "2024-02-28");
    assert.equal(cal.shiftWorkingDays("2024-02-08", 2).date, "2024-02-18");
  });

  test("the start day is not counted, even when it is a working day", () => {
    assert.equal(cal.shiftWorkingDays("2026-11-23", 1).date, "2026-11-24");
    assert.equal(cal.shiftWorkingDays("2026-11-21", 1).date, "2026-11-23");
  });

  test("counting backwards: the 60th working day before expiry", () => {
    const r = cal.shiftWorkingDays("2026-12-31", -60);
    assert.equal(r.provisional, false);
    assert.equal(cal.workingDaysBetween(r.date, "2026-12-31").days, 60);
  });

  test("a date that crosses into an unpublished year is provisional", () => {
    const r = cal.shiftWorkingDays("2026-12-18", 10);
    // 2027's notice is not out: New Year's Day (a Friday) is still a statutory day off, then the weekend.
    assert.equal(r.date, "2027-01-04");
    assert.equal(r.provisional, true);
    assert.equal(cal.shiftWorkingDays("2026-12-01", 10).provisional, false);
  });
});

describe("schedule files", () => {
  test("errors name the file and the entry", () => {
    assert.throws(
      () => parseSchedule(JSON.stringify({ year: 2027, days: [{ date: "2027-02-30", isOffDay: true }] }), "2027.json"),
      (e: Error) => e instanceof ScheduleError && e.message === "2027.json: days[0].date: expected a date YYYY-MM-DD",
    );
    assert.throws(
      () =>
        parseSchedule(
          JSON.stringify({
            year: 2027,
            days: [
              { date: "2027-01-01", isOffDay: true },
              { date: "2027-01-01", isOffDay: true },
            ],
          }),
          "2027.json",
        ),
      /2027\.json: days\[1\]\.date: 2027-01-01 is listed twice/,
    );
    assert.throws(() => parseSchedule("{", "x.json"), /x\.json: not valid JSON/);
  });

  test("a schedule in XBORDER_CALENDAR_DIR makes its year published", () => {
    const s = parseSchedule(
      JSON.stringify({ year: 2027, papers: ["notice"], days: [{ date: "2027-01-01", isOffDay: true }] }),
      "2027.json",
    );
    const withNext = new Calendar(new Map([[2027, s]]));
    assert.equal(withNext.isWorkingDay("2027-01-01"), false);
    assert.deepEqual(withNext.shiftWorkingDays("2026-12-31", 1), { date: "2027-01-04", provisional: false });
  });
});
