/**
 * The native CSV/TSV core (native/scan_core.cc), when it was built: `npm ci` builds it with
 * node-gyp where a C++ compiler is present (scripts/build-native.mjs); without one the scanner
 * runs its JavaScript core, with the same results. `XBORDER_SCAN_CORE=js` forces the
 * JavaScript core, `XBORDER_SCAN_CORE=native` makes a missing native core an error.
 */
import { NATIVE_PATH, nativeAddon } from "../../native/addon.js";

export interface NativeResult {
  records: number;
  entities: Float64Array;
  /** Raw values (unmasked) per entity type: the caller masks them. */
  samples: string[][];
  /** Column counters, `columnSlots` per column. */
  columns: Float64Array;
  columnSlots: number;
  names: string[][];
  addresses: string[][];
  /** The people: how many slots their table has (the slots themselves: takePeople()). */
  peopleCapacity: number;
  peopleSize: number;
  /** People per category bit 0–15, then people with any category. */
  peopleCategories: Float64Array;
}

export interface NativeCsvCore {
  setColumns(info: Int32Array): void;
  /** [consumed, 1 if the last record it counted never closed its quotes, records so far, most fields in a record, ...deferred record [start, end) pairs] */
  scan(buf: Uint8Array, regionEnd: number, final: boolean): number[];
  finish(): NativeResult;
  /** After finish(), once: the person table's slots, a PersonTable's layout and probing, not copied. */
  takePeople(): Uint32Array;
}

export type NativeCsvCoreClass = new (
  delimiter: number,
  asOf: number,
  key: Uint8Array,
  /** data/areacodes.txt as it is (validate.ts areaCodesText). */
  areaCodesText: Uint8Array,
  hanFeatures: Uint16Array,
  plateSuffixes: Uint32Array,
  sampleMax: number,
  /** People to make room for at once (up to a million), so that a big table is not rehashed while it fills. */
  expectedPeople?: number,
  /** data/bank-bins.txt as keys (validate.ts bankBinKeys). */
  bankBins?: Float64Array,
  /** ISO 3166 alpha-3 nationalities of the 2017 FPR card (validate.ts NATIONALITIES). */
  nationalities?: Uint8Array,
) => NativeCsvCore;

interface Addon {
  CsvCore: NativeCsvCoreClass;
  /**
   * Adds every person of `from` (packed [hi, lo, cats] triples, stride 3, or a PersonTable's slots,
   * stride 4) to the table `slots` holding `size` people, which must have room for them at half
   * load; `categories` (people per bit 0–15, then with any) follows. Returns the people added.
   */
  insertPeople(slots: Uint32Array, size: number, from: Uint32Array, stride: 3 | 4, categories: Float64Array): number;
}

function addon(): Addon | undefined {
  if (process.env.XBORDER_SCAN_CORE === "js") return undefined;
  return nativeAddon() as Addon | undefined;
}

/** The native bulk insert into a person table, where built. */
export function nativeInsertPeople(): Addon["insertPeople"] | undefined {
  return addon()?.insertPeople;
}

/** The native core's class, or undefined where it is not built or `XBORDER_SCAN_CORE=js`. */
export function nativeCsvCore(): NativeCsvCoreClass | undefined {
  const core = addon()?.CsvCore;
  if (!core && process.env.XBORDER_SCAN_CORE === "native")
    throw new Error(`XBORDER_SCAN_CORE=native, but ${NATIVE_PATH} is not built (npm run build:native)`);
  return core;
}
