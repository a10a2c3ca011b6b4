import type { IsoDate } from "../../calendar/date.js";
import { CBDF_REGIME } from "./cbdf.js";
import { LEGACY_REGIME } from "./legacy.js";
import type { Regime } from "./regime.js";

/** Every regime we encode, newest first. Before the oldest one's start nothing is encoded. */
export const REGIMES: readonly Regime[] = [CBDF_REGIME, LEGACY_REGIME];

export class NoRulesError extends Error {
  override name = "NoRulesError";
}

export function regimeOn(asOf: IsoDate): Regime {
  const r = REGIMES.find((x) => asOf >= x.from && (x.until === undefined || asOf <= x.until));
  if (!r) {
    const oldest = REGIMES[REGIMES.length - 1]?.from;
    throw new NoRulesError(
      `asOf: ${asOf} is before ${oldest}, when the Security Assessment Measures (SAM-2022) took effect; xborder encodes no cross-border rules for that date`,
    );
  }
  return r;
}

export type { Regime, TransferContext } from "./regime.js";
