/**
 * Workbook benchmark (issue 23, items 1–3): a 300,000-row workbook as exceljs's streaming writer
 * makes it (sheet before shared strings), read in separate processes, in turns, `--rounds` times:
 * xborder's reader (yauzl + saxes, nothing on disk), exceljs's streaming reader (which spooled the
 * sheet to a temp file), and a whole xborder scan of it. Rows per second and peak memory.
 *   npm run bench:xlsx -- [--rows 300000] [--rounds 3]
 * Writes bench/results/xlsx.json.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";

const { values } = parseArgs({ options: { rows: { type: "string", default: "300000" }, rounds: { type: "string", default: "3" } } });
const rows = Number(values.rows);
const rounds = Number(values.rounds);
const cacheDir = join(tmpdir(), "xborder-bench");
mkdirSync(cacheDir, { recursive: true });
const file = join(cacheDir, `workbook-${rows}.xlsx`);
if (!existsSync(file)) {
  console.error(`writing a ${rows}-row workbook …`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet("客户");
  ws.addRow(["姓名", "身份证号", "手机", "地址"]).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      "王芳",
      `1101051990${String(i).padStart(8, "0")}`,
      `139${String(i).padStart(8, "0")}`,
      `北京市朝阳区建国路${i % 999}号`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

const modes = ["xborder-reader", "exceljs-reader", "xborder-scan"] as const;
const runs: Record<string, { seconds: number; peakRssMB: number; rows: number }[]> = {};
for (let k = 0; k < rounds; k++) {
  for (const mode of modes) {
    const out = execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "xlsx-run.ts"), mode, file], {
      encoding: "utf8",
    });
    (runs[mode] ??= []).push(JSON.parse(out.trim().split("\n").pop() as string));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = Object.fromEntries(
  modes.map((m) => {
    const r = runs[m]!;
    const seconds = median(r.map((x) => x.seconds));
    return [
      m,
      {
        rows: r[0]!.rows,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSec: Math.round(r[0]!.rows / seconds),
        peakRssMB: Math.max(...r.map((x) => x.peakRssMB)),
        rounds: r.map((x) => Number(x.seconds.toFixed(2))),
      },
    ];
  }),
);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  workbook: { file, rows, bytes: statSync(file).size },
  runs: summary,
};
mkdirSync(join(import.meta.dirname, "results"), { recursive: true });
const outFile = join(import.meta.dirname, "results", "xlsx.json");
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
for (const [m, s] of Object.entries(summary))
  console.log(`${m}: ${s.rowsPerSec} rows/s (median of ${s.rounds.join(", ")} s), peak ${s.peakRssMB} MB`);
console.log(`→ ${outFile}`);
