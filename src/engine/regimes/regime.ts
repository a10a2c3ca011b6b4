import type { IsoDate } from "../../calendar/date.js";
import type { InstrumentId } from "../../law/index.js";
import { type DataMap, type Dataset, isMainlandCode, type Recipient, type Transfer } from "../datamap.js";
import type { Counts, Decision } from "../types.js";

export interface TransferContext {
  map: DataMap;
  asOf: IsoDate;
  transfer: Transfer;
  dataset: Dataset;
  recipient: Recipient;
  /** De-duplicated people sent over the window by the counted transfers. */
  cumulative: Counts;
}

/** A rule set in force for a span of dates, with its counting window and its decision. */
export interface Regime {
  id: InstrumentId;
  /** First day it decides pathways. */
  from: IsoDate;
  /** Last day (inclusive), if superseded. */
  until?: IsoDate;
  instruments(asOf: IsoDate): InstrumentId[];
  window(asOf: IsoDate): { from: IsoDate; to: IsoDate };
  /** Pure: the same context gives the same decision. `counted` must not depend on `cumulative`. */
  decide(ctx: TransferContext): Decision;
}

/** A recipient in the mainland is not an outbound transfer (数据出境) at all. */
export function isMainlandRecipient(r: Recipient): boolean {
  return r.region === "CN" || isMainlandCode(r.region);
}
