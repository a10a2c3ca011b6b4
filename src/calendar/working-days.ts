/**
 * China's working days (工作日): Monday–Friday, minus the State Council's days off, plus its
 * weekend make-up working days (调休). Counting follows regulations.md §0: "within N working
 * days of X" ends on the Nth working day after X, X not counted.
 */
import { addDays, type IsoDate, weekday, yearOf } from "./date.js";
import { schedules, type YearSchedule } from "./schedule.js";
import { statutoryHolidays } from "./statutory.js";

/**
 * The dates working days are computed for: the statutory holidays of an unpublished year follow
 * the national measures as they stand from 2014 (statutory.ts); the lunar calendar library covers
 * up to 2100.
 */
export const CALENDAR_RANGE = { from: "2014-01-01", to: "2100-12-31" } as const;

/** A date outside CALENDAR_RANGE: an input to correct (exit 2), not a guess to make. */
export class CalendarRangeError extends RangeError {
  override name = "CalendarRangeError";
}

/** A computed date, and whether it relied on a year whose schedule is not published. */
export interface CalendarResult {
  date: IsoDate;
  provisional: boolean;
}

export class Calendar {
  /** Statutory holidays of the unpublished years asked about so far. */
  private readonly statutory = new Map<number, ReadonlyMap<IsoDate, string>>();

  constructor(private readonly years: ReadonlyMap<number, YearSchedule> = schedules()) {}

  isPublished(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(d: IsoDate): boolean {
    for (const y of [yearOf(d), yearOf(d) + 1, yearOf(d) - 1]) {
      const s = this.years.get(y);
      if (!s) continue;
      if (s.makeUpDays.has(d)) return true;
      if (s.offDays.has(d)) return false;
    }
    const wd = weekday(d);
    if (wd === 0 || wd === 6) return false;
    // No notice for this year: its statutory holidays are still days off (the notice's days in
    // lieu and make-up working days are what stays unknown, hence `provisional`).
    return !this.isPublished(yearOf(d)) ? !this.statutoryOf(yearOf(d)).has(d) : true;
  }

  /** The statutory holidays of an unpublished year that fall on it (the published ones are in the schedule). */
  statutoryOf(year: number): ReadonlyMap<IsoDate, string> {
    let m = this.statutory.get(year);
    if (!m) {
      m = statutoryHolidays(year);
      this.statutory.set(year, m);
    }
    return m;
  }

  /** The `n`th working day after `from` (n > 0) or before it (n < 0); `from` is not counted. */
  shiftWorkingDays(from: IsoDate, n: number): CalendarResult {
    if (!Number.isInteger(n) || n === 0) throw new RangeError("shiftWorkingDays: n must be a non-zero whole number");
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    let d = from;
    let provisional = false;
    const outside = (x: IsoDate) => x < CALENDAR_RANGE.from || x > CALENDAR_RANGE.to;
    if (outside(from)) throw new CalendarRangeError(`${from}: working days are known from ${CALENDAR_RANGE.from} to ${CALENDAR_RANGE.to}`);
    while (left > 0) {
      d = addDays(d, step);
      if (outside(d)) {
        throw new CalendarRangeError(
          `${n} working days from ${from} go past ${step > 0 ? CALENDAR_RANGE.to : CALENDAR_RANGE.from}: working days are known from ${CALENDAR_RANGE.from} to ${CALENDAR_RANGE.to}`,
        );
      }
      if (!this.isPublished(yearOf(d))) provisional = true;
      if (this.isWorkingDay(d)) left--;
    }
    return { date: d, provisional };
  }

  /** Working days in (from, to], for reports ("5 working days left"). */
  workingDaysBetween(from: IsoDate, to: IsoDate): CalendarResult & { days: number } {
    let days = 0;
    let provisional = false;
    const step = to >= from ? 1 : -1;
    for (let d = from; d !== to;) {
      d = addDays(d, step);
      if (!this.isPublished(yearOf(d))) provisional = true;
      if (this.isWorkingDay(d)) days += step;
    }
    return { date: to, days, provisional };
  }
}

let shared: Calendar | undefined;
export function defaultCalendar(): Calendar {
  shared ??= new Calendar();
  return shared;
}
