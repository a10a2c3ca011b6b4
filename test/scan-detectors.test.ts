/**
 * Every detector on its own: what it finds, and the look-alikes it must not report
 * (detectors.md §2.4, §4, §5, §6). Strings are scanned as the scanner scans a cell or a line.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { HINT_LATITUDE, HINT_TAIWAN_PERMIT } from "../src/scan/core/field-scanner.js";
import { KeyedHash } from "../src/scan/core/keyed-hash.js";
import { detect } from "../src/scan/detect.js";
import { normalizeIdentifier } from "../src/identity/normalize.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scanPaths } from "../src/scan/scan.js";

const AS_OF = "2026-11-22";
const types = (s: string, hints = 0) => detect(s, AS_OF, hints).map((f) => f.type);
const only = (s: string, type: string, hints = 0) => assert.deepEqual(types(s, hints), [type], s);
const none = (s: string, hints = 0) => assert.deepEqual(types(s, hints), [], s);

describe("detectors", () => {
  test("landlines: area code and local number; reserved codes and short locals are not", () => {
    for (const s of ["010-62345678", "(0755)2345678", "0755 82345678", "021-87654321-8001", "电话02187654321"]) only(s, "cn_landline");
    for (const s of ["026-62345678", "010-6234567", "0755-0234567", "010-12345678", "400-123-4567"]) none(s);
  });
  test("passports: E + 8, E + letter + 7, G + 8, PE/SE/DE + 7; no I/O, no other shapes", () => {
    for (const s of ["E12345678", "护照EF1260892", "G12345678", "PE1234567", "DE1234567"]) only(s, "cn_passport");
    for (const s of ["EI1234567", "EO1234567", "E1234567", "XE12345678", "e12345678", "E123456789"]) none(s);
  });
  test("HK/Macao permits both ways (C…, H/M…) and Taiwan permits (L + 8; 8 digits only under a telling header)", () => {
    for (const s of ["C12345678", "CA1234567", "H12345678", "M1234567801"]) only(s, "hk_macao_permit");
    for (const s of ["CI1234567", "C1234567", "H123456789"]) none(s);
    only("L12345678", "taiwan_permit");
    none("12345678");
    only("12345678", "taiwan_permit", HINT_TAIWAN_PERMIT);
  });
  test("foreign permanent residence ID cards: 2023 (9 + MOD 11-2) and 2017 (3 letters + 12, 7-3-1)", () => {
    only("911398199012310021", "foreign_permanent_resident_id");
    none("911398199012310022");
    only("KAZ110090123105", "foreign_permanent_resident_id");
    none("KAZ110090123104");
  });
  /** A 2017 FPR card: letters + 11 digits + the ICAO 7-3-1 check over the first 14 characters. */
  const fpr2017 = (letters: string, digits: string) => {
    const chars = [...letters, ...digits].map((c) => (c >= "A" ? c.charCodeAt(0) - 55 : Number(c)));
    return letters + digits + String(chars.reduce((s, v, k) => s + v * [7, 3, 1][k % 3]!, 0) % 10);
  };
  test("issue 31 §5: the 2017 card's nationality is an ISO 3166 alpha-3 code (not CHN), its province and date real", () => {
    only(fpr2017("USA", "31008505121"), "foreign_permanent_resident_id");
    only(fpr2017("KOR", "44031201010"), "foreign_permanent_resident_id");
    for (const [letters, digits] of [
      ["SFX", "31008505121"], // no such country: a courier's tracking number
      ["CHN", "31008505121"], // Chinese citizens get resident IDs
      ["USA", "99008505121"], // no province 99
      ["USA", "31008513401"], // month 13
    ])
      none(fpr2017(letters!, digits!));
  });
  test("issue 31 §5: a 2017 card never displaces the ID number of the same record as its person; none under a tracking header (both cores)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xborder-fpr-"));
    const id = "11010519491231002X";
    const rows = Array.from({ length: 30 }, (_, i) => `${fpr2017("USA", `3100850512${i % 10}`)},${id}`);
    for (const core of ["native", "js"]) {
      const file = join(dir, `fpr-${core}.csv`);
      writeFileSync(file, `备用证件,身份证号\n${rows.join("\n")}\n`);
      const trackingFile = join(dir, `tracking-${core}.csv`);
      writeFileSync(trackingFile, `运单号,手机\n${rows.map((r, i) => `${r.split(",")[0]},139${String(i).padStart(8, "0")}`).join("\n")}\n`);
      const before = process.env.XBORDER_SCAN_CORE;
      process.env.XBORDER_SCAN_CORE = core;
      try {
        const rep = await scanPaths([file], { asOf: AS_OF, workers: 1 });
        assert.equal(rep.entities.foreign_permanent_resident_id, 30, core);
        assert.equal(rep.persons.distinct, 1, `${core}: the ID number names the record's person`);
        const tracking = await scanPaths([trackingFile], { asOf: AS_OF, workers: 1 });
        assert.equal(tracking.entities.foreign_permanent_resident_id, undefined, `${core}: not under 运单号`);
        assert.equal(tracking.persons.distinct, 30, core);
      } finally {
        if (before === undefined) delete process.env.XBORDER_SCAN_CORE;
        else process.env.XBORDER_SCAN_CORE = before;
      }
    }
  });
  test("licence plates: normal, new-energy small and large; no I/O, no short ones", () => {
    for (const s of ["京A12345", "车牌粤B·12345", "粤BD12345", "沪A12345D", "京A1234学"]) only(s, "cn_license_plate");
    for (const s of ["京AI1234", "京A1234", "京ABCDEF", "京A123456789"]) none(s);
  });
  test("IPv4 and IPv6 validated; versions, times and MAC addresses are not", () => {
    only("from 192.168.1.10 at", "ipv4");
    only("2001:db8::1", "ipv6");
    only("fe80::1ff:fe23:4567:890a", "ipv6");
    for (const s of ["1.2.3.4.5", "256.1.1.1", "v1.2.3.4", "12:30:45", "aa:bb:cc:dd:ee:ff"]) none(s);
  });
  test("coordinates: a precise pair inside China (either order), or a latitude under its header", () => {
    only("114.697924,23.746066", "geo_coordinate");
    only("23.746066, 114.697924", "geo_coordinate");
    only("39.904202", "geo_coordinate", HINT_LATITUDE);
    for (const s of ["114.69,23.74", "0.123456,0.654321", "-33.868800,151.209300", "39.904202"]) none(s);
  });
  test("IMEI: 15 digits, Luhn, a known reporting body; a 15-digit order number is not", () => {
    only("IMEI 490154203237518", "imei");
    none("490154203237519");
    none("202411221234567");
  });
  test("unified social credit codes are found as organisations; order numbers passing MOD 31 by chance are not", () => {
    only("91350100M000100Y43", "uscc");
    none("91350100M000100Y44");
    none("202425292811125709");
  });
  test("full-width digits are read as digits (NFKC)", () => {
    only("手机：１３８００１３８０００", "cn_mobile");
  });
  test("the person key of each identifier equals the ledger's normalisation of the same value", () => {
    for (const s of ["11010519491231002x", "610104620927690", "+86 138-0013-8000", "Zhao@Example.com", "EF1260892", "H1234567801"]) {
      const f = detect(s, AS_OF)[0];
      assert.ok(f, s);
      const ledger = normalizeIdentifier(s);
      assert.equal(`${ledger?.canonical}`, `${ledger?.kind === "document" ? "document" : f.type}:${f.canonical}`, s);
    }
  });
});

describe("keyed hash", () => {
  test("HalfSipHash-2-4-64 matches the reference vectors (veorq/SipHash vectors.h)", () => {
    const vectors = [
      "218d1f59b9b83cc8",
      "be552412f8387315",
      "064f39ef7c50eb57",
      "ce0f1a45f7060679",
      "d5e78a175be52ea1",
      "cb9d7c3f2f3db580",
    ];
    const h = new KeyedHash(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]));
    vectors.forEach((hex, n) => {
      h.tag(
        Uint8Array.from({ length: n }, (_, i) => i),
        0,
        n,
      );
      const out = Buffer.alloc(8);
      out.writeUInt32LE(h.lo, 0);
      out.writeUInt32LE(h.hi, 4);
      assert.equal(out.toString("hex"), hex, `input of ${n} bytes`);
    });
  });
});
