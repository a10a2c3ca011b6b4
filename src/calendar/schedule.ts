/**
 * The State Council's public-holiday schedules as data (data/calendar/YYYY.json, holiday-cn
 * format), loaded once. A year without a file is "unpublished": it is computed with weekends
 * only and anything that depends on it is marked provisional.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packageFile } from "../paths.js";
import { type IsoDate, isIsoDate, yearOf } from "./date.js";

export interface YearSchedule {
  year: number;
  /** Days the notice gives off (incl. weekdays inside a holiday). */
  offDays: ReadonlySet<IsoDate>;
  /** Weekend days the notice makes working days (调休上班). */
  makeUpDays: ReadonlySet<IsoDate>;
  papers: readonly string[];
  file: string;
}

export class ScheduleError extends Error {}

interface RawDay {
  name?: unknown;
  date?: unknown;
  isOffDay?: unknown;
}

/** Parse and check one schedule file; errors name the file and the entry. */
export function parseSchedule(text: string, file: string): YearSchedule {
  let raw: { year?: unknown; papers?: unknown; days?: unknown };
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ScheduleError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw.year !== "number" || !Number.isInteger(raw.year)) {
    throw new ScheduleError(`${file}: year: expected a whole number`);
  }
  if (!Array.isArray(raw.days)) throw new ScheduleError(`${file}: days: expected a list`);
  const year = raw.year;
  const offDays = new Set<IsoDate>();
  const makeUpDays = new Set<IsoDate>();
  (raw.days as RawDay[]).forEach((day, i) => {
    const where = `${file}: days[${i}]`;
    if (!isIsoDate(day.date)) throw new ScheduleError(`${where}.date: expected a date YYYY-MM-DD`);
    if (typeof day.isOffDay !== "boolean") throw new ScheduleError(`${where}.isOffDay: expected true or false`);
    // A notice can reach into the next or previous year (e.g. a New Year make-up day).
    if (Math.abs(yearOf(day.date) - year) > 1) throw new ScheduleError(`${where}.date: ${day.date} is not near ${year}`);
    if (offDays.has(day.date) || makeUpDays.has(day.date)) throw new ScheduleError(`${where}.date: ${day.date} is listed twice`);
    if (!day.isOffDay) {
      // Normally a weekend day; 2020-02-03 (a Monday after the extended Spring Festival) is listed too.
      makeUpDays.add(day.date);
    } else {
      offDays.add(day.date);
    }
  });
  const papers = Array.isArray(raw.papers) ? raw.papers.filter((p): p is string => typeof p === "string") : [];
  return { year, offDays, makeUpDays, papers, file };
}

/** The package's data/calendar. */
export const BUNDLED_CALENDAR_DIR = packageFile("data", "calendar");

function loadDir(dir: string, into: Map<number, YearSchedule>): void {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort();
  for (const f of files) {
    const path = join(dir, f);
    const s = parseSchedule(readFileSync(path, "utf8"), path);
    into.set(s.year, s);
  }
}

let cache: Map<number, YearSchedule> | undefined;

/** All schedules: the bundled ones, then any in $XBORDER_CALENDAR_DIR (which win). */
export function schedules(): ReadonlyMap<number, YearSchedule> {
  if (!cache) {
    const m = new Map<number, YearSchedule>();
    loadDir(BUNDLED_CALENDAR_DIR, m);
    const extra = process.env.XBORDER_CALENDAR_DIR;
    if (extra) loadDir(extra, m);
    cache = m;
  }
  return cache;
}

/** For tests and `calendar check`: forget what was loaded. */
export function resetSchedules(): void {
  cache = undefined;
}
