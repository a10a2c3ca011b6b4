import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { type AssessOptions, assess } from "../engine/assess.js";
import { countLedger } from "../ledger/count.js";
import { openStore, resolveTarget } from "../store/open.js";
import type { DataMap } from "../engine/datamap.js";
import { loadDataMap } from "../engine/load.js";
import type { Pathway } from "../engine/types.js";
import { PATHWAYS, severity } from "../engine/types.js";
import type { Lang } from "../law/index.js";
import { renderText } from "../report/text.js";
import { EXIT, UsageError } from "./errors.js";

export interface AssessCliOptions {
  format: string;
  asOf?: string;
  lang: string;
  failOn?: string;
  ledger?: boolean;
  db?: string;
}

/** With --ledger: the ledger's de-duplicated counts for the map on the date (shared by assess and obligations). */
export async function ledgerCounts(map: DataMap, asOf: string, o: { ledger?: boolean; db?: string }): Promise<AssessOptions["ledger"]> {
  if (!o.ledger) {
    if (o.db !== undefined) throw new UsageError("--db: only meaningful with --ledger");
    return undefined;
  }
  const store = await openStore(resolveTarget(o.db));
  try {
    const c = await countLedger(store, map, asOf);
    return { cumulative: c.cumulative, transfers: c.transfers };
  } finally {
    await store.close();
  }
}

/** `xborder assess FILE`: returns the exit code; writes stdout only on success. */
export async function runAssess(file: string, o: AssessCliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (o.format !== "json" && o.format !== "text") throw new UsageError(`--format: expected json or text, got ${JSON.stringify(o.format)}`);
  if (o.lang !== "zh" && o.lang !== "en") throw new UsageError(`--lang: expected zh or en, got ${JSON.stringify(o.lang)}`);
  if (o.asOf !== undefined && !isIsoDate(o.asOf))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const gates: readonly string[] = PATHWAYS.filter((p) => p !== "exempt");
  if (o.failOn !== undefined && !gates.includes(o.failOn)) {
    throw new UsageError(`--fail-on: expected one of ${gates.join(" | ")}, got ${JSON.stringify(o.failOn)}`);
  }
  const map = loadDataMap(file);
  const asOf = o.asOf ?? map.asOf ?? todayInShanghai();
  const ledger = await ledgerCounts(map, asOf, o);
  const result = assess(map, { asOf, lang: o.lang as Lang, ledger });
  out(o.format === "json" ? `${JSON.stringify(result, null, 2)}\n` : renderText(result, o.lang as Lang));
  if (o.failOn) {
    const gate = severity(o.failOn as Pathway);
    const hits = result.transfers.filter((t) => severity(t.pathway) >= gate);
    if (hits.length) {
      err(`xborder: --fail-on ${o.failOn}: ${hits.map((h) => `${h.id} (${h.pathway})`).join(", ")}\n`);
      return EXIT.failure;
    }
  }
  return EXIT.ok;
}
