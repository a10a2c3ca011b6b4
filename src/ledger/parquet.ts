/**
 * Transfer events from a Parquet file (hyparquet: pure JavaScript, no native build), read in
 * slices of rows so memory stays bounded. Columns as in CSV: date, transfer, person, general,
 * sensitive; a DATE column arrives as a Date and is read as its calendar day (UTC).
 */
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { EventError, type LedgerEvent, toEvent } from "./events.js";

const SLICE = 50_000;

function cell(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "bigint") return v.toString();
  return v;
}

/** The events of a Parquet file, a slice of rows at a time. */
export async function* readParquetEvents(file: string, transfers: ReadonlySet<string>): AsyncGenerator<LedgerEvent[]> {
  let buffer: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let rows: number;
  try {
    buffer = await asyncBufferFromFile(file);
    rows = Number((await parquetMetadataAsync(buffer)).num_rows);
  } catch (e) {
    throw new EventError(`${file}: not a readable Parquet file (${(e as Error).message})`);
  }
  for (let start = 0; start < rows; start += SLICE) {
    const objects = await parquetReadObjects({ file: buffer, rowStart: start, rowEnd: Math.min(rows, start + SLICE) });
    const events: LedgerEvent[] = [];
    for (let i = 0; i < objects.length; i++) {
      const raw = objects[i] as Record<string, unknown>;
      const rec: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw)) rec[k.toLowerCase()] = cell(v);
      const row = start + i + 1;
      events.push(toEvent(rec, row, `${file}: row ${row}`, transfers));
    }
    yield events;
  }
}
