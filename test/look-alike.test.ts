/**
 * Findings weighed by their column (issue: precision and recall, §1). Labelled columns — look-alikes
 * of each kind and real identifier columns, dense and sparse — scanned through both cores: every
 * real identifier is found (recall 1) and nothing in a look-alike column is (precision 1).
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { idCheck, luhnCheck, rng } from "../bench/corpus.js";
import { lookAlikeColumns } from "../src/scan/core/look-alike.js";
import { type ScanReport, scanPaths } from "../src/scan/scan.js";

const dir = mkdtempSync(join(tmpdir(), "xborder-lookalike-"));
const AS_OF = "2026-06-30";
const ROWS = 3000;
const r = rng(19);
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join("");
const id18 = (i: number) => {
  const first17 = `110105${new Date(Date.UTC(1960, 0, 1 + i)).toISOString().slice(0, 10).replaceAll("-", "")}${String(i % 1000).padStart(3, "0")}`;
  return first17 + idCheck(first17);
};
/** A 15-digit random number from 1e14 to 1e15, made to pass as a legacy ID or an IMEI now and then. */
const order15 = () => `${1 + Math.floor(r() * 9)}${digits(14)}`;

/** The labelled table: column → its cells and how many real identifiers it holds. */
const columns: Record<string, { cells: (i: number) => string; real: number }> = {
  订单号: { cells: order15, real: 0 },
  c2: { cells: order15, real: 0 }, // the same look-alike under a meaningless header
  下单时间: { cells: () => `2024${String(1 + Math.floor(r() * 12)).padStart(2, "0")}15${digits(6)}`, real: 0 }, // 20240315123045
  rand18: { cells: () => `${1 + Math.floor(r() * 9)}${digits(17)}`, real: 0 },
  流水号: { cells: () => `1${digits(10)}`, real: 0 }, // phone-like serials
  c6: { cells: (i) => id18(i), real: ROWS }, // a real ID column, dense, header says nothing
  证件号: { cells: (i) => (i % 10 === 0 ? id18(i + 5000) : ""), real: ROWS / 10 }, // sparse but real
  c8: { cells: (i) => `139${String(i).padStart(8, "0")}`, real: ROWS }, // real mobiles, no header
  备注: { cells: (i) => (i % 3 === 0 ? `客户证件${id18(i + 9000)}已核验` : "无"), real: ROWS / 3 }, // IDs inside text
};
const names = Object.keys(columns);
const cellsOf: string[][] = Array.from({ length: ROWS }, (_, i) => names.map((n) => columns[n]!.cells(i)));

async function scan(core: "native" | "js"): Promise<ScanReport> {
  const file = join(dir, `labelled-${core}.csv`);
  writeFileSync(file, `${names.join(",")}\n${cellsOf.map((row) => row.join(",")).join("\n")}\n`);
  const before = process.env.XBORDER_SCAN_CORE;
  if (core === "js") process.env.XBORDER_SCAN_CORE = "js";
  try {
    return await scanPaths([file], { asOf: AS_OF, workers: 1 });
  } finally {
    if (before === undefined) delete process.env.XBORDER_SCAN_CORE;
    else process.env.XBORDER_SCAN_CORE = before;
  }
}

describe("look-alike columns, both cores", () => {
  for (const core of ["native", "js"] as const) {
    test(`${core}: recall and precision 1 on the labelled columns; the report says why per column`, async () => {
      const rep = await scan(core);
      const ids = columns.c6!.real + columns.证件号!.real + columns.备注!.real;
      assert.equal(rep.entities.cn_resident_id, ids, "every real ID and nothing else");
      assert.equal(rep.entities.cn_mobile, columns.c8!.real, "the phone-like serials are not mobiles");
      assert.equal(rep.entities.imei, undefined);
      assert.equal(rep.entities.bank_card, undefined);
      const col = (n: string) => rep.columns.find((c) => c.name === n)!;
      for (const n of ["订单号", "c2", "下单时间", "rand18", "流水号"]) {
        assert.ok(col(n).lookAlike, `${n} is judged a look-alike`);
        assert.equal(col(n).type, "unknown", n);
      }
      assert.match(col("订单号").lookAlike!.shape, /^15 digits$/);
      for (const n of ["c6", "证件号", "c8", "备注"]) assert.equal(col(n).lookAlike, undefined, n);
      assert.equal(col("c6").type, "cn_resident_id");
      assert.equal(col("c6").validShare, 1);
      assert.equal(col("证件号").type, "cn_resident_id", "sparse: judged on its filled cells");
      assert.equal(rep.persons.distinct, ROWS, "one person a record, by its real ID number");
    });
  }
});

