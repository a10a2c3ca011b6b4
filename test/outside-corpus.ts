/**
 * A corpus made by outside generators (issue 31), with ground truth per cell: faker's zh_CN
 * locale (names, addresses, e-mail, dates), idcard (resident ID numbers from its own division
 * table, 1980 codes included) and id-validator (15-digit numbers), banks-db's Chinese BIN prefixes
 * (cards, Luhn added), and libphonenumber-js as the judge of which numbers are Chinese mobiles.
 * Made at test time with a fixed seed (the generators' Math.random is seeded while they run), in
 * the shapes teams export: a CRM, an HR roster with emergency contacts, orders with payment
 * serials and tracking numbers, an IoT log, a workbook, nested JSON and free text.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fakerZH_CN as faker } from "@faker-js/faker";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { idCheck, luhnCheck, rng } from "../bench/corpus.js";

const require = createRequire(import.meta.url);
const idcard = require("idcard") as { generateIdcard(o?: { birthday?: string }): string };
const IdValidator = require("id-validator") as new () => { makeID(fifteen?: boolean): string };

export type TruthType = "cn_resident_id" | "cn_mobile" | "bank_card";
/** Where a true identifier is: a cell (row, column) or a place in free text (row, offset). */
export interface TruthItem {
  file: string;
  row: number;
  column?: string;
  offset?: number;
  type: TruthType;
}
export interface OutsideTable {
  file: string;
  /** Text, or a workbook's rows (header first) for the caller to write. */
  text?: string;
  rows?: (string | number)[][];
  truth: TruthItem[];
  /** Distinct natural persons (every role), by their strongest identifier. */
  persons: number;
}

/** Runs `f` with Math.random drawn from a seeded generator (idcard and id-validator use it). */
function seeded<T>(r: () => number, f: () => T): T {
  const saved = Math.random;
  Math.random = r;
  try {
    return f();
  } finally {
    Math.random = saved;
  }
}

