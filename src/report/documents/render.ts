/** How a document is laid out: the working copy (marks, notes, placeholder keys) or the filing copy. */
import { type FilingDocument, openItems } from "./model.js";

export interface RenderOptions {
  /**
   * The filing copy: no source marks, no notes or checklist, no tool line, no placeholder keys.
   * Made only when nothing is open (NotFileable otherwise).
   */
  final?: boolean;
}

/** The filing copy was asked for while something is open: the message lists each open item. */
export class NotFileable extends Error {
  override name = "NotFileable";
  constructor(readonly open: { id: string; text: string; key?: string }[]) {
    super(
      `not fileable yet — ${open.length} open item(s):\n${open.map((o) => `  ${o.id}  ${o.text}${o.key ? `\n      ${o.key}` : ""}`).join("\n")}`,
    );
  }
}

export function assertFileable(d: FilingDocument): void {
  const open = openItems(d);
  if (open.length) throw new NotFileable(open);
}

/** The cover's name line (a document stored before covers had one: by its kind). */
export function coverLabel(d: FilingDocument): string {
  const label =
    d.coverLabel ??
    (d.kind === "self-assessment" || d.kind === "sa-application"
      ? ["数据处理者名称", "Data processor"]
      : ["个人信息处理者名称", "PI processor"]);
  return d.lang === "zh" ? label[0] : label[1];
}
