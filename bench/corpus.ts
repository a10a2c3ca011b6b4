/**
 * Synthetic customer exports with known contents, for the scanner benchmark and for tests:
 * valid ID numbers (real division codes, real dates, MOD 11-2), allocated mobiles, e-mails,
 * UnionPay cards (Luhn), names, addresses, and decoys that must not count (order numbers,
 * millisecond timestamps, numbers with a wrong check digit). Deterministic for a seed. The order
 * numbers are random 15-digit numbers: a look-alike column the scanner must not count.
 */
import { createWriteStream } from "node:fs";

const AREAS = ["110105", "310115", "440305", "510107", "330106", "420106", "320102", "610113", "370212", "350203"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";
const CITIES = ["北京市朝阳区", "上海市浦东新区", "深圳市南山区", "成都市武侯区", "杭州市西湖区", "武汉市江汉区"];
const ROADS = ["建国路", "世纪大道", "科技园路", "人民南路", "文三路", "解放大道"];
const SEGMENTS = ["138", "139", "150", "186", "199", "166", "177", "135"];
const DOMAINS = ["163.com", "qq.com", "126.com", "gmail.com", "sina.com"];
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Small fast PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function idCheck(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += (first17.charCodeAt(i) - 48) * W[i]!;
  return "10X98765432"[s % 11]!;
}

export function luhnCheck(body: string): string {
  for (let d = 0; d < 10; d++) {
    const v = body + d;
    let sum = 0;
    for (let i = 0; i < v.length; i++) {
      let x = v.charCodeAt(v.length - 1 - i) - 48;
      if (i & 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
      sum += x;
    }
    if (sum % 10 === 0) return String(d);
  }
  return "0";
}

export interface CorpusTruth {
  records: number;
  bytes: number;
  people: number;
  minors: number;
  cardHolders: number;
  entities: { cn_resident_id: number; cn_mobile: number; email: number; bank_card: number; person_name: number; address: number };
}

interface Person {
  name: string;
  id: string;
  mobile: string;
  email: string;
  card: string;
  address: string;
  minor: boolean;
}

/**
 * Writes `records` customer rows (header in Chinese) to `file`. About 1 row in 10 repeats an
 * earlier person; 1 person in 5 has a card; children born 2014–2020 are under 14 on 2026-11-22.
 */
export async function writeCustomers(file: string, records: number, seed = 1): Promise<CorpusTruth> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const ch = (s: string): string => s[Math.floor(r() * s.length)]!;
  const digits = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
    return s;
  };
  const people: Person[] = [];
  const truth: CorpusTruth = {
    records,
    bytes: 0,
    people: 0,
    minors: 0,
    cardHolders: 0,
    entities: { cn_resident_id: 0, cn_mobile: 0, email: 0, bank_card: 0, person_name: 0, address: 0 },
  };
  const newPerson = (k: number): Person => {
    // (division, sequence, birth) is unique per person number k, so the truth is exact.
    const minor = r() < 0.05;
    const day = Math.floor(k / 10_000) + (minor ? 0 : 3000 * Math.floor(r() * 6));
    const birth = new Date(Date.UTC(minor ? 2014 : 1950, 0, 1 + day)).toISOString().slice(0, 10).replaceAll("-", "");
    const first17 = `${AREAS[k % 10]}${birth}${String(Math.floor(k / 10) % 1000).padStart(3, "0")}`;
    const card = r() < 0.2 ? `622202${digits(9)}` : "";
    return {
      name: ch(SURNAMES) + ch(GIVEN) + (r() < 0.6 ? ch(GIVEN) : ""),
      id: first17 + idCheck(first17),
      // Unique per person: the person number in the last 8 digits.
      mobile: pick(SEGMENTS) + String(k % 100_000_000).padStart(8, "0"),
      email: `u${k.toString(36)}${digits(2)}@${pick(DOMAINS)}`,
      card: card ? card + luhnCheck(card) : "",
      address: `${pick(CITIES)}${pick(ROADS)}${1 + Math.floor(r() * 300)}号`,
      minor,
    };
  };
  const out = createWriteStream(file);
  const header = "客户编号,姓名,身份证号,手机号,邮箱,银行卡号,地址,下单时间,订单号,备注\n";
  out.write(header);
  truth.bytes += Buffer.byteLength(header);
  let batch = "";
  for (let i = 0; i < records; i++) {
    let p: Person;
    if (people.length > 0 && r() < 0.1) p = people[Math.floor(r() * people.length)]!;
    else {
      p = newPerson(people.length);
      people.push(p);
      if (p.minor) truth.minors++;
      if (p.card) truth.cardHolders++;
    }
    const e = truth.entities;
    e.cn_resident_id++;
    e.cn_mobile++;
    e.email++;
    e.person_name++;
    e.address++;
    if (p.card) e.bank_card++;
    // Decoys: a random 15-digit order number from 1e14 to 1e15 (0.03 % pass as legacy ID numbers,
    // 0.6 % as IMEIs: the column must be judged a look-alike), a 13-digit timestamp.
    const order = `${1 + Math.floor(r() * 9)}${digits(14)}`;
    const ts = `17${digits(11)}`;
    const note = r() < 0.5 ? "无" : "请尽快发货，谢谢";
    batch += `C${String(i).padStart(8, "0")},${p.name},${p.id},${p.mobile},${p.email},${p.card},${p.address},${ts},${order},${note}\n`;
    if (batch.length > 1 << 16) {
      truth.bytes += Buffer.byteLength(batch);
      if (!out.write(batch)) await new Promise<void>((res) => out.once("drain", () => res()));
      batch = "";
    }
  }
  truth.bytes += Buffer.byteLength(batch);
  out.write(batch);
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  truth.people = people.length;
  return truth;
}