export function outsideCorpus(seed: number, rowsPerTable: number): OutsideTable[] {
  const r = rng(seed);
  faker.seed(seed);
  const idv = new IdValidator();
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join("");
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;

  // Resident IDs: idcard's division codes (its table holds 1980s codes too) and faker's birth dates.
  const residentId = (): string =>
    seeded(r, () => {
      const d = faker.date.birthdate({ min: 1930, max: 2023, mode: "year" });
      const birthday = d.toISOString().slice(0, 10).replaceAll("-", "");
      return idcard.generateIdcard({ birthday });
    });
  const legacyId = (): string => seeded(r, () => idv.makeID(true));

  // Mobiles: faker's, and numbers over every segment, kept when libphonenumber judges them mobiles.
  const isMobile = (v: string) => {
    const x = parsePhoneNumberFromString(v, "CN");
    return !!x && x.country === "CN" && x.isValid() && x.getType() === "MOBILE"; // 0043…: Austria's, not ours
  };
  const mobile = (): string => {
    for (;;) {
      const v = r() < 0.5 ? faker.phone.number().replace(/\D/g, "") : `1${3 + Math.floor(r() * 7)}${digits(9)}`;
      if (v.length === 11 && isMobile(v)) return v;
    }
  };

  // Cards: banks-db's Chinese prefixes (brand prefixes 3–5 at 16 digits), UnionPay's 81 range.
  const banksDb = dirname(require.resolve("banks-db/package.json"));
  const prefixes: string[] = [];
  for (const f of readdirSync(join(banksDb, "banks", "cn")).filter((f) => f.endsWith(".json")))
    prefixes.push(...(JSON.parse(readFileSync(join(banksDb, "banks", "cn", f), "utf8")) as { prefixes: number[] }).prefixes.map(String));
  const card = (): string => {
    const prefix = r() < 0.1 ? `81${String(Math.floor(r() * 72)).padStart(2, "0")}` : pick(prefixes);
    const length = /^[345]/.test(prefix) ? 16 : pick([16, 19]);
    const body = prefix + digits(length - 1 - prefix.length);
    return body + luhnCheck(body);
  };

  // Decoys: payment serials of 16 and 19 digits, tracking numbers (letters + 12 digits), order numbers, ICCIDs, ms timestamps.
  const serial = () => `42000${digits(pick([11, 14]))}`;
  const tracking = () => `${pick(["SF", "YT", "JDX", "ZTO"])}${digits(12)}`;
  const orderNo = () => `${1 + Math.floor(r() * 9)}${digits(17)}`;
  const iccid = () => `898600${digits(14)}`;
  const imei = () => {
    const body = `86${digits(12)}`;
    return body + luhnCheck(body);
  };

  const tables: OutsideTable[] = [];
  const n = rowsPerTable;
  /** A pool with repeats: one value in ten is an earlier one (the same person again). */
  const pool = (make: () => string) => {
    const seen: string[] = [];
    return () => {
      const v = seen.length > 0 && r() < 0.1 ? pick(seen) : make();
      seen.push(v);
      return v;
    };
  };

  {
    // CRM: customer ID, name, mobile, e-mail, card, address, order number decoy.
    const file = "crm.csv";
    const truth: TruthItem[] = [];
    const people = new Set<string>();
    const ids = pool(residentId);
    const lines = ["客户编号,姓名,证件号码,手机号码,邮箱,银行卡号,地址,订单号"];
    for (let i = 1; i <= n; i++) {
      const id = i % 25 === 0 ? legacyId() : ids();
      const m = mobile();
      const c = r() < 0.3 ? card() : "";
      lines.push(
        [
          `C${String(i).padStart(8, "0")}`,
          faker.person.fullName(),
          id,
          m,
          faker.internet.email(),
          c,
          faker.location.streetAddress(true),
          orderNo(),
        ].join(","),
      );
      truth.push({ file, row: i, column: "证件号码", type: "cn_resident_id" }, { file, row: i, column: "手机号码", type: "cn_mobile" });
      if (c) truth.push({ file, row: i, column: "银行卡号", type: "bank_card" });
      people.add(id.length === 15 ? upgrade(id) : id);
    }
    tables.push({ file, text: `${lines.join("\n")}\n`, truth, persons: people.size });
  }
  {
    // HR roster: employee and an emergency contact in each row (two people a row).
    const file = "roster.csv";
    const truth: TruthItem[] = [];
    const people = new Set<string>();
    const lines = ["工号,姓名,身份证号,手机,工资卡,紧急联系人,紧急联系人电话,入职日期"];
    for (let i = 1; i <= n; i++) {
      const id = residentId();
      const m = mobile();
      const contact = mobile();
      const c = card();
      lines.push(
        [
          String(100000 + i),
          faker.person.fullName(),
          id,
          m,
          c,
          faker.person.fullName(),
          contact,
          faker.date.past({ years: 10 }).toISOString().slice(0, 10),
        ].join(","),
      );
      truth.push(
        { file, row: i, column: "身份证号", type: "cn_resident_id" },
        { file, row: i, column: "手机", type: "cn_mobile" },
        { file, row: i, column: "工资卡", type: "bank_card" },
        { file, row: i, column: "紧急联系人电话", type: "cn_mobile" },
      );
      people.add(id);
      people.add(`m${contact}`);
    }
    tables.push({ file, text: `${lines.join("\n")}\n`, truth, persons: people.size });
  }
  {
    // Orders: the buyer's mobile, the recipient's name and mobile, payment serials of two lengths, tracking numbers.
    const file = "orders.csv";
    const truth: TruthItem[] = [];
    const people = new Set<string>();
    const buyers = pool(mobile);
    const lines = ["订单号,下单手机,收件人,收件人电话,支付流水号,运单号,金额,下单时间"];
    for (let i = 1; i <= n; i++) {
      const buyer = buyers();
      const recipient = r() < 0.3 ? buyer : mobile();
      lines.push(
        [
          orderNo(),
          buyer,
          faker.person.fullName(),
          recipient,
          serial(),
          tracking(),
          (r() * 1000).toFixed(2),
          String(1_600_000_000_000 + Math.floor(r() * 1e11)),
        ].join(","),
      );
      truth.push({ file, row: i, column: "下单手机", type: "cn_mobile" }, { file, row: i, column: "收件人电话", type: "cn_mobile" });
      people.add(`m${buyer}`);
      people.add(`m${recipient}`);
    }
    tables.push({ file, text: `${lines.join("\n")}\n`, truth, persons: people.size });
  }
  {
    // IoT log: device IMEI and ICCID, the owner's mobile, a position, a timestamp.
    const file = "iot.tsv";
    const truth: TruthItem[] = [];
    const people = new Set<string>();
    const owners = pool(mobile);
    const lines = ["ts\timei\ticcid\towner_mobile\tlng\tlat\tevent"];
    for (let i = 1; i <= n; i++) {
      const m = owners();
      lines.push(
        [
          String(1_700_000_000_000 + i * 1000),
          imei(),
          iccid(),
          m,
          (100 + r() * 20).toFixed(6),
          (25 + r() * 15).toFixed(6),
          pick(["login", "heartbeat", "alarm"]),
        ].join("\t"),
      );
      truth.push({ file, row: i, column: "owner_mobile", type: "cn_mobile" });
      people.add(`m${m}`);
    }
    tables.push({ file, text: `${lines.join("\n")}\n`, truth, persons: people.size });
  }
  {
    // A workbook: identifiers as text, as a careful export keeps them.
    const file = "members.xlsx";
    const truth: TruthItem[] = [];
    const people = new Set<string>();
    const rows: (string | number)[][] = [["姓名", "身份证号", "手机", "会员卡号", "积分"]];
    for (let i = 1; i <= n; i++) {
      const id = residentId();
      const m = mobile();
      const c = card();
      rows.push([faker.person.fullName(), id, m, c, Math.floor(r() * 10000)]);
      truth.push(
        { file, row: i, column: "Sheet1!身份证号", type: "cn_resident_id" },
        { file, row: i, column: "Sheet1!手机", type: "cn_mobile" },
        { file, row: i, column: "Sheet1!会员卡号", type: "bank_card" },
      );
      people.add(id);
    }
    tables.push({ file, rows, truth, persons: people.size });
  }
  {
    // Nested JSON: a user with documents and payment methods.
    const file = "users.jsonl";
    const truth: TruthItem[] = [];
    const people = new Set<string>();
    const lines: string[] = [];
    for (let i = 1; i <= n; i++) {
      const id = residentId();
      const m = mobile();
      const c = card();
      lines.push(
        JSON.stringify({
          user: { name: faker.person.fullName(), idCard: id, contact: { phone: m } },
          payment: { card: c, serial: serial() },
          orderId: orderNo(),
        }),
      );
      truth.push(
        { file, row: i, column: "user.idCard", type: "cn_resident_id" },
        { file, row: i, column: "user.contact.phone", type: "cn_mobile" },
        { file, row: i, column: "payment.card", type: "bank_card" },
      );
      people.add(id);
    }
    tables.push({ file, text: `${lines.join("\n")}\n`, truth, persons: people.size });
  }
  {
    // Free text: a service log, one case a line.
    const file = "notes.txt";
    const truth: TruthItem[] = [];
    const people = new Set<string>();
    const lines: string[] = [];
    for (let i = 1; i <= n; i++) {
      const id = residentId();
      const m = mobile();
      const head = `${faker.date.past().toISOString().slice(0, 10)} 客户${faker.person.fullName()}来电，身份证号`;
      const mid = `，手机`;
      const tail = `，反映订单${orderNo()}未送达，运单${tracking()}，请回电。`;
      lines.push(head + id + mid + m + tail);
      truth.push(
        { file, row: i, offset: head.length, type: "cn_resident_id" },
        { file, row: i, offset: head.length + id.length + mid.length, type: "cn_mobile" },
      );
      people.add(id);
    }
    tables.push({ file, text: `${lines.join("\n")}\n`, truth, persons: people.size });
  }
  return tables;
}

/** A 15-digit number as its 18-digit form (GB 11643-1999: 19 inserted, the check appended). */
function upgrade(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheck(first17);
}
