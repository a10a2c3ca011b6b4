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
  /**
   * A table of `n` records: `row` gives record i's cells (a line of text for `sep` "", a workbook
   * row for `sep` undefined) and marks its true identifiers and its people.
   */
  const table = (
    file: string,
    header: string[] | undefined,
    sep: string | undefined,
    row: (
      i: number,
      mark: (type: TruthType, column: string | number) => void,
      person: (key: string) => void,
    ) => (string | number)[] | string,
  ) => {
    const truth: TruthItem[] = [];
    const people = new Set<string>();
    const rows: (string | number)[][] = header ? [header] : [];
    const lines: string[] = header && sep ? [header.join(sep)] : [];
    for (let i = 1; i <= n; i++) {
      const cells = row(
        i,
        (type, at) => truth.push(typeof at === "number" ? { file, row: i, offset: at, type } : { file, row: i, column: at, type }),
        (key) => people.add(key),
      );
      if (typeof cells === "string") lines.push(cells);
      else if (sep === undefined) rows.push(cells);
      else lines.push(cells.join(sep));
    }
    tables.push(
      sep === undefined
        ? { file, rows, truth, persons: people.size }
        : { file, text: `${lines.join("\n")}\n`, truth, persons: people.size },
    );
  };

  // CRM: customer ID (one in 25 a 15-digit number), name, mobile, e-mail, card, address, order number decoy.
  const ids = pool(residentId);
  table("crm.csv", ["客户编号", "姓名", "证件号码", "手机号码", "邮箱", "银行卡号", "地址", "订单号"], ",", (i, mark, person) => {
    const id = i % 25 === 0 ? legacyId() : ids();
    const c = r() < 0.3 ? card() : "";
    mark("cn_resident_id", "证件号码");
    mark("cn_mobile", "手机号码");
    if (c) mark("bank_card", "银行卡号");
    person(id.length === 15 ? upgrade(id) : id);
    const address = faker.location.streetAddress(true);
    return [`C${String(i).padStart(8, "0")}`, faker.person.fullName(), id, mobile(), faker.internet.email(), c, address, orderNo()];
  });
  // HR roster: an employee and an emergency contact in each row (two people a row).
  table(
    "roster.csv",
    ["工号", "姓名", "身份证号", "手机", "工资卡", "紧急联系人", "紧急联系人电话", "入职日期"],
    ",",
    (i, mark, person) => {
      const id = residentId();
      const contact = mobile();
      for (const [type, column] of [
        ["cn_resident_id", "身份证号"],
        ["cn_mobile", "手机"],
        ["bank_card", "工资卡"],
        ["cn_mobile", "紧急联系人电话"],
      ] as const)
        mark(type, column);
      person(id);
      person(`m${contact}`);
      const hired = faker.date.past({ years: 10 }).toISOString().slice(0, 10);
      return [String(100000 + i), faker.person.fullName(), id, mobile(), card(), faker.person.fullName(), contact, hired];
    },
  );
  // Orders: the buyer's mobile, the recipient's name and mobile, payment serials of two lengths, tracking numbers.
  const buyers = pool(mobile);
  table(
    "orders.csv",
    ["订单号", "下单手机", "收件人", "收件人电话", "支付流水号", "运单号", "金额", "下单时间"],
    ",",
    (_, mark, person) => {
      const buyer = buyers();
      const recipient = r() < 0.3 ? buyer : mobile();
      mark("cn_mobile", "下单手机");
      mark("cn_mobile", "收件人电话");
      person(`m${buyer}`);
      person(`m${recipient}`);
      const at = String(1_600_000_000_000 + Math.floor(r() * 1e11));
      return [orderNo(), buyer, faker.person.fullName(), recipient, serial(), tracking(), (r() * 1000).toFixed(2), at];
    },
  );
  // IoT log: device IMEI and ICCID, the owner's mobile, a position, a timestamp.
  const owners = pool(mobile);
  table("iot.tsv", ["ts", "imei", "iccid", "owner_mobile", "lng", "lat", "event"], "\t", (i, mark, person) => {
    const m = owners();
    mark("cn_mobile", "owner_mobile");
    person(`m${m}`);
    const [lng, lat] = [(100 + r() * 20).toFixed(6), (25 + r() * 15).toFixed(6)];
    return [String(1_700_000_000_000 + i * 1000), imei(), iccid(), m, lng, lat, pick(["login", "heartbeat", "alarm"])];
  });
  // A workbook: identifiers as text, as a careful export keeps them.
  table("members.xlsx", ["姓名", "身份证号", "手机", "会员卡号", "积分"], undefined, (_, mark, person) => {
    const id = residentId();
    for (const [type, column] of [
      ["cn_resident_id", "身份证号"],
      ["cn_mobile", "手机"],
      ["bank_card", "会员卡号"],
    ] as const)
      mark(type, `Sheet1!${column}`);
    person(id);
    return [faker.person.fullName(), id, mobile(), card(), Math.floor(r() * 10000)];
  });
  // Nested JSON Lines: a user with documents and payment methods.
  table("users.jsonl", undefined, "", (_, mark, person) => {
    const id = residentId();
    for (const [type, column] of [
      ["cn_resident_id", "user.idCard"],
      ["cn_mobile", "user.contact.phone"],
      ["bank_card", "payment.card"],
    ] as const)
      mark(type, column);
    person(id);
    const user = { name: faker.person.fullName(), idCard: id, contact: { phone: mobile() } };
    return JSON.stringify({ user, payment: { card: card(), serial: serial() }, orderId: orderNo() });
  });
  // Free text: a service log, one case a line.
  table("notes.txt", undefined, "", (_, mark, person) => {
    const id = residentId();
    const m = mobile();
    const head = `${faker.date.past().toISOString().slice(0, 10)} 客户${faker.person.fullName()}来电，身份证号`;
    const mid = "，手机";
    mark("cn_resident_id", head.length);
    mark("cn_mobile", head.length + id.length + mid.length);
    person(id);
    return `${head}${id}${mid}${m}，反映订单${orderNo()}未送达，运单${tracking()}，请回电。`;
  });
  return tables;
}

/** A 15-digit number as its 18-digit form (GB 11643-1999: 19 inserted, the check appended). */
function upgrade(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheck(first17);
}
