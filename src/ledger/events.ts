/**
 * Reading transfer events (contracts §5): CSV with a header, or JSON Lines; one row per person
 * per transfer event. Each bad row is reported with its file, line and column — never with the
 * identifier itself.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import { type IsoDate, isIsoDate } from "../calendar/date.js";
import { normalizeIdentifier } from "../identity/normalize.js";
import { readParquetEvents } from "./parquet.js";

export interface LedgerEvent {
  /** 1-based line in the file, for messages. */
  line: number;
  date: IsoDate;
  transfer: string;
  /** Canonical identifier (normalised); hashed before it goes anywhere. */
  canonical: string;
  general: boolean;
  sensitive: boolean;
}

export class EventError extends Error {
  override name = "EventError";
}

/**
 * `:LINE: not valid CSV (CODE)` from a csv-parse error. Its message can quote the cell at fault —
 * possibly an identifier — so only the code and the line are kept.
 */
export function csvProblem(e: unknown): string {
  const err = e as { lines?: number; code?: string };
  return `${err.lines ? `:${err.lines}` : ""}: not valid CSV (${err.code ?? "unreadable"})`;
}

const TRUE = new Set(["true", "1", "yes", "y", "是", "t"]);
const FALSE = new Set(["false", "0", "no", "n", "否", "f"]);

function flag(v: unknown, fallback: boolean, where: string): boolean {
  if (v === undefined || v === null || v === "") return fallback;
  if (typeof v === "boolean") return v;
  const s = String(v).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw new EventError(`${where}: expected true or false`);
}

/** Validate one raw row; `where` is `FILE:LINE`. */
export function toEvent(
  raw: Record<string, unknown>,
  line: number,
  where: string,
  transfers: ReadonlySet<string>,
  sep = ": ",
): LedgerEvent {
  const date = raw.date;
  if (!isIsoDate(typeof date === "string" ? date.trim() : date)) {
    throw new EventError(`${where}${sep}date: expected a date YYYY-MM-DD, got ${JSON.stringify(date ?? null)}`);
  }
  const transfer = typeof raw.transfer === "string" ? raw.transfer.trim() : "";
  if (!transfer) throw new EventError(`${where}${sep}transfer: required`);
  if (!transfers.has(transfer))
    throw new EventError(`${where}${sep}transfer: no transfer with id ${JSON.stringify(transfer)} in the data map`);
  const person = raw.person;
  if (typeof person !== "string" && typeof person !== "number") throw new EventError(`${where}${sep}person: required`);
  if (typeof person === "number") {
    throw new EventError(`${where}${sep}person: write identifiers as text (a JSON number loses digits past 2^53)`);
  }
  const id = normalizeIdentifier(person);
  if (!id) throw new EventError(`${where}${sep}person: empty`);
  const general = flag(raw.general, true, `${where}${sep}general`);
  const sensitive = flag(raw.sensitive, false, `${where}${sep}sensitive`);
  if (!general && !sensitive) throw new EventError(`${where}${sep}general and sensitive are both false: nothing was sent`);
  return { line, date: (date as string).trim(), transfer, canonical: id.canonical, general, sensitive };
}

export type EventFormat = "csv" | "jsonl" | "parquet";

export function formatOf(file: string): EventFormat {
  if (/\.(jsonl|ndjson)$/i.test(file)) return "jsonl";
  if (/\.parquet$/i.test(file)) return "parquet";
  if (/\.(csv|tsv|txt)$/i.test(file)) return "csv";
  throw new EventError(`${file}: unknown event file type (expected .csv, .tsv, .jsonl, .ndjson or .parquet)`);
}

/** Stream the events of a file, validating each; throws EventError at the first bad row. */
export async function* readEvents(
  file: string,
  transfers: ReadonlySet<string>,
  format: EventFormat = formatOf(file),
): AsyncGenerator<LedgerEvent> {
  if (format === "parquet") {
    yield* readParquetEvents(file, transfers);
    return;
  }
  if (format === "jsonl") {
    const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY });
    let line = 0;
    for await (const text of rl) {
      line++;
      const body = line === 1 ? text.replace(/^\uFEFF/, "") : text;
      if (body.trim() === "") continue;
      let raw: unknown;
      try {
        raw = JSON.parse(body);
      } catch {
        throw new EventError(`${file}:${line}: not valid JSON`);
      }
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new EventError(`${file}:${line}: expected a JSON object`);
      yield toEvent(raw as Record<string, unknown>, line, `${file}:${line}`, transfers);
    }
    return;
  }
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: /\.tsv$/i.test(file) ? "\t" : ",",
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    }),
  );
  let checkedHeader = false;
  try {
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (!checkedHeader) {
        for (const col of ["date", "transfer", "person"]) {
          if (!(col in rec.record)) throw new EventError(`${file}:1: the header has no ${JSON.stringify(col)} column`);
        }
        checkedHeader = true;
      }
      const line = rec.info.lines;
      yield toEvent(rec.record, line, `${file}:${line}`, transfers);
    }
  } catch (e) {
    if (e instanceof EventError) throw e;
    throw new EventError(`${file}${csvProblem(e)}`, { cause: e });
  }
}
