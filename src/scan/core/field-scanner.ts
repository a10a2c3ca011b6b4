/**
 * The detection core: one pass over UTF-8 bytes, one table lookup per byte, and work only
 * where a rare byte class starts a candidate (a digit run, '@', ':', a Han character). Digit
 * runs are classified by length and neighbours, then validated on a digit array (no strings,
 * no regex per value). In table mode the same loop is the CSV tokenizer: it stops at the
 * delimiter or newline outside quotes, so every byte is read once.
 * (detectors.md §0 and §8: specific anchors, validate after matching, stay out of big alternations.)
 */
import { createRequire } from "node:module";
import {
  T_CARD,
  T_COORD,
  T_EMAIL,
  T_FPR,
  T_HKMO_PERMIT,
  T_ID,
  T_ID_UNKNOWN_REGION,
  T_IMEI,
  T_IPV4,
  T_IPV6,
  T_LANDLINE,
  T_MOBILE,
  T_PASSPORT,
  T_PLATE,
  T_TW_PERMIT,
  T_USCC,
} from "./entities.js";
import { F_PLATE, HAN_BASE, HAN_END, HAN_FEATURES } from "./han.js";
import {
  ageOn,
  binCandidate,
  binOk,
  cardOk,
  foreignPrBirth,
  fpr2017FieldsOk,
  imeiOk,
  landlineOk,
  legacyIdBirth,
  luhnDigits,
  mobileSegmentOk,
  residentIdBirth,
  unknownRegionIdBirth,
  usccOk,
} from "./validate.js";

/** node:net's IPv6 check, loaded at the first candidate (loading node:net costs ~2 ms of start-up). */
let netIsIPv6: ((s: string) => boolean) | undefined;
const isIPv6 = (s: string): boolean => (netIsIPv6 ??= (createRequire(import.meta.url)("node:net") as typeof import("node:net")).isIPv6)(s);

// Byte classes.
const K_DIGIT = 1;
const K_AT = 2;
const K_COLON = 3;
const K_HAN = 4; // lead byte of a 3-byte UTF-8 sequence
const K_TWO = 5; // lead byte of a 2-byte UTF-8 sequence
const K_FOUR = 6;
const K_QUOTE = 7;
const K_DELIM = 8;
const K_NEWLINE = 9;

function classTable(delimiter: number): Uint8Array {
  const t = new Uint8Array(256);
  for (let c = 0x30; c <= 0x39; c++) t[c] = K_DIGIT;
  t[0x40] = K_AT;
  t[0x3a] = K_COLON;
  for (let c = 0xc0; c < 0xe0; c++) t[c] = K_TWO;
  for (let c = 0xe0; c < 0xf0; c++) t[c] = K_HAN;
  for (let c = 0xf0; c < 0xf8; c++) t[c] = K_FOUR;
  if (delimiter >= 0) {
    t[0x22] = K_QUOTE;
    t[delimiter] = K_DELIM;
    t[0x0a] = K_NEWLINE;
  }
  return t;
}
const TEXT_CLASS = classTable(-1);

// ASCII character sets for neighbours.
const ALNUM = new Uint8Array(256);
const UPPER = new Uint8Array(256);
const LETTER = new Uint8Array(256);
const EMAIL_LOCAL = new Uint8Array(256);
const EMAIL_DOMAIN = new Uint8Array(256);
const HEX_COLON = new Uint8Array(256);
/** Registration authorities written as a letter in a credit code (GB 32100 Annex A, detectors.md §5.4). */
const USCC_LETTER = new Uint8Array(256);
for (const ch of "AGJNQY") USCC_LETTER[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[0-9A-Za-z]/.test(ch)) ALNUM[c] = 1;
  if (/[A-Z]/.test(ch)) UPPER[c] = 1;
  if (/[A-Za-z]/.test(ch)) LETTER[c] = 1;
  if (/[A-Za-z0-9._%+-]/.test(ch)) EMAIL_LOCAL[c] = 1;
  if (/[A-Za-z0-9-]/.test(ch)) EMAIL_DOMAIN[c] = 1;
  if (/[0-9A-Fa-f:.]/.test(ch)) HEX_COLON[c] = 1;
}
const ICAO_WEIGHTS = [7, 3, 1];
/** Plate sequence characters: digits and capitals except I and O (GA 36-2018). */
const PLATE_CHAR = new Uint8Array(256);
for (let c = 0x30; c <= 0x39; c++) PLATE_CHAR[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) if (c !== 0x49 && c !== 0x4f) PLATE_CHAR[c] = 2;
/** Plate suffixes 挂学警港澳领使试超 as code points (also handed to the native core). */
export const PLATE_SUFFIXES = Uint32Array.from("挂学警港澳领使试超", (c) => c.codePointAt(0) ?? 0);
const PLATE_SUFFIX = new Set(PLATE_SUFFIXES);
/** New-energy plate energy letters. */
const NEV_LETTER = new Uint8Array(256);
for (const ch of "DABCEFGHJK") NEV_LETTER[ch.charCodeAt(0)] = 1;

