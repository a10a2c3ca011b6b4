/**
 * Turns the byte scanner's hits into the report's numbers: entity counts, masked samples,
 * column types, and people — a record's person is its strongest identifier, kept only as a
 * keyed tag with the sensitive categories seen in the same record.
 */
import { mask } from "../../identity/normalize.js";
import { detect } from "../detect.js";
import { writePersonKey } from "./canonical.js";
import {
  CATEGORIES,
  C_BIOMETRIC,
  C_FINANCIAL,
  C_LOCATION,
  C_MEDICAL,
  C_MINOR,
  C_RELIGION,
  C_SPECIFIC_IDENTITY,
  ENTITY_TYPES,
  N_TYPES,
  PERSON_RANK,
  T_ADDRESS,
  T_CARD,
  T_COORD,
  T_HKMO_PERMIT,
  T_NAME,
  T_PASSPORT,
  T_TW_PERMIT,
} from "./entities.js";
import { type FieldScanner, HINT_LATITUDE, HINT_LONGITUDE } from "./field-scanner.js";
import {
  F_ADDR,
  F_MEDICAL,
  F_OTHER_SENSITIVE,
  F_SURNAME,
  HAN_BASE,
  HAN_FEATURES,
  TERM_BIOMETRIC,
  SURNAMES,
  TERM_MEDICAL,
  TERM_RELIGION,
  TERM_SPECIFIC_IDENTITY,
} from "./han.js";
import { readHeader } from "./headers.js";
import { type LookAlike, typeMask } from "./look-alike.js";
import type { KeyedHash } from "./keyed-hash.js";
import type { NativeResult } from "./native.js";
import { PersonTable } from "./person-table.js";

/** Values longer than this (bytes) are read as free text, not as a cell holding one thing. */
const CELL_MAX = 96;

// Counter slots of a column (after one per entity type).
const FILLED = N_TYPES;
const NAME_SHAPED = N_TYPES + 1;
const ADDRESS_SHAPED = N_TYPES + 2;
/** Longitudes under a longitude header (their latitudes are the `geo_coordinate` hits). */
const COORDINATE_PART = N_TYPES + 3;
/** 2–4 Han characters whose first is not a listed surname: names only under a name header. */
const OTHER_SHORT_HAN = N_TYPES + 4;
const TERMS_AT = N_TYPES + 5;

export class ColumnStats {
  readonly hints: number;
  readonly headerCategories: number;
  readonly headerName: boolean;
  readonly headerAddress: boolean;
  readonly recordNumber: boolean;
  /** Entity types, then filled / name-shaped / address-shaped / numeric cells, then cells per sensitive term category. */
  readonly counts = new Float64Array(TERMS_AT + CATEGORIES.length);
  readonly nameSamples: string[] = [];
  readonly addressSamples: string[] = [];
  /** Entity types not reported here (bitmask by type number): a look-alike column. */
  readonly suppressed: number;
  /** What a hit is tested against: `suppressed`, and documents under a record-number header. */
  readonly skip: number;

  constructor(
    readonly name: string,
    /** The verdict on this column from its first rows (look-alike.ts), if it was judged one. */
    readonly lookAlike?: LookAlike,
  ) {
    this.suppressed = typeMask(lookAlike);
    const m = readHeader(name);
    this.hints = m.hints;
    this.headerCategories = m.categories;
    this.headerName = m.name;
    this.headerAddress = m.address;
    this.recordNumber = m.recordNumber;
    this.skip = this.suppressed | (this.recordNumber ? (1 << T_PASSPORT) | (1 << T_HKMO_PERMIT) | (1 << T_TW_PERMIT) : 0);
  }

  /** Adds another thread's counts for the same column. */
  merge(other: { counts: Float64Array; nameSamples: string[]; addressSamples: string[] }, sampleMax: number): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    for (const x of other.nameSamples) if (this.nameSamples.length < sampleMax) this.nameSamples.push(x);
    for (const x of other.addressSamples) if (this.addressSamples.length < sampleMax) this.addressSamples.push(x);
  }
}

export interface ColumnReport {
  file: string;
  name: string;
  type: string;
  sensitive: boolean;
  /** Filled cells. */
  filled: number;
  /** For an identifier column: the share of its filled cells that validated as its type (how sure the type is). */
  validShare?: number;
  /** A look-alike column: the types not reported in it, and why (look-alike.ts). */
  lookAlike?: LookAlike;
}

const NAME_IN_TEXT =
  /(?:(?:客户|患者|病人|用户|会员|乘客|旅客|学生|员工)?(?:姓名|名字)|联系人|收件人|收货人|持卡人|患者|病人|户主|申请人|本人)(?:是|为|叫)?[:：\s]{0,2}([\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5]{1,10}·[\u4e00-\u9fa5·]{1,20})/g;
