/**
 * Workbooks as users' tools write them (issue: hostile input, items 1–3): exceljs's streaming
 * writer puts a sheet before its shared strings; a large workbook cut short; Chinese text across
 * the inflater's chunk boundaries. The reader must keep nothing in plaintext on disk, fail cleanly
 * on a cut file while the other files are still reported, and decode every character.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync, copyFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { luhnCheck } from "../bench/corpus.js";
import { scanPaths } from "../src/scan/scan.js";
import { openXlsx } from "../src/scan/sources/xlsx.js";
import { ROOT, xborder } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "xborder-xlsx-"));
const ROWS = 60_000;

/** A valid resident ID number for person i (distinct birth date per person). */
function idNumber(i: number): string {
  const d = new Date(Date.UTC(1950, 0, 1) + (i % 18_000) * 86_400_000); // born 1950–1999
  const base = `110105${d.toISOString().slice(0, 10).replace(/-/g, "")}${String(Math.floor(i / 18_000) * 2 + 1).padStart(3, "0")}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((s, c, k) => s + Number(c) * w[k]!, 0);
  return base + "10X98765432"[sum % 11]!;
}

/** The streaming writer with shared strings: the zip holds sheet1.xml before sharedStrings.xml. */
async function streamedWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet("客户");
  ws.addRow(["姓名", "身份证号", "手机"]).commit();
  for (let i = 0; i < rows; i++) ws.addRow(["王芳", idNumber(i), `139${String(i).padStart(8, "0")}`]).commit();
  ws.commit();
  await wb.commit();
}

const big = join(dir, "big.xlsx");
before(async () => {
  await streamedWorkbook(big, ROWS);
});

describe("workbooks", () => {
  test("the streaming writer's order (sheet before shared strings) is read in memory: every row, every 王芳 whole", async () => {
    const names = readFileSync(big).toString("latin1");
    assert.ok(names.indexOf("xl/worksheets/sheet1.xml") < names.indexOf("xl/sharedStrings.xml"), "the order that made exceljs spool");
    const r = xborder(["scan", big, "--format", "json"], { env: { TMPDIR: mkdtempSync(join(tmpdir(), "xborder-tmp-")) } });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.files[0].records, ROWS);
    assert.equal(report.entities.cn_resident_id, ROWS);
    assert.equal(report.entities.person_name, ROWS, "no name lost to a split character");
    assert.equal(report.persons.distinct, ROWS);
    assert.ok(report.columns.some((c: { name: string; type: string }) => c.name === "客户!姓名" && c.type === "person_name"));
    assert.ok(
      report.samples.person_name.every((s: string) => s === "王*"),
      report.samples.person_name.join(),
    );
  });

  test("nothing of the workbook is written to the temp folder, also when the scan is killed mid-way", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "xborder-tmp-"));
    const child = spawn(process.execPath, [`${ROOT}bin/xborder.js`, "scan", big, "--format", "json"], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: "ignore",
    });
    // Listen before anything can end it: a scan done within the wait has already exited.
    const exited = new Promise((r) => child.once("exit", r));
    await new Promise((r) => setTimeout(r, 700));
    child.kill("SIGKILL");
    await exited;
    const left = readdirSync(tmp);
    assert.deepEqual(left, [], `left in the temp folder: ${left.join(", ")}`);
  });

  test("a large workbook cut short: exit 2 naming it, and the other file is still reported — at every cut", () => {
    const other = join(dir, "other.csv");
    writeFileSync(other, `身份证号\n${idNumber(1)}\n`);
    const size = statSync(big).size;
    for (const fraction of [0.1, 0.5, 0.9]) {
      const cut = join(dir, `cut-${fraction}.xlsx`);
      copyFileSync(big, cut);
      truncateSync(cut, Math.floor(size * fraction));
      const r = xborder(["scan", cut, other, "--format", "json"]);
      assert.equal(r.code, 2, `${fraction}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`cut-${fraction}\\.xlsx: not a readable \\.xlsx workbook`));
      const report = JSON.parse(r.stdout);
      assert.equal(report.files.find((f: { path: string }) => f.path === other)?.records, 1);
      assert.equal(report.entities.cn_resident_id, 1, "nothing counted from the cut workbook");
    }
  });

  test("cells as Excel writes them: inline strings, formula results, booleans, numbers in full, missing cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["a", "b", "c", "d", "e"]);
    ws.addRow([110105900307001, true, { formula: "1+1", result: 2 }, { richText: [{ text: "王" }, { text: "芳" }] }, null]);
    ws.getCell("E3").value = "only E";
    const path = join(dir, "cells.xlsx");
    await wb.xlsx.writeFile(path);
    const book = await openXlsx(path);
    try {
      const rows: string[][] = [];
      for await (const row of book.sheets[0]!.rows) rows.push(row);
      assert.deepEqual(rows, [
        ["a", "b", "c", "d", "e"],
        ["110105900307001", "true", "2", "王芳"],
        ["", "", "", "", "only E"],
      ]);
    } finally {
      book.close();
    }
  });

  test("issue 31 §6: ID and card numbers stored as numbers lost digits: not counted, the column warned; text cells counted", async () => {
    // Excel keeps 15 significant digits: a 16-digit card typed as a number ends in 0, an ID number in 000.
    // Cards whose check digit is 0 make the damage invisible to Luhn: without the check they would count.
    const cards: number[] = [];
    for (let k = 0; cards.length < 40; k++) {
      const body = `622202${String(k).padStart(9, "0")}`;
      if (luhnCheck(body) === "0") cards.push(Number(`${body}0`));
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("员工");
    ws.addRow(["身份证号", "银行卡号", "证件号（文本）", "金额"]);
    cards.forEach((card, i) => ws.addRow([Number(idNumber(i).replace("X", "0")), card, idNumber(i + 100), 12.5]));
    const path = join(dir, "numbers.xlsx");
    await wb.xlsx.writeFile(path);
    const r = await scanPaths([path], { asOf: "2026-06-30", workers: 1 });
    assert.equal(r.entities.bank_card, undefined, "no card from a damaged number");
    assert.equal(r.entities.cn_resident_id, cards.length, "the text column's IDs only");
    const col = (n: string) => r.columns.find((c) => c.name === `员工!${n}`);
    for (const n of ["身份证号", "银行卡号"]) {
      assert.equal(col(n)?.lostDigits, cards.length, n);
      assert.equal(col(n)?.warning, "stored as numbers: digits lost; export as text", n);
    }
    assert.equal(col("证件号（文本）")?.lostDigits, undefined);
    assert.equal(col("金额")?.lostDigits, undefined, "ordinary numbers are fine");
    const text = xborder(["scan", path, "--format", "text"]);
    assert.match(text.stdout, /银行卡号: .*40 cells stored as numbers: digits lost; export as text/);
  });
});