describe("issue 31 §4: a column of payment serials of two lengths, judged length by length, both cores", () => {
  /** 42000 + digits, 16 or 19 long: a Visa prefix, Luhn-valid one time in ten. */
  const serial = () => `42000${digits(r() < 0.5 ? 11 : 14)}`;
  const card = (length: number) => {
    const body = `622848${digits(length - 7)}`;
    return body + luhnCheck(body);
  };
  const rows = Array.from({ length: 2000 }, (_, i) => [serial(), serial(), card(i % 2 ? 16 : 19), `139${String(i).padStart(8, "0")}`]);
  for (const core of ["native", "js"] as const) {
    test(`${core}: no cards from the serials (with or without a telling header); a real column of 16- and 19-digit cards kept`, async () => {
      const file = join(dir, `serials-${core}.csv`);
      writeFileSync(file, `c1,交易号,卡号列,mobile\n${rows.map((row) => row.join(",")).join("\n")}\n`);
      const before = process.env.XBORDER_SCAN_CORE;
      if (core === "js") process.env.XBORDER_SCAN_CORE = "js";
      try {
        const rep = await scanPaths([file], { asOf: AS_OF, workers: 1 });
        assert.equal(rep.entities.bank_card, rows.length, "the real cards only");
        for (const n of ["c1", "交易号"]) assert.match(rep.columns.find((c) => c.name === n)?.lookAlike?.shape ?? "", /^16\/19 digits$/, n);
        assert.equal(rep.columns.find((c) => c.name === "卡号列")?.type, "bank_card");
      } finally {
        if (before === undefined) delete process.env.XBORDER_SCAN_CORE;
        else process.env.XBORDER_SCAN_CORE = before;
      }
    });
  }
});

describe("the verdict", () => {
  const sample = (cells: string[]) => cells.map((c) => [c]);
  test("an identifier header keeps every type; a record-number header asks for more", () => {
    const imei = (k: number) => {
      const body = `35${String(k).padStart(12, "0")}`;
      return body + luhnCheck(body);
    };
    // a third real IMEIs, the rest noise: below the bar for a plain column, kept under an imei header
    const cells = Array.from({ length: 99 }, (_, k) => (k % 3 === 0 ? imei(k) : order15()));
    assert.ok(lookAlikeColumns(["c1"], sample(cells), AS_OF)[0]);
    assert.equal(lookAlikeColumns(["imei"], sample(cells), AS_OF)[0], undefined);
    const mostlyIds = Array.from({ length: 100 }, (_, k) => (k % 5 ? id18(k) : order15().padEnd(18, "0")));
    assert.equal(lookAlikeColumns(["c1"], sample(mostlyIds), AS_OF)[0], undefined, "80 % valid: a real column with noise");
    assert.ok(lookAlikeColumns(["order_no"], sample(mostlyIds), AS_OF)[0], "under order_no 80 % is not enough");
  });
  test("too few filled cells, or cells of mixed shapes: not judged", () => {
    assert.equal(lookAlikeColumns(["c1"], sample(Array.from({ length: 19 }, order15)), AS_OF)[0], undefined);
    const mixed = Array.from({ length: 100 }, (_, k) => (k % 10 ? order15() : `订单${k}`));
    assert.equal(lookAlikeColumns(["c1"], sample(mixed), AS_OF)[0], undefined);
  });
});

describe("look-alike fields of records read through their own parsers (JSON Lines, workbooks, Parquet, PostgreSQL)", () => {
  test("an order-number field in JSON Lines: judged on the first records, nothing found in it; real IDs found", async () => {
    const file = join(dir, "orders.jsonl");
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ order: { no: order15() }, customer: { id: id18(i) } }));
    writeFileSync(file, `${lines.join("\n")}\n`);
    const rep = await scanPaths([file], { asOf: AS_OF, workers: 1 });
    assert.equal(rep.files[0]?.records, 3000);
    assert.equal(rep.entities.imei, undefined);
    assert.equal(rep.entities.cn_resident_id, 3000);
    assert.ok(rep.columns.find((c) => c.name === "order.no")?.lookAlike);
    assert.equal(rep.columns.find((c) => c.name === "customer.id")?.type, "cn_resident_id");
  });
  test("fewer records than the sample: all held, judged at the end, all counted", async () => {
    const file = join(dir, "few.jsonl");
    writeFileSync(file, `${Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: id18(i) })).join("\n")}\n`);
    const rep = await scanPaths([file], { asOf: AS_OF, workers: 1 });
    assert.equal(rep.files[0]?.records, 50);
    assert.equal(rep.entities.cn_resident_id, 50);
  });
});
