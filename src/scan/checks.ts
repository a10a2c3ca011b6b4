/** String forms of the core validators (detectors.md §1–5), for the library API and tests. */
import { type ResidentIdDigits, idCheckValue, legacyIdBirth, luhnDigits, residentIdBirth, usccOk } from "./core/validate.js";

export interface ResidentId {
  /** The 18-character form (15-digit numbers upgraded). */
  id18: string;
  birth: string;
}

function digitsOf(s: string): ResidentIdDigits {
  const d = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) d[i] = s.charCodeAt(i) - 48;
  return d;
}

const ymd = (n: number) => `${String(n).slice(0, 4)}-${String(n).slice(4, 6)}-${String(n).slice(6, 8)}`;

/** A valid resident ID number (18 or 15 digits), born on or before `asOf`; else undefined. */
export function parseResidentId(s: string, asOf: string): ResidentId | undefined {
  const on = Number(asOf.replace(/-/g, ""));
  if (/^\d{17}[\dXx]$/.test(s)) {
    const d = digitsOf(s.slice(0, 17));
    const birth = residentIdBirth(d, 0, /[Xx]$/.test(s) ? 10 : Number(s[17]), on);
    return birth < 0 ? undefined : { id18: s.toUpperCase(), birth: ymd(birth) };
  }
  if (/^\d{15}$/.test(s)) {
    const birth = legacyIdBirth(digitsOf(s), 0, on);
    if (birth < 0) return undefined;
    const first17 = digitsOf(`${s.slice(0, 6)}19${s.slice(6)}`);
    const check = idCheckValue(first17, 0);
    return { id18: `${s.slice(0, 6)}19${s.slice(6)}${check === 10 ? "X" : check}`, birth: ymd(birth) };
  }
  return undefined;
}

export function luhn(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnDigits(digitsOf(digits), 0, digits.length);
}

/** Unified social credit code (统一社会信用代码, GB 32100): category, division code and MOD 31 check. */
export function isUscc(s: string): boolean {
  return s.length === 18 && /^[\x21-\x7e]+$/.test(s) && usccOk(Buffer.from(s, "latin1"), 0);
}
