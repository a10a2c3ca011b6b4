import { readFileSync } from "node:fs";
import { isIsoDate, weekday } from "../calendar/date.js";
import { parseSchedule } from "../calendar/schedule.js";
import { defaultCalendar } from "../calendar/working-days.js";
import { InputError } from "../engine/load.js";
import { EXIT, UsageError } from "./errors.js";

export function runCalendarCheck(file: string, out: (s: string) => void): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const s = parseSchedule(text, file);
  let working = 0;
  for (let d = new Date(Date.UTC(s.year, 0, 1)); d.getUTCFullYear() === s.year; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const wd = weekday(iso);
    const isWorking = s.makeUpDays.has(iso) || (!s.offDays.has(iso) && wd !== 0 && wd !== 6);
    if (isWorking) working++;
  }
  out(
    `${file}: ${s.year}: ${s.offDays.size} days off, ${s.makeUpDays.size} make-up working days, ${working} working days; source ${s.papers.join(", ") || "(none given)"}\n`,
  );
  return EXIT.ok;
}

/** About 80 years of working days: more is a typo, not a deadline. */
export const MAX_WORKING_DAYS = 20_000;

export function runAddWorkingDays(date: string, n: string, out: (s: string) => void): number {
  if (!isIsoDate(date)) throw new UsageError(`date: expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const k = Number(n);
  if (!Number.isInteger(k) || k === 0 || Math.abs(k) > MAX_WORKING_DAYS) {
    throw new UsageError(`n: expected a non-zero whole number from -${MAX_WORKING_DAYS} to ${MAX_WORKING_DAYS}, got ${JSON.stringify(n)}`);
  }
  const r = defaultCalendar().shiftWorkingDays(date, k);
  out(`${r.date}${r.provisional ? " (provisional)" : ""}\n`);
  return EXIT.ok;
}
