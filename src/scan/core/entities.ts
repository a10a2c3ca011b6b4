/** Entity types of the scan report (contracts §4), as small integers for the byte scanner. */
export const ENTITY_TYPES = [
  "cn_resident_id",
  "cn_mobile",
  "cn_landline",
  "bank_card",
  "email",
  "cn_passport",
  "hk_macao_permit",
  "taiwan_permit",
  "foreign_permanent_resident_id",
  "cn_license_plate",
  "ipv4",
  "ipv6",
  "geo_coordinate",
  "person_name",
  "address",
  "imei",
  "uscc",
  // A valid birth date and MOD 11-2 check under a division code no edition we hold lists (issue 31):
  // counted apart, never dropped silently, and no person (the code may be a typo).
  "cn_resident_id_unknown_region",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const T_ID = 0;
export const T_MOBILE = 1;
export const T_LANDLINE = 2;
export const T_CARD = 3;
export const T_EMAIL = 4;
export const T_PASSPORT = 5;
export const T_HKMO_PERMIT = 6;
export const T_TW_PERMIT = 7;
export const T_FPR = 8;
export const T_PLATE = 9;
export const T_IPV4 = 10;
export const T_IPV6 = 11;
export const T_COORD = 12;
export const T_NAME = 13;
export const T_ADDRESS = 14;
export const T_IMEI = 15;
export const T_USCC = 16;
export const T_ID_UNKNOWN_REGION = 17;
export const N_TYPES = ENTITY_TYPES.length;

/**
 * Which identifier stands for a record's person (issue 3: ID number, then passport or permit,
 * then mobile, then e-mail); 255 = not a person identifier.
 */
export const PERSON_RANK = new Uint8Array(N_TYPES).fill(255);
PERSON_RANK[T_ID] = 0;
PERSON_RANK[T_FPR] = 0;
PERSON_RANK[T_PASSPORT] = 1;
PERSON_RANK[T_HKMO_PERMIT] = 1;
PERSON_RANK[T_TW_PERMIT] = 1;
PERSON_RANK[T_MOBILE] = 2;
PERSON_RANK[T_EMAIL] = 3;

/** Sensitive PI categories (contracts §1 data map `sensitive`; PIPL Art 28, GB/T 35273). */
export const CATEGORIES = [
  "biometric",
  "religious_belief",
  "specific_identity",
  "medical_health",
  "financial_account",
  "location_tracking",
  "minor_under_14",
  "other_sensitive",
] as const;
export type Category = (typeof CATEGORIES)[number];
export const C_BIOMETRIC = 1 << 0;
export const C_RELIGION = 1 << 1;
export const C_SPECIFIC_IDENTITY = 1 << 2;
export const C_MEDICAL = 1 << 3;
export const C_FINANCIAL = 1 << 4;
export const C_LOCATION = 1 << 5;
export const C_MINOR = 1 << 6;
