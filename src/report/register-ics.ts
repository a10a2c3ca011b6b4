/**
 * The obligations register as an iCalendar file (RFC 5545, written by the `ics` package): one
 * all-day event per dated duty, which Outlook and Apple Calendar import. Event ids are stable, so
 * importing a newer file updates the events instead of doubling them.
 */
import { createEvents, type EventAttributes } from "ics";
import { addDays, type IsoDate } from "../calendar/date.js";
import type { Register } from "../engine/register/index.js";
import { CitationWriter } from "../law/index.js";
import { STATUS_NAMES } from "./register.js";

const day = (d: IsoDate): [number, number, number] => [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];

/** A stable event id: the register item's id, made safe for a UID, under the processor's name. */
function uid(processor: string, id: string): string {
  const safe = (s: string) => Buffer.from(s, "utf8").toString("base64url");
  return `${safe(id)}.${safe(processor)}@xborder`;
}

export function registerToIcs(r: Register): string {
  const lang = r.lang;
  const w = new CitationWriter(lang);
  const events: EventAttributes[] = r.items
    .filter((i): i is typeof i & { due: IsoDate } => i.due !== undefined)
    .map((i) => ({
      uid: uid(r.processor, i.id),
      start: day(i.due),
      end: day(addDays(i.due, 1)),
      title: `[${STATUS_NAMES[i.status][lang]}] ${i.action}`,
      description: [i.trigger, i.condition, w.list(i.basis)].filter(Boolean).join("\n"),
      categories: ["xborder", i.kind],
      status: i.provisional ? "TENTATIVE" : "CONFIRMED",
      busyStatus: "FREE",
      transp: "TRANSPARENT",
      productId: "xborder/obligations",
      calName: `xborder — ${r.processor}`,
    }));
  const { error, value } = createEvents(events, { productId: "xborder/obligations", calName: `xborder — ${r.processor}` });
  if (error || value === null) throw error ?? new Error("ics: no output");
  return value;
}
