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
