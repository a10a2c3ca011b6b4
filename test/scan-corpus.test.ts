/**
 * The scanner on data nobody here wrote (issue 31): a corpus from outside generators
 * (test/outside-corpus.ts: faker zh_CN, idcard, id-validator, banks-db, libphonenumber-js as the
 * judge of mobiles), made at test time with a fixed seed, ground truth per cell. Per detector,
 * precision ≥ 0.99 and recall ≥ 0.95 for resident IDs, mobiles and bank cards (from --findings'
 * positions), and the people counted within 0.5 % of the truth on every table shape, both cores.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { type ScanFinding, scanPaths } from "../src/scan/scan.js";
import { type OutsideTable, type TruthType, outsideCorpus } from "./outside-corpus.js";

const AS_OF = "2026-06-30";
const SEED = Number(process.env.CORPUS_SEED ?? 31);
const ROWS = Number(process.env.CORPUS_ROWS ?? 1500);
const dir = mkdtempSync(join(tmpdir(), "xborder-outside-"));
let tables: OutsideTable[] = [];

before(async () => {
  tables = outsideCorpus(SEED, ROWS);
  for (const t of tables) {
    if (t.text !== undefined) writeFileSync(join(dir, t.file), t.text);
    else {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Sheet1");
      for (const row of t.rows ?? []) ws.addRow(row);
      await wb.xlsx.writeFile(join(dir, t.file));
    }
  }
});

const key = (f: { file: string; row: number; column?: string; offset?: number; type: string }) =>
  `${basename(f.file)}|${f.row}|${f.column ?? ""}|${f.offset ?? ""}|${f.type}`;

describe("issue 31: the outside corpus", () => {
  test("precision ≥ 0.99 and recall ≥ 0.95 per detector (resident IDs, mobiles, bank cards)", async () => {
    const found: ScanFinding[] = [];
    await scanPaths([dir], { asOf: AS_OF, onFinding: (f) => found.push(f) });
    const truth = new Set(tables.flatMap((t) => t.truth.map(key)));
    const lines: string[] = [];
    for (const type of ["cn_resident_id", "cn_mobile", "bank_card"] as TruthType[]) {
      const said = found.filter((f) => f.type === type).map(key);
      const real = tables.flatMap((t) => t.truth.filter((x) => x.type === type).map(key));
      const tp = said.filter((k) => truth.has(k)).length;
      const precision = tp / Math.max(1, said.length);
      const saidSet = new Set(said);
      const recall = real.filter((k) => saidSet.has(k)).length / real.length;
      lines.push(`${type}: ${real.length} true, ${said.length} found, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
      const fps = said.filter((k) => !truth.has(k)).slice(0, 5);
      assert.ok(precision >= 0.99, `${type}: precision ${precision} (e.g. ${fps.join("; ")})`);
      assert.ok(recall >= 0.95, `${type}: recall ${recall}`);
    }
    console.log(`outside corpus, seed ${SEED}, ${ROWS} rows a table:\n  ${lines.join("\n  ")}`);
  });
  for (const core of ["native", "js"] as const) {
    test(`${core}: people within 0.5 % of the truth on every table shape`, async () => {
      const saved = process.env.XBORDER_SCAN_CORE;
      process.env.XBORDER_SCAN_CORE = core;
      try {
        const lines: string[] = [];
        for (const t of tables) {
          const r = await scanPaths([join(dir, t.file)], { asOf: AS_OF, workers: 1 });
          const off = Math.abs(r.persons.distinct - t.persons) / t.persons;
          lines.push(`${t.file}: ${r.persons.distinct} people, truth ${t.persons} (${(off * 100).toFixed(2)} %)`);
          assert.ok(off <= 0.005, `${t.file}: ${r.persons.distinct} people, truth ${t.persons}`);
        }
        console.log(`${core}:\n  ${lines.join("\n  ")}`);
      } finally {
        if (saved === undefined) delete process.env.XBORDER_SCAN_CORE;
        else process.env.XBORDER_SCAN_CORE = saved;
      }
    });
  }
});
