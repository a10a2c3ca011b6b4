/**
 * The native CSV core (native/scan_core.cc) against the JavaScript core: the same tables, cut
 * into chunks at random places, must give the same counts, column types, people and sensitive
 * categories. Runs where the core is built (`npm ci` builds it where a C++ compiler exists).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, renameSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { writeCustomers } from "../bench/corpus.js";
import { residentIdCheckChar } from "../src/identity/normalize.js";
import { luhn } from "../src/scan/checks.js";
import { ENTITY_TYPES } from "../src/scan/core/entities.js";
import { KeyedHash } from "../src/scan/core/keyed-hash.js";
import { nativeCsvCore } from "../src/scan/core/native.js";
import { PersonTable } from "../src/scan/core/person-table.js";
import { Tally } from "../src/scan/core/tally.js";
import { scanPaths } from "../src/scan/scan.js";
import { CsvScanner, readHeaderLine } from "../src/scan/sources/csv.js";
import { CHUNK } from "../src/scan/sources/files.js";

const built = nativeCsvCore() !== undefined;
const skip = built ? false : "the native scan core is not built (no C++ compiler when npm ci ran)";
const AS_OF = 20261122;

const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
const withLuhn = (body: string) => {
  for (let d = 0; d < 10; d++) if (luhn(body + d)) return body + d;
  throw new Error("unreachable");
};

/** Values of every kind the detectors know, valid and not, in the forms people write them. */
const VALUES = [
  withCheck("11010519491231002"),
  withCheck("44030520150601123"), // a child
  withCheck("44030520150601123").slice(0, 17) + "0", // wrong check (unless it is 0)
  "110105491231002", // legacy 15 digits
  `110105 19491231 ${withCheck("11010519491231002").slice(14)}`,
  withCheck("11010519900307231").replace(/X$/, "x"),
  withCheck("91101840019900307"), // FPR 2023 shape
  "13800138000",
  "+86 138 0013 8000",
  "0086-138-0013-8000",
  "8613800138000",
  "008613800138000",
  "17401234567",
  "12345678901",
  "010-12345678",
  "0755-1234567-123",
  "(010)12345678",
  "(0755) 1234567",
  "02012345678",
  withLuhn("622202123456789"),
  withLuhn("622202123456789012"),
  `6222 0212 3456 ${withLuhn("622202123456789").slice(12)}`,
  withLuhn("898600123456789"),
  "Zhao@Example.com",
  "a.b@c.d",
  "x@y.com.cn",
  "E12345678",
  "G12345678",
  "EA1234567",
  "PE1234567",
  "C12345678",
  "H12345678",
  "H1234567801",
  "L12345678",
  "CA1234567",
  "USA123456789012",
  "京A12345",
  "粤B·D12345",
  "沪A1234学",
  "京A 12345",
  "192.168.1.1",
  "999.1.1.1",
  "2001:db8::1",
  "fe80::1:2",
  "12:30:45",
  '"116.397128,39.916527"',
  "39.9165 116.3971",
  "39.916527",
  "116.397128",
  "54.0000",
  "张三",
  "王小明",
  "欧阳娜娜",
  "阿卜杜·热合曼",
  "李",
  "约翰",
  "北京市朝阳区建国路88号",
  "广东省深圳市南山区科技园",
  "91350100M000100Y43",
  "患有糖尿病",
  "佛教",
  "１３８００１３８０００",
  "ＡＢＣ",
  withLuhn("35693803564380"), // IMEI
  "202421403721045722",
  "1765717479271",
  "客户姓名：张伟，联系电话13800138000，地址北京市朝阳区建国路88号，张伟先生，女，备注：请尽快发货谢谢谢谢谢谢谢谢",
  "订单备注：王芳女士的包裹放在前台，联系人李娜，上海市浦东新区世纪大道100号，请勿重复派送，谢谢您的配合与支持",
  "",
  " ",
  "abc",
  "a@",
  "::",
  "100",
  "3.14159",
];
const HEADERS = ["姓名", "身份证号", "手机", "纬度", "经度", "坐标", "台胞证号", "编号", "病史", "地址", "c3", "email", "备注", "order_no"];

