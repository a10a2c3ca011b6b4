/**
 * One canonical form per natural-person identifier, so that the same person written
 * differently ("+86 138-0013-8000", "8613800138000", "13800138000") gets the same key.
 * The ledger and the scanner both use this. Nothing here is stored or logged.
 */

export type IdentifierKind = "cn_resident_id" | "cn_mobile" | "email" | "document";

export interface NormalizedIdentifier {
  kind: IdentifierKind;
  /** `kind:value`, the string that is hashed. */
  canonical: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 MOD 11-2 check value (0–10, 10 = X) of the 17 digit values at `d[o..o+17)`. */
export function idCheckValue(d: Uint8Array, o: number): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += d[o + i]! * ID_WEIGHTS[i]!;
  return (12 - (sum % 11)) % 11;
}

/** GB 11643 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  const d = Uint8Array.from(first17.slice(0, 17), (c) => c.charCodeAt(0) - 48);
  const v = idCheckValue(d, 0);
  return v === 10 ? "X" : String(v);
}

/** A 15-digit legacy ID number (born 19xx) in its 18-digit form. */
export function upgradeLegacyId(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/** Full-width digits and letters to ASCII (ＩＤ １２３ → ID 123), then trim. */
function toAscii(s: string): string {
  return s.normalize("NFKC").trim();
}

// Values already in canonical form (most rows of an export) skip NFKC and the regex cascade.
const PLAIN_MOBILE = /^1[3-9]\d{9}$/;
const PLAIN_ID = /^\d{17}[\dX]$/;

export function normalizeIdentifier(raw: string): NormalizedIdentifier | undefined {
  if (raw.length === 11 && PLAIN_MOBILE.test(raw)) return { kind: "cn_mobile", canonical: `cn_mobile:${raw}` };
  if (raw.length === 18 && PLAIN_ID.test(raw)) return { kind: "cn_resident_id", canonical: `cn_resident_id:${raw}` };
  const s = toAscii(raw);
  if (s === "") return undefined;
  if (s.includes("@")) return { kind: "email", canonical: `email:${s.toLowerCase()}` };
  const compact = s.replace(/[\s\-().]/g, "").toUpperCase();
  if (/^\d{17}[\dX]$/.test(compact)) return { kind: "cn_resident_id", canonical: `cn_resident_id:${compact}` };
  if (/^\d{15}$/.test(compact) && !/^(?:\+?86|0086)?1[3-9]\d{9}$/.test(compact)) {
    return { kind: "cn_resident_id", canonical: `cn_resident_id:${upgradeLegacyId(compact)}` };
  }
  const mobile = /^(?:\+?86|0086)?0?(1[3-9]\d{9})$/.exec(compact); // 0: the long-distance prefix (013…)
  if (mobile) return { kind: "cn_mobile", canonical: `cn_mobile:${mobile[1]}` };
  // HK/Macao residents' permit: the 8-digit lifetime number; the old form adds a 2-digit issue count.
  const permit = /^([HM]\d{8})\d{2}$/.exec(compact);
  return { kind: "document", canonical: `document:${permit ? permit[1] : compact}` };
}

/** A masked sample for reports and logs: `1101**********1234`. */
export function mask(value: string): string {
  const s = value.trim();
  if (s.length <= 4) return "*".repeat(s.length);
  if (s.includes("@")) {
    const [user = "", domain = ""] = s.split("@");
    return `${user.slice(0, 1)}***@${domain}`;
  }
  const keep = s.length >= 11 ? 4 : 2;
  return `${s.slice(0, keep)}${"*".repeat(s.length - keep * 2)}${s.slice(-keep)}`;
}
