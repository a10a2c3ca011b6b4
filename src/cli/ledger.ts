import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { loadDataMap } from "../engine/load.js";
import { countLedger } from "../ledger/count.js";
import { importEvents } from "../ledger/import.js";
import { ledgerStatus, renderStatus } from "../ledger/status.js";
import { openStore, resolveTarget } from "../store/open.js";
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

export async function runLedgerImport(file: string, o: LedgerOptions, out: (s: string) => void): Promise<number> {
  const map = loadDataMap(o.map);
  const store = await openStore(resolveTarget(o.db));
  try {
    const r = await importEvents(store, file, map);
    out(
      r.status === "unchanged"
        ? `${file}: already imported; the ledger is unchanged\n`
        : `${file}: imported ${r.rows.toLocaleString("en-US")} events (${r.entries.toLocaleString("en-US")} person-transfer-year entries) into ${store.location}\n`,
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export async function runLedgerCount(o: LedgerOptions, out: (s: string) => void): Promise<number> {
  const map = loadDataMap(o.map);
  const asOf = dateOf(o, map.asOf);
  const format = formatOf(o);
  const store = await openStore(resolveTarget(o.db));
  try {
    const c = await countLedger(store, map, asOf);
    if (format === "json") {
      out(`${JSON.stringify(c, null, 2)}\n`);
    } else {
      const n = (x: number) => x.toLocaleString("en-US");
      const lines = [
        `Ledger count as of ${c.asOf} (window ${c.window.from} – ${c.window.to})`,
        `  counted transfers together: general ${n(c.cumulative.general)}, sensitive ${n(c.cumulative.sensitive)}`,
      ];
      for (const [id, t] of Object.entries(c.transfers))
        lines.push(`  ${id}: general ${n(t.general)}, sensitive ${n(t.sensitive)}${t.counted ? "" : " (exempt: not counted)"}`);
      out(`${lines.join("\n")}\n`);
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export async function runStatus(o: LedgerOptions, out: (s: string) => void): Promise<number> {
  const map = loadDataMap(o.map);
  const asOf = dateOf(o, map.asOf);
  const format = formatOf(o);
  const store = await openStore(resolveTarget(o.db));
  try {
    const s = await ledgerStatus(store, map, asOf);
    out(format === "json" ? `${JSON.stringify(s, null, 2)}\n` : renderStatus(s));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