const cell = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.tuple(fc.constantFrom(...VALUES), fc.constantFrom(" ", "，", "x", "号", ";", "/"), fc.constantFrom(...VALUES)).map((t) => t.join("")),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...VALUES).map((v) => `"${v.replaceAll('"', '""')},\n${v}"`),
);

const table = fc.record({
  delimiter: fc.constantFrom(",", "\t", ";"),
  headers: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 6 }),
  rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { minLength: 1, maxLength: 30 }),
  crlf: fc.boolean(),
  cuts: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }),
});

/** A person table's [hi, lo, categories] triples, sorted. */
function tagsOf(people: PersonTable): string[] {
  const t = people.export();
  const out: string[] = [];
  for (let i = 0; i < t.length; i += 3) out.push(`${t[i]}:${t[i + 1]}:${t[i + 2]}`);
  return out.sort();
}

function scanWith(core: "js" | "native", text: string | Buffer, delimiter: string, cuts: number[]) {
  process.env.XBORDER_SCAN_CORE = core;
  try {
    const bytes = Buffer.from(text);
    const header = readHeaderLine(bytes, delimiter)!;
    const people = new PersonTable();
    const tally = new Tally(people, new KeyedHash(Buffer.from("0123456789abcdef")), 3);
    const csv = new CsvScanner(header, AS_OF, tally);
    assert.equal(csv.core, core);
    let at = header.length;
    for (let k = 0; at < bytes.length; k++) {
      const n = cuts[k % cuts.length]!;
      csv.push(bytes.subarray(at, at + n));
      at += n;
    }
    csv.end();
    tally.finishColumns("t.csv", csv.columns);
    return {
      records: csv.records,
      unclosedAt: csv.unclosedAt,
      entities: Object.fromEntries(ENTITY_TYPES.map((t, i) => [t, tally.entities[i]])),
      columns: tally.columns,
      counts: csv.columns.map((c) => [...c.counts]),
      people: people.size,
      // The people themselves: both cores must give every person the same keyed tag.
      tags: tagsOf(people),
      categories: people.categoryCounts(8),
    };
  } finally {
    delete process.env.XBORDER_SCAN_CORE;
  }
}

describe("person table", () => {
  // People as [hi, lo, categories]: few distinct keys, so that people repeat and probes collide.
  const person = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 0xff }));
  const parts = fc.array(fc.array(person, { maxLength: 300 }), { minLength: 1, maxLength: 4 });

  for (const core of ["js", "native"] as const)
    test(
      `${core}: distinct people and people per category, kept through adds, merges and absorbs, equal a recount`,
      { skip: core === "native" && skip },
      () => {
        process.env.XBORDER_SCAN_CORE = core;
        try {
          fc.assert(
            fc.property(parts, fc.array(fc.constantFrom("merge", "absorb"), { minLength: 4, maxLength: 4 }), (lists, ways) => {
              const model = new Map<string, number>();
              const tables = lists.map((list) => {
                const t = new PersonTable(16);
                for (const [hi, lo, cats] of list) {
                  t.add(hi * 7919, lo, cats);
                  model.set(`${hi * 7919}:${lo}`, (model.get(`${hi * 7919}:${lo}`) ?? 0) | cats);
                }
                return t;
              });
              const all = tables[0]!;
              tables.slice(1).forEach((t, i) => (ways[i] === "merge" ? all.merge(t.export()) : all.absorb(t)));
              const expected = {
                perBit: [0, 1, 2, 3, 4, 5, 6, 7].map((b) => [...model.values()].filter((c) => c & (1 << b)).length),
                any: [...model.values()].filter((c) => c !== 0).length,
              };
              assert.equal(all.size, model.size);
              assert.deepEqual(all.categoryCounts(8), expected);
              assert.deepEqual(all.recountCategories(8), expected);
            }),
          );
        } finally {
          delete process.env.XBORDER_SCAN_CORE;
        }
      },
    );
});