/** 王小明先生, 李娜女士 …: a surname, one or two more characters, a title. */
const NAME_WITH_TITLE = new RegExp(`([${SURNAMES}][\u4e00-\u9fa5]{1,2})(?:先生|女士|小姐|同学|老师|医生|护士|律师|经理)`, "g");
/** 张伟，男，… : a name right before a sex marker, as records are written. */
const NAME_WITH_SEX = new RegExp(`(?:^|[，,。；;\\s：:])([${SURNAMES}][\u4e00-\u9fa5]{1,2})[，,、\\s]*[男女](?:[，,、\\s]|$)`, "g");
const ADDRESS_IN_TEXT =
  /(?:[\u4e00-\u9fa5]{2,3}(?:省|自治区))?[\u4e00-\u9fa5]{2,3}市(?:[\u4e00-\u9fa5]{1,4}(?:区|县))?(?:[\u4e00-\u9fa5A-Za-z0-9]{1,15}?(?:路|街|大道|巷|弄|胡同|村)(?:[0-9]+号)?)?/g;

const TERMS: [RegExp, number][] = [
  [TERM_MEDICAL, C_MEDICAL],
  [TERM_RELIGION, C_RELIGION],
  [TERM_SPECIFIC_IDENTITY, C_SPECIFIC_IDENTITY],
  [TERM_BIOMETRIC, C_BIOMETRIC],
];

const names = (col: ColumnStats) => col.counts[NAME_SHAPED]! + col.counts[OTHER_SHORT_HAN]!;

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

function utf8(buf: Uint8Array, s: number, e: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString("utf8");
}

/** Masked name: the surname, then stars (张**). */
function maskName(s: string): string {
  const chars = [...s];
  return (chars[0] ?? "") + "*".repeat(Math.max(1, chars.length - 1));
}

function maskAddress(s: string): string {
  const chars = [...s];
  return chars.slice(0, Math.min(6, Math.ceil(chars.length / 2))).join("") + "****";
}

/** Column names are checked for identifiers whatever their birth dates (the scan date only decides minors). */
const ANY_DATE = "2999-12-31";

export class Tally {
  readonly entities = new Float64Array(N_TYPES);
  readonly samples: string[][] = ENTITY_TYPES.map(() => []);
  readonly columns: ColumnReport[] = [];
  /** The current record's counter increments, applied when it ends (a record cut by a chunk is dropped). */
  private journalArr: Float64Array[] = [];
  private journalIdx = new Int32Array(256);
  private journalLen = 0;
  private bestRank = 255;
  private readonly best = new Uint8Array(96);
  private bestLen = 0;
  private cats = 0;

  constructor(
    readonly people: PersonTable,
    readonly hasher: KeyedHash,
    readonly sampleMax: number,
  ) {}

  /** Adds another part's counts, samples and people (a table, or packed [hi, lo, cats] triples from a worker). */
  mergePart(entities: Float64Array, samples: string[][], people: Uint32Array | PersonTable): void {
    for (let t = 0; t < entities.length; t++) this.entities[t]! += entities[t]!;
    samples.forEach((list, t) => {
      for (const s of list) if (this.samples[t]!.length < this.sampleMax) this.samples[t]!.push(s);
    });
    if (people instanceof Uint32Array) this.people.merge(people);
    else this.people.absorb(people);
  }

  /** Adds what the native CSV core counted (its samples are raw values: masked here). */
  absorbNative(r: NativeResult, columns: ColumnStats[], takePeople: () => Uint32Array): void {
    for (let t = 0; t < N_TYPES; t++) {
      this.entities[t]! += r.entities[t]!;
      for (const raw of r.samples[t] ?? []) if (this.samples[t]!.length < this.sampleMax) this.sample(t, raw);
    }
    const slots = r.columnSlots;
    if (slots !== TERMS_AT + CATEGORIES.length)
      throw new Error(`native scan core: ${slots} column counters, expected ${TERMS_AT + CATEGORIES.length}`);
    for (let k = 0; k * slots < r.columns.length; k++) {
      const col = columns[k]!;
      for (let i = 0; i < slots; i++) col.counts[i]! += r.columns[k * slots + i]!;
      for (const raw of r.names[k] ?? []) if (col.nameSamples.length < this.sampleMax) col.nameSamples.push(maskName(raw));
      for (const raw of r.addresses[k] ?? []) if (col.addressSamples.length < this.sampleMax) col.addressSamples.push(maskAddress(raw));
    }
    this.people.absorb(PersonTable.fromNative(takePeople, r.peopleCapacity, r.peopleSize, r.peopleCategories));
  }

