/**
 * Encodings detected, not assumed (detectors.md §7): BOM → UTF-16 without a BOM (ASCII with
 * every other byte 0x00 is unmistakable) → valid UTF-8 → GB18030. The last two are a reading of
 * the bytes rather than a mark in the file, so the report says they were guessed where they were.
 */
import { isUtf8 } from "node:buffer";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "utf-16le-nobom" | "utf-16be-nobom" | "gb18030";

export function detectEncoding(head: Buffer): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head.length === 0) return "utf-8";
  const utf16 = utf16WithoutBom(head);
  if (utf16) return utf16;
  // A multi-byte sequence cut at the end of the sample is not evidence against UTF-8.
  for (let cut = 0; cut < 4 && cut < head.length; cut++) if (isUtf8(head.subarray(0, head.length - cut))) return "utf-8";
  return "gb18030";
}

/**
 * UTF-16 without a byte-order mark: in text that is mostly ASCII (digits, separators, Latin
 * letters) one byte of every pair is 0x00 — the high byte, second in little-endian, first in
 * big-endian. UTF-8 and GB18030 text holds no 0x00 at all.
 */
export function utf16WithoutBom(head: Buffer): "utf-16le-nobom" | "utf-16be-nobom" | undefined {
  const pairs = Math.floor(Math.min(head.length, 8192) / 2);
  if (pairs < 4) return undefined;
  let zeroFirst = 0;
  let zeroSecond = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroFirst++;
    if (head[2 * i + 1] === 0) zeroSecond++;
  }
  if (zeroSecond >= 0.5 * pairs && zeroFirst <= 0.05 * pairs) return "utf-16le-nobom";
  if (zeroFirst >= 0.5 * pairs && zeroSecond <= 0.05 * pairs) return "utf-16be-nobom";
  return undefined;
}

/** The encoding as the report names it, and whether it was a guess (no BOM, not validated UTF-8). */
export function describeEncoding(e: Encoding): { name: string; guessed: boolean } {
  if (e === "utf-8-bom") return { name: "utf-8", guessed: false };
  if (e === "utf-16le-nobom") return { name: "utf-16le", guessed: true };
  if (e === "utf-16be-nobom") return { name: "utf-16be", guessed: true };
  return { name: e, guessed: e === "gb18030" };
}

/** Bytes a BOM takes at the start of a file in this encoding. */
export const bomLength = (e: Encoding): number => (e === "utf-8-bom" ? 3 : e === "utf-16le" || e === "utf-16be" ? 2 : 0);

/**
 * Decoded text with many replacement characters (U+FFFD), control characters or private-use
 * characters (what GB18030 makes of random bytes) is not text in any encoding we read: an image,
 * an archive, a database file. Tabs and line breaks are text.
 */
export function looksBinary(text: string): boolean {
  let bad = 0;
  let n = 0;
  for (const ch of text) {
    n++;
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  // Text has next to none of these; random bytes decoded as GB18030 give about 30 %.
  return n > 0 && bad / n > 0.1;
}
