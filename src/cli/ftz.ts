import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { ftzLists, ftzStatus, zoneOf } from "../law/ftz.js";
import { renderFtz } from "../report/ftz.js";
import { EXIT, UsageError } from "./errors.js";

export interface FtzCliOptions {
  asOf?: string;
  zone?: string;
  format: string;
  lang: string;
}

/** `xborder ftz`: which zone lists can be relied on on a date, their sources and what is unverified. */
export function runFtz(o: FtzCliOptions, out: (s: string) => void): number {
  if (o.format !== "json" && o.format !== "text") throw new UsageError(`--format: expected json or text, got ${JSON.stringify(o.format)}`);
  if (o.lang !== "zh" && o.lang !== "en") throw new UsageError(`--lang: expected zh or en, got ${JSON.stringify(o.lang)}`);
  if (o.asOf !== undefined && !isIsoDate(o.asOf))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  let zone: string | undefined;
  if (o.zone !== undefined) {
    zone = zoneOf(o.zone);
    if (!zone) {
      const known = [...new Set(ftzLists().map((l) => l.zone))].join(" | ");
      throw new UsageError(`--zone: no list is known for ${JSON.stringify(o.zone)} (known: ${known})`);
    }
  }
  const status = ftzStatus(o.asOf ?? todayInShanghai(), zone);
  out(o.format === "json" ? `${JSON.stringify(status, null, 2)}\n` : renderFtz(status, o.lang));
  return EXIT.ok;
}
