/**
 * Plain calendar dates (no time, no zone) as ISO strings `YYYY-MM-DD`, with arithmetic on
 * day numbers. Everything in the engine uses these; nothing reads the clock but the CLI.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
};

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (years from 0100). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== "string") return false;
  if (s.length === 10 && s[4] === "-" && s[7] === "-") {
    // The common case without a regex or a Date: every ledger event goes through here.
    const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
    const mo = digit(s, 5) * 10 + digit(s, 6);
    const d = digit(s, 8) * 10 + digit(s, 9);
    if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > DAYS[mo]!) return false;
    return mo !== 2 || d !== 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
  }
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01. */
export function toDayNumber(d: IsoDate): number {
  const m = ISO.exec(d);
  if (!m) throw new RangeError(`not an ISO date: ${d}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

export function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

/**
 * "Valid N years from D": the last valid day is the same month and day N years later;
 * 29 February falls back to 28 February (regulations.md §0, Civil Code Arts 201–202).
 */
export function addYears(d: IsoDate, n: number): IsoDate {
  const y = yearOf(d) + n;
  const md = d.slice(5);
  const candidate = `${String(y).padStart(4, "0")}-${md}`;
  return isIsoDate(candidate) ? candidate : `${String(y).padStart(4, "0")}-02-28`;
}

/** The same day N months later; a day the month lacks falls back to its last day (Civil Code Art 202). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const m0 = yearOf(d) * 12 + Number(d.slice(5, 7)) - 1 + n;
  const y = Math.floor(m0 / 12);
  const m = (m0 % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = Math.min(Number(d.slice(8, 10)), last);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 1 January of the year of `d`, plus `yearsBack` years earlier. */
export function startOfYear(d: IsoDate, yearsBack = 0): IsoDate {
  return `${String(yearOf(d) - yearsBack).padStart(4, "0")}-01-01`;
}

/**
 * Today in Asia/Shanghai: the default `asOf` (the only place the clock is read). China Standard
 * Time is UTC+8 with no daylight saving since 1991, so this is arithmetic, not a time-zone
 * lookup (which costs ~20 ms of ICU start-up on every command).
 */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
