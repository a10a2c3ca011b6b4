/** Plain text: every line a record of free text (names and addresses read from context). */
import type { FieldScanner } from "../core/field-scanner.js";
import type { Tally } from "../core/tally.js";
import { lineRanges } from "./files.js";

export async function scanTextLines(chunks: AsyncIterable<Buffer>, sc: FieldScanner, tally: Tally): Promise<number> {
  let records = 0;
  for await (const { buf, start, end } of lineRanges(chunks)) {
    if (end <= start) continue;
    records++;
    tally.beginRecord();
    sc.scanText(buf, start, end);
    tally.addField(undefined, sc, true);
    tally.endRecord();
  }
  return records;
}
