/**
 * Formats read through their own parsers, values handed to the byte scanner: JSON (whole
 * document), JSON Lines (one record a line, nested fields as columns by path), Excel .xlsx
 * (sources/xlsx.ts: every sheet, first row as header, nothing spooled to disk) and Parquet (hyparquet, in
 * slices of rows; INT64 arrives as BigInt and stays exact).
 */
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

/** Every sheet of a workbook (sources/xlsx.ts); columns are named `Sheet!header`. Returns the sheet names. */
export async function scanXlsx(path: string, shown: string, vs: ValueScanner): Promise<string[]> {
  const names: string[] = [];
  let book: Awaited<ReturnType<typeof import("./xlsx.js").openXlsx>> | undefined;
  try {
    const { openXlsx } = await import("./xlsx.js"); // loaded when a workbook comes
    book = await openXlsx(path);
    for (const sheet of book.sheets) {
      names.push(sheet.name);
      let header: string[] | undefined;
      for await (const values of sheet.rows) {
        if (!header) {
          header = values.map((h, i) => `${sheet.name}!${h.trim() || `c${i + 1}`}`);
          continue;
        }
        const h = header;
        vs.record(values.map((v, i): [string, string] => [h[i] ?? `${sheet.name}!c${i + 1}`, v]));
      }
      // The header row's own number cells are no data.
      sheet.lostDigits.forEach((n, i) => {
        if (n > 0) vs.lostDigits(header?.[i] ?? `${sheet.name}!c${i + 1}`, n);
      });
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(`${shown}: not a readable .xlsx workbook (${(e as Error).message.split("\n")[0]})`);
  } finally {
    book?.close();
  }
  return names;
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
