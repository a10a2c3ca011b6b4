/** Validated events, keyed (HMAC, one call per chunk of events), into a spill of entries. */
import { dayOfYear } from "./entries.js";
import type { LedgerEvent } from "./events.js";
import type { EntrySpill } from "./spill.js";

/** yyyymmdd of an ISO date (validated before it gets here: always `YYYY-MM-DD`). */
function yyyymmdd(d: string): number {
  return (
    (d.charCodeAt(0) - 48) * 10_000_000 +
    (d.charCodeAt(1) - 48) * 1_000_000 +
    (d.charCodeAt(2) - 48) * 100_000 +
    (d.charCodeAt(3) - 48) * 10_000 +
    (d.charCodeAt(5) - 48) * 1000 +
    (d.charCodeAt(6) - 48) * 100 +
    (d.charCodeAt(8) - 48) * 10 +
    (d.charCodeAt(9) - 48)
  );
}

/**
 * Adds every event of `chunks` to `spill`; `numbers` gives each transfer id its number
 * (ledger_transfer.id), `hmac` the people's keys (32 bytes each, in order). Returns the events read.
 */
export async function spillEvents(
  chunks: AsyncIterable<readonly LedgerEvent[]> | Iterable<readonly LedgerEvent[]>,
  spill: EntrySpill,
  numbers: ReadonlyMap<string, number>,
  hmac: (canonicals: readonly string[]) => Buffer,
): Promise<number> {
  let rows = 0;
  for await (const chunk of chunks) {
    const keys = hmac(chunk.map((e) => e.canonical));
    if (keys.length !== chunk.length * 32) throw new Error("person keys are 32 bytes (HMAC-SHA-256)");
    for (let i = 0; i < chunk.length; i++) {
      const e = chunk[i]!;
      const n = yyyymmdd(e.date);
      const day = dayOfYear(n);
      const t = numbers.get(e.transfer);
      if (t === undefined) throw new Error(`transfer ${JSON.stringify(e.transfer)} has no number`);
      spill.add(keys, i * 32, Math.floor(n / 10_000), t, e.general ? day : 0, e.sensitive ? day : 0);
    }
    rows += chunk.length;
  }
  return rows;
}