/** Column or context hints that widen what a value may be. */
export const HINT_TAIWAN_PERMIT = 1;
export const HINT_LATITUDE = 2;
export const HINT_LONGITUDE = 4;
export const HINT_COORDINATE = 8;

export class FieldScanner {
  private readonly tableClass: Uint8Array;
  private readonly delim: number;
  private readonly asOf: number;
  /** Digits of the current candidate. */
  private readonly dig = new Uint8Array(32);
  private readonly groupLen = new Int32Array(8);
  private readonly groupEnd = new Int32Array(8);

  // Hits of the current field.
  n = 0;
  types = new Uint8Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  minor = new Uint8Array(64);

  // Character statistics of the current field.
  fieldStart = 0;
  fieldEnd = 0;
  han = 0;
  features = 0;
  firstFeature = 0;
  dots = 0;
  fullwidth = false;
  /** A precise longitude under a longitude header: the other half of a fix whose latitude is the hit. */
  coordinatePart = false;
  /** How the last table-mode scan stopped: 1 delimiter, 2 newline, 0 end of input. */
  stop = 0;
  /** Still inside quotes when the input ended (the record continues in the next chunk). */
  openQuote = false;
  private inQuote = false;
  /** Scanning a CSV field (the delimiter ends values) rather than free text. */
  private table = false;
  private hints = 0;
  /** The bytes of the last scan (hit offsets point into it). */
  buf: Uint8Array = new Uint8Array(0);

  /** `delimiter` for table mode (CSV/TSV); `asOf` as yyyymmdd (birth dates, ages). */
  constructor(asOf: number, delimiter = 0x2c) {
    this.asOf = asOf;
    this.delim = delimiter;
    this.tableClass = classTable(delimiter);
  }

  /**
   * Scans bytes [i, limit) as one free value (text line, JSON value, spreadsheet cell). Values
   * with full-width digits or capitals (common in Chinese data entry) are read in their NFKC
   * form: then `buf`, `fieldStart` and `fieldEnd` point into that form.
   */
  scanText(buf: Uint8Array, i: number, limit: number, hints = 0): void {
    this.reset(buf, i, hints);
    this.inQuote = false;
    this.table = false;
    this.loop(buf, i, limit, TEXT_CLASS, false);
    if (this.fullwidth) this.rescanNormalized(buf, i, limit, hints);
  }

  /** Scans one CSV field from `i`; returns the index of its terminator (see `stop`). Full-width forms as in scanText. */
  scanField(buf: Uint8Array, i: number, limit: number, hints = 0): number {
    this.reset(buf, i, hints);
    this.inQuote = false;
    this.table = true;
    const end = this.loop(buf, i, limit, this.tableClass, true);
    if (this.fullwidth) {
      const { stop, openQuote } = this;
      this.rescanNormalized(buf, i, this.fieldEnd, hints);
      this.stop = stop;
      this.openQuote = openQuote;
      this.table = true;
    }
    return end;
  }

  private scratch = Buffer.alloc(0);

  /** The value [s, e) again, in its NFKC form (full-width ０-９ and Ａ-Ｚ become ASCII). */
  private rescanNormalized(buf: Uint8Array, s: number, e: number, hints: number): void {
    const text = Buffer.from(buf.buffer, buf.byteOffset + s, e - s)
      .toString("utf8")
      .normalize("NFKC");
    const need = Buffer.byteLength(text);
    if (this.scratch.length < need) this.scratch = Buffer.alloc(need * 2);
    const n = this.scratch.write(text, 0);
    this.reset(this.scratch, 0, hints);
    this.inQuote = false;
    this.table = false;
    this.loop(this.scratch, 0, n, TEXT_CLASS, false);
  }

