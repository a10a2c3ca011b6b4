/**
 * CSV/TSV read straight from bytes: the byte scanner is the tokenizer (RFC 4180 quotes,
 * delimiter guessed from the header), so each byte is looked at once. csv-parse was the
 * first version's reader; with per-cell detection it ran at ~3 MB/s on a 109 MB export.
 */
import { splitCsvLine } from "../../text/csv-line.js";
import { FieldScanner, PLATE_SUFFIXES } from "../core/field-scanner.js";
import { HAN_FEATURES } from "../core/han.js";
import { type NativeCsvCore, nativeCsvCore } from "../core/native.js";
import type { LookAlike } from "../core/look-alike.js";
import { ColumnStats, type Tally } from "../core/tally.js";
import { NATIONALITIES, areaCodesText, bankBinKeys } from "../core/validate.js";

/** Splits one header line (quotes honoured; an unclosed quote reads as plain text). */
export function splitHeader(line: string, delimiter: string): string[] {
  return (splitCsvLine(line, delimiter) ?? line.split(delimiter)).map((h) => h.trim());
}

/** The delimiter a header line uses most (outside quotes): comma, tab, semicolon or bar. */
export function guessDelimiter(line: string): string {
  const counts = new Map<string, number>();
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (!q && (ch === "," || ch === "\t" || ch === ";" || ch === "|")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** First line break outside quotes, or -1. */
function headerEnd(buf: Buffer): number {
  let q = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x22) q = !q;
    else if (c === 0x0a && !q) return i;
  }
  return -1;
}

export interface TableHeader {
  delimiter: string;
  names: string[];
  /** Bytes of the header line including its line break (where the data starts). */
  length: number;
  /** Look-alike verdicts by column, from the first rows (set before the scan; workers get them too). */
  lookAlike?: (LookAlike | undefined)[];
}

/**
 * The first whole lines of the data (up to `maxRows`) as cells, for the look-alike verdicts. A
 * line inside a multi-line quoted field may be cut wrongly: the verdict only needs most rows right.
 */
export function sampleRows(buf: Buffer, delimiter: string, maxRows = 200): string[][] {
  const rows: string[][] = [];
  // Only the lines needed are decoded (the chunk is up to 1 MiB; the sample a few dozen KB).
  let end = -1;
  for (let n = 0; n < maxRows; n++) {
    const nl = buf.indexOf(0x0a, end + 1);
    if (nl < 0) break;
    end = nl;
  }
  if (end < 0) return rows;
  for (const line of buf.toString("utf8", 0, end).split("\n")) {
    const cells = splitCsvLine(line.replace(/\r$/, ""), delimiter);
    if (cells) rows.push(cells);
  }
  return rows;
}

/** Reads the header from the start of the data; undefined until a whole header line is there. */
export function readHeaderLine(buf: Buffer, delimiter?: string): TableHeader | undefined {
  const nl = headerEnd(buf);
  if (nl < 0) return undefined;
  const line = buf
    .toString("utf8", 0, nl)
    .replace(/\r$/, "")
    .replace(/^\uFEFF/, "");
  const d = delimiter ?? guessDelimiter(line);
  return { delimiter: d, names: splitHeader(line, d), length: nl + 1 };
}

export class CsvScanner {
  readonly sc: FieldScanner;
  readonly columns: ColumnStats[];
  /** Records read by the JavaScript core (all of them without the native core). */
  private jsRecords = 0;
  private carry: Buffer | undefined;
  /** The native core (native/scan_core.cc) where built: it hands back the records it cannot read alone. */
  private native: NativeCsvCore | undefined;
  private nativeRecords = 0;
  private nativeColumns = 0;

  /** `bytes`: how much data follows the header, if known (the native core sizes its person table from it). */
  constructor(
    header: TableHeader,
    asOf: number,
    private readonly tally: Tally,
    bytes = 0,
  ) {
    const delimiter = header.delimiter.charCodeAt(0);
    this.sc = new FieldScanner(asOf, delimiter);
    this.columns = header.names.map((n, i) => new ColumnStats(n || `c${i + 1}`, header.lookAlike?.[i]));
    if (this.columns.some((c) => c.role)) tally.roleColumns = true; // as the native core's setColumns
    // Findings (--findings) need each value's row and column: the JavaScript core says them.
    const Core = tally.findingSink ? undefined : nativeCsvCore();
    if (Core) {
      // At most one person per 100 bytes of data: what a customer export of ID, name, mobile and address takes.
      const expectedPeople = Math.floor(bytes / 100);
      this.native = new Core(
        delimiter,
        asOf,
        tally.hasher.key,
        areaCodesText(),
        HAN_FEATURES,
        PLATE_SUFFIXES,
        tally.sampleMax,
        expectedPeople,
        bankBinKeys(),
        NATIONALITIES,
      );
      this.syncColumns();
    }
  }

  /** Data records read so far. */
  get records(): number {
    return this.jsRecords + this.nativeRecords;
  }

