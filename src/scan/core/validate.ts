/**
 * Validators on digit arrays (values 0–9), so the byte scanner checks a candidate without
 * building a string: GB 11643 MOD 11-2 and birth date, historical division codes, Luhn,
 * mobile segments, IMEI reporting bodies (detectors.md §1–3, §6.3).
 */
import { readFileSync } from "node:fs";
import { idCheckValue } from "../../identity/normalize.js";
import { packageFile } from "../../paths.js";

let areaText: Buffer | undefined;
/** data/areacodes.txt: every GB/T 2260 code in use at any time since 1981, one per line (the native core reads it as is). */
export function areaCodesText(): Buffer {
  areaText ??= readFileSync(packageFile("data", "areacodes.txt"));
  return areaText;
}

let areaBitmap: Uint8Array | undefined;
/** The same codes as a bitmap: every line of exactly six digits. */
export function areaCodes(): Uint8Array {
  if (!areaBitmap) {
    const bitmap = new Uint8Array(1_000_000);
    // Byte by byte, as the native core does (split and a regex per line took ~4 ms of a scan's start).
    const t = areaCodesText();
    for (let i = 0; i < t.length;) {
      let end = i;
      while (end < t.length && t[end] !== 0x0a) end++;
      if (end - i === 6) {
        let a = 0;
        let digits = true;
        for (let j = i; j < end; j++) {
          const c = t[j]! - 48;
          if (c < 0 || c > 9) digits = false;
          a = a * 10 + c;
        }
        if (digits) bitmap[a] = 1;
      }
      i = end + 1;
    }
    areaBitmap = bitmap; // only once it is complete: a failed read must not leave an empty list behind
  }
  return areaBitmap;
}

export { idCheckValue } from "../../identity/normalize.js";

function num(d: Uint8Array, o: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 10 + d[o + i]!;
  return v;
}

