/**
 * The canonical person key of a hit, written only for the identifier that ends up standing
 * for a record's person: `kind:value` exactly as identity/normalize.ts writes it for the
 * ledger (ID numbers in 18 characters with capital X, mobiles as 11 digits, e-mail in lower
 * case, documents as capitals and digits; an H/M permit keeps its 8-digit lifetime number).
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

/** Writes the key of hit `type` at buf[start, end) into `out` (≥ 80 bytes); returns its length. */
export function writeCanonical(buf: Uint8Array, type: number, start: number, end: number, out: Uint8Array): number {
  if (type === T_EMAIL) {
    let o = put(out, 0, PREFIX_EMAIL);
    for (let i = start; i < end && o < out.length; i++) {
      const c = buf[i]!;
      out[o++] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    }
    return o;
  }
  const letter = buf[start]! >= 0x41;
  if (type === T_ID || (type === T_FPR && !letter)) {
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
    let o = put(out, 0, PREFIX_ID);
    for (let i = 0; i < 17; i++) out[o++] = 48 + digits[i]!;
    const check = n === 17 && !x ? idCheckValue(digits, 0) : x ? 10 : digits[17]!;
    out[o++] = check === 10 ? 0x58 : 48 + check;
    return o;
  }
  if (type === T_MOBILE) {
    let n = 0;
    for (let i = start; i < end; i++) {
      const c = buf[i]!;
      if (c >= 0x30 && c <= 0x39) digits[n++] = c - 48;
    }
    let o = put(out, 0, PREFIX_MOBILE);
    for (let i = n - 11; i < n; i++) out[o++] = 48 + digits[i]!;
    return o;
  }
  let o = put(out, 0, PREFIX_DOCUMENT);
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
