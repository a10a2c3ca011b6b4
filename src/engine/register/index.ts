/**
 * The obligations register (xborder obligations): every duty the processor owes, one-off and
 * recurring, each with its due date on the working-day calendar, its status, its citations and
 * the fact that set it off. Pure: a data map, a date (and optionally ledger counts and an earlier
 * map) in, plain data out; the CLI, the ICS writer and `status` all read this.
 */
import type { IsoDate } from "../../calendar/date.js";
import { type Calendar, defaultCalendar } from "../../calendar/working-days.js";
import type { Lang } from "../../law/index.js";
import { assess } from "../assess.js";
import type { DataMap } from "../datamap.js";
import { diffMaps } from "../diff.js";
import type { Counts } from "../types.js";
import { finishItem, type ItemDraft, type NotLawItem, type RegisterItem } from "./item.js";
import { auditItems, dataSecurityItems, incidentItems, officerItems } from "./processor.js";
import { serviceItems } from "./services.js";
import { changeItems, deadlineItems, diffItems, transferItems } from "./transfers.js";

export { DUE_SOON_DAYS, type NotLawItem, REGISTER_STATUSES, type RegisterItem, type RegisterStatus } from "./item.js";

export interface Register {
  asOf: IsoDate;
  /** The language of the texts (actions, triggers, conditions). */
  lang: Lang;
  processor: string;
  /** Every duty: dated ones by date, then those owed now, then those owed on an event. */
  items: RegisterItem[];
  /** Rules that never became law, shown beside for comparison (the 2023 draft audit measures): dates without a status. */
  notLaw: NotLawItem[];
}

export interface RegisterOptions {
  asOf: IsoDate;
  lang?: Lang;
  calendar?: Calendar;
  /** The ledger's de-duplicated counts (as for assess). */
  ledger?: { cumulative: Counts; transfers: Record<string, Counts> };
  /** An earlier version of the map: what changed since sets off redo duties (as `xborder diff`). */
  changedFrom?: DataMap;
}

/** Dated duties by date, then those owed now without a date, then those owed on an event; ties by id. */
const rank = (i: RegisterItem) => (i.due !== undefined ? 0 : i.on === undefined ? 1 : 2);
const ORDER = (a: RegisterItem, b: RegisterItem) =>
  rank(a) - rank(b) || (a.due ?? "").localeCompare(b.due ?? "") || a.id.localeCompare(b.id);

export function buildRegister(map: DataMap, opts: RegisterOptions): Register {
  const lang = opts.lang ?? "en";
  const calendar = opts.calendar ?? defaultCalendar();
  const { asOf } = opts;
  const a = assess(map, { asOf, lang, calendar, ledger: opts.ledger });
  const audits = auditItems(map, asOf);
  const drafts: ItemDraft[] = [
    ...transferItems(map, a),
    ...deadlineItems(map, a.deadlines, asOf),
    ...changeItems(map),
    ...(opts.changedFrom ? diffItems(diffMaps(opts.changedFrom, map, { asOf, lang })) : []),
    ...audits.items,
    ...officerItems(map, asOf, calendar),
    ...dataSecurityItems(map, asOf),
    ...serviceItems(map.services, calendar),
    ...incidentItems(map, asOf),
  ];
  const finish = (list: ItemDraft[]) =>
    list
      .map((d) => finishItem(d, asOf, lang))
      .filter((i) => i.basis.length > 0)
      .sort(ORDER);
  const notLaw = finish(audits.drafts).map(({ status: _, ...rest }): NotLawItem => rest);
  return { asOf, lang, processor: map.processor.name, items: finish(drafts), notLaw };
}

/** The next `n` duties still to do, soonest first (overdue ones first; those owed on an event left out): `xborder status` shows them. */
export function nextItems(r: Register, n = 3): RegisterItem[] {
  return r.items.filter((i) => i.status !== "done" && i.on === undefined).slice(0, n);
}
