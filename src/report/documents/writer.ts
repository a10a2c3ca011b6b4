/**
 * The block writer every document is built with: headings, facts (each with its source), tables,
 * placeholders (each with a stable key the data map's `statements.<kind>.<key>` answers) and the
 * materials list, whose states the company confirms the same way.
 */
import type { Lang } from "../../law/index.js";
import { type Block, placeholderKey, type Source } from "./model.js";

export type Bi = [zh: string, en: string];

export interface Material {
  name: Bi;
  /** What must be done to it (sign, seal, copy…), as the state while open. */
  todo: Bi;
  /** `statements.<kind>.material-<key>`: the company's confirmation (e.g. 已签署、盖章). */
  key: string;
}

export class Writer {
  readonly blocks: Block[] = [];
  private n = 0;
  constructor(
    readonly lang: Lang,
    /** The company's statements for this document (statements.<kind>). */
    readonly said: Record<string, string> = {},
  ) {}
  t = (b: Bi) => (this.lang === "zh" ? b[0] : b[1]);
  h(level: 1 | 2 | 3, b: Bi) {
    this.blocks.push({ kind: "heading", level, text: this.t(b) });
  }
  p(b: Bi, source?: Source) {
    this.blocks.push({ kind: "paragraph", text: this.t(b), ...(source ? { source } : {}) });
  }
  /**
   * A placeholder. In Chinese the data-map fields that would fill it (a parenthesis with Latin
   * letters: （transfers[].storagePlace）) leave the sentence for its footnote, with the key.
   */
  todo(b: Bi, key = placeholderKey(b[1])) {
    let text = this.t(b);
    const hints: string[] = [];
    if (this.lang === "zh")
      text = text.replace(/（([^（）]*[A-Za-z][^（）]*)）/g, (_, h: string) => {
        hints.push(h);
        return "";
      });
    this.blocks.push({ kind: "placeholder", id: `P${++this.n}`, text, key, ...(hints.length ? { hint: hints.join("；") } : {}) });
  }
  /** A fact only the company can give, for a table cell: its statement, else "" and a placeholder naming the key. */
  ask(key: string, b: Bi): string {
    const said = this.said[key];
    if (said) return said;
    this.todo(b, key);
    return "";
  }
  table(columns: Bi[], rows: string[][], source?: Source, caption?: Bi) {
    this.blocks.push({
      kind: "table",
      columns: columns.map((c) => this.t(c)),
      rows,
      ...(source ? { source } : {}),
      ...(caption ? { caption: this.t(caption) } : {}),
    });
  }
  /** The materials list: each material's confirmed state, or what is still to do (an open item). */
  materials(list: Material[]) {
    const open: Material[] = [];
    const rows = list.map((m, i) => {
      const said = this.said[`material-${m.key}`];
      if (!said) open.push(m);
      return [String(i + 1), this.t(m.name), said ?? this.t([`待${m.todo[0]}`, `to ${m.todo[1]}`])];
    });
    this.table(
      [
        ["序号", "No."],
        ["材料", "Material"],
        ["状态", "State"],
      ],
      rows,
    );
    for (const m of open)
      this.todo([`${m.todo[0]}：${m.name[0]}（完成后写明状态）`, `${m.todo[1]}: ${m.name[1]} (then state it done)`], `material-${m.key}`);
  }
}
