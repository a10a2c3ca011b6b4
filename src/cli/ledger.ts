import { sql } from "kysely";
import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { loadDataMap } from "../engine/load.js";
import type { DataMap } from "../engine/datamap.js";
import { type LedgerCount, countLedger } from "../ledger/count.js";
import { importEvents } from "../ledger/import.js";
import { ledgerStatus, renderStatus } from "../ledger/status.js";
import { type Store, openStore, resolveTarget } from "../store/open.js";
import { EXIT, UsageError } from "./errors.js";

export interface LedgerOptions {
  map: string;
  db?: string;
  asOf?: string;
  format?: string;
}

function dateOf(o: LedgerOptions, mapAsOf: string | undefined): string {
  if (o.asOf !== undefined && !isIsoDate(o.asOf))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  return o.asOf ?? mapAsOf ?? todayInShanghai();
}

function formatOf(o: LedgerOptions): "json" | "text" {
  const f = o.format ?? "text";
  if (f !== "json" && f !== "text") throw new UsageError(`--format: expected json or text, got ${JSON.stringify(f)}`);
  return f;
}

/** Open the ledger named by --db (or $XBORDER_DB, or ./.xborder), run `fn`, always close it. */
async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveTarget(db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export async function runLedgerImport(
  file: string,
  o: LedgerOptions,
  out: (s: string) => void,
  err: (s: string) => void = () => {},
): Promise<number> {
  const map = loadDataMap(o.map);
  const today = todayInShanghai();
  const r = await withStore(o.db, async (store) => {
    const result = await importEvents(store, file, map);
    // A typo guard: events are what has been sent, so none can be dated after today.
    const latest = await store.db
      .selectFrom("ledger_daily")
      .select(sql<string | null>`to_char(max(day), 'YYYY-MM-DD')`.as("day"))
      .where("day", ">", today)
      .executeTakeFirst();
    return { ...result, location: store.location, future: latest?.day ?? undefined };
  });
  if (r.future) {
    err(
      `xborder: warning: the ledger holds events dated after today (${today}), the latest ${r.future}: a typo in a date? Events are what has been sent.\n`,
    );
  }
  const n = (x: number) => x.toLocaleString("en-US");
  out(
    r.status === "unchanged"
      ? `${file}: already imported; the ledger is unchanged\n`
      : `${file}: imported ${n(r.rows)} events (${n(r.entries)} person-transfer-year entries new or moved earlier) into ${r.location}\n`,
  );
  return EXIT.ok;
}

function renderCount(c: LedgerCount): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const lines = [
    `Ledger count as of ${c.asOf} (window ${c.window.from} – ${c.window.to})`,
    `  counted transfers together: general ${n(c.cumulative.general)}, sensitive ${n(c.cumulative.sensitive)}`,
  ];
  for (const [id, t] of Object.entries(c.transfers))
    lines.push(`  ${id}: general ${n(t.general)}, sensitive ${n(t.sensitive)}${t.counted ? "" : " (exempt: not counted)"}`);
  return `${lines.join("\n")}\n`;
}

/** `ledger count` and `status`: read the map and date, query the ledger, print json or text. */
async function report<T>(
  o: LedgerOptions,
  out: (s: string) => void,
  query: (store: Store, map: DataMap, asOf: string) => Promise<T>,
  text: (r: T) => string,
) {
  const map = loadDataMap(o.map);
  const asOf = dateOf(o, map.asOf);
  const format = formatOf(o);
  const r = await withStore(o.db, (store) => query(store, map, asOf));
  out(format === "json" ? `${JSON.stringify(r, null, 2)}\n` : text(r));
  return EXIT.ok;
}

export const runLedgerCount = (o: LedgerOptions, out: (s: string) => void) => report(o, out, countLedger, renderCount);
export const runStatus = (o: LedgerOptions, out: (s: string) => void) => report(o, out, ledgerStatus, renderStatus);
