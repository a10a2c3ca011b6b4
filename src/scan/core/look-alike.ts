/**
 * Findings weighed by their column. A column whose cells all have one shape (e.g. 15 digits)
 * and of which only a chance share validate as a type is a look-alike column — order numbers,
 * serials, timestamps — and that type is not reported there, nor made a person: of 1,000,000
 * random 15-digit order numbers, 264 pass as legacy ID numbers (a division and a date, no check
 * digit) and 5,509 as IMEIs (Luhn and a TAC), where a real ID column validates all but a few
 * typos. The verdict comes from the first rows of the column (a sample), before it is scanned.
 *
 * A column of several lengths (16- and 19-digit serials) is judged length by length (issue 31 §4).
 * Only whole-cell values of a uniform column are weighed: identifiers inside text, and sparse but
 * real columns (one row in ten filled, all of them valid), are found as before. The header counts:
 * an identifier header (身份证, id_card, imei, 手机 …) keeps every type; a record-number header
 * (订单号, order_no, 流水号 …) asks for more evidence. Types without a check digit (15-digit ID
 * numbers, permits) need more evidence than those with one.
 */
import { ENTITY_TYPES, type EntityType } from "./entities.js";
import { FieldScanner } from "./field-scanner.js";
import { readHeader } from "./headers.js";

/** Filled cells a column needs in the sample before it is judged at all. */
export const MIN_SAMPLE = 20;
/** Cells tested per column (each goes through the full scanner). */
export const MAX_TESTED = 60;
/** Share of filled cells that must share the modal shape for the column to count as uniform. */
const UNIFORM = 0.98;

export interface LookAlike {
  /** The cells' shape, e.g. "15 digits". Nothing is reported in the column. */
  shape: string;
  /** Share of the tested cells that validated as each type seen (each below what a real column shows). */
  validShare: Partial<Record<EntityType, number>>;
  /** Filled cells sampled. */
  sampled: number;
}

/** Identifier-like lengths only: a uniform column of 3-digit amounts is no look-alike worth a line. */
const MIN_DIGITS = 7;

const IDENTIFIER_HEADER =
  /身份证|证件|公民身份|id_?card|idcard|id_?no|id_?number|national_?id|imei|手机|电话|联系方式|mobile|phone|tel|银行卡|卡号|card|账号|account|信用代码|uscc|护照|passport|通行证|permit/i;

/** Types whose validation has no check digit: a match is weaker evidence. */
const NO_CHECK_DIGIT: ReadonlySet<EntityType> = new Set(["cn_mobile", "cn_landline", "hk_macao_permit", "taiwan_permit", "cn_passport"]);

/** The shape of a cell: its length and whether it is all digits (a trailing X allowed, as in ID numbers). */
function shapeOf(v: string): string | undefined {
  return /^\d+[Xx]?$/.test(v) ? `${v.length}` : undefined;
}

/**
 * Verdicts for a table's columns from sample rows (cells as text, by column index). `asOf` is the
 * scan date (birth dates after it do not validate). Returns one entry per column, undefined where
 * the column keeps every type.
 */
export function lookAlikeColumns(names: readonly string[], rows: readonly (readonly string[])[], asOf: string): (LookAlike | undefined)[] {
  const width = Math.max(names.length, ...rows.map((r) => r.length));
  const out: (LookAlike | undefined)[] = [];
  for (let k = 0; k < width; k++) {
    const name = names[k] ?? "";
    if (IDENTIFIER_HEADER.test(name)) {
      out.push(undefined);
      continue;
    }
    const cells: string[] = [];
    for (const r of rows) {
      const v = (r[k] ?? "").trim();
      if (v) cells.push(v);
    }
    out.push(judge(name, cells, asOf));
  }
  return out;
}

/** A length judged on its own needs this many cells in the sample (a mixed column of 16- and 19-digit serials). */
const MIN_PER_SHAPE = 8;

function judge(name: string, cells: readonly string[], asOf: string): LookAlike | undefined {
  if (cells.length < MIN_SAMPLE) return undefined;
  // Cells by shape (digit runs of identifier length only): the column is uniform when they cover
  // 98 % of its cells, of one length or of several (issue 31 §4: 16- and 19-digit payment serials).
  const byShape = new Map<string, string[]>();
  let digitCells = 0;
  for (const c of cells) {
    const s = shapeOf(c);
    if (!s || Number(s) < MIN_DIGITS) continue;
    digitCells++;
    const list = byShape.get(s);
    if (list) list.push(c);
    else byShape.set(s, [c]);
  }
  if (digitCells / cells.length < UNIFORM) return undefined;
  const judged = [...byShape].filter(([, list]) => list.length >= MIN_PER_SHAPE).sort((a, b) => Number(a[0]) - Number(b[0]));
  if (judged.length === 0) return undefined;
  const recordNumber = readHeader(name).recordNumber;
  const sc = new FieldScanner(Number(asOf.replace(/-/g, "")));
  const validShare: Partial<Record<EntityType, number>> = {};
  // Each length is judged on its own share, the tested cells split between the lengths: a type
  // validating on a real share of any one length keeps the column (a column of 16- and 19-digit
  // cards), chance shares on every length make it a look-alike.
  const per = Math.max(MIN_PER_SHAPE, Math.floor(MAX_TESTED / judged.length));
  for (const [, list] of judged) {
    const tested = list.slice(0, per);
    const valid = new Uint32Array(ENTITY_TYPES.length);
    for (const c of tested) {
      // Digits only (the shape test above): one byte a character, so a hit over the whole cell spans it.
      const input = Buffer.from(c, "latin1");
      sc.scanText(input, 0, input.length, 0);
      let seen = 0;
      for (let h = 0; h < sc.n; h++) if (sc.starts[h] === 0 && sc.ends[h] === input.length) seen |= 1 << sc.types[h]!;
      for (let t = 0; seen >>> t; t++) if ((seen >>> t) & 1) valid[t]!++;
    }
    for (let t = 0; t < ENTITY_TYPES.length; t++) {
      if (!valid[t]) continue;
      const type = ENTITY_TYPES[t]!;
      const share = valid[t]! / tested.length;
      // A real column validates all but typos: the column is what it looks like.
      const needed = recordNumber ? 0.9 : NO_CHECK_DIGIT.has(type) ? 0.8 : 0.5;
      if (share >= needed) return undefined;
      validShare[type] = Math.max(validShare[type] ?? 0, Number(share.toFixed(4)));
    }
  }
  // A look-alike: what validates does so by chance (0.03 % of 15-digit numbers as legacy IDs, 0.6 %
  // as IMEIs, 10 % of 16-digit serials starting with 4 as Visa cards), also where the sample held
  // none of it. Nothing is reported there.
  return { shape: `${judged.map(([s]) => s).join("/")} digits`, validShare, sampled: cells.length };
}

/** Every entity type (bitmask by type number): what a look-alike column suppresses. */
const ALL_TYPES = (1 << ENTITY_TYPES.length) - 1;

/** The suppressed types as a bitmask of entity type numbers (for the cores). */
export function typeMask(l: LookAlike | undefined): number {
  return l ? ALL_TYPES : 0;
}
