/**
 * One entry of the obligations register (xborder obligations): a duty, its due date on the
 * working-day calendar, its status, its citations and the fact that set it off.
 */
import { addDays, type IsoDate } from "../../calendar/date.js";
import { type Bilingual, type Citation, citationOf, type Lang, type Provision, provisionAt } from "../../law/index.js";

export const REGISTER_STATUSES = ["done", "due", "overdue", "upcoming", "provisional"] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

/** A duty with a date within this many days of the as-of date is `due`; later ones are `upcoming`. */
export const DUE_SOON_DAYS = 30;

/** What an item is about and when it falls due: the same in a draft and in the finished item. */
interface ItemPlace {
  /** Unique within the register and stable across runs (the calendar file's event ids). */
  id: string;
  kind: string;
  transfer?: string;
  filing?: number;
  service?: string;
  /** The last day to do it; absent when it is owed now (e.g. before a transfer with no start date) or on an event. */
  due?: IsoDate;
  /** A recurring duty: the cycle, as an ISO 8601 duration (P1Y, P2Y, P6M). */
  recurs?: string;
  /** The date the map records it as done. */
  doneOn?: IsoDate;
}

export interface RegisterItem extends ItemPlace {
  status: RegisterStatus;
  /** The date relies on a year whose holiday schedule is unpublished (regulations.md §0). */
  provisional?: true;
  /** For a duty owed on an event rather than a date: the event. */
  on?: string;
  /** What to do, in one line. */
  action: string;
  /** The fact that set it off. */
  trigger: string;
  /** The legal condition the duty carries, where it has one. */
  condition?: string;
  basis: Citation[];
  /** Some citation comes from a secondary report of the official text (kept marked, as in the law folder). */
  secondary?: true;
}

/** A rule that never became law, shown beside for comparison: its dates, but no status (a draft makes nothing overdue). */
export type NotLawItem = Omit<RegisterItem, "status">;

/** An item as the rules write it: bilingual texts, provisions, and a flag for "done without a date". */
export interface ItemDraft extends ItemPlace {
  provisional?: boolean;
  done?: boolean;
  on?: Bilingual;
  action: Bilingual;
  trigger: Bilingual;
  condition?: Bilingual;
  basis: (Provision | Citation | false | undefined)[];
  /** Overrides the status rule (e.g. an extension window that is open). */
  status?: RegisterStatus;
}

/**
 * done: the map records it; overdue: its date has passed; provisional: its date is a guess;
 * due: owed now, or within DUE_SOON_DAYS; upcoming: later, or owed only on an event.
 */
export function statusOf(d: Pick<ItemDraft, "due" | "done" | "doneOn" | "provisional" | "on">, asOf: IsoDate): RegisterStatus {
  if (d.done || d.doneOn !== undefined) return "done";
  if (d.on !== undefined && d.due === undefined) return "upcoming";
  if (d.due === undefined) return "due";
  if (d.due < asOf) return "overdue";
  if (d.provisional) return "provisional";
  return d.due <= addDays(asOf, DUE_SOON_DAYS) ? "due" : "upcoming";
}

export function finishItem(d: ItemDraft, asOf: IsoDate, lang: Lang): RegisterItem {
  const provisions = d.basis.filter((b): b is Provision | Citation => Boolean(b));
  const basis = provisions.map((b) => ("cite" in b ? citationOf(b) : b));
  const secondary = basis.some((c) => provisionAt(c)?.secondary);
  const item = { id: d.id, kind: d.kind } as RegisterItem;
  if (d.transfer !== undefined) item.transfer = d.transfer;
  if (d.filing !== undefined) item.filing = d.filing;
  if (d.service !== undefined) item.service = d.service;
  if (d.due !== undefined) item.due = d.due;
  if (d.recurs !== undefined) item.recurs = d.recurs;
  item.status = d.status ?? statusOf(d, asOf);
  if (d.provisional) item.provisional = true;
  if (d.doneOn !== undefined) item.doneOn = d.doneOn;
  if (d.on !== undefined) item.on = d.on[lang];
  item.action = d.action[lang];
  item.trigger = d.trigger[lang];
  if (d.condition !== undefined) item.condition = d.condition[lang];
  item.basis = basis;
  if (secondary) item.secondary = true;
  return item;
}