  beginRecord(): void {
    this.bestRank = 255;
    this.bestLen = 0;
    this.cats = 0;
    this.journalLen = 0;
  }

  /**
   * Counts go straight to their counters unless the caller may drop the record (a CSV chunk
   * whose last record could continue in the next chunk inside quotes): then they wait in the
   * journal until `endRecord`.
   */
  direct = true;

  private inc(arr: Float64Array, idx: number): void {
    if (this.direct) {
      arr[idx]!++;
      return;
    }
    const j = this.journalLen++;
    if (j === this.journalIdx.length) {
      const bigger = new Int32Array(j * 2);
      bigger.set(this.journalIdx);
      this.journalIdx = bigger;
    }
    this.journalArr[j] = arr;
    this.journalIdx[j] = idx;
  }

  private sample(type: number, value: string): void {
    const s = this.samples[type]!;
    if (s.length < this.sampleMax) s.push(type === T_NAME ? maskName(value) : type === T_ADDRESS ? maskAddress(value) : mask(value));
  }

  private count(type: number, buf: Uint8Array, s: number, e: number): void {
    this.inc(this.entities, type);
    if (this.samples[type]!.length < this.sampleMax) this.sample(type, utf8(buf, s, e));
  }

  private countText(type: number, value: string): void {
    this.inc(this.entities, type);
    if (this.samples[type]!.length < this.sampleMax) this.sample(type, value);
  }

  /**
   * One value the scanner has just read (`sc` holds its hits). `col` is its column (absent for
   * free text); `freeText` reads names and addresses from context instead of from the cell's shape.
   */
  addField(col: ColumnStats | undefined, sc: FieldScanner, freeText: boolean): void {
    const buf = sc.buf;
    let s = sc.fieldStart;
    let e = sc.fieldEnd;
    while (s < e && (buf[s] === 0x20 || buf[s] === 0x22 || buf[s] === 0x09)) s++;
    while (e > s && (buf[e - 1] === 0x20 || buf[e - 1] === 0x22 || buf[e - 1] === 0x0d || buf[e - 1] === 0x09)) e--;
    if (s === e) return;
    if (col) this.inc(col.counts, FILLED);
    let cats = 0;
    for (let h = 0; h < sc.n; h++) {
      const type = sc.types[h]!;
      if (col && (col.skip >>> type) & 1) continue;
      const hs = sc.starts[h]!;
      const he = sc.ends[h]!;
      this.count(type, buf, hs, he);
      if (col) this.inc(col.counts, type);
      if (type === T_CARD) cats |= C_FINANCIAL;
      else if (type === T_COORD) cats |= C_LOCATION;
      if (sc.minor[h]) cats |= C_MINOR;
      const rank = PERSON_RANK[type]!;
      if (rank < this.bestRank) {
        this.bestRank = rank;
        this.bestLen = writePersonKey(buf, type, hs, he, this.best);
      }
    }
    if (col) {
      if (sc.coordinatePart) {
        this.inc(col.counts, COORDINATE_PART);
        cats |= C_LOCATION;
      }
      cats |= col.headerCategories;
    }
    if (sc.han > 0) {
      const len = e - s;
      let decoded: string | undefined;
      const value = () => (decoded ??= utf8(buf, s, e));
      const text = freeText || len > CELL_MAX;
      if (sc.features & (F_MEDICAL | F_OTHER_SENSITIVE)) {
        for (let t = 0; t < TERMS.length; t++) {
          const [re, c] = TERMS[t]!;
          if (re.test(value())) {
            cats |= c;
            if (col) this.inc(col.counts, TERMS_AT + Math.log2(c));
          }
        }
      }
      if (text) {
        if (sc.features & F_SURNAME) this.namesInText(value());
        if (popcount(sc.features & F_ADDR) >= 2) this.addressesInText(value());
      } else if (col) {
        const nameShape =
          sc.dots === 0
            ? sc.han >= 2 && sc.han <= 4 && len === 3 * sc.han && (sc.firstFeature & F_SURNAME) !== 0
            : sc.han >= 2 && sc.han <= 20 && len === 3 * sc.han + 2 * sc.dots;
        if (nameShape) {
          this.inc(col.counts, NAME_SHAPED);
          if (col.nameSamples.length < this.sampleMax) col.nameSamples.push(maskName(value()));
        } else if (sc.dots === 0 && sc.han >= 2 && sc.han <= 4 && len === 3 * sc.han) {
          this.inc(col.counts, OTHER_SHORT_HAN);
          if (col.headerName && col.nameSamples.length < this.sampleMax) col.nameSamples.push(maskName(value()));
        } else if (sc.han >= 4 && popcount(sc.features & F_ADDR) >= 2) {
          this.inc(col.counts, ADDRESS_SHAPED);
          if (col.addressSamples.length < this.sampleMax) col.addressSamples.push(maskAddress(value()));
        }
      }
    }
    this.cats |= cats;
  }