describe("a person table handed over by the native core", () => {
  /** A table of people filled in JavaScript, and a lazy one over a copy of its slots that counts how often they are taken. */
  function lazyCopy(people: [number, number, number][]) {
    const filled = new PersonTable(16);
    for (const [hi, lo, cats] of people) filled.add(hi, lo, cats);
    const slots = new Uint32Array((filled as unknown as { slots: Uint32Array }).slots);
    const taken = { times: 0 };
    const categories = new Float64Array(17);
    const counts = filled.categoryCounts(16);
    counts.perBit.forEach((n, b) => (categories[b] = n));
    categories[16] = counts.any;
    const lazy = PersonTable.fromNative(
      () => {
        taken.times++;
        return slots;
      },
      slots.length / 4,
      filled.size,
      categories,
    );
    return { filled, lazy, taken };
  }

  test("its slots are taken only when a merge or an export needs them, once", () => {
    const people: [number, number, number][] = [
      [1, 2, 1],
      [3, 4, 0],
      [5, 6, 2],
    ];
    const { filled, lazy, taken } = lazyCopy(people);
    assert.equal(lazy.size, 3);
    assert.deepEqual(lazy.categoryCounts(8), filled.categoryCounts(8));
    const empty = new PersonTable();
    empty.absorb(lazy); // the bigger table's slots are swapped in, not read
    assert.equal(taken.times, 0);
    assert.equal(empty.size, 3);
    const other = new PersonTable();
    other.add(7, 8, 4);
    other.add(1, 2, 4);
    other.absorb(empty); // now the slots are read: people merged into a table that has some
    assert.equal(taken.times, 1);
    assert.equal(other.size, 4);
    assert.deepEqual(other.recountCategories(8), other.categoryCounts(8));
    assert.deepEqual(other.categoryCounts(3), { perBit: [1, 1, 2], any: 3 }); // 1:2 has bits 0 and 2, 5:6 bit 1, 7:8 bit 2
    const again = lazyCopy(people);
    assert.deepEqual([...again.lazy.export()].sort(), [...filled.export()].sort());
    again.lazy.export();
    assert.equal(again.taken.times, 1);
  });
});

