/**
 * The scanner on real files of every format it reads, with known contents: a generated
 * customer export (exact truth, one thread and split over worker threads), a two-sheet
 * workbook of patients, a Parquet file of location tracks, nested JSON Lines with passports,
 * permits and ID numbers written as bare JSON numbers, free Chinese text, decoys, and a
 * PostgreSQL table and schema (CI; skipped without a server).
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { parquetWriteBuffer } from "hyparquet-writer";
import { idCheck, writeCustomers } from "../bench/corpus.js";
import { scanPaths } from "../src/scan/scan.js";
import { xborder } from "./helpers.js";

const AS_OF = "2026-11-22";
const dir = mkdtempSync(join(tmpdir(), "xborder-formats-"));
const withCheck = (first17: string) => first17 + idCheck(first17);
const col = (r: { columns: { name: string; type: string; sensitive: boolean }[] }, name: string) => r.columns.find((c) => c.name === name);

describe("a generated customer export comes out exactly", () => {
  test("entities, people, minors and card holders equal the generator's truth, on one thread and on several", async () => {
    const file = join(dir, "customers.csv");
    const truth = await writeCustomers(file, 5000, 11);
    const one = await scanPaths([file], { asOf: AS_OF, workers: 1 });
    const split = await scanPaths([file], { asOf: AS_OF, workers: 3, splitBytes: 1 });
    for (const r of [one, split]) {
      assert.equal(r.files[0]?.records, truth.records);
      assert.deepEqual(r.entities, truth.entities);
      assert.deepEqual(r.persons, { distinct: truth.people, sensitive: truth.minors + truth.cardHolders - overlap(r) });
      assert.deepEqual(r.sensitiveCategories, { financial_account: truth.cardHolders, minor_under_14: truth.minors });
      assert.equal(col(r, "姓名")?.type, "person_name");
      assert.equal(col(r, "地址")?.type, "address");
      assert.equal(col(r, "银行卡号")?.sensitive, true);
      assert.equal(col(r, "订单号")?.type, "unknown", "order numbers are not ID numbers or credit codes");
      assert.equal(col(r, "客户编号")?.type, "unknown", "customer numbers C00000001 are not permits");
    }
    assert.deepEqual(split.columns, one.columns);
  });
});

describe("worker threads", () => {
  test("a cut that falls inside a multi-line quoted field (after the first MiB) is noticed, and the file is read on one thread", async () => {
    const file = join(dir, "multiline.csv");
    const plain = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => `${from + i},138${String(from + i).padStart(8, "0")},普通备注内容普通备注内容\n`).join("");
    // Before, a note of 1.5 MB over thousands of lines (the middle of the file), after.
    const note = `"${Array.from({ length: 30000 }, (_, i) => `第${i}行 13900139000 备注`).join("\n")}"`;
    writeFileSync(file, `编号,手机,备注\n${plain(0, 20000)}x,13700137000,${note}\n${plain(20000, 20000)}`);
    const one = await scanPaths([file], { asOf: AS_OF, workers: 1 });
    const two = await scanPaths([file], { asOf: AS_OF, workers: 2, splitBytes: 1 });
    assert.equal(one.files[0]?.records, 40001);
    assert.deepEqual(two.files, one.files);
    assert.deepEqual(two.entities, one.entities);
    assert.deepEqual(two.persons, one.persons);
    assert.deepEqual(two.columns, one.columns);
  });
});

/** People counted in both categories (minors holding cards), from the report itself. */
function overlap(r: { persons: { sensitive: number }; sensitiveCategories: Record<string, number> }): number {
  return Object.values(r.sensitiveCategories).reduce((a, b) => a + b, 0) - r.persons.sensitive;
}

