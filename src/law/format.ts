/**
 * Citations as a reader expects them. English: "CBDF-2024 Art 5(1)(4)". Chinese: the
 * instrument by its name, Chinese numbering throughout — 《促进和规范数据跨境流动规定》第五条第一款第四项
 * — and, in a document, the short name after the first mention (CitationWriter).
 */
import { type Citation, enPlace, type InstrumentId, type Lang, zhPlace } from "./citation.js";
import { instrument } from "./registry.js";

/** 《全名》 of an instrument; its id where we do not encode it. */
export function instrumentName(id: InstrumentId, lang: Lang): string {
  const inst = instrument(id);
  if (lang === "en") return id;
  return inst ? `《${inst.name.zh}》` : id;
}

/** A citation on its own (no document around it): the full name. */
export function formatCitation(c: Citation, lang: Lang = "en"): string {
  return lang === "zh" ? `${instrumentName(c.instrument, "zh")}${zhPlace(c)}` : `${c.instrument} ${enPlace(c)}`;
}

/**
 * Citations inside one document: in Chinese the first mention of an instrument gives its full
 * name and introduces its short name (《…》（以下简称《…》）), later ones use the short name.
 * English keeps the ids, which are the short names.
 */
export class CitationWriter {
  private readonly seen = new Set<InstrumentId>();
  constructor(readonly lang: Lang) {}

  /** The instrument's name at this point of the document. */
  name(id: InstrumentId): string {
    if (this.lang === "en") return id;
    const inst = instrument(id);
    if (!inst) return id;
    const short = inst.shortName?.zh;
    if (!short || short === inst.name.zh) return `《${inst.name.zh}》`;
    if (this.seen.has(id)) return `《${short}》`;
    this.seen.add(id);
    return `《${inst.name.zh}》（以下简称《${short}》）`;
  }

  cite(c: Citation): string {
    return this.lang === "zh" ? `${this.name(c.instrument)}${zhPlace(c)}` : formatCitation(c, "en");
  }

  /** Several citations: in Chinese joined by 、, an instrument named once for a run of its articles. */
  list(cs: readonly Citation[]): string {
    if (this.lang === "en") return cs.map((c) => formatCitation(c, "en")).join("; ");
    const parts: string[] = [];
    let prev: InstrumentId | undefined;
    for (const c of cs) {
      parts.push(c.instrument === prev ? zhPlace(c) : this.cite(c));
      prev = c.instrument;
    }
    return parts.join("、");
  }
}
