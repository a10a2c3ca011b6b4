import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { type AssessOptions, assess } from "../engine/assess.js";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { countLedger, ledgerStamp } from "../ledger/count.js";
import { checkTarget, isUrl, openStore, type Store } from "../store/open.js";
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

/**
 * The ledger that goes with a map ("beside the map"): `--db`, else $XBORDER_DB, else the `.xborder/`
 * folder in the map file's own folder (for a map in the current folder that is `./.xborder`, where
 * `xborder ledger import` writes by default).
 */
export function ledgerBeside(mapFile: string, db?: string): string {
  return db ?? process.env.XBORDER_DB ?? join(dirname(resolve(mapFile)), ".xborder");
}

/**
 * Runs `f` on the map's ledger when the counts are to come from it (shared by assess, diff,
 * obligations and report): always with `--ledger`; never with `--no-ledger`; by default when a
 * ledger is there and holds an import (an embedded one is looked for without creating anything).
 */
export async function withMapLedger<T>(
  mapFile: string,
  o: { ledger?: boolean; db?: string },
  f: (store: Store) => Promise<T>,
): Promise<T | undefined> {
  if (o.ledger === false) {
    if (o.db !== undefined) throw new UsageError("--db: names a ledger, but --no-ledger says not to use one");
    return undefined;
  }
  const target = ledgerBeside(mapFile, o.db);
  checkTarget(target);
  if (o.ledger !== true && !isUrl(target) && !existsSync(join(target, "pglite"))) return undefined;
  const store = await openStore(target);
  try {
    if (o.ledger !== true && (await ledgerStamp(store)).startsWith("0:")) return undefined;
    return await f(store);
  } finally {
    await store.close();
  }
}

/** The ledger's de-duplicated counts for the map on the date, when the ledger is used (see withMapLedger). */
export async function ledgerCounts(
  mapFile: string,
  map: DataMap,
  asOf: string,
  o: { ledger?: boolean; db?: string },
): Promise<AssessOptions["ledger"]> {
  return withMapLedger(mapFile, o, async (store) => {
    const c = await countLedger(store, map, asOf);
    return { cumulative: c.cumulative, transfers: c.transfers };
  });
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
  const ledger = await ledgerCounts(file, map, asOf, o);
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
