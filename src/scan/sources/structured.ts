/**
 * Formats read through their own parsers, values handed to the byte scanner: JSON (whole
 * document), JSON Lines (one record a line, nested fields as columns by path), Excel .xlsx
 * (exceljs streaming reader, every sheet, first row as header) and Parquet (hyparquet, in
 * slices of rows; INT64 arrives as BigInt and stays exact).
 */
import type ExcelJS from "exceljs";
import { lineRanges } from "./files.js";
import { type ValueScanner, flatten, quoteBigIntegers } from "./values.js";

export class SourceError extends Error {}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(quoteBigIntegers(text));
  } catch {
    throw new SourceError(`${where}: not valid JSON`);
  }
}

export async function scanJsonLines(chunks: AsyncIterable<Buffer>, shown: string, vs: ValueScanner): Promise<void> {
  let n = 0;
  for await (const { buf, start, end } of lineRanges(chunks)) {
    n++;
    const line = buf.toString("utf8", start, end);
    if (!line.trim()) continue;
    vs.record(flatten(parseJson(line, `${shown}:${n}`), ""));
  }
}

export async function scanJson(chunks: AsyncIterable<Buffer>, shown: string, vs: ValueScanner): Promise<void> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  const doc = parseJson(Buffer.concat(parts).toString("utf8"), shown);
  for (const d of Array.isArray(doc) ? doc : [doc]) vs.record(flatten(d, ""));
}

/** Text of an Excel cell value (rich text, formula results, hyperlinks, dates). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 1e21 ? BigInt(v).toString() : String(v);
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString();
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && typeof v.text === "string") return v.text;
  if ("result" in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  return "";
}

/** Every sheet of a workbook; columns are named `Sheet!header`. Returns the sheet names. */
export async function scanXlsx(path: string, shown: string, vs: ValueScanner): Promise<string[]> {
  const sheets: string[] = [];
  try {
    // Loaded when a workbook comes: a scan of CSV files does not pay for exceljs.
    const { default: Excel } = await import("exceljs");
    const reader = new Excel.stream.xlsx.WorkbookReader(path, {
      worksheets: "emit",
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
      entries: "ignore",
    });
    for await (const ws of reader) {
      const sheet = (ws as unknown as { name: string }).name;
      sheets.push(sheet);
      let header: string[] | undefined;
      for await (const row of ws) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (!header) {
          header = values.map((h, i) => `${sheet}!${h.trim() || `c${i + 1}`}`);
          continue;
        }
        const h = header;
        vs.record(values.map((v, i): [string, string] => [h[i] ?? `${sheet}!c${i + 1}`, v]));
      }
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(`${shown}: not a readable .xlsx workbook (${(e as Error).message.split("\n")[0]})`);
  }
  return sheets;
}

const SLICE = 20_000;

export async function scanParquet(path: string, shown: string, vs: ValueScanner, onRows?: (n: number) => void): Promise<void> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import("hyparquet"); // only when a Parquet file comes
  let file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let rows: number;
  try {
    file = await asyncBufferFromFile(path);
    rows = Number((await parquetMetadataAsync(file)).num_rows);
  } catch (e) {
    throw new SourceError(`${shown}: not a readable Parquet file (${(e as Error).message})`);
  }
  for (let start = 0; start < rows; start += SLICE) {
    let objects: Record<string, unknown>[];
    try {
      objects = (await parquetReadObjects({ file, rowStart: start, rowEnd: Math.min(rows, start + SLICE) })) as Record<string, unknown>[];
    } catch (e) {
      throw new SourceError(`${shown}: rows from ${start + 1}: unreadable (${(e as Error).message})`);
    }
    for (const o of objects) vs.record(flatten(o, ""));
    onRows?.(objects.length);
  }
}
