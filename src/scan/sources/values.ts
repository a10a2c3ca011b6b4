/**
 * Formats whose parsers hand us values (JSON, JSON Lines, Excel, Parquet, PostgreSQL rows):
 * each value is written into one reused UTF-8 buffer and read by the same byte scanner as CSV.
 */
import type { FieldScanner } from "../core/field-scanner.js";
import { type LookAlike, lookAlikeColumns } from "../core/look-alike.js";
import { ColumnStats, type Tally } from "../core/tally.js";

/** Records held back to judge the columns (JSON, JSON Lines, workbooks, Parquet, PostgreSQL). */
export const SAMPLE_RECORDS = 1000;

export class ValueScanner {
  private scratch = Buffer.alloc(64 * 1024);
  readonly columns = new Map<string, ColumnStats>();
  records = 0;
  /**
   * The first records, held back until the columns have been judged for look-alikes (look-alike.ts);
   * undefined once they have been (or for a scanner that does not judge).
   */
  private held: { values: [string | undefined, string][]; freeText: boolean }[] | undefined;
  /** Verdicts by column name, once judged. */
  private verdicts = new Map<string, LookAlike | undefined>();

  constructor(
    private readonly sc: FieldScanner,
    private readonly tally: Tally,
    /** The scan date (YYYY-MM-DD): given, the first SAMPLE_RECORDS records are held to judge the columns. */
    private readonly asOf?: string,
  ) {
    if (asOf) this.held = [];
  }

  /** Cells of a column whose value was lost before it reached us (a workbook's long numbers), by column name. */
  private lost = new Map<string, number>();

  /** `n` cells of column `name` held numbers that lost digits: not scanned, reported on the column. */
  lostDigits(name: string, n: number): void {
    this.lost.set(name, (this.lost.get(name) ?? 0) + n);
  }

  /** Every column, once all records are in (flushed): with the cells that lost digits. */
  finalColumns(): Iterable<ColumnStats> {
    this.flush();
    for (const [name, n] of this.lost) this.column(name).lostDigits += n;
    this.lost.clear();
    return this.columns.values();
  }

  column(name: string): ColumnStats {
    let col = this.columns.get(name);
    if (!col) {
      col = new ColumnStats(name, this.verdicts.get(name));
      this.columns.set(name, col);
      if (col.role) this.tally.roleColumns = true;
    }
    return col;
  }

  /** One record: its values by column name (or, for free text, by `undefined`). */
  record(values: Iterable<[string | undefined, string]>, freeText = false): void {
    if (this.held) {
      this.held.push({ values: [...values], freeText });
      if (this.held.length >= SAMPLE_RECORDS) this.flush();
      return;
    }
    this.scanRecord(values, freeText);
  }

  /** Judges the columns on the records held so far and scans them; call once all records are in. */
  flush(): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    const names: string[] = [];
    const index = new Map<string, number>();
    const rows = held.map(({ values }) => {
      const row: string[] = [];
      for (const [name, v] of values) {
        if (name === undefined) continue;
        let k = index.get(name);
        if (k === undefined) {
          k = names.length;
          index.set(name, k);
          names.push(name);
        }
        row[k] = v;
      }
      return row;
    });
    lookAlikeColumns(names, rows, this.asOf as string).forEach((v, k) => this.verdicts.set(names[k]!, v));
    for (const r of held) this.scanRecord(r.values, r.freeText);
  }

  private scanRecord(values: Iterable<[string | undefined, string]>, freeText: boolean): void {
    this.records++;
    this.tally.beginRecord();
    for (const [name, value] of values) {
      if (value === "") continue;
      const col = name === undefined ? undefined : this.column(name);
      this.scan(value, col, freeText);
    }
    this.tally.endRecord();
  }

  private scan(value: string, col: ColumnStats | undefined, freeText: boolean): void {
    if (value.length * 3 > this.scratch.length) this.scratch = Buffer.alloc(value.length * 3 + 1024);
    const n = this.scratch.write(value, 0, "utf8");
    this.sc.scanText(this.scratch, 0, n, col?.hints ?? 0);
    this.tally.addField(col, this.sc, freeText);
  }
}

/** A value as text: big integers exactly, dates as ISO, bytes skipped, nested objects by path. */
export function* flatten(v: unknown, prefix: string): Generator<[string, string]> {
  if (v === null || v === undefined) return;
  if (typeof v === "bigint" || typeof v === "number" || typeof v === "boolean") yield [prefix || "value", String(v)];
  else if (typeof v === "string") yield [prefix || "value", v];
  else if (v instanceof Date) yield [prefix || "value", Number.isNaN(v.getTime()) ? "" : v.toISOString()];
  else if (v instanceof Uint8Array) return;
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* flatten(v[i], `${prefix}[${i}]`);
  else if (typeof v === "object") for (const [k, x] of Object.entries(v)) yield* flatten(x, prefix ? `${prefix}.${k}` : k);
}

/**
 * JSON text with integers of 16+ digits quoted, so that JSON.parse keeps them exactly
 * (detectors.md §9.3: 110105194912310021 would become …020).
 */
export function quoteBigIntegers(text: string): string {
  if (!/\d{16}/.test(text)) return text;
  let out = "";
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      const next = text[j];
      if (j - i >= 16 && next !== "." && next !== "e" && next !== "E") {
        out += `${text.slice(last, i)}"${text.slice(i, j)}"`;
        last = j;
      }
      i = j - 1;
    }
  }
  return out + text.slice(last);
}
