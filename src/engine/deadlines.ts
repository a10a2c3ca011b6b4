/**
 * Deadlines from filings (contracts §3), on China's working-day calendar.
 * - standard contracts (national: SCM-2023 Art 7; GBA: guideline Art 7): the 10th working day
 *   after the contract takes effect, the start day not counted;
 * - security assessments: valid 2 years (SAM-2022 Art 14, results issued before 2024-03-22)
 *   or 3 years (CBDF-2024 Art 9); extension window opens on the 60th working day before expiry.
 */
import { addYears, type IsoDate } from "../calendar/date.js";
import { type Calendar, defaultCalendar } from "../calendar/working-days.js";
import { CBDF_2024, citationOf, GBA_HK_2023, GBA_MO_2024, inForceOn, type Provision, SAM_2022, SCM_2023 } from "../law/index.js";
import type { DataMap } from "./datamap.js";
import type { Deadline, DeadlineKind } from "./types.js";

/** Working days to file a standard contract (SCM-2023 Art 7; GBA-MO-2024 Art 7). */
export const FILING_WORKING_DAYS = 10;
/** Working days before expiry when an extension may be applied for (CBDF-2024 Art 9). */
export const EXTENSION_WORKING_DAYS = 60;

export function deadlinesFor(map: DataMap, asOf: IsoDate, calendar: Calendar = defaultCalendar()): Deadline[] {
  const out: Deadline[] = [];
  map.filings.forEach((f, i) => {
    const add = (kind: DeadlineKind, date: IsoDate, basis: Provision, provisional: boolean) => {
      const d: Deadline = {
        filing: i,
        transfer: f.transfer,
        kind,
        date,
        basis: [citationOf(basis)],
        status: date < asOf ? "passed" : "upcoming",
      };
      if (provisional) d.provisional = true;
      out.push(d);
    };
    if (f.type === "standard_contract" || f.type === "gba_standard_contract") {
      const effective = f.effectiveDate as IsoDate;
      const due = calendar.shiftWorkingDays(effective, FILING_WORKING_DAYS);
      add(
        "filing_due",
        due.date,
        f.type === "standard_contract" ? SCM_2023.provisions.art7 : gbaFilingBasis(map, f.transfer),
        due.provisional,
      );
      return;
    }
    const issued = f.resultDate as IsoDate;
    const underCbdf = inForceOn(CBDF_2024, issued);
    const expires = addYears(issued, underCbdf ? 3 : 2);
    add("assessment_expires", expires, underCbdf ? CBDF_2024.provisions.art9 : SAM_2022.provisions.art14, false);
    const before = calendar.shiftWorkingDays(expires, -EXTENSION_WORKING_DAYS);
    if (inForceOn(CBDF_2024, asOf)) {
      add("extension_window_opens", before.date, CBDF_2024.provisions.art9, before.provisional);
    } else {
      add("reapplication_due", before.date, SAM_2022.provisions.art14, before.provisional);
    }
  });
  return out;
}

function gbaFilingBasis(map: DataMap, transferId: string): Provision {
  const t = map.transfers.find((x) => x.id === transferId);
  const r = map.recipients.find((x) => x.id === t?.recipient);
  return r?.region === "HK" ? GBA_HK_2023.provisions.art7 : GBA_MO_2024.provisions.art7;
}
