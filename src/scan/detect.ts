/** Entities in one string (library API and tests): the byte scanner over the string's UTF-8. */
import { writeCanonical } from "./core/canonical.js";
import { ENTITY_TYPES, type EntityType, PERSON_RANK } from "./core/entities.js";
import { FieldScanner } from "./core/field-scanner.js";

export interface Finding {
  type: EntityType;
  /** The value as found (kept in memory only; reports mask it). */
  value: string;
  /** Canonical form for person identity (ID: 18 chars; mobile: 11 digits; e-mail: lower case). */
  canonical?: string;
  /** For ID numbers: under 14 on the scan date. */
  minor?: boolean;
}

/** Every validated entity in `text`; `asOf` (YYYY-MM-DD) is the scan date for birth dates and ages. */
export function detect(text: string, asOf: string, hints = 0): Finding[] {
  const sc = new FieldScanner(Number(asOf.replace(/-/g, "")));
  const input = Buffer.from(text, "utf8");
  sc.scanText(input, 0, input.length, hints);
  const buf = Buffer.from(sc.buf.buffer, sc.buf.byteOffset, sc.buf.length); // the NFKC form if it was read again
  const found: Finding[] = [];
  const out = new Uint8Array(96);
  for (let h = 0; h < sc.n; h++) {
    const f: Finding = { type: ENTITY_TYPES[sc.types[h]!]!, value: buf.toString("utf8", sc.starts[h], sc.ends[h]) };
    if (PERSON_RANK[sc.types[h]!]! < 255) {
      const n = writeCanonical(buf, sc.types[h]!, sc.starts[h]!, sc.ends[h]!, out);
      const c = Buffer.from(out.subarray(0, n)).toString("latin1");
      f.canonical = c.slice(c.indexOf(":") + 1);
    }
    if (f.type === "cn_resident_id" || f.type === "foreign_permanent_resident_id") f.minor = sc.minor[h] === 1;
    found.push(f);
  }
  return found;
}
