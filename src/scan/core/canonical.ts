/**
 * The canonical person key of a hit, written only for the identifier that ends up standing
 * for a record's person: `kind:value` exactly as identity/normalize.ts writes it for the
 * ledger (ID numbers in 18 characters with capital X, mobiles as 11 digits, e-mail in lower
 * case, documents as capitals and digits; an H/M permit keeps its 8-digit lifetime number).
 * `writePersonKey` writes the same value packed (what the scan hashes: fewer bytes, a faster
 * tag); native/scan_core.cc writes it byte for byte alike.
 */
import { T_EMAIL, T_FPR, T_HKMO_PERMIT, T_ID, T_MOBILE } from "./entities.js";
import { idCheckValue } from "./validate.js";

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const PREFIX_ID = ascii("cn_resident_id:");
const PREFIX_MOBILE = ascii("cn_mobile:");
const PREFIX_EMAIL = ascii("email:");
const PREFIX_DOCUMENT = ascii("document:");
const digits = new Uint8Array(32);

function put(out: Uint8Array, o: number, b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) out[o + i] = b[i]!;
  return o + b.length;
}

/** The 17 digits and check value (10 = X) of an ID hit in `digits`, 15-digit numbers made 18. */
function idDigits(buf: Uint8Array, start: number, end: number): number {
  let n = 0;
  let x = false;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x30 && c <= 0x39) digits[n++] = c - 48;
    else if (c === 0x58 || c === 0x78) x = true;
  }
  if (n === 15) {
    // 15 → 18: division, "19", the rest, then the check character.
    digits.copyWithin(8, 6, 15);
    digits[6] = 1;
    digits[7] = 9;
    n = 17;
  }
  return n === 17 && !x ? idCheckValue(digits, 0) : x ? 10 : digits[17]!;
}

/** The last 11 digits of a mobile hit, from `digits[at]`; returns `at`. */
function mobileDigits(buf: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c >= 0x30 && c <= 0x39) digits[n++] = c - 48;
  }
  return n - 11;
}

function digitsValue(from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + digits[i]!;
  return v;
}

function putUint32(out: Uint8Array, o: number, v: number): number {
  out[o] = v & 0xff;
  out[o + 1] = (v >>> 8) & 0xff;
  out[o + 2] = (v >>> 16) & 0xff;
  out[o + 3] = v >>> 24;
  return o + 4;
}

export const KEY_ID = 1;
export const KEY_MOBILE = 2;
export const KEY_EMAIL = 3;
export const KEY_DOCUMENT = 4;

/**
 * The person key of hit `type` packed: a kind byte, then for ID numbers the first nine digits
 * and (next eight × 11 + check value) as two little-endian uint32, for mobiles the first two
 * and the last nine digits alike; e-mail and documents as in `writeCanonical` after the kind
 * byte. Returns its length (`out` ≥ 80 bytes).
 */
export function writePersonKey(buf: Uint8Array, type: number, start: number, end: number, out: Uint8Array): number {
  if (type === T_ID || (type === T_FPR && buf[start]! < 0x41)) {
    const check = idDigits(buf, start, end);
    out[0] = KEY_ID;
    return putUint32(out, putUint32(out, 1, digitsValue(0, 9)), digitsValue(9, 17) * 11 + check);
  }
  if (type === T_MOBILE) {
    const at = mobileDigits(buf, start, end);
    out[0] = KEY_MOBILE;
    return putUint32(out, putUint32(out, 1, digitsValue(at, at + 2)), digitsValue(at + 2, at + 11));
  }
  out[0] = type === T_EMAIL ? KEY_EMAIL : KEY_DOCUMENT;
  return writeValue(buf, type, start, end, out, 1);
}

/** Writes the key of hit `type` at buf[start, end) into `out` (≥ 80 bytes); returns its length. */
export function writeCanonical(buf: Uint8Array, type: number, start: number, end: number, out: Uint8Array): number {
  if (type === T_EMAIL) return writeValue(buf, type, start, end, out, put(out, 0, PREFIX_EMAIL));
  if (type === T_ID || (type === T_FPR && buf[start]! < 0x41)) {
    const check = idDigits(buf, start, end);
    let o = put(out, 0, PREFIX_ID);
    for (let i = 0; i < 17; i++) out[o++] = 48 + digits[i]!;
    out[o++] = check === 10 ? 0x58 : 48 + check;
    return o;
  }
  if (type === T_MOBILE) {
    const at = mobileDigits(buf, start, end);
    let o = put(out, 0, PREFIX_MOBILE);
    for (let i = at; i < at + 11; i++) out[o++] = 48 + digits[i]!;
    return o;
  }
  return writeValue(buf, type, start, end, out, put(out, 0, PREFIX_DOCUMENT));
}

/** An e-mail address in lower case, or a document number in capitals and digits, from `out[o]`. */
function writeValue(buf: Uint8Array, type: number, start: number, end: number, out: Uint8Array, o: number): number {
  if (type === T_EMAIL) {
    for (let i = start; i < end && o < out.length; i++) {
      const c = buf[i]!;
      out[o++] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    }
    return o;
  }
  const keep = type === T_HKMO_PERMIT && (buf[start] === 0x48 || buf[start] === 0x4d) ? 9 : 64;
  for (let i = start, k = 0; i < end && k < keep; i++) {
    const c = buf[i]!;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) {
      out[o++] = c;
      k++;
    } else if (c >= 0x61 && c <= 0x7a) {
      out[o++] = c - 32;
      k++;
    }
  }
  return o;
}