const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A real date as yyyymmdd, or -1. */
export function dateValue(y: number, m: number, day: number): number {
  if (m < 1 || m > 12 || day < 1 || day > MONTH_DAYS[m]!) return -1;
  if (m === 2 && day === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return -1;
  return y * 10000 + m * 100 + day;
}

/**
 * An 18-character resident ID (check value given separately: 0–9, 10 for X) at `d[o..]`:
 * returns the birth date as yyyymmdd, or -1. Accepts residence permits 810000/820000/830000.
 */
export type ResidentIdDigits = Uint8Array;

export function residentIdBirth(d: Uint8Array, o: number, check: number, asOf: number): number {
  const area = num(d, o, 6);
  if (areaCodes()[area] !== 1 && area !== 810000 && area !== 820000 && area !== 830000) return -1;
  const birth = dateValue(num(d, o + 6, 4), num(d, o + 10, 2), num(d, o + 12, 2));
  if (birth < 18800101 || birth > asOf) return -1;
  return idCheckValue(d, o) === check ? birth : -1;
}

/**
 * An 18-character number with a real birth date and the MOD 11-2 check under a division code the
 * table lacks (province part 11–82): birth yyyymmdd or -1. Reported as cn_resident_id_unknown_region.
 */
export function unknownRegionIdBirth(d: Uint8Array, o: number, check: number, asOf: number): number {
  const province = num(d, o, 2);
  if (province < 11 || province > 82) return -1;
  const birth = dateValue(num(d, o + 6, 4), num(d, o + 10, 2), num(d, o + 12, 2));
  if (birth < 18800101 || birth > asOf) return -1;
  return idCheckValue(d, o) === check ? birth : -1;
}

/** A legacy 15-digit ID (born 19yy): birth yyyymmdd or -1. */
export function legacyIdBirth(d: Uint8Array, o: number, asOf: number): number {
  if (areaCodes()[num(d, o, 6)] !== 1) return -1;
  const birth = dateValue(1900 + num(d, o + 6, 2), num(d, o + 8, 2), num(d, o + 10, 2));
  return birth > 0 && birth <= asOf ? birth : -1;
}

/**
 * Foreigner's Permanent Residence ID, 2023 edition (§1.6): 9 + province (2) + ISO 3166
 * numeric nationality (3) + birth date + 3 + MOD 11-2. Birth yyyymmdd or -1.
 */
export function foreignPrBirth(d: Uint8Array, o: number, check: number, asOf: number): number {
  if (d[o] !== 9 || idCheckValue(d, o) !== check) return -1;
  const province = num(d, o + 1, 2);
  if (province < 11 || province > 65 || areaCodes()[province * 10000] !== 1) return -1;
  const nationality = num(d, o + 3, 3);
  if (nationality === 0 || nationality === 156) return -1;
  const birth = dateValue(num(d, o + 6, 4), num(d, o + 10, 2), num(d, o + 12, 2));
  return birth >= 18800101 && birth <= asOf ? birth : -1;
}

/**
 * ISO 3166-1 alpha-3 codes a foreigner's nationality may take on the 2017 Foreigner's Permanent
 * Residence ID Card (detectors.md §1.6; ISO 3166-1, 249 codes, less CHN, HKG, MAC and TWN, whose
 * residents are Chinese citizens), and ICAO Doc 9303's XXA/XXB/XXC (stateless, refugees).
 */
const NATIONALITY_LIST =
  "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE XXA XXB XXC";
/** The same as a table indexed by (A−'A')·676 + (B−'A')·26 + (C−'A') (also handed to the native core). */
export const NATIONALITIES = new Uint8Array(26 * 26 * 26);
for (const c of NATIONALITY_LIST.split(" "))
  NATIONALITIES[(c.charCodeAt(0) - 65) * 676 + (c.charCodeAt(1) - 65) * 26 + (c.charCodeAt(2) - 65)] = 1;

/**
 * The 2017 Foreigner's Permanent Residence ID Card's fields other than its check (§1.6): three
 * capitals at `b[p..]` naming a nationality, then 12 digits `d[0..]`: a province of issue (two
 * digits of a listed division, then two more), YYMMDD a real date not after the scan date (in
 * the 1900s or 2000s), a sex digit and the check digit.
 */
export function fpr2017FieldsOk(b: Uint8Array, p: number, d: Uint8Array, asOf: number): boolean {
  if (NATIONALITIES[(b[p]! - 65) * 676 + (b[p + 1]! - 65) * 26 + (b[p + 2]! - 65)] !== 1) return false;
  const province = d[0]! * 10 + d[1]!;
  if (province < 11 || province > 65 || areaCodes()[province * 10000] !== 1) return false;
  const yy = d[4]! * 10 + d[5]!;
  const m = d[6]! * 10 + d[7]!;
  const day = d[8]! * 10 + d[9]!;
  const recent = dateValue(2000 + yy, m, day);
  if (recent > 0 && recent <= asOf) return true;
  return dateValue(1900 + yy, m, day) > 0;
}

/** Age in whole years on `asOf` (both yyyymmdd). */
export function ageOn(birth: number, asOf: number): number {
  return Math.floor((asOf - birth) / 10000);
}

export function luhnDigits(d: Uint8Array, o: number, n: number): boolean {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let v = d[o + n - 1 - i]!;
    if (i & 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

/**
 * data/bank-bins.txt (bankcardinfo's BIN table): each issuer prefix with the card length it is
 * issued at, as keys length × 1e11 + prefix digits × 1e10 + prefix (the native core gets the same).
 */
let binKeys: Float64Array | undefined;
let binSet: Set<number> | undefined;
/** Prefix lengths listed for each card length (bit k: a k-digit prefix). */
const binLengths = new Uint16Array(24);
/** First digits any listed prefix of each card length starts with (bit d). */
const binFirst = new Uint16Array(24);
export function bankBinKeys(): Float64Array {
  if (!binKeys) {
    // Byte by byte: "PREFIX LENGTH …" lines; comments and anything else are passed over.
    const t = readFileSync(packageFile("data", "bank-bins.txt"));
    const keys: number[] = [];
    for (let i = 0; i < t.length;) {
      let j = i;
      let prefix = 0;
      while (j < t.length && t[j]! >= 0x30 && t[j]! <= 0x39) prefix = prefix * 10 + t[j++]! - 0x30;
      const k = j - i;
      if (k >= 1 && k <= 10 && t[j] === 0x20) {
        let n = 0;
        j++;
        while (j < t.length && t[j]! >= 0x30 && t[j]! <= 0x39) n = n * 10 + t[j++]! - 0x30;
        if (n > 0 && n < 24) {
          keys.push(binKey(n, k, prefix));
          binLengths[n]! |= 1 << k;
          binFirst[n]! |= 1 << Math.floor(prefix / 10 ** (k - 1));
        }
      }
      while (j < t.length && t[j] !== 0x0a) j++;
      i = j + 1;
    }
    binKeys = Float64Array.from(keys);
  }
  return binKeys;
}
const binKey = (n: number, k: number, prefix: number) => n * 1e11 + k * 1e10 + prefix;

/** A card number whose prefix and length an issuer in data/bank-bins.txt uses. */
export function binOk(d: Uint8Array, o: number, n: number): boolean {
  binSet ??= new Set(bankBinKeys()); // bankBinKeys also fills binLengths and binFirst
  const ks = n < 24 ? binLengths[n]! : 0;
  if (!ks || !((binFirst[n]! >>> d[o]!) & 1)) return false;
  let prefix = 0;
  for (let k = 1; k <= 10 && k <= n; k++) {
    prefix = prefix * 10 + d[o + k - 1]!;
    if ((ks >>> k) & 1 && binSet.has(binKey(n, k, prefix))) return true;
  }
  return false;
}

/** A bank card: Luhn, and its brand's prefix rule or an issuer's BIN (data/bank-bins.txt; looked up only after Luhn). */
export function cardOk(d: Uint8Array, o: number, n: number): boolean {
  return cardBrandOk(d, o, n) ? luhnDigits(d, o, n) : binCandidate(d, o, n) && luhnDigits(d, o, n) && binOk(d, o, n);
}

/** Whether any listed prefix of this length starts with d[o]: one table read before Luhn. */
export function binCandidate(d: Uint8Array, o: number, n: number): boolean {
  bankBinKeys(); // the table's first digits, read once (the Set waits for a lookup)
  return n < 24 && ((binFirst[n]! >>> d[o]!) & 1) === 1;
}

/** Issuer prefixes and lengths (credit-card-type 10.3.0, detectors.md §3.2); SIM ICCIDs (8986…) excluded. */
export function cardBrandOk(d: Uint8Array, o: number, n: number): boolean {
  const p2 = d[o]! * 10 + d[o + 1]!;
  const p4 = p2 * 100 + d[o + 2]! * 10 + d[o + 3]!;
  if (p4 === 8986) return false;
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  if (p4 >= 8100 && p4 <= 8171) return n >= 16 && n <= 19; // UnionPay's 81 range (credit-card-type: 810, 8110–8171)
  if (d[o] === 4) return n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  return false;
}

/** Allocated mobile segments (VincentSit list, detectors.md §2.1) for 11 digits at `d[o..]`. */
export function mobileSegmentOk(d: Uint8Array, o: number): boolean {
  if (d[o] !== 1) return false;
  const a = d[o + 1]!;
  const b = d[o + 2]!;
  switch (a) {
    case 3:
    case 8:
      return true;
    case 5:
    case 9:
      return b !== 4;
    case 7:
      if (b === 9) return false; // 179: allocated to no carrier (detectors.md §2.1)
      if (b !== 4) return true;
      return d[o + 3] === 0 || (d[o + 3] === 1 && d[o + 4]! <= 2) || d[o + 3] === 9;
    case 6:
      // 1610: China Broadnet (中国广电); libphonenumber's metadata lists 1610 alone of 161 (issue 31 §3).
      return b === 2 || b === 5 || b === 6 || b === 7 || (b === 1 && d[o + 3] === 0);
    case 4:
      return b === 5 || b === 7 || b === 9;
    default:
      return false;
  }
}

/** IMEI (3GPP TS 23.003 Annex B): Luhn, and a TAC from a reporting body common on real devices (01, 35, 44, 49, 86, 99). */
export function imeiOk(d: Uint8Array, o: number): boolean {
  const rb = d[o]! * 10 + d[o + 1]!;
  return (rb === 1 || rb === 35 || rb === 44 || rb === 49 || rb === 86 || rb === 99) && luhnDigits(d, o, 15);
}

/** Fixed-line number with trunk 0 (§2.4): area code 010/02x (8-digit local) or 0[3-9]xx (7–8), local starting 2–9. */
export function landlineOk(d: Uint8Array, o: number, n: number, areaLen: number): boolean {
  if (d[o] !== 0) return false;
  const two = d[o + 1] === 1 ? d[o + 2] === 0 : d[o + 1] === 2 && d[o + 2] !== 6;
  if (areaLen === 0) areaLen = two ? 3 : 4;
  if (two ? areaLen !== 3 : areaLen !== 4 || d[o + 1]! < 3) return false;
  const local = n - areaLen;
  if (two ? local !== 8 : local !== 7 && local !== 8) return false;
  return d[o + areaLen]! >= 2;
}

const USCC_VALUE = new Int8Array(256).fill(-1);
for (const [v, ch] of [..."0123456789ABCDEFGHJKLMNPQRTUWXY"].entries()) USCC_VALUE[ch.charCodeAt(0)] = v;
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Registration authority + organisation category (GB 32100, detectors.md §5.4), as a table of byte pairs. */
const USCC_CATEGORIES = new Uint8Array(65536);
const USCC_CATEGORY_LIST =
  // Authority 3 (司法行政): 31 law firms, 32 notaries, 33 grass-roots legal services, 34 judicial expertise, 35 arbitration, 39 other.
  "11 12 13 19 21 29 31 32 33 34 35 36 39 41 49 51 52 53 54 55 59 61 62 69 71 72 79 81 82 89 91 92 93 99 A1 A9 G1 G9 J1 J9 N1 N2 N3 N9 Q1 Q2 Q3 Q9 Y1";
for (const pair of USCC_CATEGORY_LIST.split(" ")) USCC_CATEGORIES[(pair.charCodeAt(0) << 8) | pair.charCodeAt(1)] = 1;

/**
 * A unified social credit code (GB 32100) in the 18 bytes at `b[s..]`: a real authority/category
 * pair (§5.4), a division code in positions 3–8 (or 100000, national), and the MOD 31 check (§5.2),
 * so that an 18-digit order number passing MOD 31 by chance (1 in 31) is not one.
 */
export function usccOk(b: Uint8Array, s: number): boolean {
  if (USCC_CATEGORIES[(b[s]! << 8) | b[s + 1]!] !== 1) return false;
  let sum = 0;
  let area = 0;
  for (let k = 0; k < 17; k++) {
    const v = USCC_VALUE[b[s + k]!]!;
    if (v < 0 || (k >= 2 && k < 8 && v > 9)) return false;
    if (k >= 2 && k < 8) area = area * 10 + v;
    sum += v * USCC_WEIGHTS[k]!;
  }
  if (area !== 100000 && areaCodes()[area] !== 1) return false;
  return USCC_VALUE[b[s + 17]!] === (31 - (sum % 31)) % 31;
}
