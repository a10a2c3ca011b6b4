/** Encodings detected, not assumed (detectors.md §7): BOM → valid UTF-8 → GB18030. */
import { isUtf8 } from "node:buffer";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export function detectEncoding(head: Buffer): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  // A multi-byte sequence cut at the end of the sample is not evidence against UTF-8.
  for (let cut = 0; cut < 4 && cut < head.length; cut++) if (isUtf8(head.subarray(0, head.length - cut))) return "utf-8";
  return "gb18030";
}

export function decode(buf: Buffer, enc: Encoding): string {
  switch (enc) {
    case "utf-8-bom":
      return new TextDecoder("utf-8").decode(buf.subarray(3));
    case "utf-16le":
      return new TextDecoder("utf-16le").decode(buf.subarray(2));
    case "utf-16be": {
      const swapped = Buffer.from(buf.subarray(2));
      swapped.swap16();
      return new TextDecoder("utf-16le").decode(swapped);
    }
    case "gb18030":
      return new TextDecoder("gb18030").decode(buf);
    default:
      return new TextDecoder("utf-8").decode(buf);
  }
}
