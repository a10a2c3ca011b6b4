/**
 * Values where xborder disagreed with independent validators (python-stdnum, libphonenumber,
 * id-validator, idcard) and the standard is on their side (issue 19 §2). Each value with the
 * clause that decides it, through both cores: `detect` (the JavaScript scanner) and a CSV scan
 * (the native core where it was built).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { idCheck, luhnCheck } from "../bench/corpus.js";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { detect } from "../src/scan/detect.js";
import { scanPaths } from "../src/scan/scan.js";

const AS_OF = "2026-06-30";
const dir = mkdtempSync(join(tmpdir(), "xborder-disagree-"));
const id = (division: string) => {
  const first17 = `${division}19850612123`;
  return first17 + idCheck(first17);
};
const types = (v: string) => detect(v, AS_OF).map((f) => f.type);
async function nativeTypes(v: string): Promise<string[]> {
  const file = join(dir, `${v}.csv`);
  writeFileSync(file, `c1\n${v}\n`);
  const r = await scanPaths([file], { asOf: AS_OF, workers: 1 });
  return Object.keys(r.entities);
}
async function both(v: string): Promise<string[][]> {
  return [types(v), await nativeTypes(v)];
}

describe("resident ID numbers: division codes on real cards (GB 11643 §5.2: the code of the place of first registration)", () => {
  const codes: [string, string][] = [
    ["232702", "松岭区"],
    ["232703", "新林区"],
    ["232704", "呼中区"],
    ["370903", "岱岳区"],
    ["460321", "西沙群岛"],
    ["460322", "南沙群岛"],
    ["460323", "中沙群岛"],
    ["469034", "陵水（省直辖）"],
    ["130101", "石家庄市市辖区"],
    ["440301", "深圳市市辖区"],
  ];
  for (const [code, name] of codes) {
    test(`${code} ${name}`, async () => {
      for (const found of await both(id(code))) assert.deepEqual(found, ["cn_resident_id"], code);
    });
  }
  test("a code never used is still refused", async () => {
    for (const found of await both(id("232799"))) assert.ok(!found.includes("cn_resident_id"));
  });
});

describe("issue 31 §1: codes yescallop/areacodes leaves out (data/areacodes-historic.txt), and unknown codes counted apart", () => {
  // 1990–1994 XX90XX codes of the ministry's lists (rewritten by yescallop's erratum) and GB 2260-80 codes.
  for (const [code, name] of [
    ["139004", "辛集市 (1993–1994)"],
    ["219009", "凌源市 (1991–1994)"],
    ["152829", "凉城县 (1980)"],
    ["132702", "海港区 (1980)"],
  ] as const) {
    test(`${code} ${name}`, async () => {
      for (const found of await both(id(code))) assert.deepEqual(found, ["cn_resident_id"], code);
    });
  }
  test("a valid date and check under a code no edition lists: cn_resident_id_unknown_region, no person", async () => {
    const v = id("119901");
    for (const found of await both(v)) assert.deepEqual(found, ["cn_resident_id_unknown_region"], v);
    const file = join(dir, "unknown-region.csv");
    writeFileSync(file, `身份证号\n${v}\n${id("110101")}\n`);
    const r = await scanPaths([file], { asOf: AS_OF, workers: 1 });
    assert.equal(r.entities.cn_resident_id_unknown_region, 1);
    assert.equal(r.persons.distinct, 1, "only the listed code makes a person");
    // A wrong check digit or date is neither.
    assert.deepEqual(types(v.slice(0, 17) + (v[17] === "0" ? "1" : "0")), []);
  });
});

describe("mobiles: the allocation table (detectors.md §2.1; libphonenumber's metadata agrees)", () => {
  test("179 is allocated to no carrier", async () => {
    for (const found of await both("17912345678")) assert.ok(!found.includes("cn_mobile"), found.join());
  });
  test("174: 1740x and 17410–17412 (Telecom, emergency), 1749 (Inmarsat) — not 17413–17489", async () => {
    for (const v of ["17400012345", "17412012345", "17490012345"])
      for (const found of await both(v)) assert.deepEqual(found, ["cn_mobile"], v);
    for (const v of ["17413012345", "17450012345"]) for (const found of await both(v)) assert.ok(!found.includes("cn_mobile"), v);
  });
});

describe("unified social credit codes (GB 32100-2015)", () => {
  /** A code with its MOD 31 check character (§5.2). */
  const uscc = (first17: string) => {
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...first17].reduce((s, c, k) => s + alphabet.indexOf(c) * w[k]!, 0);
    return first17 + alphabet[(31 - (sum % 31)) % 31]!;
  };
  test("registration authority 3 (司法行政), categories 2–5: notaries, legal services, judicial expertise, arbitration (Annex A)", async () => {
    for (const cat of ["32", "33", "34", "35"]) {
      const v = uscc(`${cat}110000${"12345678"}1`);
      for (const found of await both(v)) assert.deepEqual(found, ["uscc"], v);
    }
  });
  test("a letter authority (A, N, Y …) with letters in the organisation part too (§4: the organisation code may hold letters)", async () => {
    for (const body of ["N2110108MA01A2B3C", "Y1110108MA01A2B3C", "A1110108123456789", "J1110108MA0ABCDEF"]) {
      const v = uscc(body);
      for (const found of await both(v)) assert.deepEqual(found, ["uscc"], v);
      assert.deepEqual(types(`统一社会信用代码：${v}。`), ["uscc"], "inside text too");
    }
  });
  test("a check character X after 17 digits (§5.2: the MOD 31 value 28 is written X)", async () => {
    // find a 17-digit body whose check character is X and that is no ID number
    let v = "";
    for (let k = 0; k < 10_000 && !v.endsWith("X"); k++) v = uscc(`91110000${String(k).padStart(8, "0")}1`);
    assert.ok(v.endsWith("X"));
    for (const found of await both(v)) assert.deepEqual(found, ["uscc"], v);
  });
});