describe("formats", () => {
  test("a two-sheet workbook of patients: every sheet, names and diagnoses typed, medical people counted", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("门诊");
    a.addRow(["姓名", "身份证号", "诊断"]);
    a.addRow(["张伟", withCheck("11010519800101001"), "高血压"]);
    a.addRow(["李娜", withCheck("31011519900202002"), "糖尿病"]);
    a.addRow(["王芳", withCheck("44030520180303003"), ""]);
    const b = wb.addWorksheet("住院");
    b.addRow(["患者", "手机", "病历摘要"]);
    b.addRow(["赵强", "13800138000", "肺炎住院治疗"]);
    b.addRow(["张伟", "13900139000", "术后复查"]);
    await wb.xlsx.writeFile(join(dir, "patients.xlsx"));
    const r = await scanPaths([join(dir, "patients.xlsx")], { asOf: AS_OF, workers: 1 });
    assert.deepEqual(r.files[0], {
      path: join(dir, "patients.xlsx"),
      format: "xlsx",
      encoding: "utf-8",
      records: 5,
      sheets: ["门诊", "住院"],
    });
    assert.deepEqual(r.entities, { cn_resident_id: 3, cn_mobile: 2, person_name: 5 });
    assert.equal(col(r, "门诊!姓名")?.type, "person_name");
    assert.equal(col(r, "住院!患者")?.type, "person_name");
    assert.equal(col(r, "门诊!诊断")?.sensitive, true);
    assert.equal(col(r, "住院!病历摘要")?.sensitive, true);
    // Five people: three by ID, two by mobile (张伟 on the second sheet has only a mobile).
    assert.equal(r.persons.distinct, 5);
    assert.equal(r.sensitiveCategories.medical_health, 4, "everyone with a value in a medical column (王芳's is empty)");
    assert.equal(r.sensitiveCategories.minor_under_14, 1);
  });

  test("a Parquet file of location tracks: one coordinate per fix, whereabouts of each person", async () => {
    const n = 6;
    const buf = parquetWriteBuffer({
      columnData: [
        { name: "mobile", data: Array.from({ length: n }, (_, i) => (i < 3 ? "13800138000" : "13900139000")), type: "STRING" },
        { name: "lat", data: Array.from({ length: n }, (_, i) => 31.230416 + i / 1e4), type: "DOUBLE" },
        { name: "lng", data: Array.from({ length: n }, (_, i) => 121.473701 + i / 1e4), type: "DOUBLE" },
        { name: "id", data: Array.from({ length: n }, (_, i) => BigInt(i)), type: "INT64" },
      ],
    });
    writeFileSync(join(dir, "tracks.parquet"), Buffer.from(buf));
    const r = await scanPaths([join(dir, "tracks.parquet")], { asOf: AS_OF, workers: 1 });
    assert.equal(r.files[0]?.records, n);
    assert.deepEqual(r.entities, { cn_mobile: n, geo_coordinate: n });
    assert.equal(col(r, "lat")?.type, "geo_coordinate");
    assert.equal(col(r, "lng")?.type, "geo_coordinate");
    assert.deepEqual(r.persons, { distinct: 2, sensitive: 2 });
    assert.deepEqual(r.sensitiveCategories, { location_tracking: 2 });
  });

  test("nested JSON Lines: columns by path, passports and permits, ID numbers as bare numbers kept exact", async () => {
    const id = withCheck("11010519491231002");
    const lines = [
      `{"user":{"id":${id.replace("X", "0")},"doc":{"passport":"E12345678"}},"trip":{"to":"HK"}}`,
      `{"user":{"doc":{"permit":"C12345678"}},"contact":["13800138000","x@example.com"]}`,
      `{"user":{"doc":{"permit":"H1234567801"}}}`,
    ];
    writeFileSync(join(dir, "travel.jsonl"), `${lines.join("\n")}\n`);
    const r = await scanPaths([join(dir, "travel.jsonl")], { asOf: AS_OF, workers: 1 });
    const expectId = /X$/.test(id) ? {} : { cn_resident_id: 1 };
    assert.deepEqual(r.entities, { ...expectId, cn_passport: 1, hk_macao_permit: 2, cn_mobile: 1, email: 1 });
    assert.equal(col(r, "user.doc.passport")?.type, "cn_passport");
    assert.equal(col(r, "contact[0]")?.type, "cn_mobile");
    assert.equal(r.persons.distinct, 3);
  });

  test("free Chinese text: names and addresses from context, identifiers anywhere", async () => {
    writeFileSync(
      join(dir, "notes.txt"),
      "客户姓名：王小明，电话13800138000，住址：北京市朝阳区建国路88号。\n联系人李华，地址上海市浦东新区世纪大道100号\n" +
        "今天天气不错，市场部开会讨论思路。请联系王先生。\n赵丽华女士来电；张伟，男，1985年出生。\n",
    );
    const r = await scanPaths([join(dir, "notes.txt")], { asOf: AS_OF, workers: 1 });
    assert.deepEqual(r.entities, { cn_mobile: 1, person_name: 4, address: 2 }, "王先生 alone is not a name");
    assert.equal(r.files[0]?.records, 4);
  });

  test("names: under a name header rare surnames count too; under a meaningless header only surname-led values do", async () => {
    writeFileSync(
      join(dir, "names.csv"),
      "姓名,c2,c3\n仉伟,仉伟,张伟\n张三,张三,李娜\n亓官明,亓官明,王芳\n李娜,李娜,刘洋\n王芳,王芳,陈静\n",
    );
    const r = await scanPaths([join(dir, "names.csv")], { asOf: AS_OF, workers: 1 });
    assert.equal(col(r, "姓名")?.type, "person_name");
    assert.equal(col(r, "c2")?.type, "person_name", "4 of 5 led by a listed surname");
    assert.equal(col(r, "c3")?.type, "person_name");
    assert.equal(r.entities.person_name, 5 + 4 + 5);
  });

  test("a truncated file is named and adds nothing; the other files are counted", async () => {
    const sub = mkdtempSync(join(tmpdir(), "xborder-truncated-"));
    writeFileSync(join(sub, "a-good.csv"), "手机\n13800138000\n");
    writeFileSync(join(sub, "b-cut.csv"), '手机,备注\n13900139000,x\n13700137000,"cut off here');
    const r = await scanPaths([sub], { asOf: AS_OF, workers: 1 });
    assert.match(r.files[1]?.error ?? "", /data row 2: not valid CSV/);
    assert.deepEqual(r.entities, { cn_mobile: 1 });
    assert.equal(r.persons.distinct, 1);
    assert.deepEqual(
      r.columns.map((c) => c.file),
      [join(sub, "a-good.csv")],
    );
  });

  test("Excel's Unicode Text (.txt, UTF-16 with tabs) is read as a table", async () => {
    writeFileSync(join(dir, "export.txt"), Buffer.from("\ufeff姓名\t手机\r\n张伟\t13800138000\r\n李娜\t13900139000\r\n", "utf16le"));
    writeFileSync(join(dir, "memo.txt"), "会议纪要：张伟先生\t13800138000\n下周再议\n");
    const r = await scanPaths([join(dir, "export.txt"), join(dir, "memo.txt")], { asOf: AS_OF, workers: 1 });
    assert.deepEqual(
      r.files.map((f) => [f.format, f.encoding, f.records]),
      [
        ["tsv", "utf-16le", 2],
        ["text", "utf-8", 2],
      ],
    );
    assert.equal(col(r, "姓名")?.type, "person_name");
    assert.equal(col(r, "手机")?.type, "cn_mobile");
  });

  test("full-width digits in a CSV cell are read as digits, and the person is the same as in ASCII", async () => {
    writeFileSync(join(dir, "fullwidth.csv"), "手机,备注\n１３８００１３８０００,ｘ\n13800138000,无\n");
    const r = await scanPaths([join(dir, "fullwidth.csv")], { asOf: AS_OF, workers: 1 });
    assert.deepEqual(r.entities, { cn_mobile: 2 });
    assert.equal(r.persons.distinct, 1);
    assert.equal(col(r, "手机")?.type, "cn_mobile");
  });

  test("decoys: order numbers, timestamps, wrong check digits and version strings find nothing", async () => {
    const bad = withCheck("11010519491231002").replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    writeFileSync(
      join(dir, "decoys.csv"),
      `订单号,时间戳,编号,版本\n202411221234567890,1732252800000,${bad},1.2.3.4.5\n202311221234567891,1700000000123,C20241122,v2.10.3\n`,
    );
    const r = await scanPaths([join(dir, "decoys.csv")], { asOf: AS_OF, workers: 1 });
    assert.deepEqual(r.entities, {});
    assert.equal(r.persons.distinct, 0);
  });
});

