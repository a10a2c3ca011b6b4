/**
 * One measured run for bench/xlsx.ts, in its own process: read every row of a workbook with
 * xborder's reader, exceljs's streaming reader (the one it replaced), or the whole `scanPaths`.
 * Prints { rows, seconds, peakRssMB } as JSON.
 */
import { scanPaths } from "../dist/scan/scan.js";
import { openXlsx } from "../dist/scan/sources/xlsx.js";

const [mode, file] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
let rows = 0;
if (mode === "xborder-reader") {
  const book = await openXlsx(file);
  for (const s of book.sheets) for await (const _ of s.rows) rows++;
  book.close();
} else if (mode === "exceljs-reader") {
  const { default: Excel } = await import("exceljs");
  const reader = new Excel.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
  });
  for await (const ws of reader) for await (const _ of ws) rows++;
} else {
  const r = await scanPaths([file], { asOf: "2026-06-30", workers: 1 });
  rows = r.files[0]?.records ?? 0;
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ rows, seconds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