  /** Which core reads this table. */
  get core(): "native" | "js" {
    return this.native ? "native" : "js";
  }

  /** Scans a chunk of data rows (records may continue into the next chunk). */
  push(chunk: Buffer): void {
    if (this.native) return this.pushNative(chunk);
    const buf: Buffer = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const regionEnd = buf.lastIndexOf(0x0a) + 1;
    const done = this.scan(buf, regionEnd, false);
    this.carry = done < buf.length ? Buffer.from(buf.subarray(done)) : undefined;
  }

  /**
   * The native core reads the chunk where it lies: only the record cut by the previous chunk's
   * end is joined with this chunk's first line (not the whole chunk copied behind it), unless
   * that record is still open after it (quotes across lines).
   */
  private pushNative(chunk: Buffer): void {
    let rest = chunk;
    if (this.carry) {
      const nl = chunk.indexOf(0x0a);
      const head = Buffer.concat([this.carry, chunk.subarray(0, nl + 1)]);
      rest = chunk.subarray(nl + 1);
      this.carry = undefined;
      const done = this.scanNative(head, head.lastIndexOf(0x0a) + 1, false);
      if (done < head.length) rest = Buffer.concat([head.subarray(done), rest]);
    }
    const done = this.scanNative(rest, rest.lastIndexOf(0x0a) + 1, false);
    this.carry = done < rest.length ? Buffer.from(rest.subarray(done)) : undefined;
  }

  /** Scans what is left at the end of the input. */
  end(): void {
    if (this.carry) {
      if (this.native) this.scanNative(this.carry, this.carry.length, true);
      else this.scan(this.carry, this.carry.length, true);
    }
    this.carry = undefined;
    if (this.native) {
      const core = this.native;
      this.tally.absorbNative(core.finish(), this.columns, () => core.takePeople());
      this.native = undefined;
    }
  }

  /** Tells the native core the columns' header meanings (again when records grew new columns). */
  private syncColumns(): void {
    const info = new Int32Array(this.columns.length * 3);
    this.columns.forEach((c, k) => {
      info[k * 3] = c.hints;
      info[k * 3 + 1] = c.headerCategories;
      info[k * 3 + 2] =
        (c.headerName ? 1 : 0) | (c.headerAddress ? 2 : 0) | (c.recordNumber ? 4 : 0) | (c.suppressed << 3) | (c.role << 28);
    });
    this.native!.setColumns(info);
    this.nativeColumns = this.columns.length;
  }

  /** The native core reads buf[0, regionEnd); the records it defers are read here, each on its own. */
  private scanNative(buf: Buffer, regionEnd: number, final: boolean): number {
    const r = this.native!.scan(buf, regionEnd, final);
    this.nativeRecords = r[2]!;
    for (let d = 4; d + 1 < r.length; d += 2) this.scan(buf.subarray(r[d]!, r[d + 1]!), r[d + 1]! - r[d]!, true);
    if (r[1] && !this.unclosedAt) this.unclosedAt = this.records; // the unclosed record is the last one counted
    if (r[3]! > this.columns.length) this.column(r[3]! - 1); // columns past the header, as the JavaScript core adds them
    if (this.columns.length !== this.nativeColumns) this.syncColumns();
    return r[0]!;
  }

  /** Set when the input ended inside a quoted field (a truncated or broken file). */
  unclosedAt = 0;

  private column(k: number): ColumnStats {
    let col = this.columns[k];
    if (!col) {
      for (let i = this.columns.length; i <= k; i++) this.columns.push(new ColumnStats(`c${i + 1}`));
      col = this.columns[k]!;
    }
    return col;
  }

  /** Scans whole records in buf[0, regionEnd); returns where the first unscanned record starts. */
  private scan(buf: Buffer, regionEnd: number, final: boolean): number {
    const sc = this.sc;
    const tally = this.tally;
    // Without a quote in the region every record ends at its line break inside it: count directly.
    const quote = buf.indexOf(0x22);
    tally.direct = final || quote < 0 || quote >= regionEnd;
    let i = 0;
    while (i < regionEnd) {
      const recordStart = i;
      tally.beginRecord();
      let k = 0;
      let empty = true;
      for (;;) {
        const col = this.columns[k] ?? this.column(k);
        i = sc.scanField(buf, i, regionEnd, col.hints);
        if (sc.openQuote) {
          if (!final) return recordStart;
          this.unclosedAt = this.records + 1;
        }
        const len = sc.fieldEnd - sc.fieldStart;
        if (len > 1 || (len === 1 && sc.buf[sc.fieldStart] !== 0x0d)) {
          empty = false;
          tally.addField(col, sc, false);
        }
        if (sc.stop === 1) {
          i++;
          k++;
          continue;
        }
        if (sc.stop === 2) i++;
        break;
      }
      if (!empty) {
        this.jsRecords++;
        tally.endRecord();
      }
    }
    return regionEnd;
  }
}
