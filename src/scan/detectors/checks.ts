/** Check algorithms (detectors.md §1–3): GB 11643 MOD 11-2, Luhn, GB 32100 MOD 31, division codes. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isIsoDate } from "../../calendar/date.js";
import { residentIdCheckChar } from "../../identity/normalize.js";

let areaCodes: Set<string> | undefined;
/** Every GB/T 2260 code in use at any time since 1981 (data/areacodes.txt). */
export function isAreaCode(code: string): boolean {
  if (!areaCodes) {
    const text = readFileSync(fileURLToPath(new URL("../../../data/areacodes.txt", import.meta.url)), "utf8");
    areaCodes = new Set(text.split("\n").filter((l) => /^\d{6}$/.test(l)));
  }
  return areaCodes.has(code);
}

export interface ResidentId {
  /** The 18-character form (15-digit numbers upgraded). */
  id18: string;
  birth: string;
}

/** A valid resident ID number (18 or 15 digits), born on or before `asOf`; else undefined. */
export function parseResidentId(s: string, asOf: string): ResidentId | undefined {
  let id18: string;
  let birth: string;
  if (s.length === 18) {
    id18 = s.toUpperCase();
    if (residentIdCheckChar(id18.slice(0, 17)) !== id18[17]) return undefined;
    birth = `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
  } else if (s.length === 15) {
    birth = `19${s.slice(6, 8)}-${s.slice(8, 10)}-${s.slice(10, 12)}`;
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    id18 = first17 + residentIdCheckChar(first17);
  } else return undefined;
  if (!isIsoDate(birth) || birth > asOf || birth < "1880-01-01") return undefined;
  const area = id18.slice(0, 6);
  // 81/82/83 0000: residence permits of HK, Macao, Taiwan residents (same checksum)
  if (!isAreaCode(area) && !/^8[123]0000$/.test(area)) return undefined;
  return { id18, birth };
}

/** Age in whole years on `asOf`. */
export function ageOn(birth: string, asOf: string): number {
  const years = Number(asOf.slice(0, 4)) - Number(birth.slice(0, 4));
  return asOf.slice(5) < birth.slice(5) ? years - 1 : years;
}

export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Unified social credit code (统一社会信用代码, GB 32100): MOD 31 check. */
export function isUscc(s: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(s[i] ?? "") * (USCC_WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === s[17];
}