const pgUrl = process.env.XBORDER_TEST_PG_URL;
describe("PostgreSQL tables", { skip: pgUrl ? false : "no PostgreSQL server (CI sets XBORDER_TEST_PG_URL)" }, () => {
  const schema = `xb_scan_${process.pid}_${Date.now()}`;
  after(async () => {
    if (!pgUrl) return;
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  });
  test("--table and --schema scan rows through a cursor; bigint IDs keep every digit", async () => {
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    const id = withCheck("11010519800101001").replace("X", "");
    const ok = /^\d{18}$/.test(id) ? id : withCheck("11010519800101002");
    await c.query(`create schema ${schema}`);
    await c.query(`create table ${schema}.customers (name text, id_number bigint, mobile text)`);
    await c.query(`insert into ${schema}.customers values ('张伟', $1, '13800138000'), ('李娜', null, '13900139000')`, [ok]);
    await c.query(`create table ${schema}.orders (order_no text, card text)`);
    await c.query(`insert into ${schema}.orders values ('202411221234567890', '6226095711989751')`);
    await c.end();
    const t = xborder(["scan", pgUrl!, "--table", `${schema}.customers`, "--format", "json", "--as-of", AS_OF]);
    assert.equal(t.code, 0, t.stderr);
    const r = JSON.parse(t.stdout);
    assert.deepEqual(r.entities, { cn_resident_id: 1, cn_mobile: 2, person_name: 2 });
    assert.equal(r.persons.distinct, 2);
    assert.equal(r.columns.find((x: { name: string }) => x.name === "id_number").type, "cn_resident_id");
    const s = JSON.parse(xborder(["scan", pgUrl!, "--schema", schema, "--format", "json", "--as-of", AS_OF]).stdout);
    assert.deepEqual(
      s.files.map((f: { path: string; records: number }) => [f.path, f.records]),
      [
        [`${schema}.customers`, 2],
        [`${schema}.orders`, 1],
      ],
    );
    assert.equal(s.entities.bank_card, 1);
    const missing = xborder(["scan", pgUrl!, "--table", `${schema}.nope`, "--as-of", AS_OF]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope/);
  });
});
