/** Encodings detected, not assumed (detectors.md §7): BOM → valid UTF-8 → GB18030. */
import { isUtf8 } from "node:buffer";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export function detectEncoding(head: Buffer): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head.length === 0) return "utf-8";
  // A multi-byte sequence cut at the end of the sample is not evidence against UTF-8.
  for (let cut = 0; cut < 4 && cut < head.length; cut++) if (isUtf8(head.subarray(0, head.length - cut))) return "utf-8";
  return "gb18030";
}