  private reset(buf: Uint8Array, i: number, hints: number): void {
    this.buf = buf;
    this.n = 0;
    this.fieldStart = i;
    this.han = 0;
    this.features = 0;
    this.firstFeature = 0;
    this.dots = 0;
    this.fullwidth = false;
    this.coordinatePart = false;
    this.hints = hints;
  }

  private loop(buf: Uint8Array, i: number, limit: number, cls: Uint8Array, table: boolean): number {
    while (i < limit) {
      const c = buf[i]!;
      const k = cls[c]!;
      if (k === 0) {
        i++;
        continue;
      }
      switch (k) {
        case K_DIGIT:
          i = this.digits(buf, i, limit);
          break;
        case K_AT:
          i = this.email(buf, i, limit);
          break;
        case K_COLON:
          i = this.ipv6(buf, i, limit);
          break;
        case K_HAN: {
          // A run of 3-byte characters, read in place (names and addresses are mostly this).
          let han = this.han;
          let features = this.features;
          while (i + 2 < limit) {
            const c0 = buf[i]!;
            if (c0 < 0xe0 || c0 >= 0xf0) break;
            const cp = ((c0 & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f);
            if (cp >= HAN_BASE && cp <= HAN_END) {
              const f = HAN_FEATURES[cp - HAN_BASE]!;
              if (han === 0) this.firstFeature = f;
              han++;
              features |= f;
              if (f & F_PLATE) {
                this.han = han;
                this.features = features;
                const j = this.plate(buf, i, limit);
                han = this.han;
                if (j !== i + 3) {
                  i = j;
                  continue;
                }
              }
            } else if (c0 === 0xef && buf[i + 1] === 0xbc) {
              const b2 = buf[i + 2]!;
              if ((b2 >= 0x90 && b2 <= 0x99) || (b2 >= 0xa1 && b2 <= 0xba)) this.fullwidth = true; // read again as NFKC
            }
            i += 3;
          }
          this.han = han;
          this.features = features;
          if (i + 2 >= limit && i < limit && buf[i]! >= 0xe0 && buf[i]! < 0xf0) i = limit;
          break;
        }
        case K_TWO:
          if (c === 0xc2 && buf[i + 1] === 0xb7) this.dots++;
          i += 2;
          break;
        case K_FOUR:
          i += 4;
          break;
        case K_QUOTE:
          this.inQuote = !this.inQuote;
          i++;
          break;
        case K_DELIM:
        case K_NEWLINE:
          if (!this.inQuote) {
            this.fieldEnd = i;
            this.stop = k === K_DELIM ? 1 : 2;
            this.openQuote = false;
            return i;
          }
          i++;
          break;
        default:
          i++;
      }
    }
    this.fieldEnd = limit;
    this.stop = 0;
    this.openQuote = table && this.inQuote;
    return limit;
  }

  private hit(type: number, start: number, end: number): number {
    if (this.n === this.types.length) this.grow();
    const h = this.n++;
    this.types[h] = type;
    this.starts[h] = start;
    this.ends[h] = end;
    this.minor[h] = 0;
    return h;
  }

  private grow(): void {
    const size = this.types.length * 2;
    const copy = <T extends Uint8Array | Int32Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.types = copy(this.types, size);
    this.starts = copy(this.starts, size);
    this.ends = copy(this.ends, size);
    this.minor = copy(this.minor, size);
  }

  /** A digit run starting at `s` (previous byte is not a digit). Returns where scanning resumes. */
  private digits(buf: Uint8Array, s: number, limit: number): number {
    const dig = this.dig;
    let j = s;
    let n = 0;
    while (j < limit) {
      const c = buf[j]!;
      if (c < 0x30 || c > 0x39) break;
      if (n < 32) dig[n] = c - 48;
      n++;
      j++;
    }
    const e1 = j;
    const sep = j + 1 < limit ? buf[j]! : -1;
    if (
      (sep === 0x20 || sep === 0x2d) &&
      n <= 6 &&
      this.isDigitAt(buf, j + 1, limit) &&
      (this.inQuote || !this.table || sep !== this.delim)
    ) {
      const end = this.grouped(buf, s, e1, n, limit);
      if (end > 0) return end;
    }
    if (sep === 0x2e && this.isDigitAt(buf, j + 1, limit) && n <= 3) return this.dotted(buf, s, e1, n, limit);
    if (n <= 24) this.plain(buf, s, e1, n, limit);
    return e1;
  }

  private isDigitAt(buf: Uint8Array, i: number, limit: number): boolean {
    if (i >= limit) return false;
    const c = buf[i]!;
    return c >= 0x30 && c <= 0x39;
  }

  /** Numbers written in groups: `138 0013 8000`, `+86 138-0013-8000`, `0755-1234567`, `6222 0212 …`, `110105 19491231 002X`. */
  private grouped(buf: Uint8Array, s: number, e1: number, n1: number, limit: number): number {
    const dig = this.dig;
    const L = this.groupLen;
    const E = this.groupEnd;
    let groups = 1;
    L[0] = n1;
    E[0] = e1;
    let n = n1;
    let j = e1;
    while (groups < 6 && j + 1 < limit) {
      const c = buf[j]!;
      if ((c !== 0x20 && c !== 0x2d) || !this.isDigitAt(buf, j + 1, limit)) break;
      let k = j + 1;
      let len = 0;
      while (k < limit && buf[k]! >= 0x30 && buf[k]! <= 0x39) {
        if (n + len < 32) dig[n + len] = buf[k]! - 48;
        len++;
        k++;
      }
      if (n + len > 24) break;
      L[groups] = len;
      E[groups] = k;
      groups++;
      n += len;
      j = k;
    }
    if (groups < 2) return 0;
    // Mobile, with an optional 86 / 0086 country-code group (a '+' before is fine).
    let g0 = 0;
    let o = 0;
    if ((L[0] === 2 && dig[0] === 8 && dig[1] === 6) || (L[0] === 4 && dig[0] === 0 && dig[1] === 0 && dig[2] === 8 && dig[3] === 6)) {
      g0 = 1;
      o = L[0]!;
    }
    for (let g = g0, sum = 0; g < groups; g++) {
      sum += L[g]!;
      if (sum === 11) {
        const shape = g - g0 + 1 === 1 || L[g0] === 3 || (L[g0] === 7 && g - g0 === 1);
        if (shape && mobileSegmentOk(dig, o) && !this.touches(buf, E[g]!, limit) && !this.lettersBefore(buf, s)) {
          this.hit(T_MOBILE, s, E[g]!);
          return E[g]!;
        }
        break;
      }
      if (sum > 11) break;
    }
    // Landline: area code group, then the local number (an extension group may follow).
    if (dig[0] === 0 && (L[0] === 3 || L[0] === 4) && (L[1] === 7 || L[1] === 8) && landlineOk(dig, 0, L[0]! + L[1]!, L[0]!)) {
      const last = groups > 2 && L[2]! <= 6 && buf[E[1]!] === 0x2d ? 2 : 1;
      if (!this.touches(buf, E[last]!, limit) && !this.lettersBefore(buf, s)) {
        this.hit(T_LANDLINE, s, E[last]!);
        return E[last]!;
      }
    }
    // Bank card in groups of four (the last group may be shorter), or 6 + rest.
    for (let g = 1, sum = L[0]!; g < groups; g++) {
      sum += L[g]!;
      if (sum >= 16 && sum <= 19) {
        let fours = true;
        for (let x = 0; x < g; x++) if (L[x] !== 4) fours = false;
        if ((fours && L[g]! <= 4) || (g === 1 && L[0] === 6)) {
          if (!this.touches(buf, E[g]!, limit) && cardOk(dig, 0, sum) && !this.lettersBefore(buf, s)) {
            this.hit(T_CARD, s, E[g]!);
            return E[g]!;
          }
        }
      }
      if (sum > 19) break;
    }
    // ID number as 6-8-4 (or 6-8-3 + X).
    if (groups > 2 && L[0] === 6 && L[1] === 8 && (L[2] === 4 || L[2] === 3)) {
      let end = E[2]!;
      let check = -1;
      if (L[2] === 4) check = dig[17]!;
      else if (buf[end] === 0x58 || buf[end] === 0x78) {
        check = 10;
        end++;
      }
      if (check >= 0 && !this.touches(buf, end, limit) && this.idHit(s, end, check)) return end;
    }
    return 0;
  }

  /** True if a letter or digit touches position `e` (the value would be part of a longer token). */
  private touches(buf: Uint8Array, e: number, limit: number): boolean {
    return e < limit && (ALNUM[buf[e]!] === 1 || buf[e] === 0x40);
  }

  private lettersBefore(buf: Uint8Array, s: number): boolean {
    return s > this.fieldStart && LETTER[buf[s - 1]!] === 1;
  }

  /** An 18-character ID at dig[0..17) with check value `check` (10 = X): resident ID or FPR card. */
  private idHit(s: number, end: number, check: number): boolean {
    let birth = residentIdBirth(this.dig, 0, check, this.asOf);
    let type = T_ID;
    if (birth < 0) {
      birth = foreignPrBirth(this.dig, 0, check, this.asOf);
      type = T_FPR;
    }
    if (birth < 0) {
      if (unknownRegionIdBirth(this.dig, 0, check, this.asOf) < 0) return false;
      this.hit(T_ID_UNKNOWN_REGION, s, end);
      return true;
    }
    const h = this.hit(type, s, end);
    if (ageOn(birth, this.asOf) < 14) this.minor[h] = 1;
    return true;
  }

  /** A run of digits standing alone (or after a letter prefix). */
  private plain(buf: Uint8Array, s: number, e: number, n: number, limit: number): void {
    const dig = this.dig;
    let end = e;
    let after = e < limit ? buf[e]! : -1;
    let check = -1;
    if ((after === 0x58 || after === 0x78) && n === 17) {
      check = 10;
      end = e + 1;
      after = end < limit ? buf[end]! : -1;
    }
    const before = s > this.fieldStart ? buf[s - 1]! : -1;
    // A credit code of a letter authority (A1, N1–N3, Y1 …) with letters later on too: its digits
    // run from the second character, between the category letter and the organisation code's letters.
    if (USCC_LETTER[before] === 1 && (s - 1 === this.fieldStart || ALNUM[buf[s - 2]!] !== 1)) {
      const had = this.n;
      this.uscc(buf, s - 1, limit);
      if (this.n > had) return;
    }
    if (after >= 0 && (ALNUM[after] === 1 || after === 0x40)) {
      // A digit run running into letters: only a unified social credit code starts like that.
      if (before < 0 || ALNUM[before] !== 1) this.uscc(buf, s, limit);
      return;
    }
    if (before >= 0 && LETTER[before] === 1) {
      this.prefixed(buf, s, end, n, limit);
      return;
    }
    if (check === 10) {
      // 17 digits and X: an ID number, else a credit code whose MOD 31 check is X (GB 32100 §5.2).
      if (!this.idHit(s, end, 10)) this.uscc(buf, s, limit);
      return;
    }
    switch (n) {
      case 18:
        if (this.idHit(s, end, dig[17]!)) return;
        if (cardOk(dig, 0, n)) this.hit(T_CARD, s, end);
        else this.uscc(buf, s, limit);
        return;
      case 15: {
        const birth = legacyIdBirth(dig, 0, this.asOf);
        if (birth > 0) {
          const h = this.hit(T_ID, s, end);
          if (ageOn(birth, this.asOf) < 14) this.minor[h] = 1;
          return;
        }
        if (dig[0] === 0 && dig[1] === 0 && dig[2] === 8 && dig[3] === 6 && mobileSegmentOk(dig, 4)) {
          this.hit(T_MOBILE, s, end);
          return;
        }
        if (imeiOk(dig, 0)) this.hit(T_IMEI, s, end);
        else if (binCandidate(dig, 0, 15) && luhnDigits(dig, 0, 15) && binOk(dig, 0, 15)) this.hit(T_CARD, s, end); // 37xxxx cards of Chinese banks
        return;
      }
      case 20:
        if (binCandidate(dig, 0, 20) && luhnDigits(dig, 0, 20) && binOk(dig, 0, 20)) this.hit(T_CARD, s, end);
        return;
      case 11:
        if (mobileSegmentOk(dig, 0)) this.hit(T_MOBILE, s, end);
        else if (landlineOk(dig, 0, 11, 0)) this.hit(T_LANDLINE, s, end);
        return;
      case 13:
        if (dig[0] === 8 && dig[1] === 6 && mobileSegmentOk(dig, 2)) this.hit(T_MOBILE, s, end);
        return;
      case 12:
        // 0 + a mobile: the long-distance prefix written before it (013…; 010 + 8 digits is 11 long).
        if (dig[0] === 0 && mobileSegmentOk(dig, 1)) this.hit(T_MOBILE, s, end);
        else if (landlineOk(dig, 0, 12, 0)) this.hit(T_LANDLINE, s, end);
        else if (before === 0x29) this.parenLandline(buf, s, end, n);
        return;
      case 16:
      case 17:
      case 19:
        if (cardOk(dig, 0, n)) this.hit(T_CARD, s, end);
        return;
      case 8:
        if (this.hints & HINT_TAIWAN_PERMIT) this.documentHit(T_TW_PERMIT, s, end, 0);
        else if (before === 0x29 || before === 0x20) this.parenLandline(buf, s, end, n);
        return;
      case 7:
        if (before === 0x29 || before === 0x20) this.parenLandline(buf, s, end, n);
        return;
      default:
    }
  }

  /** `(010)12345678`, `(0755) 1234567`: the local number after a bracketed area code. */
  private parenLandline(buf: Uint8Array, s: number, end: number, n: number): void {
    let p = s - 1;
    if (buf[p] === 0x20 && p > this.fieldStart) p--;
    if (buf[p] !== 0x29) return;
    let a = p - 1;
    while (a > this.fieldStart && buf[a - 1]! >= 0x30 && buf[a - 1]! <= 0x39) a--;
    const areaLen = p - a;
    if ((areaLen !== 3 && areaLen !== 4) || a <= this.fieldStart || buf[a - 1] !== 0x28) return;
    const d = new Uint8Array(12);
    for (let i = 0; i < areaLen; i++) d[i] = buf[a + i]! - 48;
    for (let i = 0; i < n; i++) d[areaLen + i] = this.dig[i]!;
    if (landlineOk(d, 0, areaLen + n, areaLen)) this.hit(T_LANDLINE, a - 1, end);
  }

  /** A document number: `letters` ASCII letters before the digits at `s`. */
  private documentHit(type: number, s: number, end: number, letters: number): void {
    this.hit(type, s - letters, end);
  }

  /** Letters right before the digits: passports, travel permits, the 2017 FPR card, or a USCC. */
  private prefixed(buf: Uint8Array, s: number, end: number, n: number, limit: number): void {
    let p = s;
    while (p > this.fieldStart && LETTER[buf[p - 1]!] === 1 && s - p < 4) p--;
    const L = s - p;
    if (p > this.fieldStart && ALNUM[buf[p - 1]!] === 1) return; // part of a longer word
    const a = buf[p]!;
    const b = L > 1 ? buf[p + 1]! : 0;
    if (L === 1 && UPPER[a] === 1) {
      // E/G + 8: ordinary passports; C + 8: exit-entry permit to HK/Macao; H/M + 8 (+ 2-digit
      // issue count in the old form): HK/Macao residents' permit, the person being the 8 digits;
      // L + 8: exit-entry permit to Taiwan.
      if (n === 8 && (a === 0x45 || a === 0x47)) return this.documentHit(T_PASSPORT, s, end, 1);
      if (n === 8 && a === 0x43) return this.documentHit(T_HKMO_PERMIT, s, end, 1);
      if ((n === 8 || n === 10) && (a === 0x48 || a === 0x4d)) return this.documentHit(T_HKMO_PERMIT, s, end, 1);
      if (n === 8 && a === 0x4c) return this.documentHit(T_TW_PERMIT, s, end, 1);
    } else if (L === 2 && UPPER[a] === 1 && UPPER[b] === 1 && n === 7) {
      const secondOk = b !== 0x49 && b !== 0x4f; // no I or O
      // E + letter + 7 (since 2017), PE/SE/DE + 7: passports; C + letter + 7: HK/Macao permit (since 2018).
      if ((a === 0x45 && secondOk) || (b === 0x45 && (a === 0x50 || a === 0x53 || a === 0x44)))
        return this.documentHit(T_PASSPORT, s, end, 2);
      if (a === 0x43 && secondOk) return this.documentHit(T_HKMO_PERMIT, s, end, 2);
    } else if (L === 3 && UPPER[a] === 1 && UPPER[b] === 1 && UPPER[buf[p + 2]!] === 1 && n === 12) {
      // FPR card, 2017 edition: 3-letter nationality + 12 digits, ICAO 9303 7-3-1 check over the first 14,
      // an ISO 3166 alpha-3 nationality, a province and a date (issue 31 §5: tracking numbers are not cards).
      let sum = 0;
      for (let k = 0; k < 14; k++) sum += (k < 3 ? buf[p + k]! - 55 : this.dig[k - 3]!) * ICAO_WEIGHTS[k % 3]!;
      if (sum % 10 === this.dig[11] && fpr2017FieldsOk(buf, p, this.dig, this.asOf)) {
        this.hit(T_FPR, p, end);
        return;
      }
    }
    if (L <= 2) this.uscc(buf, p, limit);
  }

  /**
   * Unified social credit code (GB 32100, MOD 31) starting at `s`: an organisation, never a
   * person. The authority/category pair must be one of §5.4 and positions 3–8 a division code,
   * so that an 18-digit order number passing MOD 31 by chance (1 in 31) is not one.
   */
  private uscc(buf: Uint8Array, s: number, limit: number): void {
    if (s + 18 > limit || (s + 18 < limit && ALNUM[buf[s + 18]!] === 1)) return;
    if (usccOk(buf, s)) this.hit(T_USCC, s, s + 18);
  }

  /** Decimal numbers: IPv4 (a.b.c.d) or a precise coordinate (≥ 4 decimals), alone or as a pair. */
  private dotted(buf: Uint8Array, s: number, e1: number, n1: number, limit: number): number {
    const before = s > this.fieldStart ? buf[s - 1]! : -1;
    const parts: number[] = [this.value(s, e1)];
    const lens: number[] = [n1];
    let j = e1;
    while (parts.length < 5 && buf[j] === 0x2e && this.isDigitAt(buf, j + 1, limit)) {
      let k = j + 1;
      while (k < limit && buf[k]! >= 0x30 && buf[k]! <= 0x39) k++;
      lens.push(k - j - 1);
      parts.push(this.value(j + 1, Math.min(k, j + 10)));
      j = k;
    }
    const clean =
      !(before >= 0 && (ALNUM[before] === 1 || before === 0x2e || before === 0x2d)) && !this.touches(buf, j, limit) && buf[j] !== 0x2e;
    if (!clean) return j;
    if (parts.length === 4 && lens.every((l) => l <= 3) && parts.every((v) => v <= 255)) {
      this.hit(T_IPV4, s, j);
      return j;
    }
    if (parts.length !== 2 || lens[1]! < 4) return j;
    const a = parts[0]! + Number(`0.${this.text(e1 + 1, j)}`);
    // A pair "lng,lat" / "lat, lng" / "lng lat" in one value (map APIs write longitude first).
    let k = j;
    const sep = buf[k];
    if ((sep === 0x2c && (this.inQuote || !this.table || this.delim !== 0x2c)) || sep === 0x20) {
      k++;
      if (buf[k] === 0x20) k++;
      const m = /^(\d{1,3})\.(\d{4,15})/.exec(this.text(k, Math.min(limit, k + 20)));
      if (m) {
        const b = Number(`${m[1]}.${m[2]}`);
        const end = k + m[0].length;
        if (!this.touches(buf, end, limit) && ((inLng(a) && inLat(b)) || (inLat(a) && inLng(b)))) {
          this.hit(T_COORD, s, end);
          return end;
        }
      }
    }
    if ((this.hints & HINT_LATITUDE && inLat(a)) || (this.hints & HINT_COORDINATE && (inLat(a) || inLng(a)))) this.hit(T_COORD, s, j);
    else if (this.hints & HINT_LONGITUDE && inLng(a)) this.coordinatePart = true;
    return j;
  }

  private value(s: number, e: number): number {
    let v = 0;
    for (let i = s; i < e; i++) v = v * 10 + this.buf[i]! - 48;
    return v;
  }

  private text(s: number, e: number): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset + s, e - s).toString("latin1");
  }

  /** E-mail anchored on '@' (detectors.md §6.2): extend left over the local part, right over the domain. */
  private email(buf: Uint8Array, at: number, limit: number): number {
    let l = at;
    while (l > this.fieldStart && at - l < 64 && EMAIL_LOCAL[buf[l - 1]!] === 1) l--;
    while (l < at && buf[l] === 0x2e) l++;
    if (l === at) return at + 1;
    let r = at + 1;
    let lastDot = -1;
    let labelLen = 0;
    while (r < limit && r - at < 254) {
      const c = buf[r]!;
      if (EMAIL_DOMAIN[c] === 1) labelLen++;
      else if (c === 0x2e && labelLen > 0 && r + 1 < limit && EMAIL_DOMAIN[buf[r + 1]!] === 1) {
        lastDot = r;
        labelLen = 0;
      } else break;
      r++;
    }
    if (lastDot < 0) return r;
    let tld = 0;
    for (let i = lastDot + 1; i < r; i++) if (LETTER[buf[i]!] === 1) tld++;
    if (tld !== r - lastDot - 1 || tld < 2 || tld > 24) return r;
    this.hit(T_EMAIL, l, r);
    return r;
  }

  /** IPv6 around a ':' (hex groups and colons; validated by node:net). */
  private ipv6(buf: Uint8Array, at: number, limit: number): number {
    let l = at;
    while (l > this.fieldStart && at - l < 40 && HEX_COLON[buf[l - 1]!] === 1) l--;
    let r = at + 1;
    let colons = 1;
    let double = buf[at - 1] === 0x3a || buf[at + 1] === 0x3a;
    while (r < limit && r - l < 46 && HEX_COLON[buf[r]!] === 1) {
      if (buf[r] === 0x3a) {
        colons++;
        if (buf[r - 1] === 0x3a) double = true;
      }
      r++;
    }
    for (let i = l; i < at; i++) if (buf[i] === 0x3a) colons++;
    if (colons < 2 || (!double && colons !== 7) || r - l < 6) return at + 1;
    if ((l > this.fieldStart && ALNUM[buf[l - 1]!] === 1) || this.touches(buf, r, limit)) return at + 1;
    if (l < at && this.n > 0 && this.ends[this.n - 1]! > l) return at + 1;
    if (!isIPv6(this.text(l, r))) return at + 1;
    this.hit(T_IPV6, l, r);
    return r;
  }

  /** Licence plate after a province abbreviation at `i` (GA 36-2018, detectors.md §6.1). */
  private plate(buf: Uint8Array, i: number, limit: number): number {
    let j = i + 3;
    if (j >= limit || PLATE_CHAR[buf[j]!] !== 2) return i + 3;
    j++;
    if (buf[j] === 0xc2 && buf[j + 1] === 0xb7) j += 2;
    else if (buf[j] === 0x20) j++;
    const s = j;
    let digits = 0;
    while (j < limit && j - s < 7 && PLATE_CHAR[buf[j]!]) {
      if (PLATE_CHAR[buf[j]!] === 1) digits++;
      j++;
    }
    const k = j - s;
    let ok = false;
    if (k === 5) ok = digits >= 3;
    else if (k === 4 && digits >= 3 && j + 2 < limit && buf[j]! >= 0xe0 && buf[j]! < 0xf0) {
      // Four characters and a suffix (京A1234学): the suffix is the fifth.
      ok = PLATE_SUFFIX.has(((buf[j]! & 0x0f) << 12) | ((buf[j + 1]! & 0x3f) << 6) | (buf[j + 2]! & 0x3f));
    } else if (k === 6) {
      // New-energy: D/F… + 1 + 4 digits (small), or 5 digits + D/F (large).
      ok = (NEV_LETTER[buf[s]!] === 1 && digits >= 4 && PLATE_CHAR[buf[s + 2]!] === 1) || (digits === 5 && NEV_LETTER[buf[s + 5]!] === 1);
    }
    if (!ok || (j < limit && ALNUM[buf[j]!] === 1)) return i + 3;
    if (j + 2 < limit && buf[j]! >= 0xe0 && buf[j]! < 0xf0) {
      const cp = ((buf[j]! & 0x0f) << 12) | ((buf[j + 1]! & 0x3f) << 6) | (buf[j + 2]! & 0x3f);
      if (PLATE_SUFFIX.has(cp)) {
        j += 3;
        this.han++;
      }
    }
    this.hit(T_PLATE, i, j);
    return j;
  }
}

const inLat = (v: number) => v >= 3 && v <= 54;
const inLng = (v: number) => v >= 73 && v <= 136;
