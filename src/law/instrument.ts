import type { Bilingual, InstrumentId, Provision } from "./citation.js";

/**
 * A count boundary as the law words it (regulations.md §0, Civil Code Art 1259):
 * 以上 / 以下 include the number; 不满 / 超过 exclude it.
 */
export type Bound =
  | { atLeast: number } // N以上
  | { below: number } // 不满N
  | { over: number }; // 超过N

export function meets(bound: Bound, n: number): boolean {
  if ("atLeast" in bound) return n >= bound.atLeast;
  if ("below" in bound) return n < bound.below;
  return n > bound.over;
}

export function describeBound(bound: Bound, lang: "zh" | "en"): string {
  const fmt = (n: number) => n.toLocaleString("en-US");
  if ("atLeast" in bound) return lang === "zh" ? `${fmt(bound.atLeast)}人以上` : `≥ ${fmt(bound.atLeast)}`;
  if ("below" in bound) return lang === "zh" ? `不满${fmt(bound.below)}人` : `< ${fmt(bound.below)}`;
  return lang === "zh" ? `超过${fmt(bound.over)}人` : `> ${fmt(bound.over)}`;
}

/** A legal instrument laid out as its text is: names, dates, provisions. */
export interface Instrument<K extends string = string> {
  id: InstrumentId;
  name: Bilingual;
  /** The short name a Chinese text uses after the first mention (以下简称…), where it has one. */
  shortName?: Bilingual;
  issuer: Bilingual;
  /** ISO date of publication, where known. */
  published?: string;
  /** First day in force; `null` for a draft that never took effect. */
  inForce: string | null;
  /** Last day in force, if it has been repealed or superseded. */
  until?: string;
  /** Where our text comes from: a seed file or a secondary report. */
  source: string;
  provisions: Record<K, Provision>;
}

export function inForceOn(inst: Pick<Instrument, "inForce" | "until">, date: string): boolean {
  if (inst.inForce === null) return false;
  if (date < inst.inForce) return false;
  return inst.until === undefined || date <= inst.until;
}