describe("bank cards: one Luhn-valid card per issuer prefix of bankcardinfo's BIN table (data/bank-bins.txt)", () => {
  const bins = readFileSync(new URL("../data/bank-bins.txt", import.meta.url), "latin1")
    .split("\n")
    .filter((l) => /^\d/.test(l))
    .map((l) => l.split(" "));
  /** prefix, then 1234567890… to one short of the length, then the Luhn check digit (no date, so never an ID). */
  const card = (prefix: string, length: number) => {
    const body = (prefix + "12345678901234567890").slice(0, length - 1);
    return body + luhnCheck(body);
  };
  const cards = [...new Set(bins.map(([prefix, length]) => card(prefix!, Number(length))))];
  test(`all ${cards.length} are found by the JavaScript scanner`, () => {
    const missed = cards.filter((c) => !types(c).includes("bank_card"));
    assert.deepEqual(missed, []);
  });
  test("and by the native core (one CSV column), as bank cards only", async () => {
    const file = join(dir, "cards.csv");
    writeFileSync(file, `银行卡号\n${cards.join("\n")}\n`);
    const r = await scanPaths([file], { asOf: AS_OF, workers: 1 });
    assert.equal(r.entities.bank_card, cards.length);
    assert.deepEqual(Object.keys(r.entities), ["bank_card"]);
  });
  test("the cases the review named: ICBC 9558 (19), ABC 95595–95599, BOC 601382, 15-digit 37xxxx", () => {
    for (const c of [card("9558", 19), card("95595", 19), card("95599", 19), card("601382", 19)])
      assert.ok(types(c).includes("bank_card"), c);
    const amex = bins.find(([p, n]) => p!.startsWith("37") && n === "15");
    assert.ok(amex, "a 15-digit 37xxxx prefix is in the table");
    assert.ok(types(card(amex[0]!, 15)).includes("bank_card"));
  });
});

describe("issue 31 §2: UnionPay's 81 range and the domestic prefixes banks-db adds", () => {
  const card = (prefix: string, length: number) => {
    const body = (prefix + "12345678901234567890").slice(0, length - 1);
    return body + luhnCheck(body);
  };
  test("IIN 8100–8171, 16 to 19 digits, are bank cards on both cores; 8172 and 15 digits are not", async () => {
    for (const prefix of ["8100", "8110", "8131", "8163", "8171"])
      for (const length of [16, 17, 18, 19]) {
        const v = card(prefix, length);
        for (const found of await both(v)) assert.deepEqual(found, ["bank_card"], v);
      }
    for (const v of [card("8172", 16), card("8099", 19)]) for (const found of await both(v)) assert.ok(!found.includes("bank_card"), v);
  });
  test("998801, 998802, 955880, 911121 at 19 digits (banks-db's Chinese prefixes, data/bank-bins.txt)", async () => {
    for (const prefix of ["998801", "998802", "955880", "911121"]) {
      const v = card(prefix, 19);
      for (const found of await both(v)) assert.deepEqual(found, ["bank_card"], v);
    }
  });
});

describe("issue 31 §3: mobiles judged against libphonenumber's metadata (libphonenumber-js, devDependency)", () => {
  const libMobile = (v: string) => {
    const x = parsePhoneNumberFromString(v, "CN");
    return !!x && x.isValid() && (x.getType() === "MOBILE" || x.getType() === "FIXED_LINE_OR_MOBILE");
  };
  test("1610 (China Broadnet) is a mobile on both cores, as libphonenumber says; 1611 is not", async () => {
    for (const found of await both("16100012345")) assert.deepEqual(found, ["cn_mobile"]);
    for (const found of await both("16110012345")) assert.ok(!found.includes("cn_mobile"));
    assert.ok(libMobile("16100012345") && !libMobile("16110012345"));
  });
  test("a mobile written with the long-distance 0 (013…): a mobile on both cores, the same person as without it", async () => {
    for (const found of await both("013912345678")) assert.deepEqual(found, ["cn_mobile"]);
    assert.ok(libMobile("013912345678"));
    assert.equal(detect("013912345678", AS_OF)[0]?.canonical, "13912345678");
    const file = join(dir, "trunk0.csv");
    writeFileSync(file, "手机\n013912345678\n13912345678\n");
    const r = await scanPaths([file], { asOf: AS_OF, workers: 1 });
    assert.equal(r.persons.distinct, 1);
    // 010 + 8 digits is Beijing's landline, 11 long; 12 digits from 010 are neither.
    assert.deepEqual(types("01062345678"), ["cn_landline"]);
  });
  test("every 4-digit prefix 1300–1999 agrees with libphonenumber except the segments MIIT allocates that it lacks", () => {
    const disagree: string[] = [];
    for (let p = 1300; p <= 1999; p++) {
      const v = `${p}1234567`;
      if (types(v).includes("cn_mobile") !== libMobile(v)) disagree.push(String(p));
    }
    // 149: China Telecom's data-card segment, voice allowed (detectors.md §2.1); 17410–17412: MIIT's
    // emergency communications; 1749: Inmarsat (Beijing Marine). libphonenumber lists none of them.
    assert.deepEqual(disagree, ["1490", "1491", "1492", "1493", "1494", "1495", "1496", "1497", "1498", "1499", "1741", "1749"]);
  });
});