describe("native CSV core", { skip }, () => {
  test("gives the JavaScript core's counts, columns and people on random tables cut at random places", () => {
    fc.assert(
      fc.property(table, ({ delimiter, headers, rows, crlf, cuts }) => {
        const nl = crlf ? "\r\n" : "\n";
        const text = `${headers.join(delimiter)}\n${rows.map((r) => r.join(delimiter)).join(nl)}${nl}`;
        assert.deepEqual(scanWith("native", text, delimiter, cuts), scanWith("js", text, delimiter, cuts));
      }),
      { numRuns: Number(process.env.RUNS ?? 400), seed: Number(process.env.SEED ?? 20261123) },
    );
  });

  test("gives the JavaScript core's results on arbitrary bytes (broken UTF-8, control characters, stray quotes)", () => {
    const bytes = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(0x2c, 0x0a, 0x22, 0x0d, 0x40, 0x3a, 0x2e, 0x20, 0x2d, 0x58),
        fc.integer({ min: 0x30, max: 0x39 }),
        fc.constantFrom(0xe4, 0xe5, 0xe9, 0xef, 0xbc, 0xb7, 0xc2, 0x80, 0xbf),
      ),
      { maxLength: 600 },
    );
    fc.assert(
      fc.property(bytes, fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 4 }), (b, cuts) => {
        const text = Buffer.concat([Buffer.from("姓名,手机,纬度,经度\n"), Buffer.from(b)]);
        assert.deepEqual(scanWith("native", text, ",", cuts), scanWith("js", text, ",", cuts));
      }),
      { numRuns: Number(process.env.RUNS ?? 300), seed: Number(process.env.SEED ?? 20261123) },
    );
  });

  test("a file that ends inside quotes is reported as such by both", () => {
    const text = `a,b\n1,2\n"13800138000,1\n`;
    const js = scanWith("js", text, ",", [5]);
    const native = scanWith("native", text, ",", [5]);
    assert.equal(native.unclosedAt, 2, "data row 2");
    assert.deepEqual(native, js);
  });

  test("files of several chunks: a customer export, and a quoted note of many lines across a chunk boundary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xborder-native-big-"));
    const customers = join(dir, "customers.csv");
    const truth = await writeCustomers(customers, 70_000, 5); // ~10.8 MB: several chunks
    const notes = join(dir, "notes.csv");
    const rows = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => `${from + i},138${String(from + i).padStart(8, "0")},张伟,普通备注\n`).join("");
    const note = `"${Array.from({ length: 40_000 }, (_, i) => `第${i}行 13900139000 备注`).join("\n")}"`;
    const before = `编号,手机,姓名,备注\n${rows(0, Math.floor(CHUNK / 40))}x,13700137000,李娜,`;
    const at = Buffer.byteLength(before);
    assert.ok(at < CHUNK && at + Buffer.byteLength(note) > CHUNK, "the note spans the first chunk boundary");
    writeFileSync(notes, `${before}${note}\n${rows(Math.floor(CHUNK / 40), 70_000)}`);
    const scan = async (core: string, file: string, workers: number) => {
      process.env.XBORDER_SCAN_CORE = core;
      try {
        return await scanPaths([file], { asOf: "2026-11-22", workers, splitBytes: 1 });
      } finally {
        delete process.env.XBORDER_SCAN_CORE;
      }
    };
    const counts = (r: Awaited<ReturnType<typeof scan>>) => ({ ...r, samples: Object.keys(r.samples).sort() });
    for (const file of [customers, notes]) {
      const js = await scan("js", file, 1);
      assert.deepEqual(counts(await scan("native", file, 1)), counts(js), file);
      assert.deepEqual(counts(await scan("native", file, 2)), counts(js), `${file}, two threads`);
      process.env.XBORDER_MMAP = "0"; // read(2) into buffers instead of mapped pages
      try {
        assert.deepEqual(counts(await scan("native", file, 1)), counts(js), `${file}, read, not mapped`);
      } finally {
        delete process.env.XBORDER_MMAP;
      }
    }
    const r = await scan("native", customers, 1);
    assert.equal(r.files[0]?.records, truth.records);
    assert.deepEqual(r.entities, truth.entities);
    assert.equal(r.persons.distinct, truth.people);
  });

  test("a file that shrinks while it is scanned is reported as changed; the next file is still scanned", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xborder-native-shrink-"));
    const big = join(dir, "a-customers.csv");
    await writeCustomers(big, 40_000, 7); // ~6 MB: several chunks, mapped
    const small = join(dir, "b-small.csv");
    writeFileSync(small, "姓名,手机\n张伟,13800138000\n");
    for (const mmap of ["1", "0"]) {
      copyFileSync(big, `${big}.orig`);
      let cut = false;
      process.env.XBORDER_MMAP = mmap;
      try {
        const r = await scanPaths([big, small], {
          asOf: "2026-11-22",
          workers: 1,
          // Truncated as the third chunk is handed out: it, or the next one, is past the new end.
          onProgress: (p) => {
            if (!cut && p.file === big && p.bytesDone > 2 * CHUNK) {
              cut = true;
              truncateSync(big, 100_000);
            }
          },
        });
        assert.ok(cut);
        assert.match(r.files[0]?.error ?? "", /changed while it was being read|shrank to 100000 bytes/, `XBORDER_MMAP=${mmap}`);
        assert.equal(r.files[1]?.records, 1);
        assert.equal(r.persons.distinct, 1, "only the other file's person counts");
      } finally {
        delete process.env.XBORDER_MMAP;
        renameSync(`${big}.orig`, big);
      }
    }
  });

  test(
    "mapped files are unmapped when they have been read, not when they are collected",
    { skip: process.platform !== "linux" },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "xborder-native-unmap-"));
      const one = join(dir, "one.csv");
      await writeCustomers(one, 8_000, 3); // ~1.2 MB: mapped
      for (let i = 0; i < 40; i++) copyFileSync(one, join(dir, `copy-${String(i).padStart(2, "0")}.csv`));
      const r = await scanPaths([dir], { asOf: "2026-11-22", workers: 1 });
      assert.equal(r.files.length, 41);
      assert.ok(r.files.every((f) => f.records === 8_000 && !f.error));
      await new Promise((resolve) => setImmediate(resolve)); // unmapping runs as a finalizer, at the next turn
      const left = readFileSync("/proc/self/maps", "utf8")
        .split("\n")
        .filter((l) => l.includes(dir));
      assert.deepEqual(left, []);
    },
  );

  test("a mapped file read past its new end: the core's call throws; elsewhere the process stops naming the file (exit 74)", () => {
    const dir = mkdtempSync(join(tmpdir(), "xborder-native-sigbus-"));
    const file = join(dir, "export.csv");
    writeFileSync(file, Buffer.alloc(1 << 20, 0x31));
    const src = (path: string) => JSON.stringify(new URL(`../src/${path}`, import.meta.url).href);
    const script = `
      import { openSync, truncateSync } from "node:fs";
      import { mapFile } from ${src("native/mapped-file.ts")};
      import { nativeCsvCore } from ${src("scan/core/native.ts")};
      import { PLATE_SUFFIXES } from ${src("scan/core/field-scanner.ts")};
      import { HAN_FEATURES } from ${src("scan/core/han.ts")};
      import { areaCodesText } from ${src("scan/core/validate.ts")};
      const bytes = new Uint8Array(mapFile(openSync(process.argv[1]), 0, 1 << 20, process.argv[1]));
      console.log("before", bytes[900000]);
      truncateSync(process.argv[1], 4096);
      const Core = nativeCsvCore();
      const core = new Core(44, 20261122, new Uint8Array(16), areaCodesText(), HAN_FEATURES, PLATE_SUFFIXES, 3);
      core.setColumns(new Int32Array(3));
      try {
        core.scan(bytes, bytes.length, true);
      } catch (e) {
        console.log("core:", e.message);
      }
      console.log("after", bytes[900000]);`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, file], { encoding: "utf8" });
    assert.equal(r.stdout, "before 49\ncore: the file changed while it was being read (truncated?)\n");
    assert.equal(r.status, 74);
    assert.equal(r.stderr, `xborder: ${file} changed while it was being read (truncated?): stopped\n`);
  });

  test("xborder scan reports the same for a customer export, with every sample masked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xborder-native-"));
    const lines = ["客户编号,姓名,身份证号,手机号,邮箱,银行卡号,地址,备注"];
    for (let i = 0; i < 3000; i++) {
      const id = withCheck(`44030519${String(50 + (i % 60)).padStart(2, "0")}0101${String(i % 1000).padStart(3, "0")}`);
      lines.push(
        [
          `C${i}`,
          ["张伟", "王芳", "李娜"][i % 3],
          id,
          `138${String(i % 2000).padStart(8, "0")}`,
          `u${i % 1500}@example.com`,
          i % 4 ? "" : withLuhn(`6222021234${String(i).padStart(5, "0")}`),
          "北京市朝阳区建国路88号",
          i % 7 ? "无" : "患有高血压",
        ].join(","),
      );
    }
    const file = join(dir, "customers.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const scan = async (core: string) => {
      process.env.XBORDER_SCAN_CORE = core;
      try {
        return await scanPaths([file], { asOf: "2026-11-22", workers: 1 });
      } finally {
        delete process.env.XBORDER_SCAN_CORE;
      }
    };
    const native = await scan("native");
    const js = await scan("js");
    const counts = (r: typeof js) => ({ ...r, samples: Object.keys(r.samples).sort() });
    assert.deepEqual(counts(native), counts(js));
    assert.equal(native.persons.distinct, 3000);
    assert.ok(native.sensitiveCategories.medical_health! > 0);
    for (const list of Object.values(native.samples)) for (const s of list) assert.match(s, /\*/);
  });
});
