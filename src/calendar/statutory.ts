/**
 * The statutory public holidays (全体公民放假的节日) that do not wait for the State Council's
 * yearly notice: 《全国年节及纪念日放假办法》 Art 2, as revised by State Council Decree No. 795
 * (published 2024-11-12, in force 2025-01-01) *(secondary)*, and as it stood from 2014 to 2024.
 *
 * A year without a published schedule (data/calendar/) still has these days off; what the notice
 * adds — the days off in lieu and the weekend make-up working days (调休) — stays unknown, so
 * every date computed over such a year stays `provisional` (regulations.md §0).
 *
 * The lunar dates (除夕, 春节, 端午, 中秋) and Qingming (a solar term) come from lunar-typescript
 * (6tail's lunar calendar, MIT, no dependencies): a hand-made table would need its own source
 * and a yearly update; the library computes them for 1900–2100.
 */
import { Lunar, Solar } from "lunar-typescript";
import type { IsoDate } from "./date.js";

export type StatutoryHoliday =
  | "new_year" // 元旦
  | "spring_festival_eve" // 除夕 (from 2025)
  | "spring_festival" // 春节
  | "qingming" // 清明节
  | "labour_day" // 劳动节
  | "dragon_boat" // 端午节
  | "mid_autumn" // 中秋节
  | "national_day"; // 国庆节

/** The first year the revised measures (Decree No. 795) govern. */
export const REVISED_MEASURES_FROM = 2025;

const iso = (s: Solar): IsoDate => s.toYmd();

/** Every statutory holiday of `year`, by date (a date may carry one name only). */
export function statutoryHolidays(year: number): Map<IsoDate, StatutoryHoliday> {
  const out = new Map<IsoDate, StatutoryHoliday>();
  const revised = year >= REVISED_MEASURES_FROM;
  const y = String(year).padStart(4, "0");
  out.set(`${y}-01-01`, "new_year");
  const newYear = Lunar.fromYmd(year, 1, 1).getSolar(); // 正月初一
  if (revised) out.set(iso(newYear.next(-1)), "spring_festival_eve"); // 除夕: the day before 正月初一
  for (let i = 0; i < 3; i++) out.set(iso(newYear.next(i)), "spring_festival"); // 初一至初三
  const qingming = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()["清明"];
  if (qingming) out.set(iso(qingming), "qingming");
  out.set(`${y}-05-01`, "labour_day");
  if (revised) out.set(`${y}-05-02`, "labour_day");
  out.set(iso(Lunar.fromYmd(year, 5, 5).getSolar()), "dragon_boat");
  out.set(iso(Lunar.fromYmd(year, 8, 15).getSolar()), "mid_autumn");
  for (const d of ["01", "02", "03"]) out.set(`${y}-10-${d}`, "national_day");
  return out;
}
