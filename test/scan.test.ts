/** The scanner: validated detectors, encodings, people, and masked output. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { residentIdCheckChar } from "../src/identity/normalize.js";
import { isUscc, luhn, parseResidentId } from "../src/scan/checks.js";
import { detect } from "../src/scan/detect.js";
import { xborder } from "./helpers.js";

const AS_OF = "2026-11-22";
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
const cardWithLuhn = (body: string) => {
  for (let d = 0; d < 10; d++) if (luhn(body + d)) return body + d;
  throw new Error("unreachable");
};

describe("validation", () => {
  test("GB 11643: the standard's example, a wrong check, a future birth, an abolished division", () => {
    assert.ok(parseResidentId("11010519491231002X", AS_OF));
    assert.equal(parseResidentId("110105194912310021", AS_OF), undefined);
    assert.equal(parseResidentId(withCheck("11010520301231002"), AS_OF), undefined, "born after the scan date");
    assert.equal(parseResidentId(withCheck("99010519491231002"), AS_OF), undefined, "no such division");
    assert.ok(parseResidentId(withCheck("11010319800101001"), AS_OF), "崇文区 110103, abolished 2010, stays valid");
    assert.equal(parseResidentId("610104620927690", AS_OF)?.id18, "610104196209276908", "15 digits upgrade to 18");
  });
  test("USCC MOD 31 and Luhn", () => {
    assert.ok(isUscc("91350100M000100Y43"));
    assert.ok(!isUscc("91350100M000100Y44"));
    assert.ok(luhn("6226095711989751"));
    assert.ok(!luhn("6214832018989180"));
  });
  test("look-alikes are not reported", () => {
    for (const decoy of [
      "订单号 202611221234567890",
      "ts 1700000000000",
      "卡 6214832018989180",
      "ICCID 89860012345678901234",
      "mobile 14212345678",
      "110105194912310021",
    ]) {
      assert.deepEqual(
        detect(decoy, AS_OF).map((f) => f.type),
        [],
        decoy,
      );
    }
  });
  test("written forms of one mobile have one canonical value", () => {
    const forms = ["13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "0086 13800138000", "86-13800138000"];
    for (const f of forms) assert.equal(detect(`电话:${f}。`, AS_OF)[0]?.canonical, "13800138000", f);
  });
  test("a child under 14 on the scan date", () => {
    assert.equal(detect(withCheck("11010520150101001"), AS_OF)[0]?.minor, true);
    assert.equal(detect(withCheck("11010520121122001"), AS_OF)[0]?.minor, false, "14 today is no longer under 14");
  });
});

describe("properties", () => {
  // Random text that cannot extend a number (full-width digits and letters count as theirs: NFKC).
  const filler = fc
    .string({ unit: "grapheme", maxLength: 20 })
    .map((s) => [...s].map((ch) => (/[0-9A-Za-z+@.-]/.test(ch.normalize("NFKC")) ? "，" : ch)).join(""));
  const id = fc
    .record({
      area: fc.constantFrom("110105", "440305", "310115", "510107", "620102"),
      y: fc.integer({ min: 1930, max: 2025 }),
      doy: fc.integer({ min: 0, max: 364 }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ area, y, doy, seq }) =>
      withCheck(
        `${area}${new Date(Date.UTC(y, 0, 1 + doy)).toISOString().slice(0, 10).replaceAll("-", "")}${String(seq).padStart(3, "0")}`,
      ),
    );
  const card = fc.integer({ min: 0, max: 999_999_999 }).map((n) => cardWithLuhn(`622202${String(n).padStart(9, "0")}`));
  const mutate = (s: string, pos: number, delta: number) => {
    const i = pos % (s.length - 1);
    const d = (Number(s[i]) + 1 + (delta % 9)) % 10;
    return s.slice(0, i) + d + s.slice(i + 1);
  };

  test("a valid ID number in random text is found; any one-digit change is not", () => {
    fc.assert(
      fc.property(filler, id, filler, fc.nat(), fc.nat(), (a, v, b, pos, delta) => {
        assert.ok(detect(`${a}${v}${b}`, AS_OF).some((f) => f.type === "cn_resident_id" && f.canonical === v));
        const bad = mutate(v, pos, delta);
        assert.ok(!detect(`${a}${bad}${b}`, AS_OF).some((f) => f.type === "cn_resident_id"), bad);
      }),
      { numRuns: 300 },
    );
  });
  test("a valid card number in random text is found; any one-digit change is not", () => {
    fc.assert(
      fc.property(filler, card, filler, fc.nat(), fc.nat(), (a, v, b, pos, delta) => {
        assert.ok(detect(`${a}${v}${b}`, AS_OF).some((f) => f.type === "bank_card"));
        assert.ok(!detect(`${a}${mutate(v, pos, delta)}${b}`, AS_OF).some((f) => f.type === "bank_card"));
      }),
      { numRuns: 300 },
    );
  });
  test("an allocated mobile in random text is found; an unallocated segment is not", () => {
    fc.assert(
      fc.property(
        filler,
        fc.constantFrom("138", "159", "186", "199", "166", "147"),
        fc.integer({ min: 0, max: 99_999_999 }),
        filler,
        (a, seg, n, b) => {
          const m = `${seg}${String(n).padStart(8, "0")}`;
          assert.ok(detect(`${a}${m}${b}`, AS_OF).some((f) => f.type === "cn_mobile" && f.canonical === m));
          assert.ok(!detect(`${a}154${m.slice(3)}${b}`, AS_OF).some((f) => f.type === "cn_mobile"));
        },
      ),
      { numRuns: 300 },
    );
  });
  test("no input crashes the detectors", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        detect(s, AS_OF);
      }),
      { numRuns: 500 },
    );
  });
});

describe("xborder scan", () => {
  const dir = mkdtempSync(join(tmpdir(), "xborder-scan-"));
  const adult = "11010519491231002X";
  const child = withCheck("44030520150601002");
  writeFileSync(
    join(dir, "customers.csv"),
    `姓名,身份证号,手机,银行卡,诊断\n张三,${adult},138-0013-8000,6226095711989751,\n李四,${child},+86 139 0013 9000,,哮喘\n张三,${adult.toLowerCase()},13800138000,,\n王五,,13700137000,,\n`,
  );
  writeFileSync(
    join(dir, "gbk.csv"),
    Buffer.from(new Uint8Array([...Buffer.from("c1,c2\n"), ...[0xd5, 0xc5, 0xc8, 0xfd], ...Buffer.from(",13600136000\n")])),
  );
  const utf16 = Buffer.from(`\ufeffname\tmobile\nx\t13500135000\n`, "utf16le");
  writeFileSync(join(dir, "people.tsv"), utf16);
  writeFileSync(join(dir, "events.jsonl"), `${JSON.stringify({ user: { contact: { email: "Zhao@Example.com" } } })}\n{broken\n`);

  test("reports entities, people, sensitive categories, columns and encodings; masks samples", () => {
    const r = xborder([
      "scan",
      join(dir, "customers.csv"),
      join(dir, "gbk.csv"),
      join(dir, "people.tsv"),
      "--format",
      "json",
      "--as-of",
      AS_OF,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.deepEqual(
      s.files.map((f: { encoding: string; records: number }) => [f.encoding, f.records]),
      [
        ["utf-8", 4],
        ["gb18030", 1],
        ["utf-16le", 1],
      ],
    );
    assert.equal(s.entities.cn_resident_id, 3);
    assert.equal(s.entities.cn_mobile, 6);
    assert.equal(s.entities.bank_card, 1);
    assert.deepEqual(s.persons, { distinct: 5, sensitive: 2 });
    assert.deepEqual(s.sensitiveCategories, { financial_account: 1, minor_under_14: 1, medical_health: 1 });
    const col = (name: string) => s.columns.find((c: { name: string }) => c.name === name);
    assert.equal(col("身份证号").type, "cn_resident_id");
    assert.equal(col("c2").type, "cn_mobile", "typed from values under a meaningless header");
    assert.equal(col("诊断").sensitive, true);
    assert.doesNotMatch(r.stdout, new RegExp(`${adult}|13800138000|6226095711989751`), "no full identifier in the report");
  });
  test("a corrupt file is named, and the other files are still reported", () => {
    const r = xborder(["scan", dir, "--format", "json", "--as-of", AS_OF]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /events\.jsonl:2: not valid JSON/);
    const s = JSON.parse(r.stdout);
    assert.equal(s.files.length, 4);
    assert.ok(s.entities.cn_resident_id >= 3);
  });
  test("--emit-dataset prints a data-map entry and persons counts that validate as a data map", async () => {
    const r = xborder(["scan", join(dir, "customers.csv"), "--emit-dataset", "--as-of", AS_OF]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /datasets:\n {2}- id: customers\n {4}personalInformation: true\n {4}sensitive:\n {6}- financial_account\n {6}- medical_health\n {6}- minor_under_14/,
    );
    const j = JSON.parse(xborder(["scan", join(dir, "customers.csv"), "--emit-dataset", "--format", "json", "--as-of", AS_OF]).stdout);
    assert.deepEqual(j.persons, { general: 3, sensitive: 2 });
    const { validateDataMap } = await import("../src/engine/datamap.js");
    assert.doesNotThrow(() =>
      validateDataMap({
        xborder: 1,
        processor: { name: "x" },
        recipients: [{ id: "r", region: "US" }],
        datasets: [j.dataset],
        transfers: [{ id: "t", dataset: "customers", recipient: "r", persons: j.persons }],
      }),
    );
  });
});

describe("scan: databases and usage", () => {
  test("an unreachable database is named without its password, exit 1, no stack trace", () => {
    const r = xborder(["scan", "postgres://me:secret@127.0.0.1:1/x", "--table", "t", "--as-of", AS_OF]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /postgres:\/\/\*\*\*@127\.0\.0\.1:1\/x: cannot connect/);
    assert.doesNotMatch(r.stderr, /secret|at .*\.js/);
  });
  test("--table without a URL, or a URL with other paths, is a usage error (exit 2)", () => {
    assert.equal(xborder(["scan", ".", "--table", "t"]).code, 2);
    assert.equal(xborder(["scan", "postgres://x@127.0.0.1/db", ".", "--table", "t"]).code, 2);
  });
});

describe("errors never quote data", () => {
  test("a broken CSV is reported by line and code, without the cell's content", () => {
    const d = mkdtempSync(join(tmpdir(), "xborder-scan-bad-"));
    writeFileSync(join(d, "bad.csv"), 'a,b\n1,2\n"13800138000,1\n');
    const r = xborder(["scan", join(d, "bad.csv"), "--format", "json", "--as-of", AS_OF]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.csv: data row 2: not valid CSV \(a quoted field is never closed/);
    assert.doesNotMatch(r.stderr + r.stdout, /13800138000/);
  });
});

describe("issue 31 §8: --findings FILE.jsonl", () => {
  test("one line per finding: file, row, column or offset, type, confidence, the value masked; never the raw one", () => {
    const dir = mkdtempSync(join(tmpdir(), "xborder-findings-"));
    const id = withCheck("11010519491231002");
    const mobile = "13912345678";
    writeFileSync(join(dir, "crm.csv"), `姓名,身份证号,手机,备注\n张三,${id},${mobile},无\n李四,,,客户电话 13800138000\n`);
    writeFileSync(join(dir, "notes.txt"), `第一行\n客户张伟，身份证号码${id}，已核验\n`);
    const out = join(dir, "findings.jsonl");
    const r = xborder(["scan", dir, "--format", "json", "--as-of", AS_OF, "--findings", out, "--no-progress"]);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(out, "utf8");
    for (const raw of [id, mobile, "13800138000"]) assert.ok(!text.includes(raw), `${raw} never appears`);
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .map((l): Record<string, unknown> => ({ ...l, file: String(l.file).slice(dir.length + 1) }));
    const report = JSON.parse(r.stdout) as { entities: Record<string, number> };
    const byType: Record<string, number> = {};
    for (const l of lines) byType[l.type as string] = (byType[l.type as string] ?? 0) + 1;
    for (const t of ["cn_resident_id", "cn_mobile"]) assert.equal(byType[t], report.entities[t], `${t}: a line per counted value`);
    assert.deepEqual(
      lines.find((l) => l.file === "crm.csv" && l.type === "cn_resident_id"),
      {
        file: "crm.csv",
        row: 1,
        column: "身份证号",
        type: "cn_resident_id",
        confidence: "high",
        value: "1101**********002X",
      },
    );
    assert.deepEqual(
      lines.find((l) => l.file === "crm.csv" && l.row === 2),
      {
        file: "crm.csv",
        row: 2,
        column: "备注",
        type: "cn_mobile",
        confidence: "medium",
        value: "1380***8000",
      },
    );
    const inText = lines.find((l) => l.file === "notes.txt" && l.type === "cn_resident_id");
    assert.equal(inText?.row, 2);
    assert.equal(inText?.offset, 10, "the character offset in the line");
    assert.ok(!existsSync(`${out}.tmp-${process.pid}`));
  });
  test("a path that cannot be written: a usage error, nothing scanned", () => {
    const r = xborder(["scan", "README.md", "--findings", "/nonexistent-dir/f.jsonl"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--findings: cannot write \/nonexistent-dir\/f\.jsonl/);
  });
});

describe("issue 31 §7: every person in a record, by the role its columns name", () => {
  const roster = (n: number) => {
    const rows = ["姓名,身份证号,手机,银行卡号,紧急联系人,紧急联系人电话"];
    for (let i = 0; i < n; i++) {
      const id = withCheck(`110105198${i % 10}0101${String(100 + (i % 900)).padStart(3, "0")}`.slice(0, 17));
      const card = cardWithLuhn(`622202${String(i).padStart(12, "0")}`);
      // the last employee's contact is the first one's too (siblings): one person
      const contact = `137${String(i === n - 1 ? 0 : i).padStart(8, "0")}`;
      rows.push(`张${i},${id},139${String(i).padStart(8, "0")},${card},李${i},${contact}`);
    }
    return `${rows.join("\n")}\n`;
  };
  for (const core of ["native", "js"]) {
    test(`${core}: an HR roster with emergency contacts holds two people a row; people per role; sensitivity stays the employees'`, () => {
      const dir = mkdtempSync(join(tmpdir(), "xborder-roles-"));
      const n = 500;
      writeFileSync(join(dir, "roster.csv"), roster(n));
      const r = xborder(["scan", join(dir, "roster.csv"), "--format", "json", "--as-of", AS_OF], {
        env: { XBORDER_SCAN_CORE: core },
      });
      assert.equal(r.code, 0, r.stderr);
      const rep = JSON.parse(r.stdout) as { persons: { distinct: number; sensitive: number; byRole?: Record<string, number> } };
      assert.equal(rep.persons.distinct, 2 * n - 1, "each employee and each contact, the shared contact once");
      assert.deepEqual(rep.persons.byRole, { self: n, emergency_contact: n - 1 });
      assert.equal(rep.persons.sensitive, n, "the cards are the employees'");
    });
  }
  test("no role column: no byRole, one person a record as before", () => {
    const r = detectPersons(`手机,联系电话\n13900000001,13900000002\n`);
    assert.equal(r.persons.distinct, 1);
    assert.equal(r.persons.byRole, undefined);
  });
});

function detectPersons(csv: string): { persons: { distinct: number; byRole?: Record<string, number> } } {
  const dir = mkdtempSync(join(tmpdir(), "xborder-roles-"));
  writeFileSync(join(dir, "t.csv"), csv);
  const r = xborder(["scan", join(dir, "t.csv"), "--format", "json", "--as-of", AS_OF]);
  return JSON.parse(r.stdout) as { persons: { distinct: number; byRole?: Record<string, number> } };
}