  private namesInText(text: string): void {
    const seen = new Set<number>();
    for (const m of text.matchAll(NAME_IN_TEXT)) {
      const name = m[1] ?? "";
      const at = (m.index ?? 0) + m[0].length - name.length;
      const first = name.codePointAt(0) ?? 0;
      if (name.includes("·") || (HAN_FEATURES[first - HAN_BASE] ?? 0) & F_SURNAME) {
        seen.add(at);
        this.countText(T_NAME, name);
      }
    }
    for (const re of [NAME_WITH_TITLE, NAME_WITH_SEX])
      for (const m of text.matchAll(re)) {
        const name = m[1] ?? "";
        const at = (m.index ?? 0) + m[0].indexOf(name);
        if (seen.has(at)) continue;
        seen.add(at);
        this.countText(T_NAME, name);
      }
  }

  private addressesInText(text: string): void {
    for (const m of text.matchAll(ADDRESS_IN_TEXT)) if (/[区县路街号村]/.test(m[0])) this.countText(T_ADDRESS, m[0]);
  }

  endRecord(): void {
    for (let i = 0; i < this.journalLen; i++) this.journalArr[i]![this.journalIdx[i]!]!++;
    if (this.bestLen === 0) return;
    this.hasher.tag(this.best, 0, this.bestLen);
    this.people.add(this.hasher.hi, this.hasher.lo, this.cats);
  }

  /**
   * A file's columns are typed once it has been read: by the values' dominant entity type,
   * else by name/address shape (with or without a telling header), else by what the header
   * or the values say about sensitivity. Names and addresses in cells count only in columns
   * typed so.
   */
  /** A column's name as reported: one that holds an identifier (a workbook's or a record's first row) is masked like a sample. */
  private shownName(name: string): string {
    let out = name;
    for (const f of detect(name, ANY_DATE)) out = out.split(f.value).join(mask(f.value));
    return out;
  }

  finishColumns(file: string, cols: Iterable<ColumnStats>): void {
    for (const col of cols) {
      const c = col.counts;
      const filled = c[FILLED]!;
      let top = -1;
      for (let t = 0; t < N_TYPES; t++) if (c[t]! > 0 && (top < 0 || c[t]! > c[top]!)) top = t;
      let type = "unknown";
      let valueCats = 0;
      for (let k = 0; k < CATEGORIES.length; k++) if (filled > 0 && c[TERMS_AT + k]! / filled >= 0.3) valueCats |= 1 << k;
      if (top >= 0 && c[top]! / Math.max(1, filled) >= 0.5) type = ENTITY_TYPES[top]!;
      else if (filled > 0 && (c[NAME_SHAPED]! / filled >= 0.8 || (col.headerName && names(col) / filled >= 0.5))) {
        // Under a name header every short all-Han value is a name (rare surnames too); else only surname-led ones.
        type = "person_name";
        this.entities[T_NAME]! += col.headerName ? names(col) : c[NAME_SHAPED]!;
        for (const s of col.nameSamples) if (this.samples[T_NAME]!.length < this.sampleMax) this.samples[T_NAME]!.push(s);
      } else if (filled > 0 && (c[ADDRESS_SHAPED]! / filled >= 0.5 || (col.headerAddress && c[ADDRESS_SHAPED]! / filled >= 0.3))) {
        type = "address";
        this.entities[T_ADDRESS]! += c[ADDRESS_SHAPED]!;
        for (const s of col.addressSamples) if (this.samples[T_ADDRESS]!.length < this.sampleMax) this.samples[T_ADDRESS]!.push(s);
      } else if (col.hints & (HINT_LONGITUDE | HINT_LATITUDE) && filled > 0 && (c[COORDINATE_PART]! + c[T_COORD]!) / filled >= 0.5)
        type = "geo_coordinate";
      const cats = col.headerCategories | valueCats;
      if (type === "unknown" && cats) type = CATEGORIES[Math.log2(cats & -cats)]!;
      const sensitive = type === "bank_card" || type === "geo_coordinate" || cats !== 0;
      const report: ColumnReport = { file, name: this.shownName(col.name), type, sensitive, filled };
      if (top >= 0 && type === ENTITY_TYPES[top]) report.validShare = Number((c[top]! / Math.max(1, filled)).toFixed(4));
      if (col.lookAlike) report.lookAlike = col.lookAlike;
      this.columns.push(report);
    }
  }
}
