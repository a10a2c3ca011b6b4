/**
 * Detectors: one specific pattern per entity type to find candidates, then validation
 * (detectors.md §0: specific regexes run at hundreds of MB/s in V8; broad classes and big
 * alternations do not). Each found value is validated before it is reported.
 */
import { ageOn, isUscc, luhn, parseResidentId } from "./checks.js";

export type EntityType = "cn_resident_id" | "cn_mobile" | "email" | "bank_card" | "uscc";

export interface Finding {
  type: EntityType;
  /** The value as found (kept in memory only; reports mask it). */
  value: string;
  /** Canonical form for person identity (ID: 18 chars; mobile: 11 digits; e-mail: lower case). */
  canonical?: string;
  /** For ID numbers: under 14 on the scan date. */
  minor?: boolean;
}

// Candidates: digits not touching other digits or letters.
const ID_CANDIDATE = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
// Mobile segments (VincentSit list, detectors.md §2.1), optional +86/0086/86 and separators.
const MOBILE_CANDIDATE = /(?<![0-9A-Za-z+])(?:(?:\+|00)?86[ -]?)?(1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?![0-9A-Za-z])/g;
const MOBILE_SEGMENT =
  /^1(?:3\d{3}|5[^4\D]\d{2}|8\d{3}|7(?:[0-35-9]\d{2}|4(?:0\d|1[0-2]|9\d))|9[0-35-9]\d{2}|6[2567]\d{2}|4[579]\d{2})\d{6}$/;
const CARD_CANDIDATE = /(?<![0-9A-Za-z])(?:\d[ -]?){15,18}\d(?![0-9A-Za-z])/g;
const USCC_CANDIDATE = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]+$/;
const EMAIL_DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}/;

function cardBrandOk(d: string): boolean {
  if (/^8986/.test(d)) return false; // SIM ICCID (China)
  if (/^62/.test(d)) return d.length >= 16 && d.length <= 19; // UnionPay
  if (/^4/.test(d)) return d.length === 16 || d.length === 19; // Visa
  if (/^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/.test(d)) return d.length === 16; // Mastercard
  if (/^35(2[89]|[3-8])/.test(d)) return d.length >= 16 && d.length <= 19; // JCB
  return false;
}

/** Every validated entity in one piece of text. `asOf` is the scan date (for birth dates and ages). */
export function detect(text: string, asOf: string): Finding[] {
  const out: Finding[] = [];
  const claimed: [number, number][] = [];
  const free = (s: number, e: number) => !claimed.some(([a, b]) => s < b && e > a);
  if (text.length < 5) return out;
  const hasDigits = /\d{3}/.test(text);
  if (hasDigits) {
    for (const m of text.matchAll(USCC_CANDIDATE)) {
      if (/^\d{17}[\dX]$/.test(m[0]) && parseResidentId(m[0], asOf)) continue; // a valid ID number wins
      if (isUscc(m[0])) {
        out.push({ type: "uscc", value: m[0] });
        claimed.push([m.index, m.index + m[0].length]);
      }
    }
    for (const m of text.matchAll(ID_CANDIDATE)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const id = parseResidentId(m[0], asOf);
      if (id) {
        out.push({ type: "cn_resident_id", value: m[0], canonical: id.id18, minor: ageOn(id.birth, asOf) < 14 });
        claimed.push([m.index, m.index + m[0].length]);
      }
    }
    for (const m of text.matchAll(CARD_CANDIDATE)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const d = m[0].replace(/[ -]/g, "");
      if (cardBrandOk(d) && luhn(d)) {
        out.push({ type: "bank_card", value: m[0], canonical: d });
        claimed.push([m.index, m.index + m[0].length]);
      }
    }
    for (const m of text.matchAll(MOBILE_CANDIDATE)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      const n = (m[1] ?? "").replace(/[ -]/g, "");
      if (MOBILE_SEGMENT.test(n)) {
        out.push({ type: "cn_mobile", value: m[0], canonical: n });
        claimed.push([m.index, m.index + m[0].length]);
      }
    }
  }
  // E-mail: anchor on '@' (indexOf), then extend both ways.
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    const local = EMAIL_LOCAL.exec(text.slice(Math.max(0, at - 64), at))?.[0];
    const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 256))?.[0];
    if (local && domain && !local.startsWith(".")) {
      const value = `${local}@${domain}`;
      out.push({ type: "email", value, canonical: value.toLowerCase() });
    }
  }
  return out;
}
